/**
 * The file actions of the editor (新建, 打开, 示例, 导入, 恢复, 保存, 另存为, 导出Excel, 关闭, 新建表)
 * and the unsaved-changes guard, talking to the main process over IPC.
 */
import { useCallback, useRef } from 'react';
import { addTableCommand, addTableLikeCommand } from '../../../shared/commands';
import type { OpenedFile } from '../../../shared/ipc';
import { createProject, createTable } from '../../../shared/model/create';
import type { BuiltinFamilyId, FamilyId, Project } from '../../../shared/model/types';
import { api, unwrap } from '../api';
import type { DialogAnswer, DialogSpec, LearnedChoice } from '../dialogs/dialog-types';
import { isDirty, type EditorAction, type EditorState } from './editor-reducer';
import { startMeasure } from './perf';
import { checkProject } from './validation';
import { fileToBase64, pickFile, uploadKind } from './upload';
import { allowUnload } from './use-unload-guard';

type Ask = <S extends DialogSpec>(spec: S) => Promise<DialogAnswer<S['kind']>>;

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;
const stripExt = (name: string) => name.replace(/\.[^.]+$/, '');

/**
 * File-level intents (新建 / 打开 / 示例 / 导入 / 保存 / 另存为 / 导出 / 打印 / 关闭) with the
 * unsaved-changes prompt, error messages and export warnings. Opening or importing resets the
 * undo history (capture policy in shared/commands/history.ts).
 */
