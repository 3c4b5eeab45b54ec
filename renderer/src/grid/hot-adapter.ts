/**
 * The grid adapter: the one module that knows the grid engine is Handsontable (with its internals
 * file hot-internals.ts; lint rule in eslint.config.mjs). It mounts the engine into a container,
 * updates it from each new layout/findings/zoom, disposes it, and reports edits, pastes, row
 * actions and selections through GridEvents. React stays in GridView.tsx.
 */
import Handsontable from 'handsontable/base';
import { AutocompleteCellType, registerCellType } from 'handsontable/cellTypes';
import { AutocompleteEditor, TextEditor } from 'handsontable/editors';
import { registerLanguageDictionary, zhCN } from 'handsontable/i18n';
import { AutoColumnSize, Autofill, ContextMenu, CopyPaste, DragToScroll, ManualColumnResize, MergeCells, registerPlugin } from 'handsontable/plugins';
import { textRenderer } from 'handsontable/renderers';
import type { SheetLayout } from '../../../shared/layout/types';
import type { Finding } from '../../../shared/validation/types';
import { afterPaint } from '../state/after-paint';
import { makeCellRenderer, type CellRenderer, type RenderState } from './cell-renderer';
import { createDoubleClickGuard } from './double-click-guard';
import { cellMarks, gridDataOf, type GridData } from './grid-data';
import { pasteFromMenu } from './grid-intents';
import { attachGridPaste } from './grid-paste';
import { buildSettings, selectionOf } from './grid-settings';
import { CellHeights, changedPositions, sameMarks, syncGrid } from './grid-sync';
import type { GridCore, GridEditor, GridEvents, GridHandle } from './grid-types';
import { keepHeaderClassNames } from './hot-internals';

// Only the modules the grid uses (the base module brings the text cell type; the context menu
// needs AutoColumnSize): the whole set (filters, formulas, nested rows, pagination, …) made the
// renderer bundle 2.16 MB instead of 1.62 MB, parsed and compiled by every window.
registerCellType(AutocompleteCellType);
for (const plugin of [AutoColumnSize, Autofill, ContextMenu, CopyPaste, DragToScroll, ManualColumnResize, MergeCells]) registerPlugin(plugin);
registerLanguageDictionary(zhCN);

/**
 * A closed editor's measurement and value refresh wait for the paint. On every selection
 * Handsontable prepares the selected cell's editor: TextEditor.prepare calls refreshDimensions(true)
 * (reads the cell's place, measures the textarea) and the key-up that ends the selection, like a
 * data write, calls refreshValue (sets the focused textarea's value: a forced layout of the grid
 * just changed) — in the middle of a keystroke's frame. While the editor is closed the textarea is
 * invisible; both run right after the paint instead (the value then selected again, as the focus
 * manager leaves it). Opening the editor (typing, IME, F2, double click) first runs a pending
 * refresh and measures again anyway, so an editor opened early is filled and placed as before.
 */
type Deferred = 'dimensions' | 'value';
const pending = new WeakMap<TextEditor, Map<Deferred, () => void>>();
function deferWhileClosed(editor: TextEditor, what: Deferred, run: () => void): void {
  let jobs = pending.get(editor);
  if (!jobs) pending.set(editor, (jobs = new Map()));
  const first = jobs.size === 0;
  jobs.set(what, run);
  if (first) afterPaint(() => runDeferred(editor));
}
function runDeferred(editor: TextEditor): void {
  const jobs = pending.get(editor);
  pending.delete(editor);
  if (!jobs || editor.hot.isDestroyed || editor.isOpened()) return;
  jobs.get('value')?.();
  jobs.get('dimensions')?.();
}
/** The deferred work of a closed editor (both editor classes). */
const closedEditor = {
  refreshDimensions(editor: TextEditor, force: boolean, measure: (force: boolean) => void): void {
    if (!force || editor.isOpened()) { measure(force); return; }
    deferWhileClosed(editor, 'dimensions', () => {
      // refreshDimensions also shows the textarea's holder; a closed editor's holder stays hidden.
      const hidden = editor.TEXTAREA_PARENT.classList.contains('ht_editor_hidden');
      measure(true);
      if (hidden) editor.hideEditableElement();
    });
  },
  refreshValue(editor: TextEditor, refresh: () => void): void {
    if (editor.isOpened()) { refresh(); return; }
    deferWhileClosed(editor, 'value', () => {
      const textarea = editor.TEXTAREA;
      const selected = document.activeElement === textarea && textarea.selectionStart === 0 && textarea.selectionEnd === textarea.value.length;
      refresh();
      if (selected) textarea.select();
    });
  },
  beginEditing(editor: TextEditor): void {
    // A value refresh still pending: the editor opens with the cell's current text.
    const value = pending.get(editor)?.get('value');
    pending.get(editor)?.delete('value');
    value?.();
  },
};
class GridTextEditor extends TextEditor {
  override refreshDimensions(force = false): void { closedEditor.refreshDimensions(this, force, (f) => super.refreshDimensions(f)); }
  override refreshValue(): void { closedEditor.refreshValue(this, () => super.refreshValue()); }
  override beginEditing(initial?: unknown, event?: Event): void { closedEditor.beginEditing(this); super.beginEditing(initial, event); }
}
class GridAutocompleteEditor extends AutocompleteEditor {
  override refreshDimensions(force = false): void { closedEditor.refreshDimensions(this, force, (f) => super.refreshDimensions(f)); }
  override refreshValue(): void { closedEditor.refreshValue(this, () => super.refreshValue()); }
  override beginEditing(initial?: unknown, event?: Event): void { closedEditor.beginEditing(this); super.beginEditing(initial, event); }
}

