/**
 * The binding index of a table's official layout: model path → anchor cell bound to it, and
 * anchor cell → path, memoised per table object (tables are replaced, never mutated). For the
 * built-in families it is answered lazily from the same placement rules `layout()` uses (the
 * header specs of the goal variant, `indicatorRuns` and `matrixRow`) without building texts,
 * merges or row heights; learned layouts (blocks, footer) read it off their `layout()` cells.
 * Validation names the cell of every finding through it.
 */
import { familyOf } from '../families';
import type { FamilyDefinition, MatrixColumnKey } from '../families/types';
import type { ModelPath } from '../model/paths';
import type { PerformanceTable } from '../model/types';
import { indicatorRuns, level1RunOf, level2RunOf, type IndicatorRuns } from './indicator-runs';
import { goalVariantOf, inVariant, layout, type GoalVariant, type LayoutOptions } from './layout';
import { matrixRow } from './matrix-block';

/** 0-based row and column of an anchor cell (as `LayoutCell.row` / `.col`). */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** A locator of one table: path → position of its bound cell, or null when no cell binds it. */
export type CellLocator = (path: ModelPath) => CellPosition | null;

/** Columns per row in a packed position: `row * PACKED_COLS + col` (no family comes close). */
export const PACKED_COLS = 1024;

/**
 * Path ↔ cell of one table's layout. Positions are the anchors of `layout(table, ctx, options)`
 * for any `ctx` (title tokens change texts, never bindings):
 * - header fields (`funds.total`, `goal`, …): the first (row-major) cell of the family header
 *   spec bound to the field, in the table's goal variant (`ownLevelGoal === null` → merged);
 * - `indicators.i.<part>`: the row of indicator i and the part's column;
 * - `indicators.i.level1` / `.level2`: only when i is the first row of its 一级 / 二级 run (the
 *   merged label binds its first indicator);
 * - anything else (`indicators`, `indicators.3`, `indicators.03.name`, unknown fields,
 *   out-of-range indexes): no cell.
 */
export interface BindingIndex {
  /** Packed position (`row * PACKED_COLS + col`) of the cell bound to `path`, or -1: no object per lookup. */
  packedOf(path: ModelPath): number;
  /** Position of the cell bound to `path`, or null. */
  positionOf(path: ModelPath): CellPosition | null;
  /** Path bound to the cell anchored exactly at (row, col), or undefined (labels, spacers, covered or outside positions). */
  pathAt(row: number, col: number): ModelPath | undefined;
}

interface FamilyPositions {
  /** Header field path → packed position of its first bound cell, per goal variant. */
  readonly header: Readonly<Record<GoalVariant, ReadonlyMap<string, number>>>;
  /** Packed position → header field path, per goal variant. */
  readonly headerAt: Readonly<Record<GoalVariant, ReadonlyMap<number, string>>>;
  /** Row-cell parts (name, description, value, basis, …) → their column. */
  readonly partCols: ReadonlyMap<string, number>;
  /** Column → row-cell part. */
  readonly colParts: ReadonlyMap<number, string>;
  readonly level1Col: number;
  readonly level2Col: number;
}

const familyCache = new WeakMap<FamilyDefinition, FamilyPositions>();

function headerFieldPositions(family: FamilyDefinition, variant: GoalVariant): Map<string, number> {
  const out = new Map<string, number>();
  for (const spec of family.header) {
    if (!spec.field || !inVariant(spec, variant)) continue;
    const packed = spec.r * PACKED_COLS + spec.c;
    // layout() sorts cells row-major and the first bound cell wins
    const seen = out.get(spec.field);
    if (seen === undefined || packed < seen) out.set(spec.field, packed);
  }
  return out;
}

const inverse = (map: ReadonlyMap<string, number>): Map<number, string> => new Map([...map].map(([path, at]) => [at, path]));

function familyPositions(family: FamilyDefinition): FamilyPositions {
  let positions = familyCache.get(family);
  if (!positions) {
    if (family.colWidths.length > PACKED_COLS) throw new Error(`family ${family.id}: more than ${PACKED_COLS} columns`);
    const partCols = new Map<string, number>();
    const colParts = new Map<number, string>();
    for (const col of family.matrix.columns) {
      if (col.key === 'level1' || col.key === 'level2' || partCols.has(col.key)) continue;
      partCols.set(col.key, col.c);
      if (!colParts.has(col.c)) colParts.set(col.c, col.key);
    }
    const colOf = (key: MatrixColumnKey) => family.matrix.columns.find((c) => c.key === key)?.c ?? -1;
    const merged = headerFieldPositions(family, 'merged');
    const split = headerFieldPositions(family, 'split');
    positions = {
      header: { merged, split },
      headerAt: { merged: inverse(merged), split: inverse(split) },
      partCols,
      colParts,
      level1Col: colOf('level1'),
      level2Col: colOf('level2'),
    };
    familyCache.set(family, positions);
  }
  return positions;
}

/** Index of `indicators.<index>.<part>` when written canonically (`3`, not `03`), else -1. */
function parseIndex(text: string): number {
  if (text === '' || text.length > 9 || (text.length > 1 && text[0] === '0')) return -1;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 48 || code > 57) return -1;
  }
  return Number(text);
}

/** Positions from packed positions, shared by both kinds of index. */
abstract class PackedIndex implements BindingIndex {
  abstract packedOf(path: ModelPath): number;
  abstract pathAt(row: number, col: number): ModelPath | undefined;
  positionOf(path: ModelPath): CellPosition | null {
    const p = this.packedOf(path);
    return p < 0 ? null : { row: Math.floor(p / PACKED_COLS), col: p % PACKED_COLS };
  }
}

