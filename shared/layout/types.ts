import type { CellStyle, FieldKind, IndicatorListKey, MatrixColumnKey } from '../families/types';
import type { FamilyId, MoneyUnit } from '../model/types';
import type { ModelPath } from '../model/paths';

/** What a cell is in the official form. */
export type CellRole = 'title' | 'label' | 'field' | 'indicator' | 'spacer';

/** Which part of an indicator an indicator cell shows (a matrix column key). */
export type IndicatorPart = MatrixColumnKey;

/** The link from an editable cell to the model. */
export interface CellBinding {
  /** Path relative to the table, e.g. `funds.total` or `indicators.3.value`. */
  readonly path: ModelPath;
  /** How the text is read back: free text, an amount in the table's unit, or a percent 0–100. */
  readonly kind: FieldKind | 'indicatorValue';
  /** For indicator cells: the indicator index and part (level1/level2 cells bind their first indicator). */
  readonly indicatorIndex?: number;
  readonly part?: IndicatorPart;
  /** The indicator list of the cell when not `indicators` (a learned layout's 长期绩效指标 block). */
  readonly list?: IndicatorListKey;
}

/**
 * One anchor cell of the layout (the top-left cell of a merge, or a single cell).
 * Rows and columns are 0-based within the table.
 */
export interface LayoutCell {
  readonly row: number;
  readonly col: number;
  readonly rowspan: number;
  readonly colspan: number;
  /** Text as shown, written to xlsx and printed (family A names carry their 「指标N: 」 prefix). */
  readonly text: string;
  /**
   * For amount and percent cells: the number (in the table's unit; percent 0–100), or null.
   * The xlsx writer writes it as a numeric cell unless the source text was irregular.
   */
  readonly number?: number | null;
  readonly role: CellRole;
  readonly style: CellStyle;
  /** Present on editable cells. */
  readonly binding?: CellBinding;
  /** The model text an editor starts from when it differs from `text` (prefix-free name, raw amount). */
  readonly editText?: string;
}

/** A merged range, 0-based, inclusive size. */
export interface Merge {
  readonly row: number;
  readonly col: number;
  readonly rowspan: number;
  readonly colspan: number;
}

/** A 一级 group of matrix rows, for print page breaks (repeat the label on a continuation page). */
export interface Level1Group {
  readonly level1: string;
  readonly startRow: number;
  /** Inclusive. */
  readonly endRow: number;
}

/**
 * The official layout of one table: what the grid shows, what the xlsx contains and what the
 * printer prints. Pure data, computed by `layout()`.
 */
export interface SheetLayout {
  readonly family: FamilyId;
  readonly moneyUnit: MoneyUnit;
  readonly rowCount: number;
  readonly colCount: number;
  /** Column widths in Excel character units. */
  readonly colWidths: readonly number[];
  /** Row heights in points (estimated to fit wrapped Chinese text at 宋体 10.5pt). */
  readonly rowHeights: readonly number[];
  /** Anchor cells in row-major order. Every grid position is covered by exactly one cell. */
  readonly cells: readonly LayoutCell[];
  /** Merged ranges (cells with rowspan or colspan > 1). */
  readonly merges: readonly Merge[];
  /** Row of the matrix header (一级指标 | 二级指标 | …); repeated on continuation pages. */
  readonly matrixHeaderRow: number;
  /** For every matrix body row: the indicator index it shows, or null for a spacer row. */
  readonly rowIndicators: readonly (number | null)[];
  readonly level1Groups: readonly Level1Group[];
  readonly orientation: 'portrait' | 'landscape';
  /** Title text as printed. */
  readonly title: string;
}
