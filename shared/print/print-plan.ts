/**
 * Page breaks of one table, computed once for both outputs: the pages the print HTML prints and the
 * row breaks, row heights and scale the xlsx writer gives a sheet so spreadsheets break at the same rows.
 */
import { layout, type LayoutContext } from '../layout/layout';
import type { SheetLayout } from '../layout/types';
import type { PerformanceTable } from '../model/types';
import {
  LANDSCAPE_MARGINS, PORTRAIT_MARGINS, SAFETY_MM, SIGNATURE_MM, columnWidthsMm, measureRows, pageGeometry,
  type PageGeometry,
} from './geometry';
import { hideEmptySlots } from './hide-empty-slots';
import { paginateRows } from './paginate';
import { MM_PER_PT } from './text-measure';
import type { PageMargins, PrintOptions, PrintedRow } from './types';

/**
 * The pagination of one table, the single source of page breaks (DOMAIN.md §6): the print HTML
 * (`renderPrintHtml`) prints these pages, and the xlsx writer turns them into manual row breaks,
 * row heights and a page scale (`printPlan`), so that LibreOffice / Excel printing the export
 * breaks the table at the same rows.
 */
export interface TablePages {
  /** The layout that is printed (without the empty slots when `hideEmptySlots`). */
  readonly layout: SheetLayout;
  readonly geometry: PageGeometry;
  /** Printed column widths in mm (the family's widths scaled to the 版心 width). */
  readonly colMm: readonly number[];
  /** The rows of every page, in order; continuation pages start with the repeated matrix header row. */
  readonly pages: readonly (readonly PrintedRow[])[];
}

/** Options of `paginateTable`: the `PrintOptions` that change pagination. */
export type PaginateOptions = Pick<PrintOptions, 'hideEmptySlots' | 'signature' | 'margins' | 'landscapeMargins'>;

/**
 * Lays out and paginates one table as `renderPrintHtml` prints it: GB/T 9704 margins (or the
 * given ones), the family's column widths scaled to the 版心, row heights estimated in mm at those
 * widths, `SAFETY_MM` kept free at the foot of every page, room for the signature lines on the
 * last page when `signature`. Pure.
 */
export function paginateTable(table: PerformanceTable, ctx: LayoutContext, options: PaginateOptions = {}): TablePages {
  const hide = options.hideEmptySlots === true;
  const source = hide ? hideEmptySlots(table) : table;
  const sheet = layout(source, ctx, { spacerRows: !hide });
  const margins = sheet.orientation === 'portrait'
    ? options.margins ?? PORTRAIT_MARGINS
    : options.landscapeMargins ?? LANDSCAPE_MARGINS;
  const geometry = pageGeometry(sheet.orientation, margins);
  const colMm = columnWidthsMm(sheet.colWidths, geometry.bodyWidth);
  const metrics = measureRows(sheet, colMm);
  const signatureMm = options.signature ? SIGNATURE_MM : 0;
  const pages = paginateRows(sheet, metrics, geometry.bodyHeight - SAFETY_MM, signatureMm);
  return { layout: sheet, geometry, colMm, pages };
}

/**
 * Width in mm of one column-width unit (one "character") of the exported sheet when printed at
 * 100 %. Spreadsheet programs measure column widths in digits of the workbook's default font; the
 * xlsx writer sets that font to Arial 11 pt (metric-compatible Liberation Sans on Linux), whose
 * digit is 0.556 em = 6.12 pt (LibreOffice: 6.10 pt = 2.152 mm; Excel: 8 px = 6 pt = 2.117 mm).
 * Rounded up, so that the scaled sheet is never wider than the 版心.
 */
export const SHEET_CHAR_WIDTH_MM = 2.16;

/** Row heights are multiples of one screen pixel (0.75 pt): LibreOffice and Excel round them down to it. */
export const ROW_HEIGHT_STEP_PT = 0.75;

/** The largest row height a spreadsheet accepts (Excel: 409 pt). */
export const MAX_ROW_HEIGHT_PT = 409;

