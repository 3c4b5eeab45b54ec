/**
 * Types of the print renderer: SheetLayout → paginated print HTML (DOMAIN.md §6 Printing).
 * All lengths are millimetres unless a name says otherwise.
 */

/** Page margins in mm. */
export interface PageMargins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** What to print and how. Every field is optional; the defaults print every table. */
export interface PrintOptions {
  /** 0-based indices into `project.tables` to print, in this order; absent = all tables. */
  readonly tables?: readonly number[];
  /**
   * 「隐藏空白指标行」 (family A, DOMAIN.md §6): drop the empty pre-printed slots (no name, no value)
   * and the spacer rows; 一级/二级 rowspans follow because the filtered table is laid out anew.
   * A 二级 whose slots are all empty keeps one blank slot so the category tree stays complete.
   */
  readonly hideEmptySlots?: boolean;
  /** Print 「第 N 页 共 M 页」 at the foot of every page (default true). */
  readonly pageNumbers?: boolean;
  /** Print the signature lines (单位负责人 / 填表人 / 联系电话 / 日期) under each table (default false). */
  readonly signature?: boolean;
  /** Margins of portrait pages; default GB/T 9704-2012 (top 37, right 26, bottom 35, left 28). */
  readonly margins?: PageMargins;
  /** Margins of landscape pages; default the portrait 版心 turned (top 26, right 35, bottom 28, left 37). */
  readonly landscapeMargins?: PageMargins;
}

/** One printed row of a page: a row of the SheetLayout and its printed height. */
export interface PrintedRow {
  /** Row index in the table's SheetLayout. */
  readonly sourceRow: number;
  /** Height in mm the row is printed with (fits its wrapped text). */
  readonly heightMm: number;
  /** True for the matrix header row repeated on a continuation page. */
  readonly repeated: boolean;
}

/** One printed page of one table. */
export interface PrintedPage {
  /** Index into `project.tables`. */
  readonly tableIndex: number;
  /** 0-based page number within the table. */
  readonly pageInTable: number;
  readonly orientation: 'portrait' | 'landscape';
  readonly rows: readonly PrintedRow[];
  /** The signature lines are printed under the table on this page. */
  readonly signature: boolean;
}

/** Result of `renderPrintHtml`. */
export interface PrintResult {
  /** A complete HTML document (UTF-8), one `<section class="page">` per printed page. */
  readonly html: string;
  /** Number of pages, exact when the browser honours the CSS page size (Chromium does). */
  readonly pageCount: number;
  /** Pages per printed table, in print order. */
  readonly pagesPerTable: readonly number[];
}
