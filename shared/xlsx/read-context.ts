/**
 * The state the readers of one table region share (grid view, recognized anchors, warnings) and the
 * helpers that add warnings, including the report of every cell no reader recognized.
 */
import type { Grid, GridCell } from './grid';
import type { ImportWarning, ImportWarningKind } from './raw';

/**
 * State shared by the readers of one table region: the grid view, the anchors already
 * recognized (everything else non-empty is reported) and the warnings collected.
 */
export interface ReadContext {
  readonly grid: Grid;
  readonly consumed: Set<GridCell>;
  readonly warnings: ImportWarning[];
  /** How messages name the table, e.g. `第2张表`. */
  readonly tableName: string;
}

/** Adds a warning about a cell of the context's sheet. */
export function warnCell(ctx: ReadContext, cell: Pick<GridCell, 'ref'> | null, message: string, kind?: ImportWarningKind): void {
  const w: ImportWarning = cell && cell.ref !== '' ? { sheet: ctx.grid.sheet, cell: cell.ref, message } : { sheet: ctx.grid.sheet, message };
  ctx.warnings.push(kind ? { ...w, kind } : w);
}

/** Shortens a text for a message: first 30 characters, line breaks shown as spaces. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}

/**
 * Reports every non-empty anchor of rows `fromRow..toRow` that no reader recognized
 * ("nothing recognizable is dropped": the user sees what was not imported).
 */
export function reportUnconsumed(ctx: ReadContext, fromRow: number, toRow: number): void {
  for (const cell of ctx.grid.anchors) {
    if (cell.row < fromRow || cell.row > toRow || ctx.consumed.has(cell) || cell.text.trim() === '') continue;
    warnCell(ctx, cell, `${ctx.tableName}：未识别的内容「${quote(cell.text)}」，未导入`, 'unread');
  }
}
