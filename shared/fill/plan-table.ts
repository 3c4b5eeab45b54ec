/**
 * Fill plan of one table into one slot (a TableSource in the target workbook): the header
 * fields into their cells, then the indicator body rewritten row by row: rows are inserted
 * (styled like the last indicator row) or deleted at the end of the body so that the body has
 * one row per indicator, the 一级/二级 columns are re-merged over their runs, and for a flat
 * list the project columns are merged down over the project's rows.
 */
import type { TableSource } from '../model/source';
import type { RawCell } from '../xlsx/raw';
import type { FillEdit, FillValue } from './edits';
import { type DesiredValue, isIndicatorColumn, sameValue, valueFor } from './table-values';

/** What the table plan needs to know about its slot and the target sheet. */
export interface SlotContext {
  /** Sheet index in the target (after clones). */
  readonly sheet: number;
  readonly slot: TableSource;
  /** The cell as it is now in the target (null when empty or a new row). */
  readonly current: (row: number, col: number) => RawCell | null;
}

/** The values one table writes. */
export interface TableValues {
  /** Header field (or flat project column) by path; null when the table has no value for that path. */
  readonly field: (path: string) => DesiredValue | null;
  /** Indicator texts by index and column key. */
  readonly indicators: readonly Readonly<Record<string, string>>[];
}

function setIfChanged(edits: FillEdit[], ctx: SlotContext, row: number, col: number, desired: DesiredValue | null): void {
  if (!desired) return;
  const current = ctx.current(row, col);
  const value: FillValue = valueFor(desired, current);
  if (!sameValue(value, current)) edits.push({ kind: 'setCell', sheet: ctx.sheet, row, col, value });
}

/** The body rows of the slot as imported: the indicator rows, or the whole body when no indicator was read (a blank form). */
export function slotRows(slot: TableSource): number[] {
  if (slot.indicatorRows.length > 0) return [...slot.indicatorRows];
  const rows: number[] = [];
  for (let r = slot.bodyFirstRow; r <= slot.bodyLastRow; r++) rows.push(r);
  return rows;
}

/**
 * Resizes the body to `n` rows (at least one): inserts after the last row or deletes from the
 * end. Returns the rows that hold the indicators afterwards (sheet coordinates after the edits)
 * and whether rows were inserted at or after which row (`newFrom`, for "the cell is now empty").
 */
function resizeBody(edits: FillEdit[], ctx: SlotContext, rows: readonly number[], n: number): { rows: number[]; newFrom: number } {
  const want = Math.max(1, n);
  const m = rows.length;
  if (m === 0) return { rows: [], newFrom: Infinity };
  if (want > m) {
    const last = rows[m - 1];
    edits.push({ kind: 'insertRows', sheet: ctx.sheet, at: last + 1, count: want - m, styleFrom: last });
    const added = Array.from({ length: want - m }, (_, i) => last + 1 + i);
    return { rows: [...rows, ...added], newFrom: last + 1 };
  }
  for (let i = m - 1; i >= want; i--) edits.push({ kind: 'deleteRows', sheet: ctx.sheet, at: rows[i], count: 1 });
  return { rows: rows.slice(0, want), newFrom: Infinity };
}

