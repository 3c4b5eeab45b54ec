/**
 * What fill writes into a table's cells: the value of every header field and of every
 * indicator part, as text or number, the way the official layout shows them (family A slot
 * prefixes, irregular amount texts kept, amounts as numbers in the table's money unit), and
 * the comparison with what a cell already holds (an equal cell is not written, so it stays
 * byte for byte as it was).
 */
import { layout, tableTitle, type LayoutContext } from '../layout/layout';
import type { LayoutCell } from '../layout/types';
import { getAtPath } from '../model/paths';
import type { Indicator, MoneyUnit, PerformanceTable } from '../model/types';
import { readAmount, readPercent } from '../xlsx/read-amount';
import type { RawCell } from '../xlsx/raw';
import type { FillValue } from './edits';

/** A value to write with how it is read (percent cells follow the target cell's format). */
export interface DesiredValue {
  readonly value: FillValue;
  readonly kind: 'text' | 'amount' | 'percent';
}

/** The indicator column keys fill knows; other column keys of a TableSource are read from the indicator by name. */
export const INDICATOR_PARTS = ['level1', 'level2', 'name', 'description', 'value', 'basis'] as const;

/** True when a TableSource column key is an indicator part (not a project field of a flat list). */
export function isIndicatorColumn(key: string): boolean {
  return (INDICATOR_PARTS as readonly string[]).includes(key) || ['remark', 'measureUnit', 'nature', 'weight', 'core'].includes(key);
}

/** One position of the laid-out body: the anchor text of a (merged) cell, or covered by the anchor above. */
export type BodyCell = { readonly anchor: true; readonly text: string; readonly rowspan: number } | { readonly anchor: false };

/** The indicator body as laid out (spacer rows of family A included), by body row and column key. */
export interface BodyGrid {
  readonly rowCount: number;
  at(row: number, key: string): BodyCell | null;
}

/** Texts of one table as laid out: header fields by path, indicator parts by index (group texts repeated on every row). */
export interface TableTexts {
  readonly fields: ReadonlyMap<string, DesiredValue>;
  readonly indicators: readonly Readonly<Record<string, string>>[];
  readonly body: BodyGrid;
}

const COVERED: BodyCell = { anchor: false };

function bodyGrid(l: ReturnType<typeof layout>): BodyGrid {
  const start = l.matrixHeaderRow + 1;
  const partCol = new Map<string, number>();
  const anchors = new Map<string, LayoutCell>();
  const bodyRow = new Set<number>();
  const otherList = new Set<number>();
  for (const cell of l.cells) {
    if (cell.row + cell.rowspan <= start) continue;
    if (cell.binding?.list !== undefined && cell.binding.list !== 'indicators') otherList.add(cell.row);
    if (cell.role === 'indicator' || cell.role === 'spacer') bodyRow.add(cell.row);
    if (cell.binding?.part !== undefined && cell.binding.list === undefined && !partCol.has(cell.binding.part)) partCol.set(cell.binding.part, cell.col);
    for (let r = Math.max(cell.row, start); r < cell.row + cell.rowspan; r++) anchors.set(`${r}:${cell.col}`, cell);
  }
  let end = start;
  while (end < l.rowCount && bodyRow.has(end) && !otherList.has(end)) end++;
  return {
    rowCount: Math.max(0, end - start),
    at(row, key) {
      const col = partCol.get(key);
      if (col === undefined) return null;
      const cell = anchors.get(`${row + start}:${col}`);
      if (!cell) return null;
      return cell.row === row + start ? { anchor: true, text: cell.text, rowspan: Math.min(cell.rowspan, end - row - start) } : COVERED;
    },
  };
}

function fieldValue(cell: LayoutCell): DesiredValue {
  const kind = cell.binding?.kind;
  if ((kind === 'amount' || kind === 'percent') && cell.editText === undefined) return { value: cell.number ?? null, kind };
  return { value: cell.text === '' ? null : cell.text, kind: 'text' };
}

/** The layout texts of a table (per-sheet and stacked shapes). */
export function tableTexts(table: PerformanceTable, ctx: LayoutContext): TableTexts {
  const l = layout(table, ctx);
  const fields = new Map<string, DesiredValue>();
  const indicators: Record<string, string>[] = table.indicators.map((ind) => plainIndicatorTexts(ind));
  for (const cell of l.cells) {
    const b = cell.binding;
    if (!b) continue;
    if (b.part === undefined) {
      fields.set(b.path, fieldValue(cell));
      continue;
    }
    for (let r = cell.row; r < cell.row + cell.rowspan; r++) {
      const idx = l.rowIndicators[r];
      if (idx !== null && idx !== undefined && indicators[idx]) indicators[idx][b.part] = cell.text;
    }
  }
  if (!fields.has('title')) fields.set('title', { value: tableTitle(table, ctx), kind: 'text' });
  return { fields, indicators, body: bodyGrid(l) };
}

/** Model texts of an indicator (flat lists carry no slot prefix). */
export function plainIndicatorTexts(ind: Indicator): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(ind)) if (typeof v === 'string') out[k] = v;
  out.value = ind.value.raw;
  return out;
}

/** A header/project field straight from the model (flat lists, and paths the layout does not show). */
export function modelFieldValue(table: PerformanceTable, ctx: LayoutContext, path: string): DesiredValue | null {
  if (path === 'title') return { value: tableTitle(table, ctx), kind: 'text' };
  if (path.startsWith('meta.')) {
    const v = (ctx as unknown as Record<string, unknown>)[path.slice(5)];
    return typeof v === 'string' || typeof v === 'number' ? { value: v, kind: 'text' } : null;
  }
  const irregular = table.amountTexts[path];
  if (irregular !== undefined) return { value: irregular, kind: 'text' };
  const v = getAtPath(table, path);
  if (typeof v === 'number') return { value: v, kind: path.startsWith('spendingPlan.') ? 'percent' : 'amount' };
  if (v === null) return { value: null, kind: path.includes('.') ? 'amount' : 'text' };
  return typeof v === 'string' ? { value: v === '' ? null : v, kind: 'text' } : null;
}

/** The value to write into a cell that holds `current`: percents follow a `%` number format, numeric cells stay numeric. */
export function valueFor(desired: DesiredValue, current: RawCell | null): FillValue {
  const v = desired.value;
  if (typeof v === 'number' && desired.kind === 'percent') {
    if (current?.numFmt?.includes('%')) return v / 100;
    return typeof current?.value === 'string' ? `${v}%` : v;
  }
  if (typeof v === 'string' && typeof current?.value === 'number' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  return v;
}

/** True when writing `value` into a cell holding `current` would change nothing a reader sees. */
export function sameValue(value: FillValue, current: RawCell | null): boolean {
  const cur = current?.value ?? null;
  if (value === null || value === '') return cur === null || cur === '';
  if (typeof value === 'number') return typeof cur === 'number' && Math.abs(cur - value) <= Math.abs(value) * 1e-12;
  return typeof cur === 'string' && cur === value;
}

/**
 * True when the cell already reads as the desired amount or percent the way import reads it
 * (`106` written as text, `0.25` with a `%` format): such a cell is left as it is.
 */
export function readsAs(desired: DesiredValue, current: RawCell | null, unit: MoneyUnit): boolean {
  const v = desired.value;
  if (typeof v !== 'number' || current === null) return false;
  const read = desired.kind === 'amount' ? readAmount(current.value, unit) : desired.kind === 'percent' ? readPercent(current.value, current.numFmt) : null;
  return read?.value != null && Math.abs(read.value - v) <= 1e-9 * Math.max(1, Math.abs(v));
}