/** A learned layout (blocks, footer): the bindings of its cells, read off `layout()` once. */
class LearnedIndex extends PackedIndex {
  private readonly positions = new Map<string, number>();
  private readonly paths = new Map<number, string>();

  constructor(table: PerformanceTable, options: LayoutOptions) {
    super();
    for (const cell of layout(table, { fiscalYear: null, unitCode: '', unitName: '' }, options).cells) {
      if (!cell.binding) continue;
      const packed = cell.row * PACKED_COLS + cell.col;
      if (!this.positions.has(cell.binding.path)) this.positions.set(cell.binding.path, packed);
      this.paths.set(packed, cell.binding.path);
    }
  }

  packedOf(path: ModelPath): number {
    return this.positions.get(path) ?? -1;
  }

  pathAt(row: number, col: number): ModelPath | undefined {
    return col < 0 || col >= PACKED_COLS ? undefined : this.paths.get(row * PACKED_COLS + col);
  }
}

/** A built-in family: header positions from the family data, indicator rows from `matrixRow`. */
class BuiltinIndex extends PackedIndex {
  private readonly positions: FamilyPositions;
  private readonly variant: GoalVariant;
  private readonly top: number;
  private readonly spacer: 0 | 1;
  private readonly list: PerformanceTable['indicators'];
  private runs: IndicatorRuns | undefined = undefined;
  private rowIndex: Int32Array | undefined = undefined;
  /** The first index made, kept for the life of the process: see `RowFacts.anchor` in validation/facts.ts. */
  private static anchor: BuiltinIndex | undefined;

  constructor(table: PerformanceTable, family: FamilyDefinition, spacerRows: boolean) {
    super();
    this.positions = familyPositions(family);
    this.variant = goalVariantOf(table);
    this.top = family.headerRowCount;
    this.spacer = family.matrix.slotStyle && spacerRows ? 1 : 0;
    this.list = table.indicators;
    BuiltinIndex.anchor ??= this;
  }

  packedOf(path: ModelPath): number {
    const { positions, list } = this;
    if (!path.startsWith('indicators.')) return positions.header[this.variant].get(path) ?? -1;
    const dot = path.indexOf('.', 11);
    if (dot < 0) return -1;
    const index = parseIndex(path.slice(11, dot));
    if (index < 0 || index >= list.length) return -1;
    const part = path.slice(dot + 1);
    const runs = (this.runs ??= indicatorRuns(list));
    const row = matrixRow(runs, index, this.top, this.spacer) * PACKED_COLS;
    if (part === 'level1') return positions.level1Col >= 0 && level1RunOf(runs, index).start === index ? row + positions.level1Col : -1;
    if (part === 'level2') return positions.level2Col >= 0 && level2RunOf(runs, index).start === index ? row + positions.level2Col : -1;
    const col = positions.partCols.get(part);
    return col === undefined ? -1 : row + col;
  }

  pathAt(row: number, col: number): ModelPath | undefined {
    const { positions, list, top } = this;
    if (row < 0 || col < 0 || col >= PACKED_COLS) return undefined;
    if (row <= top) return positions.headerAt[this.variant].get(row * PACKED_COLS + col);
    this.rowIndex ??= this.indicatorByRow();
    const index = this.rowIndex[row - top - 1] ?? -1;
    if (index < 0) return undefined;
    const part = col === positions.level1Col ? 'level1' : col === positions.level2Col ? 'level2' : positions.colParts.get(col);
    if (part === undefined) return undefined;
    const path = `indicators.${index}.${part}`;
    return this.packedOf(path) === row * PACKED_COLS + col ? path : undefined;
  }

  /** Indicator index per matrix body row (from the row under the matrix header), -1 for spacers. */
  private indicatorByRow(): Int32Array {
    const { list, top, spacer } = this;
    const runs = indicatorRuns(list);
    const byRow = new Int32Array(list.length === 0 ? 0 : matrixRow(runs, list.length - 1, top, spacer) - top).fill(-1);
    for (let i = 0; i < list.length; i++) byRow[matrixRow(runs, i, top, spacer) - top - 1] = i;
    return byRow;
  }
}

/** Memo: per table, the index with family A's spacer rows [0] and without them [1]. */
const memo = new WeakMap<PerformanceTable, [BindingIndex | undefined, BindingIndex | undefined]>();

/**
 * The binding index of `table` laid out with `options` (see `BindingIndex`), memoised per table
 * object and option. Cheap to make: work happens on the first lookups, and the indicator runs
 * are shared with every other user of `indicatorRuns`. Throws like `getFamily` for an unknown
 * family id.
 */
export function bindingIndex(table: PerformanceTable, options: LayoutOptions = {}): BindingIndex {
  const slot = options.spacerRows === false ? 1 : 0;
  let entry = memo.get(table);
  const hit = entry?.[slot];
  if (hit) return hit;
  const family = familyOf(table);
  const index = family.blocks || family.footer ? new LearnedIndex(table, options) : new BuiltinIndex(table, family, options.spacerRows !== false);
  if (!entry) memo.set(table, (entry = [undefined, undefined]));
  entry[slot] = index;
  return index;
}

/** Path → position or null, for one table: `bindingIndex(table, options).positionOf`. */
export function cellLocator(table: PerformanceTable, options: LayoutOptions = {}): CellLocator {
  const index = bindingIndex(table, options);
  return (path) => index.positionOf(path);
}

/** Position of one model path in the official layout of `table` (see `BindingIndex`), or null when no cell binds it. */
export function locateCell(table: PerformanceTable, path: ModelPath, options: LayoutOptions = {}): CellPosition | null {
  return bindingIndex(table, options).positionOf(path);
}
