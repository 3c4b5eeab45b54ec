import { familyOf } from '../families';
import type { FamilyDefinition, MatrixColumnKey } from '../families/types';
import type { ModelPath } from '../model/paths';
import type { PerformanceTable } from '../model/types';
import { layout, type LayoutOptions } from './layout';

/**
 * Where a model path is shown in the official layout, computed from the family data and the
 * indicator order alone, WITHOUT building the layout (no texts, merges or row heights).
 * It answers exactly what the bindings of `layout(table, ctx, options)` answer: the anchor cell
 * of the first (row-major) cell bound to the path. Used by validation to give every finding
 * its A1 cell cheaply.
 */

/** 0-based row and column of an anchor cell (as `LayoutCell.row` / `.col`). */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** A locator of one table: path → position of its bound cell, or null when no cell binds it. */
export type CellLocator = (path: ModelPath) => CellPosition | null;

interface FamilyPositions {
  /** Header field path → first bound cell, per goal variant of family A (others: both equal). */
  readonly merged: ReadonlyMap<string, CellPosition>;
  readonly split: ReadonlyMap<string, CellPosition>;
  /** Row-cell parts (name, description, value, basis) → their column. */
  readonly partCols: ReadonlyMap<string, number>;
  readonly level1Col: number;
  readonly level2Col: number;
}

/** Columns per row in a packed position: `row * PACKED_COLS + col` (no family comes close). */
export const PACKED_COLS = 1024;

const familyCache = new Map<FamilyDefinition, FamilyPositions>();

function headerFieldPositions(family: FamilyDefinition, variant: 'merged' | 'split'): Map<string, CellPosition> {
  const out = new Map<string, CellPosition>();
  for (const spec of family.header) {
    if (!spec.field || (spec.goalVariant && spec.goalVariant !== variant)) continue;
    const seen = out.get(spec.field);
    // layout() sorts cells row-major and the first bound cell wins
    if (!seen || spec.r < seen.row || (spec.r === seen.row && spec.c < seen.col)) out.set(spec.field, { row: spec.r, col: spec.c });
  }
  return out;
}

function familyPositions(family: FamilyDefinition): FamilyPositions {
  let positions = familyCache.get(family);
  if (!positions) {
    if (family.colWidths.length > PACKED_COLS) throw new Error(`family ${family.id}: more than ${PACKED_COLS} columns`);
    const partCols = new Map<string, number>();
    for (const col of family.matrix.columns) {
      if (col.key !== 'level1' && col.key !== 'level2' && !partCols.has(col.key)) partCols.set(col.key, col.c);
    }
    const colOf = (key: MatrixColumnKey) => family.matrix.columns.find((c) => c.key === key)?.c ?? -1;
    positions = {
      merged: headerFieldPositions(family, 'merged'),
      split: headerFieldPositions(family, 'split'),
      partCols,
      level1Col: colOf('level1'),
      level2Col: colOf('level2'),
    };
    familyCache.set(family, positions);
  }
  return positions;
}

/** Bit flags of an indicator row: it starts a 一级 group, a 二级 group. */
const STARTS_LEVEL1 = 1;
const STARTS_LEVEL2 = 2;

interface IndicatorRows {
  /** Layout row of every indicator. */
  readonly rows: Int32Array;
  /** STARTS_LEVEL1 | STARTS_LEVEL2 flags per indicator. */
  readonly starts: Uint8Array;
}

/**
 * One pass over the indicators: the group boundaries of `groupIndicators()` (a new 一级 run when
 * level1 changes; a new 二级 run when level1 or level2 changes) and the row of every indicator,
 * counting family A's spacer row at the end of every 二级 run.
 */
