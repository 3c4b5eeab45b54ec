/**
 * The grid's own types, free of Handsontable: what the shell passes in and gets back (selection,
 * row actions, events, the imperative handle), and `GridCore` — the slice of the grid engine's
 * instance that the grid's helper modules use. Only hot-adapter.ts and hot-internals.ts know the
 * engine is Handsontable (lint rule in eslint.config.mjs).
 */
import type { CellEdit } from '../../../shared/commands';
import type { LayoutCell } from '../../../shared/layout/types';

/** Row actions offered by the context menu and shortcuts. */
export type RowAction = 'insertAbove' | 'insertBelow' | 'delete' | 'moveUp' | 'moveDown';

/** A selected range in grid coordinates (inclusive, normalised). */
export interface GridSelection {
  readonly row: number;
  readonly col: number;
  readonly row2: number;
  readonly col2: number;
}

/** A selected range (same shape as GridSelection; used for key intents). */
export type GridRange = GridSelection;

/** What the grid tells the shell (every edit becomes a callback; the grid never owns the document). */
export interface GridEvents {
  /** Cell commits (typing, autofill): one undo step per call. */
  readonly onEdits: (edits: CellEdit[]) => void;
  /** A pasted block at its top-left position. */
  readonly onPaste: (row: number, col: number, block: string[][]) => void;
  /** Text typed into a blank slot (spacer) row: the shell creates the indicator there. */
  readonly onBlankCell: (row: number, col: number, text: string) => void;
  /** Delete/Backspace: empty these cells (one undo step). */
  readonly onClear: (cells: readonly LayoutCell[]) => void;
  /** Ctrl+D: fill each range down from its top row. */
  readonly onFillDown: (ranges: readonly GridRange[]) => void;
  /** A column edge was dragged: the new width in Excel character units (the table's layout keeps it). */
  readonly onColumnResize: (col: number, widthChars: number) => void;
  /** A key or paste that could not change the grid, with the reason in Chinese. */
  readonly onRefused: (message: string) => void;
  readonly onRowAction: (action: RowAction, selection: GridSelection) => void;
  /** The selection changed; told after the frame that shows it is painted (outside a keystroke's frame). */
  readonly onSelect: (selection: GridSelection) => void;
}

/** The cell editor that is active on the selected cell (open or not). */
export interface GridEditor {
  readonly row: number;
  readonly col: number;
  readonly TEXTAREA: HTMLTextAreaElement;
  isOpened(): boolean;
  finishEditing(restoreOriginalValue?: boolean): void;
  beginEditing(initial?: string): void;
  enableFullEditMode(): void;
}

/** What the shell can ask of the grid. */
export interface GridHandle {
  isEditing(): boolean;
  selection(): GridSelection | null;
  /** Selects a cell (nothing to do when it is already the selected one). */
  selectCell(row: number, col: number): void;
  /**
   * The cell to select when the next layout changes the grid's shape, in place of the previous
   * selection (clamped) that a structural update otherwise puts back; null withdraws it.
   */
  selectOnNextUpdate(cell: { row: number; col: number } | null): void;
  focus(): void;
  /** The active cell editor, for add-ons that watch it (renderer/src/library suggestions). */
  activeEditor(): GridEditor | null;
  /** Scrolls the grid to the title (top-left), keeping the selection. */
  scrollToTop(): void;
  /** 粘贴 from the menus: reads the system clipboard and pastes at the selection. */
  pasteFromClipboard(): Promise<void>;
}

/** A cell range as the engine reports it (coordinates may be negative on headers). */
export interface CoreRange {
  readonly from: { readonly row: number | null; readonly col: number | null };
  readonly to: { readonly row: number | null; readonly col: number | null };
  readonly highlight: { readonly row: number | null; readonly col: number | null };
  getTopStartCorner(): { readonly row: number | null; readonly col: number | null };
}

/** The engine's active editor as the helpers see it. */
export interface CoreEditor {
  isOpened(): boolean;
  readonly TEXTAREA?: HTMLTextAreaElement | HTMLInputElement;
}

/** The slice of the grid engine's instance used outside hot-adapter.ts (public API only). */
export interface GridCore {
  readonly rootElement: HTMLElement;
  readonly isDestroyed: boolean;
  getSelectedRange(): CoreRange[] | undefined;
  getSelectedRangeLast(): CoreRange | undefined;
  getSelectedLast(): number[] | undefined;
  selectCell(row: number, col: number, endRow?: number, endCol?: number, scrollToCell?: boolean): boolean;
  deselectCell(): void;
  getCellMeta(row: number, col: number): { readOnly?: boolean };
  getActiveEditor(): CoreEditor | undefined;
  getCell(row: number, col: number): HTMLTableCellElement | null;
  setSourceDataAtCell(changes: [number, number, string][], column?: undefined, value?: undefined, source?: string): void;
  updateData(data: string[][], source?: string): void;
  updateSettings(settings: Record<string, unknown>): void;
  suspendRender(): void;
  resumeRender(): void;
  render(): void;
  listen(): void;
  isListening(): boolean;
}
