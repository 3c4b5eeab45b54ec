/**
 * Writes the print HTML of a project: one <table> per page, merged cells clipped to each page with
 * their remaining rowspan, page numbers and signature lines. Page breaks come from print-plan.ts.
 */
import { UserError } from '../errors';
import type { LayoutCell, SheetLayout } from '../layout/types';
import type { Project } from '../model/types';
import { cellTextToHtml, escapeHtml } from './escape';
import type { PageGeometry } from './geometry';
import { paginateTable } from './print-plan';
import { mm, printCss } from './print-css';
import type { PrintOptions, PrintResult, PrintedPage, PrintedRow } from './types';

/** One table ready to print: its layout, printed column widths and pages. */
interface PreparedTable {
  readonly layout: SheetLayout;
  readonly geometry: PageGeometry;
  readonly colMm: readonly number[];
  readonly pages: readonly PrintedPage[];
}

function tableIndices(project: Project, options: PrintOptions): readonly number[] {
  const indices = options.tables ?? project.tables.map((_, i) => i);
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= project.tables.length) {
      throw new UserError('PRINT_TABLE_RANGE', `没有第 ${Number.isInteger(i) ? i + 1 : String(i)} 张表：项目共有 ${project.tables.length} 张表。`);
    }
  }
  return indices;
}

function prepareTable(project: Project, tableIndex: number, options: PrintOptions): PreparedTable {
  const { layout: sheet, geometry, colMm, pages: rowPages } = paginateTable(project.tables[tableIndex], project.meta, options);
  const pages = rowPages.map((rows, pageInTable) => ({
    tableIndex,
    pageInTable,
    orientation: sheet.orientation,
    rows,
    signature: options.signature === true && pageInTable === rowPages.length - 1,
  }));
  return { layout: sheet, geometry, colMm, pages };
}

/** The `<tr>` elements of one page: every cell clipped to the page's rows, with the remaining rowspan (also used by shared/document). */
export function pageRowsHtml(sheet: SheetLayout, rows: readonly PrintedRow[]): string {
  const position = new Map<number, number>();
  rows.forEach((row, i) => position.set(row.sourceRow, i));
  const byPosition: LayoutCell[][] = rows.map(() => []);
  const spanAt = new Map<LayoutCell, number>();
  for (const cell of sheet.cells) {
    let first = -1;
    let last = -1;
    for (let r = cell.row; r < cell.row + cell.rowspan; r++) {
      const p = position.get(r);
      if (p === undefined) continue;
      if (first < 0 || p < first) first = p;
      if (p > last) last = p;
    }
    if (first < 0) continue;
    byPosition[first].push(cell);
    spanAt.set(cell, last - first + 1);
  }
  return rows.map((row, i) => {
    const cells = byPosition[i].sort((a, b) => a.col - b.col).map((cell) => {
      const rowspan = spanAt.get(cell) ?? 1;
      const attrs = [`class="s-${cell.style}"`];
      if (rowspan > 1) attrs.push(`rowspan="${rowspan}"`);
      if (cell.colspan > 1) attrs.push(`colspan="${cell.colspan}"`);
      return `<td ${attrs.join(' ')}>${cellTextToHtml(cell.text)}</td>`;
    });
    const cls = row.repeated ? ' class="repeat"' : '';
    return `<tr data-row="${row.sourceRow}"${cls} style="height:${mm(row.heightMm)}">${cells.join('')}</tr>`;
  }).join('\n');
}

const SIGNATURE_HTML = '<div class="signature">'
  + '<div>单位负责人：<span class="blank"></span></div>'
  + '<div>填表人：<span class="blank"></span></div>'
  + '<div>联系电话：<span class="blank"></span></div>'
  + '<div>日期：<span class="blank short"></span>年<span class="blank tiny"></span>月<span class="blank tiny"></span>日</div>'
  + '</div>';

function pageHtml(table: PreparedTable, page: PrintedPage, pageNo: number, pageCount: number, options: PrintOptions): string {
  const cols = table.colMm.map((w) => `<col style="width:${mm(w)}">`).join('');
  const parts = [
    `<section class="page ${page.orientation}" data-table="${page.tableIndex}" data-page="${page.pageInTable}">`,
    `<table class="sheet" style="width:${mm(table.geometry.bodyWidth)}"><colgroup>${cols}</colgroup><tbody>`,
    pageRowsHtml(table.layout, page.rows),
    '</tbody></table>',
  ];
  if (page.signature) parts.push(SIGNATURE_HTML);
  if (options.pageNumbers !== false) parts.push(`<div class="footer">第 ${pageNo} 页 共 ${pageCount} 页</div>`);
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * Renders the official print layout of a project's tables as one HTML document (DOMAIN.md §6):
 * one `<table>` per page with the rowspans/colspans of the layout's merges, the family's column
 * widths scaled to the 版心, a CJK serif font at 五号 (title 小二), thin black borders, A4 pages
 * with GB/T 9704 margins (landscape for landscape families). Each table starts on a new page;
 * pagination comes from `paginateTable` (estimated row heights in mm), so when a table runs over a page the
 * matrix header row repeats, no row is cut, and a broken 一级/二级 group keeps its label on the
 * continuation page; 「第 N 页 共 M 页」 is therefore exact. All cell text is HTML-escaped, line
 * breaks become `<br>`.
 *
 * Options: `tables` (0-based indices), `hideEmptySlots` (family A), `signature`, `pageNumbers`,
 * margins. Pure: no DOM, no I/O.
 * @throws UserError `PRINT_TABLE_RANGE` when `options.tables` names a table that does not exist.
 */
export function renderPrintHtml(project: Project, options: PrintOptions = {}): PrintResult {
  const prepared = tableIndices(project, options).map((i) => prepareTable(project, i, options));
  const pageCount = prepared.reduce((n, t) => n + t.pages.length, 0);
  const geometries = new Map<string, PageGeometry>();
  for (const t of prepared) geometries.set(t.geometry.orientation, t.geometry);
  const sections: string[] = [];
  let pageNo = 0;
  for (const table of prepared) {
    for (const page of table.pages) sections.push(pageHtml(table, page, ++pageNo, pageCount, options));
  }
  const title = [project.meta.unitName, '绩效目标表'].filter(Boolean).join(' ');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="jxmb-page-count" content="${pageCount}">`,
    `<style>\n${printCss([...geometries.values()])}\n</style>`,
    '</head><body>',
    ...sections,
    '</body></html>',
  ].join('\n');
  return { html, pageCount, pagesPerTable: prepared.map((t) => t.pages.length) };
}
