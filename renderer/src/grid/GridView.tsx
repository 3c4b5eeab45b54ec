import { HotTable, type HotTableRef } from '@handsontable/react-wrapper';
import type Handsontable from 'handsontable/base';
import { forwardRef, memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, type CSSProperties, type RefObject } from 'react';
import type { CellEdit } from '../../../shared/commands';
import { blankSlotPart, cellIndex, editableAnchorAt } from '../../../shared/layout/cell-index';
import type { LayoutCell } from '../../../shared/layout/types';
import type { SheetLayout } from '../../../shared/layout/types';
import type { Finding } from '../../../shared/validation/types';
import { gridPainted, startMeasure } from '../state/perf';
import { makeCellRenderer, type RenderState } from './cell-renderer';
import { cellClassName, cellMarks, gridDataOf, type GridData } from './grid-data';
import { createDoubleClickGuard, type DoubleClickGuard } from './double-click-guard';
import { GridAutocompleteEditor, GridTextEditor } from './editors';
import { intentSettings, pasteFromMenu } from './grid-intents';
import type { GridRange } from './grid-keys';
import { attachGridPaste } from './grid-paste';
import { changedPositions, sameMarks, SYNC_SOURCE, syncGrid } from './grid-sync';
import { pickListFor } from './pick-lists';
import { registerHandsontable } from './register';

registerHandsontable();

/** Row actions offered by the context menu and shortcuts. */
export type RowAction = 'insertAbove' | 'insertBelow' | 'delete' | 'moveUp' | 'moveDown';

/** A selected range in grid coordinates (inclusive). */
export interface GridSelection {
  readonly row: number;
  readonly col: number;
  readonly row2: number;
  readonly col2: number;
}

export interface GridViewProps {
  readonly layout: SheetLayout;
  readonly findings: readonly Finding[];
  /** Cell commits (typing, Delete on a range, autofill): one undo step per call. */
  readonly onEdits: (edits: CellEdit[]) => void;
  /** A pasted block (already parsed from TSV/HTML by Handsontable) at its top-left position. */
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
  readonly onSelect: (selection: GridSelection) => void;
  /** Grid-only zoom (1 = 100%): column widths, row heights and text scale; the window does not. */
  readonly zoom: number;
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
  /** The Handsontable instance, for add-ons that watch its editor (renderer/src/library suggestions). */
  instance(): Handsontable | null;
  /** Scrolls the grid to the title (top-left), keeping the selection. */
  scrollToTop(): void;
  /** 粘贴 from the menus: reads the system clipboard and pastes at the selection. */
  pasteFromClipboard(): Promise<void>;
}

/** Licence key: the user's setting from main, else the build-time key (JXMB_HOT_LICENSE). */
function licenseKey(): string {
  const fromSettings = window.jxmb?.config?.handsontableLicenseKey;
  if (fromSettings) return fromSettings;
  return typeof __JXMB_HOT_LICENSE__ === 'string' ? __JXMB_HOT_LICENSE__ : 'non-commercial-and-evaluation';
}

/**
 * The Handsontable adapter: shows a SheetLayout (same merges, widths, texts and look as the
 * printed form) and turns every edit into a callback; the grid never owns the document.
 * Handsontable is mounted once with stable settings and then updated imperatively from
 * each new layout (only data, merges and sizes that changed).
 */