/** Writes a column whose equal consecutive values are merged (一级, 二级, flat project columns). */
function writeRuns(edits: FillEdit[], ctx: SlotContext, rows: readonly number[], col: number, colspan: number, values: readonly (string | null)[], current: (r: number, c: number) => RawCell | null, breakOn?: readonly number[]): void {
  const first = rows[0];
  const last = rows[rows.length - 1];
  edits.push({ kind: 'unmerge', sheet: ctx.sheet, range: { row: first, col, rowspan: last - first + 1, colspan } });
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const boundary = i === rows.length || values[i] !== values[start] || (breakOn?.includes(i) ?? false);
    if (!boundary) continue;
    const top = rows[start];
    const bottom = rows[i - 1];
    if (bottom > top || colspan > 1) edits.push({ kind: 'merge', sheet: ctx.sheet, range: { row: top, col, rowspan: bottom - top + 1, colspan } });
    const desired: DesiredValue = { value: values[start] || null, kind: 'text' };
    const cur = current(top, col);
    if (!sameValue(desired.value, cur)) edits.push({ kind: 'setCell', sheet: ctx.sheet, row: top, col, value: desired.value });
    for (let k = start + 1; k < i; k++) {
      if (current(rows[k], col)?.value != null) edits.push({ kind: 'setCell', sheet: ctx.sheet, row: rows[k], col, value: null });
    }
    start = i;
  }
}

/** A flat list's project column: the value in the project's first row, merged down over all its rows. */
function writeProjectColumn(edits: FillEdit[], ctx: SlotContext, rows: readonly number[], col: number, colspan: number, desired: DesiredValue | null, current: (r: number, c: number) => RawCell | null): void {
  const first = rows[0];
  const rowspan = rows[rows.length - 1] - first + 1;
  edits.push({ kind: 'unmerge', sheet: ctx.sheet, range: { row: first, col, rowspan, colspan } });
  const top = desired ? valueFor(desired, current(first, col)) : null;
  if (!sameValue(top, current(first, col))) edits.push({ kind: 'setCell', sheet: ctx.sheet, row: first, col, value: top });
  for (const r of rows.slice(1)) if (current(r, col)?.value != null) edits.push({ kind: 'setCell', sheet: ctx.sheet, row: r, col, value: null });
  if (rowspan > 1 || colspan > 1) edits.push({ kind: 'merge', sheet: ctx.sheet, range: { row: first, col, rowspan, colspan } });
}

/** Group starts (indices) where the 一级 text changes: 二级 runs never cross a 一级 boundary. */
function level1Breaks(texts: readonly (string | null)[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < texts.length; i++) if (texts[i] !== texts[i - 1]) out.push(i);
  return out;
}

/**
 * The edits that write one table into its slot. Edits come in an order that keeps every
 * coordinate valid: header fields (above the body) first, then the body resize at the end of
 * the body, then the body cells. Cells already holding the value are not written.
 */
export function planTableFill(ctx: SlotContext, values: TableValues): FillEdit[] {
  const { slot } = ctx;
  const edits: FillEdit[] = [];
  const flat = slot.shape === 'flat';
  if (!flat) {
    for (const [path, cell] of Object.entries(slot.fields)) setIfChanged(edits, ctx, cell.row, cell.col, values.field(path));
  }
  const before = slotRows(slot);
  const n = values.indicators.length;
  const { rows, newFrom } = resizeBody(edits, ctx, before, n);
  if (rows.length === 0) return edits;
  const current = (r: number, c: number): RawCell | null => (r >= newFrom && r < newFrom + rows.length ? null : ctx.current(r, c));
  const text = (i: number, key: string): string | null => (i < n ? values.indicators[i][key] ?? '' : '') || null;
  const l1 = rows.map((_, i) => text(i, 'level1'));
  for (const [key, cell] of Object.entries(slot.columns)) {
    const colspan = cell.colspan ?? 1;
    if (!isIndicatorColumn(key)) {
      if (!flat) continue;
      writeProjectColumn(edits, ctx, rows, cell.col, colspan, values.field(key), current);
      continue;
    }
    if (key === 'level1') {
      writeRuns(edits, ctx, rows, cell.col, colspan, l1, current);
    } else if (key === 'level2') {
      writeRuns(edits, ctx, rows, cell.col, colspan, rows.map((_, i) => text(i, 'level2')), current, level1Breaks(l1));
    } else {
      rows.forEach((r, i) => setIfChanged(edits, { ...ctx, current }, r, cell.col, { value: text(i, key), kind: 'text' }));
    }
  }
  return edits;
}
