/**
 * 导出绩效文本 and 部门整体绩效目标 in the editor: which of the two panels is open, the cover
 * options (kept for the session), the `document:export` call (main writes the PDF or .docx and
 * says where), and family F commands dispatched as ordinary undoable commands.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Command } from '../../../shared/commands';
import type { DocumentExportOptions } from '../../../shared/ipc';
import type { Project } from '../../../shared/model/types';
import { api, unwrap } from '../api';
import { DepartmentEditor } from './DepartmentEditor';
import { DocumentExportDialog } from './DocumentExportDialog';
import './document.css';

export interface UseDocumentArgs {
  readonly project: Project | null;
  readonly displayName: string;
  readonly setNotice: (text: string) => void;
  /** Executes a command as one undo step (null: nothing to do). */
  readonly run: (command: Command | null) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly labels: { readonly undo: string | null; readonly redo: string | null };
}

export interface DocumentFeature {
  /** 文件 › 导出绩效文本…: opens the preview with the export buttons. */
  readonly openExport: () => void;
  /** 编辑 › 部门整体绩效目标…: opens the family F editor. */
  readonly openDepartment: () => void;
  readonly ui: ReactNode;
}

export function useDocumentFeature(args: UseDocumentArgs): DocumentFeature {
  const [open, setOpen] = useState<'export' | 'department' | null>(null);
  const [options, setOptions] = useState<DocumentExportOptions>({});
  const [busy, setBusy] = useState(false);
  const argsRef = useRef(args);
  argsRef.current = args;

  const exportAs = useCallback(async (format: 'pdf' | 'docx') => {
    const { project, displayName, setNotice } = argsRef.current;
    if (!project) return;
    setBusy(true);
    setNotice(format === 'pdf' ? '正在生成绩效文本 PDF…' : '正在生成绩效文本 Word 文档…');
    try {
      const suggestedName = `${(displayName || project.meta.unitName || '绩效文本').replace(/\.[^.]+$/, '')}-绩效文本`;
      const saved = unwrap(await api().exportDocument({ project, format, suggestedName, options }));
      setNotice(saved ? `已导出绩效文本：${saved.path}` : '已取消导出');
    } catch (e) {
      setNotice(`导出绩效文本失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }, [options]);

  const { project } = args;
  let ui: ReactNode = null;
  if (project && open === 'export') {
    ui = <DocumentExportDialog project={project} options={options} onOptions={setOptions} onExport={(f) => void exportAs(f)} onClose={() => setOpen(null)} busy={busy} />;
  } else if (project && open === 'department') {
    ui = (
      <DepartmentEditor
        project={project} run={args.run} onUndo={args.undo} onRedo={args.redo} undoLabel={args.labels.undo} redoLabel={args.labels.redo}
        onClose={() => setOpen(null)}
      />
    );
  }
  return {
    openExport: useCallback(() => { if (argsRef.current.project) setOpen('export'); }, []),
    openDepartment: useCallback(() => { if (argsRef.current.project) setOpen('department'); }, []),
    ui,
  };
}
