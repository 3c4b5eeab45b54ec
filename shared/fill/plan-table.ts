/**
 * Fill plan of one table into one slot (a TableSource in the target workbook): the header
 * fields into their cells, then the indicator body rewritten row by row. The body is resized
 * first, inside its last row (so merges spanning the whole body, such as a side label, grow or
 * shrink with it), the new rows styled like that row; then every column the slot maps is
 * written: for a form (per-sheet, stacked) the rows of the official layout (family A spacer
 * slots included) with its 一级/二级 merges; for a flat list one row per indicator, 一级/二级
 * runs merged, and the project columns merged down over the project's rows.
 */
import type { TableSource } from '../model/source';
import type { MoneyUnit } from '../model/types';
import { normalizeCategory } from '../vocabulary/label-normalize';
import type { RawCell } from '../xlsx/raw';
import type { FillEdit, FillValue } from './edits';
import { type BodyGrid, type DesiredValue, isIndicatorColumn, readsAs, sameValue, valueFor } from './table-values';

/** What the table plan needs to know about its slot and the target sheet. */
export interface SlotContext {
  /** Sheet index in the target (after clones). */
  readonly sheet: number;
  readonly slot: TableSource;
  /** Money unit of the slot's amounts (the table is already in it). */
  readonly moneyUnit: MoneyUnit;
  /** The cell as it is now in the target (null when empty or a new row). */
  readonly current: (row: number, col: number) => RawCell | null;
}

/** The values one table writes. */
export interface TableValues {
  /** Header field (or flat project column) by path; null when the table has no value for that path. */
  readonly field: (path: string) => DesiredValue | null;
  /** Indicator texts by index and column key (flat lists). */
  readonly indicators: readonly Readonly<Record<string, string>>[];
  /** The laid-out body (forms). */
  readonly body?: BodyGrid;
}

type Current = (row: number, col: number) => RawCell | null;

/** The body rows of the slot: a flat table's indicator rows; a form's whole body (spacers included). */
export function slotRows(slot: TableSource): number[] {
  if (slot.shape === 'flat' && slot.indicatorRows.length > 0) return [...slot.indicatorRows];
  const rows: number[] = [];
  for (let r = slot.bodyFirstRow; r <= slot.bodyLastRow; r++) rows.push(r);
  return rows;
}

/**
 * Resizes the body to `want` rows: inserts before its last row (styled like it) or deletes
 * from the end. Returns the rows afterwards and, for each, the row it was before (null = new).
 */
function resizeBody(edits: FillEdit[], sheet: number, rows: readonly number[], want: number): { rows: number[]; origin: (number | null)[] } {
  const m = rows.length;
  if (want > m) {
    const last = rows[m - 1];
    const count = want - m;
    edits.push({ kind: 'insertRows', sheet, at: last, count, styleFrom: last });
    const added = Array.from({ length: count }, (_, i) => last + i);
    return { rows: [...rows.slice(0, m - 1), ...added, last + count], origin: [...rows.slice(0, m - 1), ...added.map(() => null), last] };
  }
  for (let i = m - 1; i >= want; i--) edits.push({ kind: 'deleteRows', sheet, at: rows[i], count: 1 });
  return { rows: rows.slice(0, want), origin: rows.slice(0, want) };
}

/** A cell already reads as the text: exact, or equal once whitespace (and 「(必填)」 annotations) are ignored. */
function sameText(value: FillValue, current: RawCell | null): boolean {
  if (typeof value === 'string' && typeof current?.value === 'string') return normalizeCategory(current.value) === normalizeCategory(value);
  return sameValue(value, current);
}

function put(edits: FillEdit[], sheet: number, row: number, col: number, value: FillValue, current: RawCell | null, loose: boolean): void {
  if (loose ? sameText(value, current) : sameValue(value, current)) return;
  edits.push({ kind: 'setCell', sheet, row, col, value });
}

/** A column whose equal consecutive values are merged (flat 一级/二级: a 二级 run never crosses a 一级 boundary). */
function writeRuns(edits: FillEdit[], sheet: number, rows: readonly number[], col: number, colspan: number, values: readonly (string | null)[], current: (i: number) => RawCell | null, breaks: readonly number[] = []): void {
  const first = rows[0];
  edits.push({ kind: 'unmerge', sheet, range: { row: first, col, rowspan: rows[rows.length - 1] - first + 1, colspan } });
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && values[i] === values[start] && !breaks.includes(i)) continue;
    const rowspan = rows[i - 1] - rows[start] + 1;
    if (rowspan > 1 || colspan > 1) edits.push({ kind: 'merge', sheet, range: { row: rows[start], col, rowspan, colspan } });
    put(edits, sheet, rows[start], col, values[start], current(start), true);
    for (let k = start + 1; k < i; k++) if (current(k)?.value != null) edits.push({ kind: 'setCell', sheet, row: rows[k], col, value: null });
    start = i;
  }
}

