/**
 * `jxmb library build` and `jxmb library suggest`: the built-in library is what `library build`
 * makes from the seed fixtures; suggestions for 满意度 come from 服务对象满意度指标.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { main } from '../../electron/cli/main';
import { nameInitials } from '../../electron/services/library/pinyin';
import { CATEGORY_INITIALS, parseLibraryFile } from '../../shared/library';
import { BUILTIN_LIBRARY } from '../../shared/library/builtin';

const root = path.resolve(__dirname, '../..');
const seeds = path.join(root, 'tests', 'fixtures', 'seeds');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('jxmb library', () => {
  it('build on the seed fixtures folder gives the entries of the built-in library', async () => {
    const dir = tempDir('jxmb-lib-');
    const out = path.join(dir, '指标库.json');
    const r = await run('library', 'build', seeds, '-o', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已从 4 个文件（81 张表）生成指标库：${BUILTIN_LIBRARY.entries.length} 条指标`);
    expect(parseLibraryFile(readFileSync(out, 'utf8')).entries).toEqual(BUILTIN_LIBRARY.entries);
  });

  it('build reads .jxmb files too, skips unreadable ones with a Chinese note, and fails when nothing is readable', async () => {
    const dir = tempDir('jxmb-lib-');
    const bad = path.join(dir, '坏文件.jxmb');
    writeFileSync(bad, '{"format": "jxmb-project", "version": 1, "project": 3}');
    const out = path.join(dir, 'lib.json');
    const r = await run('library', 'build', path.join(root, 'resources', 'sample.jxmb'), bad, '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/跳过：“坏文件\.jxmb”/);
    const lib = parseLibraryFile(readFileSync(out, 'utf8'));
    expect(lib.entries.length).toBeGreaterThan(50);
    expect(lib.entries.find((e) => e.name === '人大代表观摩次数')).toMatchObject({ level2: '数量指标', unit: '次' });
    const none = await run('library', 'build', bad, '-o', out);
    expect(none.code).toBe(2);
    expect(none.err).toContain('没有可读取的项目文件');
    expect((await run('library', 'build', seeds)).code).toBe(2);
    expect((await run('library', 'build', path.join(dir, '没有'), '-o', out)).err).toContain('找不到文件或文件夹');
  });

  it('suggest 满意度 lists entries under 服务对象满意度指标 with their value form', async () => {
    const r = await run('library', 'suggest', '满意度');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^与“满意度”相符的指标：\n {2}1\. \S+满意度 {2}\[满意度指标 › 服务对象满意度指标\] {2}≥__%/);
    const json = await run('library', 'suggest', '满意度', '--json');
    const list = JSON.parse(json.out) as { name: string; level2: string; template: string }[];
    expect(list.length).toBe(10);
    for (const e of list) {
      expect(e.level2).toBe('服务对象满意度指标');
      expect(e.name).toContain('满意度');
      expect(e.template).toBe('≥__%');
    }
  });

  it('suggest by 拼音 initials and within a 二级; an unknown 二级 is a usage error', async () => {
    const byInitials = JSON.parse((await run('library', 'suggest', 'xzcsl', '--json')).out) as { name: string }[];
    expect(byInitials[0].name).toBe('行政村数量');
    const inLevel2 = JSON.parse((await run('library', 'suggest', 'mydzb', '--level2', '服务对象满意度指标', '--json')).out) as { level2: string }[];
    expect(inLevel2.length).toBeGreaterThan(0);
    expect(inLevel2.every((e) => e.level2 === '服务对象满意度指标')).toBe(true);
    const none = await run('library', 'suggest', '满意度', '--level2', '数量指标');
    expect(none.out).toContain('没有与“满意度”相符的指标（二级：数量指标）');
    const bad = await run('library', 'suggest', '满意度', '--level2', '不存在指标');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('未知的二级指标“不存在指标”');
  });

  it('validate --library builtin switches QUA-13 on (off without it)', async () => {
    const dir = tempDir('jxmb-lib-');
    const file = path.join(dir, 'p.jxmb');
    const sample = JSON.parse(readFileSync(path.join(root, 'resources', 'sample.jxmb'), 'utf8'));
    sample.project.tables[0].indicators[0].value = { raw: '5场', kind: 'quantitative', operator: null, number: 5, unit: '场' };
    writeFileSync(file, JSON.stringify(sample));
    const plain = await run('validate', file, '--json');
    expect((JSON.parse(plain.out) as { ruleId: string }[]).some((f) => f.ruleId === 'QUA-13')).toBe(false);
    const withLib = await run('validate', file, '--json', '--library', 'builtin');
    const qua13 = (JSON.parse(withLib.out) as { ruleId: string; message: string; tableIndex: number; path: string }[]).filter((f) => f.ruleId === 'QUA-13');
    expect(qua13.find((f) => f.tableIndex === 0 && f.path === 'indicators.0.value')?.message).toContain('常用单位“次”');
    const bad = await run('validate', file, '--library', path.join(dir, '没有.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('无法读取指标库文件');
  });

  it('the precomputed category initials agree with pinyin-pro', () => {
    for (const [name, initials] of Object.entries(CATEGORY_INITIALS)) expect(nameInitials(name), name).toBe(initials);
    expect(nameInitials('满意度指标（%）A1')).toBe('mydzba1');
  });
});
