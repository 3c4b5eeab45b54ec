/**
 * Layout → grid sync: pushes a new layout's data, sizes and merges into the grid engine with ONE
 * render per change, repainting only changed cells when the shape stays (the engine's internals
 * this needs are in hot-internals.ts).
 */
import { cellIndex } from '../../../shared/layout/cell-index';
import type { LayoutCell, SheetLayout } from '../../../shared/layout/types';
import { cellClassName, type CellMark, type GridData } from './grid-data';
import type { GridCore } from './grid-types';
import { clearMergesKeepingCells, repaintCell, setFullRender } from './hot-internals';
import { pickListFor } from './pick-lists';

/** Above this many changed cells a full render is cheaper than repainting cell by cell. */
const MAX_REPAINTED_CELLS = 40;

/** Source tag of the grid's own data writes; beforeChange ignores them. */
export const SYNC_SOURCE = 'jxmb-sync';

function sameMerges(a: GridData['mergeCells'], b: GridData['mergeCells']): boolean {
  if (a.length !== b.length) return false;
  return a.every((m, i) => m.row === b[i].row && m.col === b[i].col && m.rowspan === b[i].rowspan && m.colspan === b[i].colspan);
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const sameMark = (a: CellMark | undefined, b: CellMark | undefined) =>
  a === b || (!!a && !!b && a.severity === b.severity && a.messages.length === b.messages.length && a.messages.every((text, i) => text === b.messages[i]));

/** True when two mark maps would paint the same (same positions, severities and messages). */
export function sameMarks(a: ReadonlyMap<string, CellMark>, b: ReadonlyMap<string, CellMark>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, m] of a) if (!sameMark(m, b.get(key))) return false;
  return true;
}

/**
 * A cell edit: push only the cells whose text changed, into the source data (setSourceDataAtCell:
 * no change hooks, and no editor preparation as setDataAtCell would do — the selected cell's
 * editor only gets its value refreshed, after the paint while it is closed: see hot-adapter.ts).
 * The grid's source data always equals `prev.data` (the grid never writes its own data: edits
 * become commands), so the texts are compared with it rather than asked of the grid cell by cell.
 * Covered positions may hold null (MergeCells writes them) where the grid data says ''.
 */
function syncCells(instance: GridCore, prev: GridData, next: GridData): void {
  const changed: [number, number, string][] = [];
  next.data.forEach((row, r) => row.forEach((v, c) => {
    if ((prev.data[r]?.[c] ?? '') !== v) changed.push([r, c, v]);
  }));
  if (changed.length > 200) instance.updateData(next.data, SYNC_SOURCE);
  else if (changed.length > 0) instance.setSourceDataAtCell(changed, undefined, undefined, SYNC_SOURCE);
  if (!sameNumbers(prev.rowHeights, next.rowHeights)) instance.updateSettings({ rowHeights: next.rowHeights });
}

/**
 * Another table shape (table switch, family change, rows inserted or removed). The old merges are
 * cleared first, while the old data is in place (clearing merges that reach past the new last row
 * after the data changed breaks MergeCells); then data, sizes and the new merges go in ONE
 * updateSettings call (each call makes Handsontable measure the grid again, suspended render or
 * not), where MergeCells builds the new merges after the new data is loaded.
 */
function syncStructure(instance: GridCore, next: GridData, select: { row: number; col: number } | null): void {
  // With a selected cell, MergeCells' data write makes Handsontable prepare the cell editor,
  // which measures the half-updated grid (a full forced layout before the render's own). The
  // selection is set aside while the grid changes and put back (clamped) before the one render
  // (the grid's editors measure themselves only after the paint, see editors.ts).
  const editor = instance.getActiveEditor();
  const selected = editor?.isOpened() ? undefined : instance.getSelectedLast();
  const rows = next.data.length - 1;
  const cols = next.colWidths.length - 1;
  const clamp = (v: number, max: number) => Math.max(0, Math.min(v, max));
  instance.suspendRender();
  try {
    if (selected) instance.deselectCell();
    clearMergesKeepingCells(instance);
    instance.updateSettings({ data: next.data, colWidths: next.colWidths, rowHeights: next.rowHeights, mergeCells: next.mergeCells });
    if (select) instance.selectCell(clamp(select.row, rows), clamp(select.col, cols));
    else if (selected) instance.selectCell(clamp(selected[0], rows), clamp(selected[1], cols), clamp(selected[2], rows), clamp(selected[3], cols), false);
  } finally {
    instance.resumeRender();
  }
}

/** What Handsontable's cell meta is made of (see GridView `cells`): equal keys, equal meta. */
const metaKey = (cell: LayoutCell) => `${cellClassName(cell)}|${Boolean(cell.binding)}|${pickListFor(cell.binding)?.join() ?? ''}`;

/** A cell to paint again; `text` when its text changed (it may need another height). */
export interface Repaint {
  readonly row: number;
  readonly col: number;
  readonly text: boolean;
}

/**
 * The grid positions whose painted content differs between two render states while everything
 * Handsontable itself knows (anchors, spans, cell meta) stays the same: changed texts and
 * changed finding marks. Null when the shape or any cell meta changed (a full render is needed).
 */
