/**
 * Fill (回填) edits: what the fill plan asks the xlsx package patcher to change in a copy of a
 * workbook. Plain data, applied strictly in order; every row/column is 0-based and refers to the
 * sheet as it is after the edits before it (so a plan that works bottom-up never has to
 * recompute coordinates above an insertion).
 */

/** A cell value to write: text, a number (amounts in the table's unit, written as numbers), or null to empty the cell. */
export type FillValue = string | number | null;

/** A rectangular range, 0-based, spans ≥ 1. */
export interface FillRange {
  readonly row: number;
  readonly col: number;
  readonly rowspan: number;
  readonly colspan: number;
}

/** Sets one cell's value, keeping its style; a formula cell is reported, never overwritten. */
export interface SetCellEdit {
  readonly kind: 'setCell';
  /** Sheet index in the workbook as it is at this point (after earlier clones). */
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
  readonly value: FillValue;
}

/**
 * Inserts `count` rows before row `at`; the new rows copy the cell styles, height and
 * single-row merges of row `styleFrom` (given in coordinates before the insertion).
 * Everything at or below `at` moves down.
 */
export interface InsertRowsEdit {
  readonly kind: 'insertRows';
  readonly sheet: number;
  readonly at: number;
  readonly count: number;
  readonly styleFrom: number;
}

/** Deletes `count` rows starting at `at`; everything below moves up. */
export interface DeleteRowsEdit {
  readonly kind: 'deleteRows';
  readonly sheet: number;
  readonly at: number;
  readonly count: number;
}

/** Adds a merged range (after removing merges it would overlap). */
export interface MergeEdit {
  readonly kind: 'merge';
  readonly sheet: number;
  readonly range: FillRange;
}

/** Removes every merged range that intersects `range`. */
export interface UnmergeEdit {
  readonly kind: 'unmerge';
  readonly sheet: number;
  readonly range: FillRange;
}

/**
 * Copies sheet `sheet` (cells, styles, merges, validations, print settings, sheet-local defined
 * names) to a new sheet named `name`, placed right after position `position - 1`
 * (`position` = index of the new sheet). Later sheet indices move up by one.
 */
export interface CloneSheetEdit {
  readonly kind: 'cloneSheet';
  readonly sheet: number;
  readonly name: string;
  readonly position: number;
}

/** One fill edit. */
export type FillEdit = SetCellEdit | InsertRowsEdit | DeleteRowsEdit | MergeEdit | UnmergeEdit | CloneSheetEdit;

/** Something fill could not do as asked, or had to tell the user (Chinese text, with sheet and cell). */
export interface FillNotice {
  readonly level: 'info' | 'warning';
  readonly sheet?: string;
  /** A1 reference when about one cell or range. */
  readonly cell?: string;
  readonly message: string;
}
