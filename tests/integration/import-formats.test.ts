import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookBuffer, readWorkbookFile, shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import type { RawWorkbook } from '../../shared/xlsx/raw';
import { recognizeWorkbook } from '../../shared/xlsx/recognize';
import { ensureFixtures, FORMAT_SHAPES, type FixtureSet, type FixtureVariant, SEED_IDS } from '../fixtures/build-fixtures';

/**
 * Every seed fixture (per-sheet, stacked, flat) saved by LibreOffice as .xls (BIFF8), .ods and
 * HTML-as-.xls, written as SpreadsheetML 2003, and the .xls under a WPS .et name, is read by the
 * production reader and recognizes to exactly the project of the same workbook as .xlsx: the
 * same tables, meta and warnings (issue 10 item 3).
 */

let set: FixtureSet;

beforeAll(async () => {
  set = await ensureFixtures();
});

afterAll(async () => {
  await shutdownReadWorker();
});

async function recognizeVariant(seed: string, variant: FixtureVariant) {
  const path = set.seeds.find((x) => x.seed === seed)?.files[variant];
  if (!path) return null;
  return recognizeWorkbook(await readWorkbookFile(path));
}

const FORMATS = ['xls', 'ods', 'html', 'xml2003'] as const;

describe.each(SEED_IDS)('seed %s in every format', (seed) => {
  for (const shape of FORMAT_SHAPES) {
    for (const format of FORMATS) {
      it(`${shape} as ${format} recognizes to the same project as the .xlsx`, async (ctx) => {
        const xlsx = await recognizeVariant(seed, shape);
        const other = await recognizeVariant(seed, `${format}:${shape}`);
        if (!xlsx || !other) return ctx.skip();
        expect(other.project.tables.length).toBe(xlsx.project.tables.length);
        other.project.tables.forEach((t, i) => expect(t, `table ${i + 1}`).toEqual(xlsx.project.tables[i]));
        expect(other.project.meta).toEqual(xlsx.project.meta);
        expect(other.warnings).toEqual(xlsx.warnings);
      });
    }
  }

  it('per-sheet as .xls and .ods keeps every merge and column width of the .xlsx', async (ctx) => {
    const files = set.seeds.find((x) => x.seed === seed)?.files;
    if (!files?.['per-sheet'] || !files['xls:per-sheet'] || !files['ods:per-sheet']) return ctx.skip();
    const base = await readWorkbookFile(files['per-sheet']);
    // Widths set in the .xlsx come back; columns it leaves at the default get LibreOffice's default width.
    const shape = (wb: RawWorkbook) => wb.sheets.map((s, k) => ({
      name: s.name, merges: s.merges,
      widths: s.colWidths.map((w, c) => (w === null || base.sheets[k]?.colWidths[c] == null ? null : Math.round(w * 10) / 10)),
    }));
    const xlsx = shape(base);
    expect(xlsx.some((s) => s.widths.some((w) => w !== null))).toBe(true);
    expect(shape(await readWorkbookFile(files['xls:per-sheet']))).toEqual(xlsx);
    expect(shape(await readWorkbookFile(files['ods:per-sheet']))).toEqual(xlsx);
  });

  it('per-sheet as .xlsb (written by SheetJS: LibreOffice cannot write it) recognizes to the same project', async (ctx) => {
    const path = set.seeds.find((x) => x.seed === seed)?.files['per-sheet'];
    if (!path) return ctx.skip();
    const xlsb = Buffer.from(XLSX.write(XLSX.read(readFileSync(path), { cellStyles: true }), { bookType: 'xlsb', type: 'buffer' }) as Uint8Array);
    const xlsx = recognizeWorkbook(await readWorkbookFile(path));
    const other = recognizeWorkbook(await readWorkbookBuffer(xlsb, `${seed}.xlsb`));
    expect(other.project).toEqual(xlsx.project);
    expect(other.warnings).toEqual(xlsx.warnings);
  });

  it('the .xls under a WPS .et name is read as the .xls', async (ctx) => {
    const xls = await recognizeVariant(seed, 'xls:per-sheet');
    const et = await recognizeVariant(seed, 'et:per-sheet');
    if (!xls || !et) return ctx.skip();
    expect(et.project).toEqual(xls.project);
  });
});