/** What a spreadsheet needs to print one table on the same pages as `renderPrintHtml`. */
export interface PrintPlan {
  /** The printed layout (rows and columns of the sheet). */
  readonly layout: SheetLayout;
  readonly paperSize: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** Page margins in mm (GB/T 9704-2012 unless overridden): the same 版心 as the print. */
  readonly marginsMm: PageMargins;
  /**
   * Print scale in percent (integer, 10–400): the sheet's columns (`sheetWidthChars` ×
   * `SHEET_CHAR_WIDTH_MM`) printed at this scale are at most the 版心 width.
   */
  readonly scale: number;
  /** The matrix header row, repeated at the top of every continuation page (print titles). */
  readonly printTitleRow: number;
  /** 0-based layout rows that start a new page (page 2 onwards), ascending; a manual break goes before each. */
  readonly pageBreakRows: readonly number[];
  /**
   * Sheet row heights in points (before scaling), one per layout row: a row printed at `scale`
   * is at most as tall as the print plans it (multiples of `ROW_HEIGHT_STEP_PT`, ≤ 409 pt), so
   * every page holds exactly its planned rows and no automatic break is needed.
   */
  readonly rowHeightsPt: readonly number[];
  /** Planned printed height of each page in mm (≤ the 版心 height minus `SAFETY_MM`, unless one row is taller). */
  readonly pageHeightsMm: readonly number[];
  /** Number of pages; equals the table's entry of `PrintResult.pagesPerTable`. */
  readonly pageCount: number;
}

/** Options of `printPlan`. */
export interface PrintPlanOptions extends PaginateOptions {
  /**
   * Width of the whole sheet in column-width units (default: the sum of the family's column
   * widths). The stacked export passes its wider sheet (widest column of every family).
   */
  readonly sheetWidthChars?: number;
  /** Forces the print scale in percent (e.g. one scale for a stacked sheet); default from the widths. */
  readonly scale?: number;
}

/** Print scale (integer percent, 10–400) at which `sheetWidthChars` fit into `bodyWidthMm`. */
export function sheetScale(sheetWidthChars: number, bodyWidthMm: number): number {
  const natural = Math.floor((100 * bodyWidthMm) / (Math.max(sheetWidthChars, 1) * SHEET_CHAR_WIDTH_MM));
  return Math.min(400, Math.max(10, natural));
}

/** The sheet height in pt of a row printed `mm` tall at `scale` percent, rounded down to the row step. */
function sheetRowPt(mm: number, scale: number): number {
  const pt = mm / MM_PER_PT / (scale / 100);
  const stepped = Math.floor(pt / ROW_HEIGHT_STEP_PT + 1e-9) * ROW_HEIGHT_STEP_PT;
  return Math.min(MAX_ROW_HEIGHT_PT, Math.max(ROW_HEIGHT_STEP_PT, stepped));
}

/**
 * The print plan of one table for the xlsx export (DOMAIN.md §6 Printing): the pages of
 * `paginateTable` (the very pagination `renderPrintHtml` prints) expressed as spreadsheet page
 * setup — paper, orientation, margins, a print scale, manual breaks before `pageBreakRows`, the
 * matrix header row as print titles and row heights in points that make each page hold exactly
 * its planned rows. Every row but the repeated matrix header row is printed once, so its height
 * is taken from its own page (the header row: its smallest printed height). Pure; no second pagination.
 */
export function printPlan(table: PerformanceTable, ctx: LayoutContext, options: PrintPlanOptions = {}): PrintPlan {
  const paged = paginateTable(table, ctx, options);
  const sheet = paged.layout;
  const widthChars = options.sheetWidthChars ?? sheet.colWidths.reduce((a, b) => a + b, 0);
  const scale = options.scale ?? sheetScale(widthChars, paged.geometry.bodyWidth);
  const plannedMm = new Array<number>(sheet.rowCount).fill(Infinity);
  const pageBreakRows: number[] = [];
  paged.pages.forEach((rows, p) => {
    // The repeated header row takes the smallest of its printed heights, so no page grows.
    for (const r of rows) plannedMm[r.sourceRow] = Math.min(plannedMm[r.sourceRow], r.heightMm);
    const own = rows.filter((r) => !r.repeated);
    if (p > 0 && own.length > 0) pageBreakRows.push(own[0].sourceRow);
  });
  return {
    layout: sheet,
    paperSize: 'A4',
    orientation: sheet.orientation,
    marginsMm: paged.geometry.margins,
    scale,
    printTitleRow: sheet.matrixHeaderRow,
    pageBreakRows,
    rowHeightsPt: plannedMm.map((mm) => sheetRowPt(mm, scale)),
    pageHeightsMm: paged.pages.map((rows) => rows.reduce((h, r) => h + r.heightMm, 0)),
    pageCount: paged.pages.length,
  };
}