function indicatorRows(table: PerformanceTable, family: FamilyDefinition, spacerRows: boolean): IndicatorRows {
  const list = table.indicators;
  const rows = new Int32Array(list.length);
  const starts = new Uint8Array(list.length);
  const spacer = family.matrix.slotStyle && spacerRows ? 1 : 0;
  let row = family.headerRowCount + 1;
  for (let i = 0; i < list.length; i++) {
    const prev = i > 0 ? list[i - 1] : undefined;
    const newLevel1 = !prev || prev.level1 !== list[i].level1;
    const newLevel2 = newLevel1 || prev.level2 !== list[i].level2;
    if (newLevel2 && i > 0) row += spacer; // the previous 二级 run ended with its spacer row
    starts[i] = (newLevel1 ? STARTS_LEVEL1 : 0) | (newLevel2 ? STARTS_LEVEL2 : 0);
    rows[i] = row++;
  }
  return { rows, starts };
}

/**
 * The locator of a learned layout (blocks, footer rows): read off the bindings of its layout.
 * Learned tables are few and their layouts small; the fast walk below serves the built-in families.
 */
function layoutLocator(table: PerformanceTable, options: LayoutOptions): (path: ModelPath) => number {
  const positions = new Map<string, number>();
  for (const cell of layout(table, { fiscalYear: null, unitCode: '', unitName: '' }, options).cells) {
    if (cell.binding && !positions.has(cell.binding.path)) positions.set(cell.binding.path, cell.row * PACKED_COLS + cell.col);
  }
  return (path) => positions.get(path) ?? -1;
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

/**
 * Like `cellLocator`, but the position comes back packed as one number, `row * PACKED_COLS + col`,
 * or -1 when no cell binds the path: no object per lookup (validation locates every finding).
 */
export function packedCellLocator(table: PerformanceTable, options: LayoutOptions = {}): (path: ModelPath) => number {
  const family = familyOf(table);
  if (family.blocks || family.footer) return layoutLocator(table, options);
  const positions = familyPositions(family);
  const header = table.ownLevelGoal === null ? positions.merged : positions.split;
  let rows: IndicatorRows | undefined;
  return (path) => {
    if (!path.startsWith('indicators.')) {
      const p = header.get(path);
      return p ? p.row * PACKED_COLS + p.col : -1;
    }
    const dot = path.indexOf('.', 11);
    if (dot < 0) return -1;
    const index = parseIndex(path.slice(11, dot));
    if (index < 0 || index >= table.indicators.length) return -1;
    const part = path.slice(dot + 1);
    rows ??= indicatorRows(table, family, options.spacerRows !== false);
    const row = rows.rows[index] * PACKED_COLS;
    if (part === 'level1') return rows.starts[index] & STARTS_LEVEL1 && positions.level1Col >= 0 ? row + positions.level1Col : -1;
    if (part === 'level2') return rows.starts[index] & STARTS_LEVEL2 && positions.level2Col >= 0 ? row + positions.level2Col : -1;
    const col = positions.partCols.get(part);
    return col === undefined ? -1 : row + col;
  };
}

/**
 * A locator for one table: call it with many paths; the indicator rows are computed once, on the
 * first indicator path. Positions equal the bindings of `layout(table, ctx, options)`:
 * - header fields (`funds.total`, `goal`, …): the family header spec, respecting family A's goal
 *   variant (`ownLevelGoal === null` → merged);
 * - `indicators.i.name|description|value|basis`: the row of indicator i and the part's column;
 * - `indicators.i.level1` / `.level2`: only when i is the first row of its 一级 / 二级 run (the
 *   merged label binds its first indicator), else null;
 * - anything else (`indicators`, `indicators.3`, unknown fields, out-of-range indexes): null.
 * Never throws for a known family; throws like `getFamily` for an unknown family id.
 */
export function cellLocator(table: PerformanceTable, options: LayoutOptions = {}): CellLocator {
  const packed = packedCellLocator(table, options);
  return (path) => {
    const p = packed(path);
    return p < 0 ? null : { row: Math.floor(p / PACKED_COLS), col: p % PACKED_COLS };
  };
}

/**
 * Position of one model path in the official layout of `table` (see `cellLocator`), or null
 * when no cell binds it. For many paths of one table, make one `cellLocator` instead.
 */
export function locateCell(table: PerformanceTable, path: ModelPath, options: LayoutOptions = {}): CellPosition | null {
  return cellLocator(table, options)(path);
}
