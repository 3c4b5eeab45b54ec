/**
 * A workbook as read from an xlsx file, before recognition: plain cell values, merges and
 * widths, independent of the spreadsheet library (electron/services/xlsx/sheetjs-read.ts builds it
 * from xlsx, xlsb, ods, xls, et, SpreadsheetML 2003 and HTML files alike).
 * Rows and columns are 0-based.
 */

/** A cell value as the recognizer sees it: text (rich text flattened, formulas replaced by their cached result), a number, or null. */
export type RawValue = string | number | null;

export interface RawCell {
  readonly value: RawValue;
  /** Excel number format, when not General (`0%`, `#,##0.00`); lets `0.25` be read as 25%. */
  readonly numFmt?: string;
  /** True when the cell is a date in the workbook (its value is then the `yyyy-mm-dd` text): never an amount. */
  readonly date?: true;
}

export interface RawMerge {
  readonly row: number;
  readonly col: number;
  readonly rowspan: number;
  readonly colspan: number;
}

export interface RawSheet {
  readonly name: string;
  /** Dense rows × cols grid (trimmed to the used range); `null` entries are empty cells. */
  readonly rows: readonly (readonly (RawCell | null)[])[];
  readonly merges: readonly RawMerge[];
  /** Column widths in Excel character units where set. */
  readonly colWidths: readonly (number | null)[];
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
  /** Warnings from reading (clipped ranges, overlapping merges, …), already in Chinese. */
  readonly warnings: readonly ImportWarning[];
  /** Document properties (docProps), when the file has them; lets import restore project meta the layout does not print. */
  readonly properties?: RawWorkbookProperties;
}

/** Document properties of a workbook; absent fields were not set. */
export interface RawWorkbookProperties {
  /** Application or person that created the file (`绩效目标表编辑器` for our exports). */
  readonly creator?: string;
  /** Last application or person that saved the file (Excel/WPS replace ours when the user saves). */
  readonly lastModifiedBy?: string;
  readonly title?: string;
  readonly company?: string;
  /** Our exports put project meta here: `jxmb:fiscalYear=2024;unitCode=816001;unitName=…` (values URI-encoded). */
  readonly keywords?: string;
}

/**
 * `creator` and `lastModifiedBy` of every workbook this program exports; on import, a workbook
 * that still carries it gets its project meta back from `keywords`.
 */
export const WORKBOOK_CREATOR = '绩效目标表编辑器';

/** Something import could not recognize or had to change; never silent. */
export interface ImportWarning {
  /** Sheet name, when the warning is about a sheet. */
  readonly sheet?: string;
  /** A1-style cell reference, when about a cell. */
  readonly cell?: string;
  /** The message in Simplified Chinese. */
  readonly message: string;
  /**
   * What kind of problem, for the grouped import report: `unread` (a cell not imported, kept
   * in the workbook), `column-lost` (a column of indicator content not imported), `label-missing`,
   * `no-table`, `amount` (an amount kept as text). Absent for one-off warnings.
   */
  readonly kind?: ImportWarningKind;
}

/** Kinds of import warnings that the report groups (see ImportWarning.kind). */
export type ImportWarningKind = 'unread' | 'column-lost' | 'label-missing' | 'no-table' | 'amount';

export { cellRef } from '../layout/a1';
