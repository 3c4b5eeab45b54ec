/**
 * The editor's printing feature (打印, 导出PDF, and 导出Excel's table choice): preview and dialog
 * state, the errors-remain check and the IPC calls; the UI it returns is rendered by App.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Project } from '../../../shared/model/types';
import type { Finding } from '../../../shared/validation/types';
import { api, unwrap } from '../api';
import { MessageDialog } from '../dialogs/MessageDialog';
import { checkProject } from '../state/validation';
import { ErrorsRemainDialog, type ErrorsRemainChoice } from './ErrorsRemainDialog';
import { ExportDialog } from './ExportDialog';
import { PrintPreview } from './PrintPreview';
import { DEFAULT_PREVIEW_SETTINGS, pdfName, printErrors, printRequest, selectedTables, type PreviewSettings } from './print-settings';

export interface UsePrintArgs {
  readonly project: Project | null;
  readonly tableIndex: number;
  /** Name of the document (title bar), for the default PDF name. */
  readonly displayName: string;
  readonly setNotice: (text: string) => void;
  /** 查看问题: show the validation panel, with the first error of the printed tables. */
  readonly showProblems: (first: Finding | undefined) => void;
  /** 导出Excel of the chosen tables (all when absent). */
  readonly exportXlsx: (tableIndices?: number[]) => void;
}

export interface PrintFeature {
  /** 打印 (toolbar, Ctrl+P, menu): opens 打印预览; when it is already open, prints. */
  readonly openPreview: () => void;
  /** 导出PDF (menu): asks the print choices (current table by default), then writes the PDF. */
  readonly exportPdf: () => void;
  /** 导出Excel (menu, toolbar): asks which tables (as 打印 does), then exports. */
  readonly exportXlsx: () => void;
  /** The preview and its dialogs, to render in the app. */
  readonly ui: ReactNode;
}

interface Pending {
  readonly count: number;
  readonly action: string;
  readonly resolve: (c: ErrorsRemainChoice) => void;
}

/**
 * Printing in the editor: 打印预览 state and its options (kept for the session), the
 * errors-remain warning before 打印 / 导出PDF (「还有 N 个错误，仍要继续吗？」), and the IPC calls
 * (`print:tables`, `pdf:export`; main builds the print HTML from the project and options). Where
 * there is no system print dialog (browser mode), 打印 writes the PDF and says how to print it.
 */
export function usePrint(args: UsePrintArgs): PrintFeature {
  const [open, setOpen] = useState(false);
  const [settings, setSettings] = useState<PreviewSettings>(DEFAULT_PREVIEW_SETTINGS);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ title: string; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState<'pdf' | 'xlsx' | null>(null);
  const argsRef = useRef(args);
  argsRef.current = args;
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const busyRef = useRef(false);
  const directPrint = window.jxmb?.config?.directPrint === true;

  /** True when the user goes on despite errors (or there are none). */
  const confirmErrors = useCallback(async (project: Project, tables: readonly number[], action: string): Promise<boolean> => {
    const errors = printErrors(checkProject(project), tables);
    if (errors.length === 0) return true;
    const choice = await new Promise<ErrorsRemainChoice>((resolve) => setPending({ count: errors.length, action, resolve }));
    setPending(null);
    if (choice === 'problems') {
      setOpen(false);
      argsRef.current.showProblems(errors[0]);
    }
    return choice === 'continue';
  }, []);

  const run = useCallback(async (kind: 'print' | 'pdf') => {
    const { project, tableIndex, displayName, setNotice } = argsRef.current;
    if (!project || busyRef.current) return;
    const s = settingsRef.current;
    const tables = selectedTables(s, tableIndex, project.tables.length);
    if (tables.length === 0) { setMessage({ title: '打印', lines: ['请至少选择一张表。'] }); return; }
    const toPdf = kind === 'pdf' || !directPrint;
    const action = kind === 'print' ? '打印' : '导出PDF';
    if (!(await confirmErrors(project, tables, action))) return;
    const request = { project, ...printRequest(s, tableIndex, project.tables.length) };
    busyRef.current = true;
    setBusy(true);
    try {
      setNotice(toPdf ? '正在生成 PDF…' : '正在打印…');
      if (toPdf) {
        const saved = unwrap(await api().exportPdf({ ...request, suggestedName: pdfName(project, displayName, tables) }));
        if (!saved) { setNotice('已取消导出PDF'); return; }
        setNotice(`已导出到 ${saved.path}`);
        if (kind === 'print') {
          setMessage({ title: '打印', lines: [`已生成 PDF：${saved.path}`, '此模式不能直接调用系统打印，请用 PDF 阅读器打开该文件后打印（选择“实际大小”，A4 纸）。'] });
        }
      } else {
        const printed = unwrap(await api().printTables(request));
        setNotice(printed ? '已发送到打印机' : '已取消打印');
      }
    } catch (e) {
      setNotice(`${action}失败`);
      setMessage({ title: `${action}失败`, lines: [e instanceof Error ? e.message : String(e)] });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [confirmErrors, directPrint]);

  const openRef = useRef(open);
  openRef.current = open;
  const openPreview = useCallback(() => {
    if (!argsRef.current.project) return;
    if (openRef.current) void run('print');
    else setOpen(true);
  }, [run]);

  const exportPdf = useCallback(() => { if (argsRef.current.project) setExporting('pdf'); }, []);
  const exportXlsx = useCallback(() => { if (argsRef.current.project) setExporting('xlsx'); }, []);
  const confirmExport = useCallback(() => {
    const kind = exporting;
    setExporting(null);
    const { project, tableIndex } = argsRef.current;
    if (!project) return;
    if (kind === 'pdf') void run('pdf');
    if (kind === 'xlsx') argsRef.current.exportXlsx(printRequest(settingsRef.current, tableIndex, project.tables.length).tableIndices);
  }, [exporting, run]);

  const { project, tableIndex } = args;
  const ui = (
    <>
      {open && project && project.tables.length > 0 && (
        <PrintPreview
          project={project} currentTable={Math.min(tableIndex, project.tables.length - 1)} settings={settings} onSettings={setSettings}
          onPrint={() => void run('print')} onExportPdf={() => void run('pdf')} onClose={() => setOpen(false)}
          directPrint={directPrint} busy={busy}
        />
      )}
      {exporting && project && project.tables.length > 0 && (
        <ExportDialog
          kind={exporting} project={project} currentTable={Math.min(tableIndex, project.tables.length - 1)} settings={settings}
          onSettings={setSettings} onExport={confirmExport} onCancel={() => setExporting(null)}
        />
      )}
      {pending && <ErrorsRemainDialog count={pending.count} action={pending.action} onAnswer={pending.resolve} />}
      {message && <MessageDialog title={message.title} lines={message.lines} onClose={() => setMessage(null)} />}
    </>
  );
  return { openPreview, exportPdf, exportXlsx, ui };
}
