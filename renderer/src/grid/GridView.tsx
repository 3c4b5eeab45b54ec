import { HotTable, type HotTableRef } from '@handsontable/react-wrapper';
import type Handsontable from 'handsontable/base';
import { forwardRef, memo, useImperativeHandle, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { cellIndex, editableAnchorAt, type CellEdit } from '../../../shared/commands';
import type { SheetLayout } from '../../../shared/layout/types';
import type { Finding } from '../../../shared/validation/types';
import { gridPainted, startMeasure } from '../state/perf';
import { makeCellRenderer, type RenderState } from './cell-renderer';
import { cellClassName, cellMarks, gridDataOf, type GridData } from './grid-data';
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
  readonly onRowAction: (action: RowAction, selection: GridSelection) => void;
  readonly onSelect: (selection: GridSelection) => void;
}

/** What the shell can ask of the grid. */
export interface GridHandle {
  isEditing(): boolean;
  selection(): GridSelection | null;
  selectCell(row: number, col: number): void;
  focus(): void;
}

/** Licence key: the user's setting from main, else the build-time key (JXMB_HOT_LICENSE). */
function licenseKey(): string {
  const fromSettings = window.jxmb?.config?.handsontableLicenseKey;
  if (fromSettings) return fromSettings;
  return typeof __JXMB_HOT_LICENSE__ === 'string' ? __JXMB_HOT_LICENSE__ : 'non-commercial-and-evaluation';
}

