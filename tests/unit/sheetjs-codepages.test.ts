/**
 * The one touch of a SheetJS internal (electron/services/xlsx/sheetjs-lib.ts): SheetJS loads
 * without its code-page tables, which a zip xlsx never needs; a BIFF xls loads them on first use
 * and still decodes its Chinese text. Run in a fresh Node process on the compiled dist/, so no
 * other test has loaded the library before.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureFixtures } from '../fixtures/build-fixtures';

const root = path.resolve(__dirname, '..', '..');
const dist = (p: string) => path.join(root, 'dist', 'electron', 'services', 'xlsx', p);

const SCRIPT = `
const fs = require('node:fs');
const [lib, parse, limits, xlsx, xls] = process.argv.slice(1);
const seen = () => Object.keys(require.cache).some((f) => f.includes('cpexcel'));
const { codepagesLoaded } = require(lib);
const { parseWorkbookBuffer } = require(parse);
const { resolveLimits } = require(limits);
const out = { afterLoad: seen() || codepagesLoaded(), globalLeft: typeof globalThis.cptable };
const a = parseWorkbookBuffer(fs.readFileSync(xlsx), 'a.xlsx', resolveLimits());
out.afterXlsx = seen() || codepagesLoaded();
const b = parseWorkbookBuffer(fs.readFileSync(xls), 'b.xls', resolveLimits());
out.afterXls = seen() && codepagesLoaded();
const text = (wb) => wb.sheets.flatMap((s) => s.rows.flat()).filter((c) => c && typeof c.value === 'string').map((c) => c.value);
out.sameText = JSON.stringify(text(a)) === JSON.stringify(text(b));
out.sample = text(b).slice(0, 3);
process.stdout.write(JSON.stringify(out));
`;

describe('SheetJS code pages', () => {
  it('are loaded by a BIFF xls only, and decode its Chinese text', async () => {
    expect(existsSync(dist('sheetjs-lib.js')), 'dist missing: run npm run build:node').toBe(true);
    const seed = (await ensureFixtures()).seeds.find((s) => s.seed === 's3');
    const xlsx = seed?.files['per-sheet'];
    const xls = seed?.files['xls:per-sheet'];
    if (!xlsx || !xls) throw new Error('fixtures s3 per-sheet xlsx/xls missing');
    const out = JSON.parse(execFileSync(process.execPath, ['-e', SCRIPT, dist('sheetjs-lib.js'), dist('parse-workbook.js'), dist('limits.js'), xlsx, xls], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toMatchObject({ afterLoad: false, globalLeft: 'undefined', afterXlsx: false, afterXls: true, sameText: true });
    expect(out.sample).toContain('部门名称');
  });
});
