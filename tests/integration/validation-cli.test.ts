import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { validateCommand, type ValidateJsonFinding } from '../../electron/cli/validate.command';
import { serializeProject } from '../../shared/file/project-file';
import type { Project } from '../../shared/model/types';
import { goodTable, projectOf } from '../unit/validation/fixtures';

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const seed = (id: string) => JSON.parse(readFileSync(join(SEEDS, `${id}.project.json`), 'utf8')) as Project;

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await validateCommand.run(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

let dir = '';
beforeAll(() => {
  dir = tempDir('jxmb-validate-');
  writeFileSync(join(dir, 's3.jxmb'), serializeProject(seed('s3')));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 's1.jxmb'), serializeProject(seed('s1')));
  writeFileSync(join(dir, 'sub', 'notes.txt'), 'not an input');
  writeFileSync(join(dir, 'clean.jxmb'), serializeProject(projectOf(goodTable('jx-2024'))));
  writeFileSync(join(dir, 'broken.jxmb'), '{"format": "jxmb", "version": 1, "project": ');
});

describe('jxmb validate', () => {
  it('prints findings in Chinese per file and table, with rule id, severity, cell; exit 1 on errors', async () => {
    const r = await run([join(dir, 's3.jxmb')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('表 2“AK替代专项经费”');
    expect(r.stdout).toMatch(/\[错误\] FUND-01 C5：“AK替代专项经费”的「年度资金总额」16\.606 万元/);
    expect(r.stdout).toMatch(/本文件：错误 \d+ 条，警告 \d+ 条，提示 \d+ 条/);
  });

  it('--json gives {file, tableIndex, projectName, ruleId, severity, path, cell, message}', async () => {
    const r = await run([join(dir, 's3.jxmb'), '--json']);
    const rows = JSON.parse(r.stdout) as ValidateJsonFinding[];
    const fund = rows.find((x) => x.ruleId === 'FUND-01')!;
    expect(fund).toEqual(expect.objectContaining({ file: join(dir, 's3.jxmb'), tableIndex: 1, projectName: 'AK替代专项经费', severity: 'error', path: 'funds.total', cell: 'C5' }));
    expect(rows.length).toBe(JSON.parse(readFileSync(join(SEEDS, 's3.findings.json'), 'utf8')).length);
  });

  it('--min-severity error keeps only errors', async () => {
    const rows = JSON.parse((await run([join(dir, 's3.jxmb'), '--json', '--min-severity', 'error'])).stdout) as ValidateJsonFinding[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x.severity === 'error')).toBe(true);
  });

  it('a clean project exits 0', async () => {
    const r = await run([join(dir, 'clean.jxmb')]);
    expect(r.stdout).toContain('未发现问题');
    expect(r.code).toBe(0);
  });

  it('a folder means every .xlsx/.jxmb inside, recursively; an unreadable file gives exit 2 naming it', async () => {
    const r = await run([dir, '--json']);
    const files = new Set((JSON.parse(r.stdout) as ValidateJsonFinding[]).map((x) => x.file));
    expect([...files].sort()).toEqual([join(dir, 's3.jxmb'), join(dir, 'sub', 's1.jxmb')].sort());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.jxmb');
  });

  it('a missing input exits 2 with a Chinese message; a bad --min-severity is a usage error', async () => {
    const r = await run([join(dir, 'nope.jxmb')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/找不到文件或文件夹.*nope\.jxmb/);
    await expect(run([dir, '--min-severity', 'fatal'])).rejects.toThrow(/--min-severity/);
  });

  it('--settings applies per-rule overrides', async () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ rules: { 'FUND-01': { enabled: false }, 'COST-01': { severity: 'info' }, 'STR-07': { severity: 'warning' }, 'STR-08': { severity: 'warning' } } }));
    const rows = JSON.parse((await run([join(dir, 's3.jxmb'), '--json', '--settings', join(dir, 'settings.json')])).stdout) as ValidateJsonFinding[];
    expect(rows.some((x) => x.ruleId === 'FUND-01')).toBe(false);
    expect(rows.filter((x) => x.ruleId === 'COST-01').every((x) => x.severity === 'info')).toBe(true);
  });
});