function sameMerges(a: GridData['mergeCells'], b: GridData['mergeCells']): boolean {
  if (a.length !== b.length) return false;
  return a.every((m, i) => m.row === b[i].row && m.col === b[i].col && m.rowspan === b[i].rowspan && m.colspan === b[i].colspan);
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

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
  const renderState = useRef<RenderState>({ layout: props.layout, marks: cellMarks(props.layout, props.findings) });
  const shown = useRef<GridData>(gridDataOf(props.layout));
  const hot = () => hotRef.current?.hotInstance ?? null;

  useImperativeHandle(ref, () => ({
    isEditing: () => {
      // With imeFastEdit the editor is prepared hidden (ht_editor_hidden) on every selection; only a visible editor counts.
      // An editor counts only when the user changed its text or entered full edit mode (F2, double click).
      const editor = hot()?.getActiveEditor() as {
        isOpened(): boolean; isInFullEditMode?(): boolean; getValue?(): unknown; originalValue?: unknown; TEXTAREA_PARENT?: HTMLElement;
      } | undefined;
      if (!editor?.isOpened() || editor.TEXTAREA_PARENT?.classList.contains('ht_editor_hidden')) return false;
      return Boolean(editor.isInFullEditMode?.()) || String(editor.getValue?.() ?? '') !== String(editor.originalValue ?? '');
    },
    selection: () => {
      const instance = hot();
      return instance ? selectionOf(instance) : null;
    },
    selectCell: (row, col) => { hot()?.selectCell(row, col); },
    focus: () => { hot()?.listen(); },
  }), []);

  const settings = useMemo(() => buildSettings(propsRef, renderState, shown.current), []);

  useLayoutEffect(() => {
    const instance = hot();
    const next = gridDataOf(props.layout);
    renderState.current = { layout: props.layout, marks: cellMarks(props.layout, props.findings) };
    if (!instance) return;
    const prev = shown.current;
    shown.current = next;
    if (prev.data === next.data) return;
    const sameShape = prev.data.length === next.data.length && sameMerges(prev.mergeCells, next.mergeCells) && sameNumbers(prev.colWidths, next.colWidths);
    if (sameShape) {
      // A cell edit: push only the cells whose text changed (often none: Handsontable already shows the typed text).
      const changed: [number, number, string][] = [];
      next.data.forEach((row, r) => row.forEach((v, c) => { if (instance.getDataAtCell(r, c) !== v) changed.push([r, c, v]); }));
      instance.batch(() => {
        if (changed.length > 200) instance.updateData(next.data, 'jxmb-sync');
        else if (changed.length > 0) instance.setDataAtCell(changed, 'jxmb-sync');
        if (!sameNumbers(prev.rowHeights, next.rowHeights)) instance.updateSettings({ rowHeights: next.rowHeights });
        instance.render();
      });
    } else if (next.colWidths.length !== prev.colWidths.length) {
      // Another table shape (table switch, family change): drop the old merges while the old data is in place.
      instance.updateSettings({ mergeCells: [] });
      instance.updateSettings({ data: next.data, colWidths: next.colWidths, rowHeights: next.rowHeights });
      instance.updateSettings({ mergeCells: next.mergeCells });
    } else if (next.data.length < prev.data.length) {
      // Shrinking: move the merges first (old merges past the new last row would break MergeCells), then the data.
      instance.updateSettings({ mergeCells: next.mergeCells });
      instance.updateSettings({ data: next.data, colWidths: next.colWidths, rowHeights: next.rowHeights });
    } else {
      // Growing or same size with other merges: data first, so the new merges fit.
      instance.updateSettings({ data: next.data, colWidths: next.colWidths, rowHeights: next.rowHeights });
      instance.updateSettings({ mergeCells: next.mergeCells });
    }
  }, [props.layout]);

  useLayoutEffect(() => {
    renderState.current = { layout: props.layout, marks: cellMarks(props.layout, props.findings) };
    hot()?.render();
  }, [props.findings]);

  return (
    <div className="grid-host" data-testid="grid">
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

function buildSettings(propsRef: PropsRef, state: StateRef, initial: GridData): Handsontable.GridSettings & { className?: string } {
  const renderer = makeCellRenderer(() => state.current);
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
    width: '100%',
    height: '100%',
    rowHeaders: true,
    colHeaders: true,
    wordWrap: true,
    autoRowSize: false,
    autoColumnSize: false,
    undo: false,
    fillHandle: false,
    allowInsertRow: false,
    allowInsertColumn: false,
    allowRemoveRow: false,
    allowRemoveColumn: false,
    outsideClickDeselects: false,
    enterMoves: { row: 1, col: 0 },
    tabMoves: { row: 0, col: 1 },
    autoWrapRow: false,
    imeFastEdit: true,
    copyPaste: true,
    renderer,
    cells(row, col) {
      const layout = state.current.layout;
      const cell = cellIndex(layout).at(row, col);
      const editable = editableAnchorAt(layout, row, col);
      const meta: Partial<Handsontable.CellProperties> = { readOnly: !editable, className: cellClassName(cell), renderer };
      const list = pickListFor(editable?.binding);
      if (list) Object.assign(meta, { editor: 'autocomplete', source: list, strict: false, filter: false, trimDropdown: false });
      else meta.editor = 'text';
      return meta;
    },
    beforeChange(changes, source) {
      if ((source as string) === 'jxmb-sync' || source === 'loadData' || source === 'updateData' || (source as string) === 'MergeCells') return;
      const layout = state.current.layout;
      const edits: CellEdit[] = [];
      changes.forEach((change, i) => {
        if (!change) return;
        const [row, prop, , value] = change;
        const cell = editableAnchorAt(layout, row, Number(prop));
        if (cell?.binding) edits.push({ binding: cell.binding, text: value == null ? '' : String(value) });
        // Labels and covered cells never change; editable cells may show the typed text until the
        // new layout arrives (letting the change through keeps Handsontable's editor state clean).
        else changes[i] = null;
      });
      if (edits.length > 0) {
        startMeasure('commit');
        queueMicrotask(() => propsRef.current.onEdits(edits));
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
    afterSelectionEnd(row, col, row2, col2) {
      propsRef.current.onSelect({ row: Math.min(row, row2), col: Math.min(col, col2), row2: Math.max(row, row2), col2: Math.max(col, col2) });
    },
    afterRender() {
      gridPainted();
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
      },
    },
  };
}