export function useFileActions(state: EditorState, dispatch: (a: EditorAction) => void, ask: Ask, setNotice: (s: string) => void) {
  const stateRef = useRef(state);
  stateRef.current = state;

  const report = useCallback(async (title: string, e: unknown) => {
    await ask({ kind: 'message', title, lines: [e instanceof Error ? e.message : String(e)] });
  }, [ask]);

  const saveTo = useCallback(async (saveAs: boolean): Promise<boolean> => {
    const s = stateRef.current;
    if (!s.project) return false;
    try {
      setNotice('正在保存…');
      const suggestedName = stripExt(s.source.displayName || s.project.tables[0]?.projectName || '绩效目标表');
      const saved = !saveAs && s.source.path
        ? unwrap(await api().saveProject({ path: s.source.path, project: s.project }))
        : unwrap(await api().saveProjectAs({ project: s.project, suggestedName }));
      if (!saved) { setNotice('已取消保存'); return false; }
      dispatch({ type: 'saved', path: saved.path, displayName: baseName(saved.path) });
      dispatch({ type: 'validateAll' });
      void api().discardRecovery();
      setNotice(`已保存到 ${saved.path}`);
      return true;
    } catch (e) {
      setNotice('保存失败');
      await report('保存失败', e);
      return false;
    }
  }, [dispatch, report, setNotice]);

  /** Resolves unsaved changes; true when the caller may discard the current document. */
  const guard = useCallback(async (): Promise<boolean> => {
    const s = stateRef.current;
    if (!isDirty(s)) return true;
    const choice = await ask({ kind: 'unsaved', documentName: s.source.displayName || '未命名' });
    if (choice === 'cancel') return false;
    if (choice === 'save') return saveTo(false);
    void api().discardRecovery();
    return true;
  }, [ask, saveTo]);

  const load = useCallback(async (opened: OpenedFile, displayName: string, path: string | null, neverSaved: boolean, title: string) => {
    startMeasure('open');
    dispatch({ type: 'load', project: opened.project, source: { path, displayName }, neverSaved });
    setNotice(`已打开 ${displayName}`);
    if (opened.warnings.length > 0) await ask({ kind: 'message', title, lines: opened.warnings });
  }, [ask, dispatch, setNotice]);

  const run = useCallback(async (what: string, body: () => Promise<void>) => {
    try { await body(); } catch (e) { await report(`${what}失败`, e); }
  }, [report]);

  const newProject = useCallback(async (family?: BuiltinFamilyId) => {
    if (!(await guard())) return;
    const chosen = family ?? (await ask({ kind: 'family', title: '新建 — 选择版式' }));
    if (!chosen || chosen.startsWith('like:')) return;
    const project: Project = { ...createProject(), tables: [createTable(chosen as BuiltinFamilyId)] };
    dispatch({ type: 'load', project, source: { path: null, displayName: '未命名' }, neverSaved: true });
  }, [ask, dispatch, guard]);

  /** A file picked in the page or dropped on it: sent to the host, opened without a path (保存 asks 另存为). */
  const openUpload = useCallback((file: File) => run('打开', async () => {
    const kind = uploadKind(file.name);
    if (!kind) {
      await ask({ kind: 'message', title: '无法打开', lines: [`“${file.name}”不是项目文件（.jxmb）或 Excel 工作簿（.xlsx），不能打开。`] });
      return;
    }
    if (!(await guard())) return;
    setNotice(`正在读取 ${file.name}…`);
    const opened = unwrap(await api().uploadFile({ name: file.name, kind, data: await fileToBase64(file) }));
    if (kind === 'project') await load(opened, file.name, null, false, '打开时的提示');
    else await load(opened, `${stripExt(file.name)}（导入）`, null, true, '导入时的提示');
  }), [ask, guard, load, run, setNotice]);

  const browserPicker = () => window.jxmb?.filePicker === 'upload';

  const openProject = useCallback((path?: string) => run('打开', async () => {
    if (!path && browserPicker()) {
      const file = await pickFile('.jxmb');
      if (file) await openUpload(file);
      return;
    }
    if (!(await guard())) return;
    const opened = unwrap(await api().openProject(path ? { path } : undefined));
    // No path back (the embedded sample): an untitled copy, saved only with 另存为.
    if (opened) await load(opened, opened.path ? baseName(opened.path) : '示例项目', opened.path || null, false, '打开时的提示');
  }), [guard, load, openUpload, run]);

  const openSample = useCallback(() => run('打开示例', async () => {
    if (!(await guard())) return;
    const opened = unwrap(await api().openSample());
    await load(opened, '示例项目', null, false, '打开时的提示');
  }), [guard, load, run]);

  const importXlsx = useCallback((path?: string) => run('导入Excel', async () => {
    if (!path && browserPicker()) {
      const file = await pickFile('.xlsx,.xlsm');
      if (file) await openUpload(file);
      return;
    }
    if (!(await guard())) return;
    const opened = unwrap(await api().importXlsx(path ? { path } : undefined));
    if (opened) await load(opened, `${stripExt(baseName(opened.path))}（导入）`, null, true, '导入时的提示');
  }), [guard, load, openUpload, run]);

  const restore = useCallback((sessionId: string) => run('恢复', async () => {
    const opened = unwrap(await api().restoreRecovery({ sessionId }));
    await load(opened, opened.path ? `${baseName(opened.path)}（已恢复）` : '已恢复的项目', null, true, '恢复时的提示');
    void api().discardRecovery({ sessionId });
  }), [load, run]);

  /** Export warns when errors remain (full validation first); print and PDF warn in renderer/src/print. */
  const confirmWithErrors = useCallback(async (what: string): Promise<boolean> => {
    const s = stateRef.current;
    if (!s.project) return false;
    dispatch({ type: 'validateAll' });
    const errors = checkProject(s.project).flat().filter((f) => f.severity === 'error').length;
    if (errors === 0) return true;
    return ask({ kind: 'confirm', title: `${what}前的提醒`, lines: [`校验发现 ${errors} 个错误尚未修正。`, `仍要${what}吗？`], okText: `仍要${what}` });
  }, [ask, dispatch]);

  const exportXlsx = useCallback((tableIndices?: number[]) => run('导出Excel', async () => {
    const s = stateRef.current;
    if (!s.project || !(await confirmWithErrors('导出'))) return;
    const saved = unwrap(await api().exportXlsx({ project: s.project, suggestedName: stripExt(s.source.displayName), ...(tableIndices ? { tableIndices } : {}) }));
    if (saved) setNotice(`已导出到 ${saved.path}`);
  }), [confirmWithErrors, run, setNotice]);

  const closeWindow = useCallback(async () => {
    if (!(await guard())) return;
    void api().discardRecovery();
    await api().confirmClose();
    if (!window.jxmb?.config) {
      // Browser mode: no main process closes the window. Close the document; the tab closes when
      // the browser allows it (a window opened by the launcher), else the start page stays.
      allowUnload();
      dispatch({ type: 'close' });
      setNotice('已关闭文档');
      window.close();
    }
  }, [dispatch, guard, setNotice]);

  const addTable = useCallback(async () => {
    const s = stateRef.current;
    if (!s.project) return newProject();
    const family = await ask({ kind: 'family', title: '新建表 — 选择版式', learned: learnedChoices(s.project) });
    if (!family) return;
    const command = family.startsWith('like:')
      ? addTableLikeCommand(s.project, Number(family.slice(5)), s.tableIndex + 1)
      : addTableCommand(s.project, family as BuiltinFamilyId, s.tableIndex + 1);
    if (command) dispatch({ type: 'command', command });
  }, [ask, dispatch, newProject]);

  return {
    newProject, openProject, openSample, importXlsx, openUpload, restore, exportXlsx, closeWindow, addTable, guard,
    save: () => saveTo(false), saveAs: () => saveTo(true),
  };
}

export type FileActions = ReturnType<typeof useFileActions>;

/** The learned layouts of a project, one per template (the first table that uses each). */
function learnedChoices(project: Project): LearnedChoice[] {
  const seen = new Set<string>();
  const out: LearnedChoice[] = [];
  project.tables.forEach((t, tableIndex) => {
    if (t.family !== 'learned' || !t.template || seen.has(t.template.templateId)) return;
    seen.add(t.template.templateId);
    out.push({ tableIndex, name: t.template.displayName });
  });
  return out;
}