/** Licence key: the user's setting from main, else the build-time key (JXMB_HOT_LICENSE). */
function licenseKey(): string {
  const fromSettings = window.jxmb?.config?.handsontableLicenseKey;
  if (fromSettings) return fromSettings;
  return typeof __JXMB_HOT_LICENSE__ === 'string' ? __JXMB_HOT_LICENSE__ : 'non-commercial-and-evaluation';
}

/** What a mounted grid offers its view: the shell's handle plus updates and disposal. */
export interface GridAdapter extends GridHandle {
  /** Shows a new layout and/or findings: changed cells only, one render. */
  update(layout: SheetLayout, findings: readonly Finding[]): void;
  /** Grid-only zoom (1 = 100%). */
  setZoom(zoom: number): void;
  dispose(): void;
}

/** Mounts the grid into `container`; `events()` gives the current callbacks. */
export function mountGrid(container: HTMLElement, init: { layout: SheetLayout; findings: readonly Finding[]; zoom: number }, events: () => GridEvents): GridAdapter {
  let state: RenderState = { layout: init.layout, marks: cellMarks(init.layout, init.findings) };
  let shown: GridData = gridDataOf(init.layout, init.zoom);
  let zoom = init.zoom;
  let nextSelection: { row: number; col: number } | null = null;
  const heights = new CellHeights();
  const guard = createDoubleClickGuard();
  const detachGuard = guard.attach();
  let instance: Handsontable | null = null;
  const core = () => instance as unknown as GridCore;
  const settings = buildSettings({
    core, events, state: () => state, initial: shown, guard, heights, licenseKey: licenseKey(),
    renderer: makeCellRenderer(() => state, textRenderer as unknown as CellRenderer),
    editors: { text: GridTextEditor, autocomplete: GridAutocompleteEditor },
    clearManualColumnSize: (col) => instance?.getPlugin('manualColumnResize').clearManualSize(col),
  });
  const element = container.appendChild(document.createElement('div'));
  element.style.height = '100%';
  instance = new Handsontable.Core(element, settings as Handsontable.GridSettings);
  instance.init();
  const hot = instance;
  keepHeaderClassNames(core());
  const detachPaste = attachGridPaste(core(), (row, col, block) => events().onPaste(row, col, block));
  // Handsontable's fast-edit focus selects the hidden editor's text in a 1 ms timer after each
  // selection; when the main thread is busy the timer can fire after typing has begun and select
  // the first typed characters, which the next key then replaces. Nothing to select once the
  // editor is open.
  hot.getFocusManager().setRefocusElementGetter(() => {
    const editor = hot.getActiveEditor() as { isOpened(): boolean; TEXTAREA?: HTMLElement } | undefined;
    return (editor && !editor.isOpened() ? editor.TEXTAREA : undefined) as HTMLElement;
  });

  return {
    update(layout, findings) {
      const before = state;
      const after: RenderState = { layout, marks: cellMarks(layout, findings) };
      state = after;
      if (before.layout === after.layout && sameMarks(before.marks, after.marks)) return;
      const prev = shown;
      shown = before.layout === after.layout ? prev : gridDataOf(after.layout, zoom);
      syncGrid(core(), prev, shown, changedPositions(before, after), heights, nextSelection);
      nextSelection = null;
    },
    setZoom(next) {
      if (zoom === next) return;
      zoom = next;
      shown = gridDataOf(state.layout, zoom);
      hot.updateSettings({ colWidths: shown.colWidths, rowHeights: shown.rowHeights });
    },
    dispose() {
      detachPaste();
      detachGuard();
      hot.destroy();
      element.remove();
    },
    // The user is editing a cell exactly when the active editor is open (typing, F2, double click,
    // IME composition). With imeFastEdit a closed editor keeps a focused, hidden textarea on the
    // selected cell: that is not editing, and shortcuts must work there.
    isEditing: () => Boolean(hot.getActiveEditor()?.isOpened()),
    selection: () => selectionOf(core()),
    selectCell(row, col) {
      const at = hot.getSelectedRangeLast();
      const single = at && at.from.row === at.to.row && at.from.col === at.to.col;
      if (!(single && at.highlight.row === row && at.highlight.col === col)) hot.selectCell(row, col);
    },
    selectOnNextUpdate(cell) { nextSelection = cell; },
    focus() { hot.listen(); },
    activeEditor() {
      const editor = hot.getActiveEditor() as unknown as GridEditor | undefined;
      return editor?.TEXTAREA ? editor : null;
    },
    scrollToTop() {
      // Only when scrolled away (a scroll costs a render); the visible range is the viewport's cached state.
      if (hot.getFirstFullyVisibleRow() > 0 || hot.getFirstFullyVisibleColumn() > 0) hot.scrollViewportTo({ row: 0, col: 0 });
    },
    pasteFromClipboard: () => pasteFromMenu(core(), events()),
  };
}
