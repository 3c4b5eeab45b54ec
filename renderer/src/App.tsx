/**
 * The editor's root component: owns the editor state (reducer), wires the file, edit, fill, print,
 * library and document actions to the menus, toolbar, workspace and status bar, and hosts the dialogs.
 * The actions themselves live in state/use-*-actions.ts.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { cellIndex, historyLabels } from '../../shared/commands';
import { familyOf } from '../../shared/families';
import type { RecentFile } from '../../shared/ipc';
import type { FamilyId } from '../../shared/model/types';
import { moneyUnitLabel } from '../../shared/values/money';
import { validateProject, validateTable } from '../../shared/validation';
import type { Finding } from '../../shared/validation/types';
import { buildMenus, SHORTCUT_HELP } from './app-menus';
import { api } from './api';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FindBar } from './components/FindBar';
import { MenuBar } from './components/MenuBar';
import { StartPage } from './components/StartPage';
import { StatusBar } from './components/StatusBar';
import { Toolbar } from './components/Toolbar';
import { Workspace } from './components/Workspace';
import { DialogHost } from './dialogs/DialogHost';
import { useDialogs } from './dialogs/use-dialogs';
import { describeCell, findingCell } from './grid/grid-data';
import type { GridHandle, GridSelection } from './grid/GridView';
import { editorReducer, initialEditorState, isDirty } from './state/editor-reducer';
import { afterPaint, useAfterPaint } from './state/after-paint';
import { layoutOf } from './state/layout-cache';
import { startMeasure } from './state/perf';
import { useAccelerators } from './state/use-accelerators';
import { useAutosave } from './state/use-autosave';
import { useEditActions } from './state/use-edit-actions';
import { useFileActions } from './state/use-file-actions';
import { useFillActions } from './state/use-fill-actions';
import { useShellEvents } from './state/use-shell-events';
import { useStableActions } from './state/use-stable-actions';
import { usePrint } from './print/use-print';
import { useDocumentFeature } from './document/use-document';
import { setValidator } from './state/validation';
import { librarySettings } from './library/library-store';
import { useLibraryFeatures } from './library/use-library-features';
import { useFind } from './state/use-find';
import { useGridZoom } from './state/use-grid-zoom';
import { selectionStats } from './state/selection-stats';
import { useFileDrop } from './state/use-file-drop';
import { useUnloadGuard } from './state/use-unload-guard';

// The settings carry the 指标库's usual units (QUA-13).
setValidator({ validateTable: (p, i) => validateTable(p, i, librarySettings()), validateProject: (p) => validateProject(p, librarySettings()) });

const NO_FINDINGS: readonly Finding[] = [];

/** The application shell: menus, toolbar, start page or workspace, status bar, dialogs. */
export function App() {
  const [state, rawDispatch] = useReducer(editorReducer, initialEditorState);
  const dispatch = useCallback((a: Parameters<typeof rawDispatch>[0]) => flushSync(() => rawDispatch(a)), []);
  const dialogs = useDialogs();
  const [notice, setNotice] = useState('');
  const [selection, setSelection] = useState<GridSelection | null>(null);
  const [showPanel, setShowPanel] = useState(true);
  const [listCollapsed, setListCollapsed] = useState(false);
  const [zoom, setZoom] = useGridZoom();
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const gridRef = useRef<GridHandle>(null);
  const nativeMenu = Boolean(window.jxmb?.config);

  const project = state.project;
  const table = project?.tables[state.tableIndex];
  const layout = table && project ? layoutOf(table, project.meta) : null;
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const currentLayout = useCallback(() => layoutRef.current, []);

  const file = useFileActions(state, dispatch, dialogs.ask, setNotice);
  const filling = useFillActions(state, dialogs.ask, setNotice);
  const edit = useEditActions(state, dispatch, dialogs.ask, currentLayout, setNotice);
  const library = useLibraryFeatures({ gridRef, state, dispatch, currentLayout, setNotice, ask: dialogs.ask, guard: file.guard });
  useAutosave(state);
  useUnloadGuard(isDirty(state));
  const openUploadRef = useRef(file.openUpload);
  openUploadRef.current = file.openUpload;
  const dragging = useFileDrop(useCallback((f: File) => void openUploadRef.current(f), []));
  // The edited table is validated again right after the frame that shows the edit.
  useEffect(() => (state.staleFindings.length > 0 ? afterPaint(() => rawDispatch({ type: 'refreshFindings' })) : undefined), [state.staleFindings]);

  const selectCellLater = useCallback((row: number, col: number) => {
    requestAnimationFrame(() => gridRef.current?.selectCell(row, col));
  }, []);

  const rowAction = useCallback((action: Parameters<typeof edit.rowAction>[0], sel?: GridSelection | null) => {
    const s = sel ?? gridRef.current?.selection() ?? selection;
    if (!s) { setNotice('请先选中一行'); return; }
    // The grid selects the target row in the update that shows the new rows (one render); the
    // later call only corrects the selection if something (a closing context menu) moved it.
    const grid = gridRef.current;
    const next = edit.rowAction(action, s, (row) => grid?.selectOnNextUpdate({ row, col: s.col }));
    grid?.selectOnNextUpdate(null);
    if (next !== null) selectCellLater(next, s.col);
  }, [edit, selection, selectCellLater]);

  const pickFinding = useCallback((f: Finding) => {
    if (!project) return;
    if (f.tableIndex !== state.tableIndex) dispatch({ type: 'selectTable', index: f.tableIndex });
    const l = layoutOf(project.tables[f.tableIndex], project.meta);
    const cell = findingCell(l, f);
    if (cell) selectCellLater(cell.row, cell.col);
  }, [dispatch, project, selectCellLater, state.tableIndex]);

  const printing = usePrint({
    project, tableIndex: state.tableIndex, displayName: state.source.displayName, setNotice,
    showProblems: (f) => { handlersRef.current.validate(); if (f) pickFinding(f); },
    exportXlsx: (tables) => void file.exportXlsx(tables),
  });

  const labels = historyLabels(state.history);
  const documents = useDocumentFeature({
    project, displayName: state.source.displayName, setNotice, labels, undo: edit.undo, redo: edit.redo,
    run: (command) => { if (command) dispatch({ type: 'command', command }); },
  });
  // 最近打开 follows every open and save (另存为 included): the host's list is read again.
  useEffect(() => {
    if (!state.source.path) return;
    void window.jxmb?.listRecent().then((r) => { if (r.ok) setRecent(r.value); }).catch(() => undefined);
  }, [state.source.path]);
  // Switching tables shows the new table from its title (a find or a finding then selects its cell).
  useEffect(() => { gridRef.current?.scrollToTop(); }, [state.tableIndex]);

  const selectTable = useCallback((i: number) => {
    if (i === state.tableIndex) return;
    startMeasure('switchTable');
    dispatch({ type: 'selectTable', index: i });
  }, [dispatch, state.tableIndex]);
  const stateRef = useRef(state);
  stateRef.current = state;
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const finder = useFind({
    getState: () => stateRef.current, getSelection: () => gridRef.current?.selection() ?? selectionRef.current, dispatch, selectCellLater, setNotice,
  });

  const has = Boolean(project);
  const handlers = {
    newProject: () => void file.newProject(), open: (p?: string) => void file.openProject(p), openSample: () => void file.openSample(),
    save: () => void file.save(), saveAs: () => void file.saveAs(), importXlsx: () => void file.importXlsx(),
    exportXlsx: printing.exportXlsx, fillSource: () => void filling.fillSource(), fillTemplate: () => void filling.fillTemplate(), exportPdf: printing.exportPdf, print: printing.openPreview, close: () => void file.closeWindow(),
    exportDocument: documents.openExport, editDepartment: documents.openDepartment,
    undo: edit.undo, redo: edit.redo, paste: () => void gridRef.current?.pasteFromClipboard(), find: () => has && finder.open(false), replace: () => has && finder.open(true),
    insertAbove: () => rowAction('insertAbove'), insertBelow: () => rowAction('insertBelow'), deleteRows: () => rowAction('delete'),
    moveUp: () => rowAction('moveUp'), moveDown: () => rowAction('moveDown'),
    addTable: () => void file.addTable(), duplicateTable: () => edit.duplicateTable(state.tableIndex),
    renameTable: () => void edit.renameTable(state.tableIndex), deleteTable: () => void edit.deleteTable(state.tableIndex),
    changeFamily: () => void edit.pickFamily(),
    convertMoney: () => table && edit.convertMoney(table.moneyUnit === 'yuan' ? 'wanYuan' : 'yuan'),
    validate: () => { dispatch({ type: 'validateAll' }); setShowPanel(true); setNotice('已完成校验'); },
    togglePanel: () => setShowPanel((v) => !v),
    prevTable: () => selectTable(state.tableIndex - 1), nextTable: () => selectTable(state.tableIndex + 1),
    shortcuts: () => void dialogs.ask({ kind: 'message', title: '快捷键', lines: SHORTCUT_HELP }),
    ...library.handlers,
    about: () => void dialogs.ask({ kind: 'message', title: '关于', lines: ['绩效目标表编辑器', '离线编辑、校验、导入导出和打印预算绩效目标表。'] }),
  };
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  useShellEvents(handlersRef, file.openProject, file.closeWindow, file.restore, dialogs.ask, setRecent);

  const isEditing = useCallback(() => Boolean(gridRef.current?.isEditing()), []);
  const always = [
    { keys: 'Alt+Shift+ArrowUp', run: () => handlersRef.current.moveUp() },
    { keys: 'Alt+Shift+ArrowDown', run: () => handlersRef.current.moveDown() },
    { keys: 'F7', run: () => handlersRef.current.validate() },
    { keys: 'F9', run: () => handlersRef.current.libraryPanel() },
    { keys: 'Ctrl+PageUp', run: () => handlersRef.current.prevTable() },
    { keys: 'Ctrl+PageDown', run: () => handlersRef.current.nextTable() },
  ];
  const menuKeys = [
    { keys: 'Ctrl+N', run: () => handlersRef.current.newProject(), inInputs: true },
    { keys: 'Ctrl+O', run: () => handlersRef.current.open(), inInputs: true },
    { keys: 'Ctrl+S', run: () => handlersRef.current.save(), inInputs: true },
    { keys: 'Ctrl+Shift+S', run: () => handlersRef.current.saveAs(), inInputs: true },
    { keys: 'Ctrl+P', run: () => handlersRef.current.print(), inInputs: true },
    { keys: 'Ctrl+Z', run: () => handlersRef.current.undo() },
    { keys: 'Ctrl+Y', run: () => handlersRef.current.redo() },
    { keys: 'Ctrl+Shift+Z', run: () => handlersRef.current.redo() },
    { keys: 'Ctrl+F', run: () => handlersRef.current.find(), inInputs: true },
    // (Also keeps the browser's history page from opening in browser mode.)
    { keys: 'Ctrl+H', run: () => handlersRef.current.replace(), inInputs: true },
    { keys: 'Ctrl+Shift+=', run: () => handlersRef.current.insertBelow() },
    { keys: 'Ctrl+Alt+Shift+=', run: () => handlersRef.current.insertAbove() },
    { keys: 'Ctrl+-', run: () => handlersRef.current.deleteRows() },
  ];
  useAccelerators(nativeMenu ? always : [...always, ...menuKeys], isEditing);

  // The grid shows each change in the frame of the key press; the table list, panels, status bar
  // and title follow right after that frame is painted (useAfterPaint), outside the edit's frame.
  const lagged = useAfterPaint(useMemo(() => ({ state, selection, notice }), [state, selection, notice]));
  const shown = lagged.state.project ? lagged : { state, selection, notice };
  const shownProject = shown.state.project;
  const shownTable = shownProject?.tables[shown.state.tableIndex];
  const shownLayout = shownTable === table ? layout : shownTable && shownProject ? layoutOf(shownTable, shownProject.meta) : null;
  const dirty = isDirty(shown.state);
  const title = shownProject ? `${shown.state.source.displayName || '未命名'}${dirty ? ' *' : ''} - 绩效目标表编辑器` : '绩效目标表编辑器';
  useEffect(() => {
    document.title = title;
    void window.jxmb?.setDocumentState({ title, dirty }).catch(() => undefined);
  }, [title, dirty]);

  const at = shown.selection;
  const selectedCell = shownLayout && at ? cellIndex(shownLayout).at(at.row, at.col) : undefined;
  const meaning = shownLayout && shownTable && at ? describeCell(shownLayout, at.row, at.col, shownTable.indicators) : '';
  const view = useMemo(() => shownProject && { project: shownProject, tableIndex: shown.state.tableIndex, findings: shown.state.findings, selectedCell, meaning },
    [shownProject, shown.state.tableIndex, shown.state.findings, selectedCell, meaning]);
  const actions = useStableActions({
    onSelectTable: selectTable, onAddTable: handlers.addTable, onDuplicateTable: edit.duplicateTable, onRenameTable: (i: number) => void edit.renameTable(i),
    onDeleteTable: (i: number) => void edit.deleteTable(i), onMoveTable: edit.moveTable, onEdits: edit.edits, onPaste: (row: number, col: number, block: string[][]) => edit.paste(row, col, block),
    onBlankCell: edit.blankCell, onClear: edit.clear, onFillDown: edit.fillDown, onRefused: (message: string) => setNotice(`⚠ ${message}`),
    onRowAction: rowAction, onSelect: setSelection, onPickFinding: pickFinding, onFix: edit.applyFix, onFixAll: edit.applyFixes, onColumnResize: edit.columnWidth,
    onSetCell: (text: string) => {
      const cell = layout && selection ? cellIndex(layout).at(selection.row, selection.col) : undefined;
      if (cell?.binding) edit.edits([{ binding: cell.binding, text }]);
    },
    onChangeFamily: (f: FamilyId) => void edit.changeFamily(f), onConvertMoney: edit.convertMoney,
  });
  const toggleList = useCallback(() => setListCollapsed((v) => !v), []);
  const togglePanel = useCallback(() => setShowPanel((v) => !v), []);
  const stats = useMemo(() => (shownLayout && at ? selectionStats(shownLayout, at) : null), [shownLayout, at]);
  const menus = useMemo(() => buildMenus(handlersRef.current, { hasDocument: has, canUndo: labels.undo, canRedo: labels.redo, recent }),
    [has, labels.undo, labels.redo, recent]);

  return (
    <div className="app">
      {!nativeMenu && <MenuBar menus={menus} />}
      <Toolbar
        hasDocument={has} onNew={handlers.newProject} onOpen={() => handlers.open()} onSave={handlers.save} onImport={handlers.importXlsx}
        onExport={handlers.exportXlsx} onPrint={handlers.print} onValidate={handlers.validate}
      />
      {finder.bar.open && (
        <FindBar replace={finder.bar.replace} status={finder.bar.status} onFind={finder.find} onReplace={finder.replace} onClose={finder.close} />
      )}
      {project && layout && view ? (
        <ErrorBoundary resetKey={state.revision}>
        <Workspace
          ref={gridRef} layout={layout} gridFindings={state.findings[state.tableIndex] ?? NO_FINDINGS} view={view} showPanel={showPanel} actions={actions}
          listCollapsed={listCollapsed} onToggleList={toggleList} onTogglePanel={togglePanel} zoom={zoom}
        />
        </ErrorBoundary>
      ) : project ? (
        <div className="workspace empty-project">项目中没有表。<button onClick={handlers.addTable}>新建表</button></div>
      ) : (
        <StartPage recent={recent} onNew={handlers.newProject} onOpen={handlers.open} onImport={handlers.importXlsx} onSample={handlers.openSample} />
      )}
      <StatusBar
        family={shownTable ? `${familyOf(shownTable).letter} · ${familyOf(shownTable).displayName}` : '就绪'}
        moneyUnit={shownTable ? `金额单位：${moneyUnitLabel(shownTable.moneyUnit)}` : ''}
        cellMeaning={meaning} notice={shown.notice}
        saveState={!shownProject ? '' : dirty ? '未保存' : '已保存'}
        stats={stats} zoom={zoom} onZoom={shownProject ? setZoom : undefined}
      />
      {printing.ui}
      {library.ui}
      {documents.ui}
      {dragging && <div className="drop-overlay" data-testid="drop-overlay">松开鼠标即可打开：.jxmb 项目文件或 .xlsx 工作簿</div>}
      <DialogHost spec={dialogs.current} answer={dialogs.answer} />
    </div>
  );
}

export { api };
