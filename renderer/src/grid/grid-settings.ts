/**
 * The grid engine's settings and hooks (plain options, no engine types): the printed form's look,
 * Excel keys and gestures, and every edit turned into a GridEvents callback. Hooks reach the
 * instance through `core()`; hot-adapter.ts hands the object to Handsontable.
 */
import type { CellEdit } from '../../../shared/commands';
import { blankSlotPart, cellIndex, editableAnchorAt } from '../../../shared/layout/cell-index';
import type { SheetLayout } from '../../../shared/layout/types';
import { afterPaint } from '../state/after-paint';
import { gridPainted, startMeasure } from '../state/perf';
import type { CellRenderer, RenderState } from './cell-renderer';
import type { DoubleClickGuard } from './double-click-guard';
import { cellClassName, type GridData } from './grid-data';
import { columnWidthChars, pasteFromMenu } from './grid-intents';
import { handleGridKey } from './grid-keys';
import { SYNC_SOURCE, type CellHeights } from './grid-sync';
import type { GridCore, GridEvents, GridSelection, RowAction } from './grid-types';
import { pickListFor } from './pick-lists';

/** What the settings need from the adapter. */
export interface SettingsContext {
  readonly core: () => GridCore;
  readonly events: () => GridEvents;
  readonly state: () => RenderState;
  readonly initial: GridData;
  readonly guard: DoubleClickGuard;
  readonly renderer: CellRenderer;
  /** Editor classes: plain text cells and cells with a pick list. */
  readonly editors: { readonly text: unknown; readonly autocomplete: unknown };
  readonly heights: CellHeights;
  readonly licenseKey: string;
  /** The manual column resize plugin forgets its own width for this column. */
  readonly clearManualColumnSize: (col: number) => void;
}

/** The normalised last selected range of the engine, or null. */
export function selectionOf(instance: GridCore): GridSelection | null {
  const range = instance.getSelectedRangeLast();
  if (!range) return null;
  const { from, to } = range;
  const r1 = Math.max(0, from.row ?? 0);
  const r2 = Math.max(0, to.row ?? 0);
  const c1 = Math.max(0, from.col ?? 0);
  const c2 = Math.max(0, to.col ?? 0);
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), row2: Math.max(r1, r2), col2: Math.max(c1, c2) };
}

type CellMeta = Record<string, unknown>;

function cellMeta(layout: SheetLayout, row: number, col: number, ctx: SettingsContext): CellMeta {
  const cell = cellIndex(layout).at(row, col);
  const editable = editableAnchorAt(layout, row, col);
  // A blank slot row (family A spacer) takes typing: the shell creates the indicator there.
  const meta: CellMeta = { readOnly: !editable && !blankSlotPart(layout, row, col), className: cellClassName(cell), renderer: ctx.renderer };
  const list = pickListFor(editable?.binding);
  if (list) Object.assign(meta, { editor: ctx.editors.autocomplete, source: list, strict: false, filter: false, trimDropdown: false });
  else Object.assign(meta, { editor: ctx.editors.text });
  return meta;
}

/** The closed fast-edit editor's textarea, or undefined (an open editor keeps its focus). */
function closedEditorTextarea(instance: GridCore): HTMLTextAreaElement | HTMLInputElement | undefined {
  const editor = instance.getActiveEditor();
  return editor?.TEXTAREA && !editor.isOpened() ? editor.TEXTAREA : undefined;
}

/**
 * After a selection change Handsontable focuses the cell and moves the focus to the hidden
 * fast-edit textarea in a timer; an IME composition (or typing) that starts before that timer
 * runs — it runs late when the main thread is busy — would go to the cell and be lost. Do it
 * right after the render instead (the timer then finds the textarea already focused).
 */
function focusFastEditor(instance: GridCore): void {
  if (instance.isDestroyed) return;
  const textarea = closedEditorTextarea(instance);
  const active = document.activeElement;
  if (!textarea || !(active instanceof HTMLTableCellElement) || !instance.rootElement.contains(active)) return;
  textarea.focus({ preventScroll: true });
  textarea.select();
}

