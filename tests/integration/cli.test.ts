import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { main } from '../../electron/cli/main';
import { parseProjectFile } from '../../shared/file/project-file';
import type { Project } from '../../shared/model';
import { ensureFixtures } from '../fixtures/build-fixtures';

const root = path.resolve(__dirname, '../..');
const sample = path.join(root, 'resources', 'sample.jxmb');

/** A project without its SourceMap (source workbook and table sources), as goldens hold it. */
function withoutSources(p: Project): Project {
  const { source: _s, ...rest } = p;
  return { ...rest, tables: rest.tables.map(({ source: _t, ...t }) => t) };
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('jxmb command line', () => {
  it('inspect: a Chinese summary of the sample project', async () => {
    const { code, out } = await run('inspect', sample);
    expect(code).toBe(0);
    expect(out).toContain('共 32 张表');
    expect(out).toContain('1. 人大代表工作  [A 宁夏2024版（含本级和市县两栏）]  4 万元');
  });

  it('inspect --json prints the project exactly as the .jxmb file holds it', async () => {
    const { code, out } = await run('inspect', sample, '--json');
    expect(code).toBe(0);
    expect(out).toBe(readFileSync(sample, 'utf8'));
  });

  it('exit code 2 with a Chinese message naming the file when the input cannot be read', async () => {
    const dir = tempDir('jxmb-cli-');
    const missing = await run('inspect', path.join(dir, '不存在.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/不存在\.xlsx.*文件不存在/);
    const garbage = path.join(dir, '乱码.xlsx');
    writeFileSync(garbage, Buffer.from('this is not a workbook at all'));
    const bad = await run('inspect', garbage);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('乱码.xlsx');
    const usage = await run('export', sample);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('-o');
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('export → import gives back the same project', async () => {
    const dir = tempDir('jxmb-cli-');
    const xlsx = path.join(dir, '闽宁镇.xlsx');
    const back = path.join(dir, '闽宁镇.jxmb');
    expect((await run('export', sample, '-o', xlsx)).code).toBe(0);
    const imported = await run('import', xlsx, '-o', back);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('已导入 32 张表');
    const original = parseProjectFile(readFileSync(sample, 'utf8')).project;
    const saved = parseProjectFile(readFileSync(back, 'utf8')).project;
    // The imported project remembers its workbook (bytes and SourceMap) for 回填; the content is the original's.
    expect(saved.source?.fileName).toBe('闽宁镇.xlsx');
    expect(saved.tables.every((t) => t.source)).toBe(true);
    expect(withoutSources(saved)).toEqual(original);
  });

  it('the installed bin runs the compiled CLI (npm run build:node first)', () => {
    const bin = path.join(root, 'bin', 'jxmb.js');
    expect(existsSync(path.join(root, 'dist', 'electron', 'cli', 'main.js')), 'dist missing: run npm run build:node').toBe(true);
    const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help).toContain('jxmb inspect');
    const missing = spawnSync(process.execPath, [bin, 'inspect', '/nonexistent/x.jxmb'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('x.jxmb');
  });

  it('inspect --json on the per-sheet fixture of every seed matches its golden', async () => {
    const set = await ensureFixtures();
    expect(set.seeds.map((s) => s.seed)).toEqual(['s0', 's1', 's2', 's3']);
    const bin = path.join(root, 'bin', 'jxmb.js');
    for (const seed of set.seeds) {
      const file = seed.files['per-sheet'];
      expect(file, seed.seed).toBeTruthy();
      const out = execFileSync(process.execPath, [bin, 'inspect', file!, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const got = parseProjectFile(out).project;
      // A grid prints 单位编码/名称 only on the family C unit line; elsewhere they are not in the workbook.
      const printed: Project = seed.golden.tables.some((t) => t.family === 'hebei')
        ? seed.golden
        : { ...seed.golden, meta: { ...seed.golden.meta, unitCode: '', unitName: '' } };
      expect(got, seed.seed).toEqual(printed);
    }
  });
});