export function changedPositions(
  prev: { layout: SheetLayout; marks: ReadonlyMap<string, CellMark> },
  next: { layout: SheetLayout; marks: ReadonlyMap<string, CellMark> },
): Repaint[] | null {
  const a = prev.layout;
  const b = next.layout;
  if (a.rowCount !== b.rowCount || a.colCount !== b.colCount || a.cells.length !== b.cells.length) return null;
  const texts = new Set<string>();
  const keys = new Set<string>();
  if (a !== b) {
    const before = cellIndex(a);
    for (const cell of b.cells) {
      const old = before.at(cell.row, cell.col);
      if (!old || old.row !== cell.row || old.col !== cell.col || old.rowspan !== cell.rowspan || old.colspan !== cell.colspan) return null;
      if (old.text === cell.text && old.style === cell.style && old.role === cell.role && old.binding === cell.binding) continue;
      if (metaKey(old) !== metaKey(cell)) return null;
      if (old.text !== cell.text) texts.add(`${cell.row},${cell.col}`);
    }
  }
  for (const key of new Set([...prev.marks.keys(), ...next.marks.keys()])) {
    if (!sameMark(prev.marks.get(key), next.marks.get(key))) keys.add(key);
  }
  for (const key of texts) keys.add(key);
  return [...keys].map((key) => {
    const [row, col] = key.split(',').map(Number);
    return { row, col, text: texts.has(key) };
  });
}

/**
 * Cell heights around a repaint, read without extra layouts. Before: the height of the cell whose
 * editor was opened, read right after the opening (the editor measured the grid then), valid until
 * the grid renders fully again. After: read at the end of the fast draw that follows the repaint,
 * where the draw's own measurements have just laid the grid out; a changed height (wrapped text
 * needs another row height) asks for a full render before the frame is painted.
 */
export class CellHeights {
  private renders = 0;
  private known: { td: HTMLTableCellElement; renders: number; height: number } | null = null;
  private check: { td: HTMLTableCellElement; height: number }[] | null = null;

  /** Remembers the current height of `td` (call where the layout is already clean). */
  remember(td: HTMLTableCellElement | null): void {
    this.known = td ? { td, renders: this.renders, height: td.offsetHeight } : null;
  }

  /** The height of `td` before the pending writes: remembered, else read (a forced layout). */
  before(td: HTMLTableCellElement): number {
    const k = this.known;
    return k && k.td === td && k.renders === this.renders ? k.height : td.offsetHeight;
  }

  /** These repainted cells must keep their heights through the next (fast) render. */
  expect(cells: { td: HTMLTableCellElement; height: number }[]): void {
    this.check = cells.length > 0 ? cells : null;
  }

  /** The grid rendered (full or fast); `renderFully` when a repainted cell changed its height. */
  rendered(full: boolean, renderFully: () => void): void {
    const check = this.check;
    this.check = null;
    if (full) {
      this.renders++;
      return;
    }
    if (check?.some((c) => c.td.offsetHeight !== c.height)) queueMicrotask(renderFully);
  }
}

/**
 * Paints the given cells again (cells not rendered now are painted from the new layout when they
 * scroll in). The heights of cells whose text changed are checked after the fast draw (CellHeights).
 */
function repaintCells(instance: GridCore, cells: readonly Repaint[], heights: CellHeights): void {
  const shown = cells.flatMap((c) => {
    const td = instance.getCell(c.row, c.col);
    return td ? [{ ...c, td }] : [];
  });
  const before = shown.flatMap((c) => (c.text ? [{ td: c.td, height: heights.before(c.td) }] : []));
  for (const c of shown) repaintCell(instance, c.td, c.row, c.col);
  heights.expect(before);
}

/**
 * Pushes a new layout's grid data into Handsontable and renders ONCE: on a cell edit only the
 * changed cells' data, and only the `repaint` positions are painted again (a full render when
 * they are many or unknown (null), or in the same frame when they change a row height); data, sizes and merges in one
 * suspended-render block on a structural change, which then selects `select` (a row action's
 * target) instead of putting the previous selection back.
 * Render suspension (not `batch()`, which also defers index-mapper updates that MergeCells
 * needs to validate merges against the new row count) nests: an outer suspension (a user edit
 * being committed) gets the single render when it resumes.
 */
export function syncGrid(
  instance: GridCore, prev: GridData, next: GridData, repaint: readonly Repaint[] | null, heights: CellHeights, select: { row: number; col: number } | null = null,
): void {
  const sameShape = prev.data.length === next.data.length && sameMerges(prev.mergeCells, next.mergeCells) && sameNumbers(prev.colWidths, next.colWidths);
  if (!sameShape) {
    syncStructure(instance, next, select);
    return;
  }
  instance.suspendRender();
  try {
    syncCells(instance, prev, next);
    const cheap = repaint !== null && repaint.length <= MAX_REPAINTED_CELLS && sameNumbers(prev.rowHeights, next.rowHeights);
    // Only texts and marks changed: repaint those cells and let the pending render be a fast
    // draw (selection and overlays only) instead of re-rendering every cell of the viewport.
    if (cheap) repaintCells(instance, repaint, heights);
    setFullRender(instance, !cheap);
  } finally {
    instance.resumeRender();
  }
}