/** The commit of typed edits: one command after the engine's own (held) render. */
function commitEdits(ctx: SettingsContext, changes: ([number, string | number, unknown, unknown] | null)[], source: string): void {
  const layout = ctx.state().layout;
  const edits: CellEdit[] = [];
  changes.forEach((change, i) => {
    if (!change) return;
    const [row, prop, , value] = change;
    const cell = editableAnchorAt(layout, row, Number(prop));
    const text = value == null ? '' : String(value);
    if (cell?.binding) edits.push({ binding: cell.binding, text });
    else if (source === 'edit' && text.trim() !== '' && blankSlotPart(layout, row, Number(prop))) queueMicrotask(() => ctx.events().onBlankCell(row, Number(prop), text));
    // The grid never writes its own data: edits become commands, and the new layout's texts
    // reach the grid through syncGrid. (A change let through here would also make the engine
    // prepare the editor of the edited cell again — measuring the grid — just before the
    // selection moves on; and a text the command normalises would stay behind.)
    changes[i] = null;
  });
  if (edits.length === 0) return;
  startMeasure('commit');
  // The engine would render now with the old layout; hold that render until the command has
  // produced the new layout and the grid is synced, so the edit costs one render.
  const instance = ctx.core();
  instance.suspendRender();
  queueMicrotask(() => {
    try {
      ctx.events().onEdits(edits);
    } finally {
      instance.resumeRender();
    }
  });
}

/** Tells the shell the selection after the frame showing it is painted (latest one only). */
function deferredSelect(ctx: SettingsContext): (selection: GridSelection) => void {
  let latest: GridSelection | null = null;
  return (selection) => {
    const pending = latest !== null;
    latest = selection;
    if (pending) return;
    afterPaint(() => {
      const s = latest;
      latest = null;
      if (s && !ctx.core().isDestroyed) ctx.events().onSelect(s);
    });
  };
}

