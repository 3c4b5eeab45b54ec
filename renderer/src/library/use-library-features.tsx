/**
 * Wires the 指标库 into the editor shell with one hook: suggestions in 三级指标 cells, the 指标库
 * panel (inserts entries as rows, one undo step), import / export of the user's library, and
 * 按上年新建. App calls it once and renders `ui`; menu handlers come back in `handlers`.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { insertLibraryEntriesCommand, setCellsCommand, type Command } from '../../../shared/commands';
import { editableAnchorAt } from '../../../shared/layout/cell-index';
import { familyOf } from '../../../shared/families';
import type { SheetLayout } from '../../../shared/layout/types';
import { LIBRARY_CATEGORIES } from '../../../shared/library/categories';
import type { LibraryEntry } from '../../../shared/library/types';
import type { Project } from '../../../shared/model/types';
import { api, unwrap } from '../api';
import type { DialogAnswer, DialogSpec } from '../dialogs/dialog-types';
import type { GridHandle } from '../grid/GridView';
import type { EditorAction, EditorState } from '../state/editor-reducer';
import { LibraryPanel } from './LibraryPanel';
import { librarySnapshot, refreshUserLibrary } from './library-store';
import { attachSuggestions, type SuggestHost } from './suggest-controller';
import { YearCopyDialog, type YearCopyChoice } from './YearCopyDialog';
import './library.css';

type Ask = <S extends DialogSpec>(spec: S) => Promise<DialogAnswer<S['kind']>>;

const CANONICAL_LEVEL2 = new Set(LIBRARY_CATEGORIES.map((c) => c.level2));

export interface LibraryFeatureDeps {
  readonly gridRef: RefObject<GridHandle | null>;
  readonly state: EditorState;
  readonly dispatch: (a: EditorAction) => void;
  readonly currentLayout: () => SheetLayout | null;
  readonly setNotice: (text: string) => void;
  readonly ask: Ask;
  /** Resolves unsaved changes before the document is replaced (true: go on). */
  readonly guard: () => Promise<boolean>;
}

/** The cell of indicator `index`'s part in a layout. */
function partCell(layout: SheetLayout, index: number, part: 'name' | 'value') {
  return layout.cells.find((c) => c.binding?.indicatorIndex === index && c.binding.part === part);
}

/** The grid's side of the suggestions: the row under the editor, the library, the one-step fill. */
function suggestHost(ref: { readonly current: LibraryFeatureDeps }, run: (command: Command | null) => void): SuggestHost {
  return {
    grid: () => ref.current.gridRef.current,
    entries: () => librarySnapshot().entries,
    nameCellAt: (row, col) => {
      const { state, currentLayout } = ref.current;
      const layout = currentLayout();
      const binding = layout ? editableAnchorAt(layout, row, col)?.binding : undefined;
      if (binding?.part !== 'name' || binding.indicatorIndex == null) return null;
      const ind = state.project?.tables[state.tableIndex]?.indicators[binding.indicatorIndex];
      if (!ind) return null;
      return { indicatorIndex: binding.indicatorIndex, level2: CANONICAL_LEVEL2.has(ind.level2) ? ind.level2 : undefined };
    },
    fill: (entry, index, valueText) => {
      const { state, currentLayout } = ref.current;
      const layout = currentLayout();
      const name = layout && partCell(layout, index, 'name');
      const value = layout && partCell(layout, index, 'value');
      if (!state.project || !name?.binding || !value?.binding) return null;
      run(setCellsCommand(state.project, state.tableIndex, [{ binding: name.binding, text: entry.name }, { binding: value.binding, text: valueText }], `填入指标“${entry.name}”`));
      return { row: value.row, col: value.col };
    },
  };
}

