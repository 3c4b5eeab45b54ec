/**
 * The xlsx export as data: what every sheet of the exported workbook contains (cell values,
 * number formats, style ids, merges, column widths, row heights, manual page breaks, page
 * setup, print titles, footer, sheet names) and the workbook's document properties. Built from
 * each table's SheetLayout and PrintPlan (shared/print), so LibreOffice / Excel print the export
 * on the same pages, broken at the same rows, as our PDF. The electron side only transcribes a
 * plan into a workbook (electron/services/xlsx/write-workbook.ts); the tests' raw-sheet builder
 * reads the same cells. Amounts are numbers (text when the source text was irregular, so import
 * gives back amountTexts); percents are fractions with a `0%`-style format. No formulas.
 */

import { UserError } from '../errors';
import { familyOf } from '../families';
import type { CellStyle } from '../families/types';
import type { LayoutCell, Merge, SheetLayout } from '../layout/types';
import type { Project } from '../model/types';
import type { PageMargins } from '../print/types';
import { printPlan, type PrintPlan } from '../print/print-plan';
import { Decimal } from '../values/money';
import { metaKeywords } from '../xlsx/meta-keywords';
import { WORKBOOK_CREATOR } from '../xlsx/raw';
import { SheetNamer } from '../xlsx/sheet-names';

/** One anchor cell. Rows and columns are 0-based sheet positions. */
export interface PlannedCell {
  readonly row: number;
  readonly col: number;
  /** The rectangle the style covers (the merge when larger than one cell). */
  readonly rowspan: number;
  readonly colspan: number;
  /** A number (amount in the table's unit, percent as a fraction), a text, or null for an empty cell. */
  readonly value: number | string | null;
  /** Excel number format (`0%`, `0.0%` …) when not General. */
  readonly numFmt?: string;
  /** Style id: the layout style whose look (shared/layout/cell-style-table) every covered cell gets. */
  readonly style: CellStyle;
}

/** Page setup of a sheet: A4, no fit-to-page, not centred. */
export interface PlannedPageSetup {
  readonly paperSize: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** Print scale in percent (integer). */
  readonly scale: number;
  readonly marginsMm: PageMargins;
  /** Header and footer distances from the paper edge in mm (inside the top / bottom margins). */
  readonly headerMm: number;
  readonly footerMm: number;
  /** 0-based sheet row repeated at the top of every printed page, when any. */
  readonly printTitleRow?: number;
}

/** One sheet of the workbook. */
export interface SheetPlan {
  readonly name: string;
  /** Column widths in Excel character units, from column 0. */
  readonly colWidths: readonly number[];
  /** Row heights in points, from row 0 (every written row has one). */
  readonly rowHeightsPt: readonly number[];
  /** Anchor cells, in layout order. */
  readonly cells: readonly PlannedCell[];
  /** Merged ranges (0-based), in the order they are merged. */
  readonly merges: readonly Merge[];
  /** 0-based sheet rows followed by a manual page break, in the order they are written. */
  readonly breakAfterRows: readonly number[];
  readonly pageSetup: PlannedPageSetup;
  /** Odd-page footer in Excel header/footer codes. */
  readonly footer: string;
}

/** Document properties of the workbook (the creation time is the writer's). */
export interface WorkbookProperties {
  readonly creator: string;
  readonly lastModifiedBy: string;
  readonly company: string;
  readonly title: string;
  /** Project meta (`metaKeywords`), read back on import. */
  readonly keywords: string;
}

/** The whole export. */
export interface WorkbookPlan {
  readonly properties: WorkbookProperties;
  readonly sheets: readonly SheetPlan[];
}

/** Options of `workbookPlan`. */
export interface WriteOptions {
  /** All tables in one sheet, two blank rows and a page break between them. */
  readonly stacked?: boolean;
  /** Indices into project.tables to export (default: all). */
  readonly tables?: readonly number[];
}

export { WORKBOOK_CREATOR };
/** 「第 N 页 共 M 页」 centred in the footer, 宋体 12 pt, as the print's page numbers. */
export const PAGE_NUMBER_FOOTER = '&C&"宋体"&12第 &P 页 共 &N 页';
const STACK_GAP_ROWS = 2;
/**
 * Height in points of the blank rows between stacked tables: small, because they print at the foot
 * of the previous table's last page, inside the room the print plan keeps free (SAFETY_MM).
 */
export const STACK_GAP_ROW_PT = 3;

/** `0%`, `0.0%`, `0.00%` … as many decimals as the percent (0–100) has (at most 6). */
export function percentFormat(percent: number): string {
  const decimals = new Decimal(percent).decimalPlaces();
  return decimals === 0 ? '0%' : `0.${'0'.repeat(Math.min(decimals, 6))}%`;
}

/** The value and number format a layout cell is written with. */
function cellContent(cell: LayoutCell): { value: number | string | null; numFmt?: string } {
  const kind = cell.binding?.kind;
  if ((kind === 'amount' || kind === 'percent') && cell.number != null && Number.isFinite(cell.number) && cell.editText === undefined) {
    if (kind === 'percent') return { value: new Decimal(cell.number).dividedBy(100).toNumber(), numFmt: percentFormat(cell.number) };
    return { value: cell.number };
  }
  return { value: cell.text === '' ? null : cell.text };
}