/** The settings object (static: mounted once; later changes go through updateSettings). */
export function buildSettings(ctx: SettingsContext): Record<string, unknown> {
  const metaCache = new WeakMap<SheetLayout, CellMeta[]>();
  const select = deferredSelect(ctx);
  let selectionMoved = false;
  const rowItem = (key: RowAction, name: string) => ({
    key, name,
    disabled() {
      const sel = selectionOf(ctx.core());
      return !sel || sel.row2 <= ctx.state().layout.matrixHeaderRow;
    },
    callback() {
      const sel = selectionOf(ctx.core());
      if (sel) ctx.events().onRowAction(key, sel);
    },
  });
  const { initial } = ctx;
  return {
    data: initial.data, mergeCells: initial.mergeCells, colWidths: initial.colWidths, rowHeights: initial.rowHeights,
    licenseKey: ctx.licenseKey,
    language: 'zh-CN',
    themeName: 'ht-theme-main',
    // The core CSS is in the app's stylesheet (trimmed at build time, renderer/build/handsontable-css-plugin.ts);
    // injected again, every selector would be matched twice on every style recalculation.
    injectCoreCss: false,
    width: '100%', height: '100%',
    rowHeaders: true, colHeaders: true,
    wordWrap: true, autoRowSize: false, autoColumnSize: false, undo: false,
    // The fill handle fills down a column (its changes become one command in beforeChange).
    fillHandle: { direction: 'vertical', autoInsertRow: false },
    allowInsertRow: false, allowInsertColumn: false, allowRemoveRow: false, allowRemoveColumn: false,
    outsideClickDeselects: false,
    // Excel: Enter moves down (Shift+Enter up) and never opens the editor; F2 or typing edits.
    enterBeginsEditing: false,
    enterMoves: { row: 1, col: 0 },
    tabMoves: { row: 0, col: 1 },
    // Tab at the end of a row goes on to the next row (handleGridKey wraps the last cell to the first).
    autoWrapRow: true,
    imeFastEdit: true,
    copyPaste: true,
    renderer: ctx.renderer,
    cells(row: number, col: number) {
      // Called for every cell on every render: computed once per layout and position.
      const layout = ctx.state().layout;
      let metas = metaCache.get(layout);
      if (!metas) metaCache.set(layout, (metas = []));
      return (metas[row * layout.colCount + col] ??= cellMeta(layout, row, col, ctx));
    },
    beforeChange(changes: ([number, string | number, unknown, unknown] | null)[], source: string) {
      if (source === 'MergeCells') {
        // MergeCells clears the covered positions of every merge (null) whenever merges are set;
        // the grid data already holds '' there. Dropping these no-op changes spares the engine
        // the change's row/column adjustment, size check and editor preparation.
        changes.forEach((change, i) => { if (change && (change[2] ?? '') === '' && (change[3] ?? '') === '') changes[i] = null; });
        return;
      }
      if (source === SYNC_SOURCE || source === 'loadData' || source === 'updateData') return;
      commitEdits(ctx, changes, source);
    },
    beforePaste(data: unknown[][], coords: { startRow: number; startCol: number }[]) {
      const start = coords[0];
      if (start) {
        const block = data.map((line) => line.map((v) => (v == null ? '' : String(v))));
        queueMicrotask(() => ctx.events().onPaste(start.startRow, start.startCol, block));
      }
      return false;
    },
    // Column widths belong to the table's layout (saved, printed, exported): a drag becomes a
    // command, and the plugin's own remembered width is dropped so the layout's width rules.
    manualColumnResize: true,
    afterColumnResize(newSize: number, column: number) {
      const instance = ctx.core();
      const chars = columnWidthChars(instance.rootElement, newSize);
      queueMicrotask(() => {
        ctx.events().onColumnResize(column, chars);
        ctx.clearManualColumnSize(column);
        instance.render();
      });
    },
    // Excel keys (grid-keys.ts).
    beforeKeyDown(event: KeyboardEvent) {
      return handleGridKey(ctx.core(), ctx.state().layout, event, ctx.events());
    },
    modifyFocusedElement() {
      // After a selection render the engine focuses the selected cell, and with imeFastEdit the
      // hidden editor's textarea takes the focus right after (focusFastEditor / its own timer):
      // focus the textarea at once (one focus, one style update, instead of two).
      return closedEditorTextarea(ctx.core());
    },
    afterOnCellMouseDown() {
      ctx.guard.afterOnCellMouseDown();
    },
    beforeBeginEditing(_allowed: unknown, _col: number, _value: unknown, event: Event | undefined) {
      // (The engine passes the previous handler's answer — MergeCells' — as the first argument.)
      if (ctx.guard.allowsOpening(event)) return undefined;
      // Refused: the engine drops its active editor; selecting the cell again prepares the
      // hidden fast-edit editor (IME-ready) as after a plain click.
      const instance = ctx.core();
      const at = instance.getSelectedRangeLast()?.highlight;
      queueMicrotask(() => { if (at?.row != null && at.col != null && !instance.isDestroyed) instance.selectCell(at.row, at.col); });
      return false;
    },
    afterBeginEditing(row: number, col: number) {
      // The editor has just measured the grid: its cell's height is known cheaply now.
      ctx.heights.remember(ctx.core().getCell(row, col));
    },
    afterSelectionEnd(row: number, col: number, row2: number, col2: number) {
      select({ row: Math.min(row, row2), col: Math.min(col, col2), row2: Math.max(row, row2), col2: Math.max(col, col2) });
    },
    afterSelection() {
      selectionMoved = true;
    },
    afterRender(isFullRender: boolean) {
      ctx.heights.rendered(isFullRender, () => { if (!ctx.core().isDestroyed) ctx.core().render(); });
      gridPainted();
      if (!selectionMoved) return;
      selectionMoved = false;
      const instance = ctx.core();
      queueMicrotask(() => focusFastEditor(instance));
    },
    contextMenu: {
      items: {
        insertAbove: rowItem('insertAbove', '在上方插入指标行'),
        insertBelow: rowItem('insertBelow', '在下方插入指标行'),
        delete: rowItem('delete', '删除指标行'),
        sep1: '---------',
        moveUp: rowItem('moveUp', '上移（组内）'),
        moveDown: rowItem('moveDown', '下移（组内）'),
        sep2: '---------',
        copy: { name: '复制' },
        cut: { name: '剪切' },
        pasteBlock: { name: '粘贴', callback() { void pasteFromMenu(ctx.core(), ctx.events()); } },
      },
    },
  };
}
