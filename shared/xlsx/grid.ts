/**
 * A read-only view of (part of) a RawSheet for recognition: every position knows the anchor
 * cell covering it, so a merged range's top-left value applies to the whole range (value
 * propagation, DOMAIN.md §6 "Import"). A view may skip rows and columns (blank ones), so
 * view coordinates differ from sheet coordinates; `ref` always names the sheet cell.
 */
import { cellText } from '../vocabulary/label-normalize';
import { cellRef, type RawSheet, type RawValue } from './raw';

/** One anchor cell (a merged range or a single non-empty cell) in view coordinates. */
export interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly rowspan: number;
  readonly colspan: number;
  readonly value: RawValue;
  readonly numFmt?: string;
  /** True when the sheet cell is a date (RawCell.date). */
  readonly date?: true;
  /** `cellText(value)`. */
  readonly text: string;
  /** A1 reference of the anchor in the sheet. */
  readonly ref: string;
  /** 0-based sheet row and column of the anchor. */
  readonly sheetRow: number;
  readonly sheetCol: number;
  /** True for a merged range (rowspan or colspan > 1 in the sheet). */
  readonly merged: boolean;
}

export interface Grid {
  readonly sheet: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** Sheet row / column index of each view row / column. */
  readonly sheetRows: readonly number[];
  readonly sheetCols: readonly number[];
  /** The anchor covering a view position, or null when the position is empty and not merged. */
  at(row: number, col: number): GridCell | null;
  /** Text at a view position ('' when empty or outside). */
  textAt(row: number, col: number): string;
  /** Anchors whose top-left lies in a view row, left to right. */
  rowAnchors(row: number): readonly GridCell[];
  /** All anchors, row-major. */
  readonly anchors: readonly GridCell[];
}

function rangeIndexes(map: ReadonlyMap<number, number>, start: number, span: number): number[] {
  const out: number[] = [];
  for (let i = start; i < start + span; i++) {
    const v = map.get(i);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/**
 * Builds a view over the given sheet rows and columns (sorted ascending, 0-based).
 * Merges partly outside the view keep the part inside; the anchor value is the sheet's
 * top-left value of the merge. Overlapping merges: the first one wins.
 */
export function buildGrid(sheet: RawSheet, rows?: readonly number[], cols?: readonly number[]): Grid {
  const sheetRowCount = sheet.rows.length;
  const sheetColCount = Math.max(0, ...sheet.rows.map((r) => r.length), ...sheet.merges.map((m) => m.col + m.colspan));
  const sheetRows = rows ?? Array.from({ length: sheetRowCount }, (_, i) => i);
  const sheetCols = cols ?? Array.from({ length: sheetColCount }, (_, i) => i);
  const rowMap = new Map(sheetRows.map((r, i) => [r, i]));
  const colMap = new Map(sheetCols.map((c, i) => [c, i]));
  const cover: (GridCell | null)[][] = sheetRows.map(() => new Array<GridCell | null>(sheetCols.length).fill(null));
  const anchors: GridCell[] = [];
  const rawAt = (r: number, c: number) => sheet.rows[r]?.[c] ?? null;

  for (const m of sheet.merges) {
    const vr = rangeIndexes(rowMap, m.row, Math.min(m.rowspan, sheetRowCount - m.row));
    const vc = rangeIndexes(colMap, m.col, Math.min(m.colspan, sheetColCount - m.col));
    if (vr.length === 0 || vc.length === 0) continue;
    if (vr.some((r) => vc.some((c) => cover[r][c] !== null))) continue;
    const raw = rawAt(m.row, m.col);
    const cell: GridCell = {
      row: vr[0], col: vc[0], rowspan: vr.length, colspan: vc.length,
      value: raw?.value ?? null, numFmt: raw?.numFmt, ...(raw?.date ? { date: true as const } : {}), text: cellText(raw?.value),
      ref: cellRef(m.row, m.col), sheetRow: m.row, sheetCol: m.col, merged: m.rowspan > 1 || m.colspan > 1,
    };
    for (const r of vr) for (const c of vc) cover[r][c] = cell;
    anchors.push(cell);
  }
  sheetRows.forEach((sr, r) => {
    sheetCols.forEach((sc, c) => {
      if (cover[r][c]) return;
      const raw = rawAt(sr, sc);
      const text = cellText(raw?.value);
      if (text === '') return;
      const cell: GridCell = {
        row: r, col: c, rowspan: 1, colspan: 1, value: raw?.value ?? null, numFmt: raw?.numFmt, ...(raw?.date ? { date: true as const } : {}), text,
        ref: cellRef(sr, sc), sheetRow: sr, sheetCol: sc, merged: false,
      };
      cover[r][c] = cell;
      anchors.push(cell);
    });
  });
  anchors.sort((a, b) => a.row - b.row || a.col - b.col);
  const byRow: GridCell[][] = sheetRows.map(() => []);
  for (const a of anchors) byRow[a.row].push(a);

  return {
    sheet: sheet.name,
    rowCount: sheetRows.length,
    colCount: sheetCols.length,
    sheetRows,
    sheetCols,
    at: (r, c) => cover[r]?.[c] ?? null,
    textAt: (r, c) => cover[r]?.[c]?.text ?? '',
    rowAnchors: (r) => byRow[r] ?? [],
    anchors,
  };
}

/** True when a position holds nothing but, at most, a blank single cell (no merge, no text). */
function isBlankPosition(cell: GridCell | null): boolean {
  return cell === null || (!cell.merged && cell.text.trim() === '');
}

/**
 * A view of the sheet rows `fromRow..toRow` (inclusive) without the blank rows and columns
 * inside: a row or column is blank when every position in it is empty or a blank single cell
 * (merged ranges, even blank ones, keep their rows and columns: they are part of the form).
 */
export function compactRegion(sheet: RawSheet, full: Grid, fromRow: number, toRow: number): Grid {
  const rows: number[] = [];
  for (let r = fromRow; r <= toRow; r++) {
    let blank = true;
    for (let c = 0; c < full.colCount && blank; c++) blank = isBlankPosition(full.at(r, c));
    if (!blank) rows.push(r);
  }
  const cols: number[] = [];
  for (let c = 0; c < full.colCount; c++) {
    let blank = true;
    for (const r of rows) {
      if (!isBlankPosition(full.at(r, c))) { blank = false; break; }
    }
    if (!blank) cols.push(c);
  }
  return buildGrid(sheet, rows, cols);
}
