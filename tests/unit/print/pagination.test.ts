import { describe, expect, it } from 'vitest';
import { layout } from '../../../shared/layout';
import {
  PORTRAIT_MARGINS, SAFETY_MM, pageRowHeights, SIGNATURE_MM, columnWidthsMm, measureRows, pageGeometry, paginateRows, renderPrintHtml,
} from '../../../shared/print';
import { parsePrintHtml, unescapeCell, type ParsedPage } from './print-html-parse';
import { longTable, projectOf, sampleTable } from './sample-tables';

const meta = projectOf([]).meta;
const CAPACITY = 225 - SAFETY_MM;

function cellsOf(page: ParsedPage) {
  return page.rows.flatMap((row) => row.cells.map((cell) => ({ ...cell, row: row.sourceRow, text: unescapeCell(cell.html) })));
}

describe.each(['nx-2022', 'nx-2024', 'hebei', 'jx-2024', 'jx-department'] as const)('a 40-indicator %s table', (family) => {
  const table = longTable(40, family);
  const sheet = layout(table, meta);
  const result = renderPrintHtml(projectOf([table]));
  const pages = parsePrintHtml(result.html);
  const header = sheet.matrixHeaderRow;

  it('runs over several pages and reports them', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(result.pageCount).toBe(pages.length);
    expect(result.pagesPerTable).toEqual([pages.length]);
  });

  it('prints every row exactly once (no row split), the matrix header row repeated on continuation pages', () => {
    const printed = pages.flatMap((p) => p.rows.filter((r) => !r.repeated).map((r) => r.sourceRow));
    expect(printed).toEqual([...Array(sheet.rowCount).keys()]);
    const indicatorRows = pages.flatMap((p) => p.rows).filter((r) => sheet.rowIndicators[r.sourceRow] != null);
    expect(indicatorRows).toHaveLength(40);
    const headerTexts = sheet.cells.filter((c) => c.row === header).map((c) => c.text);
    const headerPage = pages.findIndex((p) => p.rows.some((r) => r.sourceRow === header));
    pages.slice(headerPage + 1).forEach((p) => {
      expect(p.rows[0]).toMatchObject({ sourceRow: header, repeated: true });
      const texts = p.rows[0].cells.map((c) => unescapeCell(c.html));
      for (const t of headerTexts) expect(texts).toContain(t);
    });
  });

  it('fits every page into the 版心 and never ends a page on the matrix header row', () => {
    for (const p of pages) {
      expect(p.rows.reduce((h, r) => h + r.heightMm, 0)).toBeLessThanOrEqual(CAPACITY + 0.05);
      expect(p.rows[p.rows.length - 1].sourceRow).not.toBe(header);
    }
  });

  it('keeps the 一级 / 二级 / side labels on continuation pages with the remaining rowspan', () => {
    for (const original of sheet.cells.filter((c) => c.rowspan > 1 && c.row > header)) {
      const pieces = pages.flatMap((p) => cellsOf(p).filter((c) => c.text === original.text && c.row >= original.row && c.row < original.row + original.rowspan));
      expect(pieces.length).toBeGreaterThanOrEqual(1);
      expect(pieces.reduce((n, c) => n + c.rowspan, 0)).toBe(original.rowspan);
    }
    // A page that starts inside a 一级 group shows that group's label in its first body row.
    for (const p of pages.slice(1)) {
      const firstBody = p.rows.find((r) => !r.repeated)!;
      const group = sheet.level1Groups.find((g) => g.startRow <= firstBody.sourceRow && firstBody.sourceRow <= g.endRow)!;
      const label = firstBody.cells.find((c) => unescapeCell(c.html) === group.level1);
      expect(label, `page ${p.pageInTable + 1} repeats ${group.level1}`).toBeDefined();
      const rowsOfGroupHere = p.rows.filter((r) => !r.repeated && r.sourceRow >= group.startRow && r.sourceRow <= group.endRow).length;
      expect(label!.rowspan).toBe(rowsOfGroupHere);
    }
  });
});

describe('paginateRows', () => {
  const geometry = pageGeometry('portrait', PORTRAIT_MARGINS);

  it('reserves room for the signature on the last page, moving the last row over when needed', () => {
    const paginate = (count: number, extra: number) => {
      const sheet = layout(longTable(count), meta);
      const metrics = measureRows(sheet, columnWidthsMm(sheet.colWidths, geometry.bodyWidth));
      return { sheet, pages: paginateRows(sheet, metrics, CAPACITY, extra) };
    };
    const height = (rows: readonly { heightMm: number }[]) => rows.reduce((h, r) => h + r.heightMm, 0);
    // A table whose last page is too full for the signature lines.
    const count = [...Array(60).keys()].map((n) => n + 10).find((n) => {
      const { pages } = paginate(n, 0);
      return height(pages[pages.length - 1]) + SIGNATURE_MM > CAPACITY;
    })!;
    expect(count).toBeDefined();
    const plain = paginate(count, 0).pages;
    const { sheet, pages } = paginate(count, SIGNATURE_MM);
    expect(pages.length).toBe(plain.length + 1);
    const last = pages[pages.length - 1];
    expect(height(last) + SIGNATURE_MM).toBeLessThanOrEqual(CAPACITY);
    expect(last[0]).toMatchObject({ sourceRow: sheet.matrixHeaderRow, repeated: true });
    expect(last[last.length - 1].sourceRow).toBe(sheet.rowCount - 1);
    expect(pages.flat().filter((r) => !r.repeated)).toHaveLength(sheet.rowCount);
  });

  it('places a row taller than a page alone instead of looping or dropping it', () => {
    const table = { ...sampleTable('nx-2022'), goal: '以广大人民群众利益为根本，以强化安全防范为重点。'.repeat(120) };
    const sheet = layout(table, meta);
    const metrics = measureRows(sheet, columnWidthsMm(sheet.colWidths, geometry.bodyWidth));
    const pages = paginateRows(sheet, metrics, CAPACITY);
    const goalRow = sheet.cells.find((c) => c.binding?.path === 'goal')!.row;
    const goalPage = pages.find((p) => p.some((r) => r.sourceRow === goalRow))!;
    expect(goalPage.find((r) => r.sourceRow === goalRow)!.heightMm).toBeGreaterThan(CAPACITY);
    expect(pages.flat().filter((r) => !r.repeated)).toHaveLength(sheet.rowCount);
  });

  it('grows a row under a 一级 label continued onto a page where it covers too few rows', () => {
    const table = sampleTable('nx-2024');
    const sheet = layout(table, meta, { spacerRows: false });
    const metrics = measureRows(sheet, columnWidthsMm(sheet.colWidths, geometry.bodyWidth));
    const group = sheet.level1Groups[sheet.level1Groups.length - 1]; // 满意度指标, in the narrow 一级 column
    const alone = pageRowHeights([sheet.matrixHeaderRow, group.endRow], metrics);
    expect(alone[1]).toBeGreaterThan(metrics.base[group.endRow] + 3); // 「满意度指标」 needs two lines there
    const together = pageRowHeights([sheet.matrixHeaderRow, group.startRow, group.endRow], metrics);
    expect(together[1] + together[2]).toBeLessThanOrEqual(alone[1] + metrics.base[group.startRow]);
  });
});
