/**
 * The built-in 指标库 (shared/library/builtin.json) is exactly what `npm run build:library` makes
 * from the seed projects (drift check), and its entries are clean.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinLibraryText } from '../../../scripts/build-library-lib';
import { isUsableName, parseLibraryFile, suggest } from '../../../shared/library';
import { BUILTIN_LIBRARY } from '../../../shared/library/builtin';

const FILE = path.join(__dirname, '..', '..', '..', 'shared', 'library', 'builtin.json');

describe('built-in 指标库', () => {
  it('regenerating from the seeds gives the committed file byte for byte (run npm run build:library after changing the seeds or the builder)', async () => {
    expect(await builtinLibraryText()).toBe(readFileSync(FILE, 'utf8'));
  });

  it('is a valid library file whose module export equals the file', () => {
    expect(parseLibraryFile(readFileSync(FILE, 'utf8'))).toEqual(BUILTIN_LIBRARY);
    expect(BUILTIN_LIBRARY.entries.length).toBeGreaterThan(200);
  });

  it('holds no placeholders, no duplicates, and initials for every Chinese name', () => {
    const keys = new Set<string>();
    for (const e of BUILTIN_LIBRARY.entries) {
      expect(isUsableName(e.name), e.name).toBe(true);
      expect(e.name).not.toMatch(/目标内容|指标内容|^指标\d/);
      const key = `${e.level2}|${e.name}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
      if (/[\u4e00-\u9fff]/.test(e.name)) expect(e.initials).toMatch(/^[a-z0-9]+$/);
    }
  });

  it('answers 满意度 with percent examples and 拼音 initials with their name', () => {
    const sat = suggest(BUILTIN_LIBRARY.entries, '满意度', { level2: '服务对象满意度指标', limit: 50 });
    expect(sat.length).toBeGreaterThan(5);
    for (const e of sat) expect(e.example, e.name).toMatch(/^[≥＝]?\d+(\.\d+)?%$/);
    expect(suggest(BUILTIN_LIBRARY.entries, 'xzcsl')[0]?.name).toBe('行政村数量');
  });
});
