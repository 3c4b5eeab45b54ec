/**
 * Edits on one parsed worksheet (SheetXml): set a cell's value keeping its style, insert rows
 * styled like a neighbour, delete rows, add and remove merges. Row insertion and deletion move
 * everything of this sheet; the patcher moves what other parts hold (comments, drawings,
 * defined names, other sheets' formulas).
 */
import type { FillRange, FillValue } from '../../../shared/fill/edits';
import { formatCell, type RowShift } from './refs';
import type { MergeRange, SheetCell, SheetRow, SheetXml } from './sheet-xml';
import { attrs, encodeXml } from './xlsx-package';

/** What setCellValue did. */
export type SetCellOutcome = 'written' | 'unchanged' | 'formula';

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** The style index a new cell of `row`/`col` takes: the row's (customFormat) or the column's. */
function inheritedStyle(sheet: SheetXml, row: SheetRow, col: number): string {
  const ra = attrs(row.attrs);
  if (ra.customFormat === '1' || ra.customFormat === 'true') return ra.s ? ` s="${ra.s}"` : '';
  const colsXml = /<(?:\w+:)?cols>([\s\S]*?)<\/(?:\w+:)?cols>/.exec(sheet.head)?.[1] ?? '';
  for (const m of colsXml.matchAll(/<(?:\w+:)?col\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    if (Number(a.min) - 1 <= col && col <= Number(a.max) - 1 && a.style) return ` s="${a.style}"`;
  }
  return '';
}

/** The cell's value body for a value (`<v>`, inline string) or null for an emptied cell. */
function valueXml(sheet: SheetXml, value: FillValue): { type: string; body: string | null } {
  const p = sheet.p;
  if (value === null || value === '') return { type: '', body: null };
  if (typeof value === 'number') return { type: '', body: `<${p}v>${String(value)}</${p}v>` };
  const text = encodeXml(value.replace(INVALID_XML, ''));
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return { type: ' t="inlineStr"', body: `<${p}is><${p}t${space}>${text}</${p}t></${p}is>` };
}

/**
 * Writes a value into a cell, keeping its style (`s`) and every other cell untouched. Text is
 * written as an inline string (sharedStrings.xml stays as it was), numbers as numbers. A
 * formula cell is not written ('formula').
 */
export function setCellValue(sheet: SheetXml, rowIndex: number, col: number, value: FillValue): SetCellOutcome {
  const row = sheet.ensureRow(rowIndex);
  let cell = row.cells.find((c) => c.col === col);
  if (cell?.body && /<(?:\w+:)?f\b/.test(cell.body)) return 'formula';
  const { type, body } = valueXml(sheet, value);
  if (!cell) {
    if (body === null) return 'unchanged';
    cell = { col, attrs: inheritedStyle(sheet, row, col), body: null };
    const at = row.cells.findIndex((c) => c.col > col);
    row.cells.splice(at < 0 ? row.cells.length : at, 0, cell);
  }
  const style = / s="[^"]*"/.exec(cell.attrs)?.[0] ?? '';
  const nextAttrs = `${style}${type}`;
  if (cell.attrs === nextAttrs && cell.body === body) return 'unchanged';
  cell.attrs = nextAttrs;
  cell.body = body;
  row.original = null;
  return 'written';
}

/**
 * Inserts `count` empty rows before `at`, each a copy of row `styleFrom`'s attributes (height,
 * row style) and its cells' styles, and of its single-row merges. Returns the shift applied,
 * for the other parts of the package.
 */
export function insertRows(sheet: SheetXml, at: number, count: number, styleFrom: number, sheetName: string, onBroken: (cell: string) => void): RowShift {
  const template = sheet.row(styleFrom);
  const rowMerges = sheet.merges.filter((m) => m.row === styleFrom && m.lastRow === styleFrom);
  const shift: RowShift = { at, delta: count };
  sheet.shiftRows(shift, sheetName, onBroken);
  for (let i = 0; i < count; i++) {
    const index = at + i;
    const cells: SheetCell[] = (template?.cells ?? [])
      .map((c) => ({ col: c.col, attrs: / s="[^"]*"/.exec(c.attrs)?.[0] ?? '', body: null }))
      .filter((c) => c.attrs !== '');
    const attrText = (template?.attrs ?? '').replace(/\s(?:hidden|collapsed|spans)="[^"]*"/g, '');
    const row: SheetRow = { index, attrs: attrText, cells, original: null };
    const pos = sheet.rows.findIndex((r) => r.index > index);
    sheet.rows.splice(pos < 0 ? sheet.rows.length : pos, 0, row);
    for (const m of rowMerges) sheet.merges.push({ row: index, col: m.col, lastRow: index, lastCol: m.lastCol });
  }
  sheet.mergesChanged = true;
  return shift;
}

/** Deletes `count` rows from `at`; merges shrink or vanish, formulas pointing into them are reported. */
export function deleteRows(sheet: SheetXml, at: number, count: number, sheetName: string, onBroken: (cell: string) => void): RowShift {
  const shift: RowShift = { at, delta: -count };
  sheet.shiftRows(shift, sheetName, onBroken);
  return shift;
}

function intersects(m: MergeRange, r: FillRange): boolean {
  return m.row <= r.row + r.rowspan - 1 && r.row <= m.lastRow && m.col <= r.col + r.colspan - 1 && r.col <= m.lastCol;
}

/** Removes every merge intersecting the range; true when one was removed. */
export function unmerge(sheet: SheetXml, range: FillRange): boolean {
  const before = sheet.merges.length;
  sheet.merges = sheet.merges.filter((m) => !intersects(m, range));
  if (sheet.merges.length === before) return false;
  sheet.mergesChanged = true;
  return true;
}

/** Adds a merge (a 1×1 range is no merge); merges it overlaps are removed first. */
export function merge(sheet: SheetXml, range: FillRange): void {
  const exists = sheet.merges.some((m) => m.row === range.row && m.col === range.col
    && m.lastRow === range.row + range.rowspan - 1 && m.lastCol === range.col + range.colspan - 1);
  if (exists) return;
  unmerge(sheet, range);
  if (range.rowspan <= 1 && range.colspan <= 1) return;
  sheet.merges.push({ row: range.row, col: range.col, lastRow: range.row + range.rowspan - 1, lastCol: range.col + range.colspan - 1 });
  sheet.merges.sort((a, b) => a.row - b.row || a.col - b.col);
  sheet.mergesChanged = true;
}

/** A1 text of a range, for messages. */
export function rangeRef(range: FillRange): string {
  const a = formatCell(range.row, range.col);
  return range.rowspan === 1 && range.colspan === 1 ? a : `${a}:${formatCell(range.row + range.rowspan - 1, range.col + range.colspan - 1)}`;
}