/** The 指标库 features; `ui` goes anywhere in the shell (the panel portals into the workspace). */
export function useLibraryFeatures(deps: LibraryFeatureDeps): { ui: ReactNode; handlers: { libraryPanel(): void; newFromLastYear(): void; importLibrary(): void; exportLibrary(): void } } {
  const ref = useRef(deps);
  ref.current = deps;
  const [panel, setPanel] = useState(false);
  const [yearCopy, setYearCopy] = useState(false);
  const [host, setHost] = useState<Element | null>(null);

  const run = useCallback((command: Command | null) => {
    if (!command) return;
    ref.current.setNotice(command.label);
    ref.current.dispatch({ type: 'command', command });
  }, []);

  useEffect(() => attachSuggestions(suggestHost(ref, run)), [run]);

  // the user's library: at start, and shortly after each save (main learns in the background)
  useEffect(() => { void refreshUserLibrary(); }, []);
  const saved = deps.state.savedMarker;
  const savedPath = deps.state.source.path;
  useEffect(() => {
    if (!savedPath) return undefined;
    const timer = setTimeout(() => void refreshUserLibrary(), 1500);
    return () => clearTimeout(timer);
  }, [saved, savedPath]);

  // the panel lives in the workspace row (beside the grid); follow it if the workspace is re-created
  useLayoutEffect(() => {
    const el = panel ? document.querySelector('.workspace') : null;
    if (el !== host) setHost(el);
  });

  const report = useCallback(async (title: string, e: unknown) => {
    await ref.current.ask({ kind: 'message', title, lines: [(e as Error)?.message ?? String(e)] });
  }, []);

  const insert = useCallback((entries: readonly LibraryEntry[]) => {
    const { state, setNotice } = ref.current;
    if (!state.project) return;
    const result = insertLibraryEntriesCommand(state.project, state.tableIndex, entries);
    run(result.command);
    if (result.skipped.length > 0) setNotice(`当前表的版式没有“${result.skipped[0].level2}”，${result.skipped.length} 条指标未插入`);
  }, [run]);

  const handlers = useMemo(() => ({
    libraryPanel: () => {
      setPanel((v) => !v);
      void refreshUserLibrary();
    },
    newFromLastYear: () => { if (ref.current.state.project) setYearCopy(true); },
    importLibrary: () => void (async () => {
      try {
        const r = unwrap(await api().importLibrary());
        if (!r) return;
        await refreshUserLibrary();
        ref.current.setNotice(`已导入指标库：${r.count} 条指标`);
      } catch (e) { await report('导入指标库失败', e); }
    })(),
    exportLibrary: () => void (async () => {
      try {
        const r = unwrap(await api().exportLibrary());
        if (r) ref.current.setNotice(`已导出我的指标库（${r.count} 条）到 ${r.path}`);
      } catch (e) { await report('导出指标库失败', e); }
    })(),
  }), [report]);

  const finishYearCopy = useCallback(async (choice: YearCopyChoice | null) => {
    setYearCopy(false);
    if (!choice || !(await ref.current.guard())) return;
    const changed = choice.changes.filter((c) => c.action === 'changed').length;
    ref.current.dispatch({ type: 'load', project: choice.project, source: { path: null, displayName: `${choice.toYear}年（按上年新建）` }, neverSaved: true });
    ref.current.setNotice(`已按上年新建 ${choice.toYear} 年项目：修改 ${changed} 处年份`);
  }, []);

  const project: Project | null = deps.state.project;
  const table = project?.tables[deps.state.tableIndex];
  const level2s = useMemo(() => new Set(table ? familyOf(table).categories.flatMap((c) => c.level2.map((l) => l.name)) : []), [table]);
  const ui = (
    <>
      {panel && host && table && createPortal(
        <LibraryPanel level2s={level2s} onInsert={insert} onImport={handlers.importLibrary} onExport={handlers.exportLibrary} onClose={() => setPanel(false)} />, host)}
      {yearCopy && project && <YearCopyDialog project={project} tableIndex={deps.state.tableIndex} onDone={(c) => void finishYearCopy(c)} />}
    </>
  );
  return { ui, handlers };
}
