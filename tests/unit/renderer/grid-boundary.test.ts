import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Handsontable behind one adapter: only renderer/src/grid/hot-adapter.ts and its internals file
 * import handsontable or @handsontable/*, and the lint rule (eslint.config.mjs) refuses it elsewhere.
 */
const SRC = path.resolve('renderer/src');
const ALLOWED = ['grid/hot-adapter.ts', 'grid/hot-internals.ts'];
const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
const IMPORT = /(?:from\s+|import\s*\(?\s*)['"](?:handsontable|@handsontable\/[^'"]+)(?:\/[^'"]*)?['"]/;

describe('grid adapter boundary', () => {
  it('no renderer module but the adapter and its internals file imports Handsontable', () => {
    const importing = files(SRC).filter((f) => IMPORT.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    expect(importing.sort()).toEqual(ALLOWED);
  });

  it('the lint rule refuses a Handsontable import outside the adapter and allows it inside', async () => {
    const eslint = new ESLint();
    const code = "import Handsontable from 'handsontable/base';\nimport { HotTable } from '@handsontable/react-wrapper';\nexport const x = [Handsontable, HotTable];\n";
    const refusedLines = async (file: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
      return [...new Set(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line))];
    };
    expect(await refusedLines('renderer/src/grid/grid-sync.ts')).toEqual([1, 2]);
    expect(await refusedLines('renderer/src/library/suggest-controller.ts')).toEqual([1, 2]);
    for (const allowed of ALLOWED) {
      const [inside] = await eslint.lintText(code, { filePath: path.join(SRC, allowed) });
      expect(inside.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
    }
  }, 60_000);
});