/** A form's body: every mapped column written from the laid-out rows, merges as laid out. */
function writeFormBody(edits: FillEdit[], ctx: SlotContext, rows: readonly number[], current: (i: number, col: number) => RawCell | null, body: BodyGrid): void {
  for (const [key, cell] of Object.entries(ctx.slot.columns)) {
    if (!isIndicatorColumn(key)) continue;
    const colspan = cell.colspan ?? 1;
    if (key === 'level1' || key === 'level2') {
      edits.push({ kind: 'unmerge', sheet: ctx.sheet, range: { row: rows[0], col: cell.col, rowspan: rows[rows.length - 1] - rows[0] + 1, colspan } });
    }
    rows.forEach((r, j) => {
      const at = body.at(j, key);
      if (!at) return;
      if (!at.anchor) {
        if (current(j, cell.col)?.value != null) edits.push({ kind: 'setCell', sheet: ctx.sheet, row: r, col: cell.col, value: null });
        return;
      }
      put(edits, ctx.sheet, r, cell.col, at.text === '' ? null : valueFor({ value: at.text, kind: 'text' }, current(j, cell.col)), current(j, cell.col), true);
      const last = rows[Math.min(rows.length - 1, j + at.rowspan - 1)];
      if ((key === 'level1' || key === 'level2') && (last > r || colspan > 1)) {
        edits.push({ kind: 'merge', sheet: ctx.sheet, range: { row: r, col: cell.col, rowspan: last - r + 1, colspan } });
      }
    });
  }
}

/** A flat list's body: one row per indicator, then the project columns merged down. */
function writeFlatBody(edits: FillEdit[], ctx: SlotContext, rows: readonly number[], current: (i: number, col: number) => RawCell | null, values: TableValues): void {
  const n = values.indicators.length;
  const text = (i: number, key: string): string | null => (i < n ? values.indicators[i][key] ?? '' : '') || null;
  const l1 = rows.map((_, i) => text(i, 'level1'));
  const l1Breaks = l1.flatMap((t, i) => (i > 0 && t !== l1[i - 1] ? [i] : []));
  for (const [key, cell] of Object.entries(ctx.slot.columns)) {
    const colspan = cell.colspan ?? 1;
    if (!isIndicatorColumn(key)) {
      const rowspan = rows[rows.length - 1] - rows[0] + 1;
      edits.push({ kind: 'unmerge', sheet: ctx.sheet, range: { row: rows[0], col: cell.col, rowspan, colspan } });
      const desired = values.field(key);
      if (!desired || !readsAs(desired, current(0, cell.col), ctx.moneyUnit)) {
        put(edits, ctx.sheet, rows[0], cell.col, desired ? valueFor(desired, current(0, cell.col)) : null, current(0, cell.col), false);
      }
      rows.forEach((r, i) => { if (i > 0 && current(i, cell.col)?.value != null) edits.push({ kind: 'setCell', sheet: ctx.sheet, row: r, col: cell.col, value: null }); });
      if (rowspan > 1 || colspan > 1) edits.push({ kind: 'merge', sheet: ctx.sheet, range: { row: rows[0], col: cell.col, rowspan, colspan } });
    } else if (key === 'level1' || key === 'level2') {
      const vals = key === 'level1' ? l1 : rows.map((_, i) => text(i, 'level2'));
      writeRuns(edits, ctx.sheet, rows, cell.col, colspan, vals, (i) => current(i, cell.col), key === 'level2' ? l1Breaks : []);
    } else {
      rows.forEach((r, i) => put(edits, ctx.sheet, r, cell.col, text(i, key) === null ? null : valueFor({ value: text(i, key), kind: 'text' }, current(i, cell.col)), current(i, cell.col), true));
    }
  }
}

/**
 * The edits that write one table into its slot, in an order that keeps every coordinate valid:
 * header fields first, then the body resize, then the body cells. Cells already holding the
 * value are not written (they stay byte for byte as they were).
 */
export function planTableFill(ctx: SlotContext, values: TableValues): FillEdit[] {
  const { slot } = ctx;
  const edits: FillEdit[] = [];
  const flat = slot.shape === 'flat';
  if (!flat) {
    for (const [path, cell] of Object.entries(slot.fields)) {
      const desired = values.field(path);
      const cur = ctx.current(cell.row, cell.col);
      if (!desired || readsAs(desired, cur, ctx.moneyUnit)) continue;
      put(edits, ctx.sheet, cell.row, cell.col, valueFor(desired, cur), cur, path === 'title');
    }
  }
  const before = slotRows(slot);
  if (before.length === 0) return edits;
  const want = flat ? Math.max(1, values.indicators.length) : Math.max(1, values.body?.rowCount ?? before.length);
  const { rows, origin } = resizeBody(edits, ctx.sheet, before, want);
  const current = (i: number, col: number): RawCell | null => (origin[i] === null ? null : ctx.current(origin[i]!, col));
  if (flat) writeFlatBody(edits, ctx, rows, current, values);
  else if (values.body) writeFormBody(edits, ctx, rows, current, values.body);
  return edits;
}