export const GridView = memo(forwardRef<GridHandle, GridViewProps>(function GridView(props, ref) {
  const hotRef = useRef<HotTableRef>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const renderState = useRef<RenderState>(null as unknown as RenderState);
  renderState.current ??= { layout: props.layout, marks: cellMarks(props.layout, props.findings) };
  const shown = useRef<GridData>(null as unknown as GridData);
  shown.current ??= gridDataOf(props.layout, props.zoom);
  const zoomRef = useRef(props.zoom);
  const hot = () => hotRef.current?.hotInstance ?? null;
  const nextSelection = useRef<{ row: number; col: number } | null>(null);

  useImperativeHandle(ref, () => ({
    // The user is editing a cell exactly when Handsontable's active editor is open (typing, F2,
    // double click, IME composition). With imeFastEdit a closed editor keeps a focused, hidden
    // textarea on the selected cell: that is not editing, and shortcuts must work there.
    isEditing: () => Boolean(hot()?.getActiveEditor()?.isOpened()),
    selection: () => {
      const instance = hot();
      return instance ? selectionOf(instance) : null;
    },
    selectCell: (row, col) => {
      const instance = hot();
      const at = instance?.getSelectedRangeLast();
      const single = at && at.from.row === at.to.row && at.from.col === at.to.col;
      if (instance && !(single && at.highlight.row === row && at.highlight.col === col)) instance.selectCell(row, col);
    },
    selectOnNextUpdate: (cell) => { nextSelection.current = cell; },
    focus: () => { hot()?.listen(); },
    instance: () => hot(),
    scrollToTop: () => {
      // Only when scrolled away (a scroll costs a render); the visible range is the viewport's cached state.
      const instance = hot();
      if (instance && (instance.getFirstFullyVisibleRow() > 0 || instance.getFirstFullyVisibleColumn() > 0)) instance.scrollViewportTo({ row: 0, col: 0 });
    },
    pasteFromClipboard: async () => {
      const instance = hot();
      if (instance) await pasteFromMenu(instance, propsRef.current);
    },
  }), []);

  const guard = useMemo(createDoubleClickGuard, []);
  useEffect(() => guard.attach(), [guard]);
  const settings = useMemo(() => buildSettings(propsRef, renderState, shown.current, guard), [guard]);

  // One effect for layout and findings: an edit repaints only its changed cells (or renders once).
  useLayoutEffect(() => {
    const instance = hot();
    const before = renderState.current;
    const after: RenderState = { layout: props.layout, marks: cellMarks(props.layout, props.findings) };
    renderState.current = after;
    if (!instance || (before.layout === after.layout && sameMarks(before.marks, after.marks))) return;
    const prev = shown.current;
    const next = before.layout === after.layout ? prev : gridDataOf(after.layout, zoomRef.current);
    shown.current = next;
    syncGrid(instance, prev, next, changedPositions(before, after), nextSelection.current);
    nextSelection.current = null;
  }, [props.layout, props.findings]);

  useLayoutEffect(() => {
    const instance = hot();
    if (!instance || zoomRef.current === props.zoom) return;
    zoomRef.current = props.zoom;
    const next = gridDataOf(props.layout, props.zoom);
    shown.current = next;
    instance.updateSettings({ colWidths: next.colWidths, rowHeights: next.rowHeights });
  }, [props.zoom, props.layout]);

  return (
    <div className="grid-host" data-testid="grid" style={{ '--grid-zoom': props.zoom } as CSSProperties}>
      <HotHost hotRef={hotRef} settings={settings} />
    </div>
  );
}));

/**
 * Handsontable itself, rendered once: the React wrapper calls updateSettings with every prop
 * on each re-render (which would reset data and close an open editor), so its props never change.
 */
const HotHost = memo(function HotHost({ hotRef, settings }: { hotRef: RefObject<HotTableRef | null>; settings: object }) {
  return <HotTable ref={hotRef} {...settings} />;
});

type PropsRef = { readonly current: GridViewProps };
type StateRef = { readonly current: RenderState };

function selectionOf(instance: Handsontable): GridSelection | null {
  const range = instance.getSelectedRangeLast();
  if (!range) return null;
  const { from, to } = range;
  const r1 = Math.max(0, from.row ?? 0);
  const r2 = Math.max(0, to.row ?? 0);
  const c1 = Math.max(0, from.col ?? 0);
  const c2 = Math.max(0, to.col ?? 0);
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), row2: Math.max(r1, r2), col2: Math.max(c1, c2) };
}

type CellMeta = Partial<Handsontable.CellProperties>;


function cellMeta(layout: SheetLayout, row: number, col: number, renderer: Handsontable.renderers.BaseRenderer): CellMeta {
  const cell = cellIndex(layout).at(row, col);
  const editable = editableAnchorAt(layout, row, col);
  // A blank slot row (family A spacer) takes typing: the shell creates the indicator there.
  const meta: CellMeta = { readOnly: !editable && !blankSlotPart(layout, row, col), className: cellClassName(cell), renderer };
  const list = pickListFor(editable?.binding);
  // (Cell meta types `editor` as a plain constructor; editor classes take the Handsontable instance.)
  if (list) Object.assign(meta, { editor: GridAutocompleteEditor, source: list, strict: false, filter: false, trimDropdown: false });
  else Object.assign(meta, { editor: GridTextEditor });
  return meta;
}

/**
 * Every updateSettings call makes Walkontable remove and re-add the `htRowHeaders` /
 * `htColumnHeaders` classes on the grid wrapper, which invalidates the style of every cell and
 * makes the next measurement (inside the same updateSettings) lay the whole grid out again. The
 * headers never change here: once the classes are in place, keep them.
 */
function keepHeaderClassNames(instance: Handsontable): void {
  const wt = (instance as unknown as { view?: { _wt?: { exportSettingsAsClassNames?: () => void; wtTable?: { wtRootElement?: HTMLElement } } } }).view?._wt;
  const exportClasses = wt?.exportSettingsAsClassNames;
  if (!wt || typeof exportClasses !== 'function') return;
  wt.exportSettingsAsClassNames = function keepClasses() {
    const wrapper = wt.wtTable?.wtRootElement?.parentElement;
    if (wrapper?.classList.contains('htRowHeaders') && wrapper.classList.contains('htColumnHeaders')) return;
    exportClasses.call(wt);
  };
}

