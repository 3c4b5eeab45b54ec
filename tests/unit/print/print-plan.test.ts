import { describe, expect, it } from 'vitest';
import { getFamily } from '../../../shared/families';
import { FAMILY_IDS } from '../../../shared/model/types';
import {
  MM_PER_PT, PORTRAIT_MARGINS, SAFETY_MM, SHEET_CHAR_WIDTH_MM, paginateTable, printPlan, renderPrintHtml, sheetScale,
} from '../../../shared/print';
import { longTable, projectOf, sampleTable } from './sample-tables';

const meta = projectOf([]).meta;
const BODY_HEIGHT = 297 - PORTRAIT_MARGINS.top - PORTRAIT_MARGINS.bottom;

describe.each(FAMILY_IDS)('printPlan of %s tables', (family) => {
  for (const [name, table] of [['sample', sampleTable(family)], ['40 indicators', longTable(40, family)]] as const) {
    const plan = printPlan(table, meta);
    const { pages } = paginateTable(table, meta);

    it(`${name}: has the pages of the print (same count, breaks before each page's first own row)`, () => {
      expect(plan.pageCount).toBe(renderPrintHtml(projectOf([table])).pagesPerTable[0]);
      expect(plan.pageBreakRows).toEqual(pages.slice(1).map((rows) => rows.find((r) => !r.repeated)!.sourceRow));
      expect(plan.printTitleRow).toBe(plan.layout.matrixHeaderRow);
      expect(plan.marginsMm).toEqual(PORTRAIT_MARGINS);
      if (name === '40 indicators') expect(plan.pageBreakRows.length).toBeGreaterThanOrEqual(2);
    });

    it(`${name}: scales the family's columns to at most the 版心 width, A4 GB/T 9704`, () => {
      const chars = getFamily(family).colWidths.reduce((a, b) => a + b, 0);
      expect(Number.isInteger(plan.scale)).toBe(true);
      expect((chars * SHEET_CHAR_WIDTH_MM * plan.scale) / 100).toBeLessThanOrEqual(156);
      expect((chars * SHEET_CHAR_WIDTH_MM * (plan.scale + 1)) / 100).toBeGreaterThan(156);
    });

    it(`${name}: rows printed at the scale are no taller than planned, and every page fits the 版心`, () => {
      const printedMm = (r: number) => (plan.rowHeightsPt[r] * plan.scale) / 100 * MM_PER_PT;
      for (const rows of pages) {
        for (const row of rows) {
          expect(printedMm(row.sourceRow)).toBeLessThanOrEqual(row.heightMm + 1e-9);
          // …and at most one pixel step shorter, so the sheet shows what the print shows.
          expect(printedMm(row.sourceRow)).toBeGreaterThan(row.heightMm - (0.75 * plan.scale) / 100 * MM_PER_PT - 1e-9);
        }
        expect(rows.reduce((h, r) => h + printedMm(r.sourceRow), 0)).toBeLessThanOrEqual(BODY_HEIGHT - SAFETY_MM);
      }
      for (const h of plan.rowHeightsPt) expect(Number.isInteger(h / 0.75)).toBe(true);
    });
  }
});

describe('printPlan options', () => {
  it('a wider (stacked) sheet prints at a smaller scale with taller sheet rows, on the same pages', () => {
    const table = longTable(40, 'hebei');
    const own = printPlan(table, meta);
    const wide = printPlan(table, meta, { sheetWidthChars: 151 });
    expect(wide.scale).toBe(sheetScale(151, 156));
    expect(wide.scale).toBeLessThan(own.scale);
    expect(wide.pageBreakRows).toEqual(own.pageBreakRows);
    wide.rowHeightsPt.forEach((h, r) => expect(h).toBeGreaterThanOrEqual(own.rowHeightsPt[r]));
    expect(printPlan(table, meta, { scale: 50 }).scale).toBe(50);
  });

  it('caps a row taller than a page at 409 pt', () => {
    const table = { ...sampleTable('nx-2022'), goal: '以广大人民群众利益为根本，以强化安全防范为重点。'.repeat(120) };
    const plan = printPlan(table, meta);
    expect(Math.max(...plan.rowHeightsPt)).toBe(409);
  });
});
