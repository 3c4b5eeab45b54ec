/**
 * The SourceMap (来源映射): where an imported project came from, so that fill (回填) can write the
 * project back into the bureau's own workbook, touching only the cells it read (ARCHITECTURE.md,
 * "Templates, fill and the document").
 *
 * - `WorkbookSource` (on the Project): the original file, its bytes (base64) and their hash.
 * - `TableSource` (on each PerformanceTable): the sheet, the shape and the sheet cell of every
 *   bound header field and indicator row of that table as it was read.
 *
 * All rows and columns are 0-based sheet coordinates (A1 = row 0, col 0). A table created in
 * the editor has no `source`; fill places it by repeating a form sheet / appending to a list.
 */

/** File formats a source workbook can have (by content, not by name). */
export type SourceFormat = 'xlsx' | 'xlsm' | 'xls' | 'xlsb' | 'et' | 'ods' | 'xml2003' | 'html' | 'docx';

/** The original file of an imported project. */
export interface WorkbookSource {
  /** File name as it was imported (no folder), e.g. `2025年项目绩效目标表.xlsx`. */
  readonly fileName: string;
  readonly format: SourceFormat;
  /** SHA-256 of the original bytes, lowercase hex (64 characters). */
  readonly sha256: string;
  /** Size of the original bytes. */
  readonly size: number;
  /**
   * The original bytes, base64; absent when the file was too large to embed (then fill needs
   * the file itself, found by name beside the project and checked against `sha256`).
   */
  readonly data?: string;
}

/** How the tables of a sheet are arranged. */
export type SourceShape =
  /** one table on its own sheet */
  | 'sheet'
  /** several tables stacked in one sheet, one after another */
  | 'stacked'
  /** a flat list: one row per indicator, project columns merged down over the project's rows */
  | 'flat';

/** A cell of the source sheet (0-based), the top-left anchor when merged. */
export interface SourceCell {
  readonly row: number;
  readonly col: number;
  /** Span of the merged range the value sits in (1 when not merged). */
  readonly rowspan?: number;
  readonly colspan?: number;
}

/** Where one table was read from. */
export interface TableSource {
  /** Sheet name in the source workbook. */
  readonly sheet: string;
  /** 0-based index of the sheet in the workbook (names can repeat after a rename). */
  readonly sheetIndex: number;
  readonly shape: SourceShape;
  /** First and last sheet rows of the table's region (title and footer rows included). */
  readonly firstRow: number;
  readonly lastRow: number;
  /**
   * The value cell of every header field read, keyed by model path (`projectName`,
   * `funds.total`, `goal`, `longTermGoal` …; the vocabulary's paths). For a flat list, the cell
   * in the project's first row.
   */
  readonly fields: Readonly<Record<string, SourceCell>>;
  /** Sheet row of the matrix header (一级指标 | 二级指标 | …), or of the list header (flat). */
  readonly headerRow: number;
  /**
   * The sheet column (and span) of every matrix column read, keyed by column key
   * (`level1`, `level2`, `name`, `value`, `description`, `basis`, `remark`, `measureUnit`,
   * `nature`, `weight` …; flat lists also hold project field paths).
   */
  readonly columns: Readonly<Record<string, SourceCell>>;
  /** First and last sheet rows of the indicator body (spacer rows included). */
  readonly bodyFirstRow: number;
  readonly bodyLastRow: number;
  /** Sheet row of each indicator, parallel to `table.indicators` as imported. */
  readonly indicatorRows: readonly number[];
  /** The 长期绩效指标 block of a learned layout, read into `table.longTermIndicators`. */
  readonly longTerm?: BlockSource;
}

/** Where an extra indicator block was read from (same coordinates as TableSource). */
export interface BlockSource {
  readonly headerRow: number;
  readonly columns: Readonly<Record<string, SourceCell>>;
  readonly bodyFirstRow: number;
  readonly bodyLastRow: number;
  /** Sheet row of each indicator of the block, parallel to its list as imported. */
  readonly indicatorRows: readonly number[];
}