/**
 * After a selection change Handsontable focuses the cell and moves the focus to the hidden
 * fast-edit textarea in a timer; an IME composition (or typing) that starts before that timer
 * runs — it runs late when the main thread is busy — would go to the cell and be lost. Do it
 * right after the render instead (the timer then finds the textarea already focused).
 */
function focusFastEditor(instance: Handsontable): void {
  if (instance.isDestroyed || !instance.getSettings().imeFastEdit) return;
  const editor = instance.getActiveEditor() as { isOpened(): boolean; TEXTAREA?: HTMLTextAreaElement } | undefined;
  const active = document.activeElement;
  if (!editor?.TEXTAREA || editor.isOpened() || !(active instanceof HTMLTableCellElement) || !instance.rootElement.contains(active)) return;
  editor.TEXTAREA.focus({ preventScroll: true });
  editor.TEXTAREA.select();
}

function buildSettings(propsRef: PropsRef, state: StateRef, initial: GridData, guard: DoubleClickGuard): Handsontable.GridSettings & { className?: string } {
  const renderer = makeCellRenderer(() => state.current);
  const metaCache = new WeakMap<SheetLayout, CellMeta[]>();
  let selectionMoved = false;
  const rowItem = (key: RowAction, name: string): Handsontable.plugins.ContextMenu.MenuItemConfig => ({
    key, name,
    disabled() {
      const l = state.current.layout;
      const sel = selectionOf(this as unknown as Handsontable);
      return !sel || sel.row2 <= l.matrixHeaderRow;
    },
    callback() {
      const sel = selectionOf(this as unknown as Handsontable);
      if (sel) propsRef.current.onRowAction(key, sel);
    },
  });
  return {
    data: initial.data,
    mergeCells: initial.mergeCells,
    colWidths: initial.colWidths,
    rowHeights: initial.rowHeights,
    licenseKey: licenseKey(),
    language: 'zh-CN',
    themeName: 'ht-theme-main',
    // main.tsx loads Handsontable's core CSS itself (trimmed, see styles/handsontable-css.ts);
    // injected again, every selector would be matched twice on every style recalculation.
    injectCoreCss: false,
    width: '100%',
    height: '100%',
    rowHeaders: true,
    colHeaders: true,
    wordWrap: true,
    autoRowSize: false,
    autoColumnSize: false,
    undo: false,
    // The fill handle fills down a column (its changes become one command in beforeChange).
    fillHandle: { direction: 'vertical', autoInsertRow: false },
    allowInsertRow: false,
    allowInsertColumn: false,
    allowRemoveRow: false,
    allowRemoveColumn: false,
    outsideClickDeselects: false,
    // Excel: Enter moves down (Shift+Enter up) and never opens the editor; F2 or typing edits.
    enterBeginsEditing: false,
    enterMoves: { row: 1, col: 0 },
    tabMoves: { row: 0, col: 1 },
    // Tab at the end of a row goes on to the next row (handleGridKey wraps the last cell to the first).
    autoWrapRow: true,
    imeFastEdit: true,
    copyPaste: true,
    renderer,
    cells(row, col) {
      // Called for every cell on every render: computed once per layout and position.
      const layout = state.current.layout;
      let metas = metaCache.get(layout);
      if (!metas) metaCache.set(layout, (metas = []));
      const key = row * layout.colCount + col;
      return (metas[key] ??= cellMeta(layout, row, col, renderer));
    },
    beforeChange(changes, source) {
      if ((source as string) === 'MergeCells') {
        // MergeCells clears the covered positions of every merge (null) whenever merges are set;
        // the grid data already holds '' there. Dropping these no-op changes spares Handsontable
        // the change's row/column adjustment, size check and editor preparation.
        changes.forEach((change, i) => { if (change && (change[2] ?? '') === '' && (change[3] ?? '') === '') changes[i] = null; });
        return;
      }
      if ((source as string) === SYNC_SOURCE || source === 'loadData' || source === 'updateData') return;
      const layout = state.current.layout;
      const edits: CellEdit[] = [];
      changes.forEach((change, i) => {
        if (!change) return;
        const [row, prop, , value] = change;
        const cell = editableAnchorAt(layout, row, Number(prop));
        const text = value == null ? '' : String(value);
        if (cell?.binding) edits.push({ binding: cell.binding, text });
        else if (source === 'edit' && text.trim() !== '' && blankSlotPart(layout, row, Number(prop))) queueMicrotask(() => propsRef.current.onBlankCell(row, Number(prop), text));
        // The grid never writes its own data: edits become commands, and the new layout's texts
        // reach the grid through syncGrid. (A change let through here would also make
        // Handsontable prepare the editor of the edited cell again — measuring the grid — just
        // before the selection moves on; and a text the command normalises would stay behind.)
        changes[i] = null;
      });
      if (edits.length > 0) {
        startMeasure('commit');
        // Handsontable would render now with the old layout; hold that render until the command has
        // produced the new layout and the grid is synced, so the edit costs one render.
        const instance = this as unknown as Handsontable;
        instance.suspendRender();
        queueMicrotask(() => {
          try {
            propsRef.current.onEdits(edits);
          } finally {
            instance.resumeRender();
          }
        });
      }
    },
    beforePaste(data, coords) {
      const start = coords[0];
      if (start) {
        const block = data.map((line) => line.map((v) => (v == null ? '' : String(v))));
        queueMicrotask(() => propsRef.current.onPaste(start.startRow, start.startCol, block));
      }
      return false;
    },
    // Excel keys, column widths (grid-intents.ts).
    ...intentSettings(() => propsRef.current, () => state.current.layout),
    afterInit() {
      const instance = this as unknown as Handsontable;
      keepHeaderClassNames(instance);
      const detach = attachGridPaste(instance, (row, col, block) => propsRef.current.onPaste(row, col, block));
      instance.addHookOnce('afterDestroy', detach);
      // Handsontable's fast-edit focus selects the hidden editor's text in a 1 ms timer after each
      // selection; when the main thread is busy the timer can fire after typing has begun and
      // select the first typed characters, which the next key then replaces. Nothing to select
      // once the editor is open.
      instance.getFocusManager().setRefocusElementGetter(() => {
        const editor = instance.getActiveEditor() as { isOpened(): boolean; TEXTAREA?: HTMLElement } | undefined;
        return (editor && !editor.isOpened() ? editor.TEXTAREA : undefined) as HTMLElement;
      });
    },
    modifyFocusedElement() {
      // After a selection render Handsontable focuses the selected cell, and with imeFastEdit the
      // hidden editor's textarea takes the focus right after (focusFastEditor / its own timer):
      // focus the textarea at once (one focus, one style update, instead of two).
      const instance = this as unknown as Handsontable;
      const editor = instance.getActiveEditor() as { isOpened(): boolean; TEXTAREA?: HTMLTextAreaElement } | undefined;
      return instance.getSettings().imeFastEdit && editor?.TEXTAREA && !editor.isOpened() ? editor.TEXTAREA : undefined;
    },
    afterOnCellMouseDown() {
      guard.afterOnCellMouseDown();
    },
    beforeBeginEditing(_allowed, _col, _value, event) {
      // (Handsontable passes the previous handler's answer — MergeCells' — as the first argument.)
      if (guard.allowsOpening(event)) return undefined;
      // Refused: Handsontable drops its active editor; selecting the cell again prepares the
      // hidden fast-edit editor (IME-ready) as after a plain click.
      const instance = this as unknown as Handsontable;
      const at = instance.getSelectedRangeLast()?.highlight;
      queueMicrotask(() => { if (at?.row != null && at.col != null && !instance.isDestroyed) instance.selectCell(at.row, at.col); });
      return false;
    },
    afterSelectionEnd(row, col, row2, col2) {
      propsRef.current.onSelect({ row: Math.min(row, row2), col: Math.min(col, col2), row2: Math.max(row, row2), col2: Math.max(col, col2) });
    },
    afterSelection() {
      selectionMoved = true;
    },
    afterRender() {
      gridPainted();
      if (!selectionMoved) return;
      selectionMoved = false;
      const instance = this as unknown as Handsontable;
      queueMicrotask(() => focusFastEditor(instance));
    },
    contextMenu: {
      items: {
        insertAbove: rowItem('insertAbove', '在上方插入指标行'),
        insertBelow: rowItem('insertBelow', '在下方插入指标行'),
        delete: rowItem('delete', '删除指标行'),
        sep1: '---------' as unknown as Handsontable.plugins.ContextMenu.MenuItemConfig,
        moveUp: rowItem('moveUp', '上移（组内）'),
        moveDown: rowItem('moveDown', '下移（组内）'),
        sep2: '---------' as unknown as Handsontable.plugins.ContextMenu.MenuItemConfig,
        copy: { name: '复制' } as Handsontable.plugins.ContextMenu.MenuItemConfig,
        cut: { name: '剪切' } as Handsontable.plugins.ContextMenu.MenuItemConfig,
        pasteBlock: {
          name: '粘贴',
          callback() { void pasteFromMenu(this as unknown as Handsontable, propsRef.current); },
        },
      },
    },
  };
}