/** The planned cells of a layout placed at 0-based sheet row `row` and column `col`. */
export function layoutCells(l: SheetLayout, row = 0, col = 0): PlannedCell[] {
  return l.cells.map((cell) => ({
    row: row + cell.row, col: col + cell.col, rowspan: cell.rowspan, colspan: cell.colspan, style: cell.style, ...cellContent(cell),
  }));
}

/** The merges of planned cells (those larger than one cell), in cell order. */
function mergesOf(cells: readonly PlannedCell[]): Merge[] {
  return cells.filter((c) => c.rowspan > 1 || c.colspan > 1).map(({ row, col, rowspan, colspan }) => ({ row, col, rowspan, colspan }));
}

/** Page setup of a plan: the print's margins, the page-number footer halfway down the bottom margin. */
function pageSetup(plan: PrintPlan, scale: number, printTitleRow?: number): PlannedPageSetup {
  const m = plan.marginsMm;
  return {
    paperSize: 'A4', orientation: plan.orientation, scale, marginsMm: m, headerMm: m.top / 2, footerMm: m.bottom / 2,
    ...(printTitleRow === undefined ? {} : { printTitleRow }),
  };
}

/** One table on its own sheet. */
function tableSheet(name: string, plan: PrintPlan): SheetPlan {
  const cells = layoutCells(plan.layout);
  return {
    name, colWidths: plan.layout.colWidths, rowHeightsPt: plan.rowHeightsPt, cells, merges: mergesOf(cells),
    breakAfterRows: plan.pageBreakRows.map((r) => r - 1),
    pageSetup: pageSetup(plan, plan.scale, plan.printTitleRow),
    footer: PAGE_NUMBER_FOOTER,
  };
}

/** Every selected table in one sheet, one print scale, a blank gap and a page break between tables. */
function stackedSheet(project: Project, indices: readonly number[], name: string): SheetPlan {
  const families = indices.map((i) => {
    const own = project.tables[i].columnWidths;
    const family = familyOf(project.tables[i]).colWidths;
    return own?.length === family.length ? own : family;
  });
  const colCount = Math.max(...families.map((w) => w.length));
  const colWidths = Array.from({ length: colCount }, (_, c) => Math.max(...families.map((w) => w[c] ?? 0)));
  // One scale for the whole sheet: the widest columns of every table fit the 版心.
  const sheetWidthChars = colWidths.reduce((a, b) => a + b, 0);
  const natural = indices.map((i) => printPlan(project.tables[i], project.meta, { sheetWidthChars }));
  const scale = Math.min(...natural.map((p) => p.scale));
  const plans = natural.map((p, k) => (p.scale === scale ? p : printPlan(project.tables[indices[k]], project.meta, { scale })));
  const heights: number[] = [];
  const cells: PlannedCell[] = [];
  const breaks: number[] = [];
  let base = 0;
  plans.forEach((plan, k) => {
    if (k > 0) {
      for (let g = 0; g < STACK_GAP_ROWS; g++) heights.push(STACK_GAP_ROW_PT);
      breaks.push(base - 1);
    }
    heights.push(...plan.rowHeightsPt);
    cells.push(...layoutCells(plan.layout, base));
    breaks.push(...plan.pageBreakRows.map((r) => base + r - 1));
    base += plan.layout.rowCount + STACK_GAP_ROWS;
  });
  // One orientation per sheet (every family is portrait today): landscape when any table is.
  const setup = pageSetup(plans.find((p) => p.orientation === 'landscape') ?? plans[0], scale);
  return { name, colWidths, rowHeightsPt: heights, cells, merges: mergesOf(cells), breakAfterRows: breaks, pageSetup: setup, footer: PAGE_NUMBER_FOOTER };
}

function selectedTables(project: Project, indices?: readonly number[]): number[] {
  const chosen = indices ? [...indices] : project.tables.map((_, i) => i);
  const bad = chosen.find((i) => !Number.isInteger(i) || i < 0 || i >= project.tables.length);
  if (bad !== undefined) throw new UserError('EXPORT_BAD_TABLE', `要导出的表序号 ${bad + 1} 不存在（项目共有 ${project.tables.length} 张表）`);
  if (chosen.length === 0) throw new UserError('EXPORT_EMPTY', '项目中没有可导出的表：请先新建或导入至少一张表');
  return chosen;
}

function sheetText(project: Project, index: number): string {
  const t = project.tables[index];
  return t.projectName || t.title || '';
}

/**
 * The export plan of a project: one sheet per selected table in its family's official layout
 * (or all in one sheet when `stacked`), printed as `printPlan` plans. Throws UserError
 * EXPORT_EMPTY when no table is selected and EXPORT_BAD_TABLE for an index out of range.
 */
export function workbookPlan(project: Project, options: WriteOptions = {}): WorkbookPlan {
  const indices = selectedTables(project, options.tables);
  const namer = new SheetNamer();
  const sheets = options.stacked
    ? [stackedSheet(project, indices, namer.next(project.meta.unitName || '绩效目标表', '绩效目标表'))]
    : indices.map((index) => tableSheet(namer.next(sheetText(project, index), `表${index + 1}`), printPlan(project.tables[index], project.meta)));
  return {
    properties: {
      creator: WORKBOOK_CREATOR,
      lastModifiedBy: WORKBOOK_CREATOR,
      company: project.meta.unitName,
      title: project.meta.unitName || sheetText(project, indices[0]) || '绩效目标表',
      keywords: metaKeywords(project.meta),
    },
    sheets,
  };
}
