import { app, dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { LockedOpenChoice } from '../services/lock-service';
import type { Dialogs } from '../host/dialogs';
import type { SessionPrompts } from '../host/document-session';

/**
 * Native dialogs of one window: E's `Dialogs` (file pickers for the IPC handlers) and the
 * `SessionPrompts` of the document session (file locked elsewhere, changed on disk).
 */

const JXMB = [{ name: '绩效目标表项目', extensions: ['jxmb'] }];
const XLSX = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
/** Everything the reader understands (sniffed by content; the names only guide the picker). */
const WORKBOOKS = [
  { name: 'Excel/WPS 表格', extensions: ['xlsx', 'xlsm', 'xls', 'et', 'ods', 'xlsb', 'xml', 'htm', 'html'] },
  { name: '所有文件', extensions: ['*'] },
];
const PDF = [{ name: 'PDF 文档', extensions: ['pdf'] }];
const LIBRARY = [{ name: '指标库文件', extensions: ['json'] }];
const DOCX = [{ name: 'Word 文档', extensions: ['docx'] }];
/** 导入: workbooks and published 绩效文本 (.docx; a .doc is explained). */
const IMPORTABLE = [{ name: 'Excel 工作簿或 Word 绩效文本', extensions: ['xlsx', 'docx', 'doc'] }, ...XLSX, { name: 'Word 文档', extensions: ['docx', 'doc'] }];

function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

/** File pickers parented to `win`; the folder of the last pick is remembered per process. */
export function electronDialogs(win: BrowserWindow): Dialogs {
  let lastDir = documentsDir();
  const open = async (title: string, filters: typeof JXMB): Promise<string | null> => {
    const r = await dialog.showOpenDialog(win, { title, defaultPath: lastDir, filters, properties: ['openFile'] });
    const picked = r.canceled ? null : (r.filePaths[0] ?? null);
    if (picked) lastDir = path.dirname(picked);
    return picked;
  };
  const save = async (title: string, suggestedName: string, filters: typeof JXMB): Promise<string | null> => {
    const r = await dialog.showSaveDialog(win, { title, defaultPath: path.join(lastDir, suggestedName), filters, properties: ['showOverwriteConfirmation', 'createDirectory'] });
    const picked = r.canceled || !r.filePath ? null : r.filePath;
    if (picked) lastDir = path.dirname(picked);
    return picked;
  };
  return {
    openProject: () => open('打开项目', JXMB),
    saveProject: (name) => save('另存为', name, JXMB),
    openXlsx: () => open('导入 Excel 或绩效文本', IMPORTABLE),
    saveXlsx: (name) => save('导出 Excel', name, XLSX),
    savePdf: (name) => save('导出 PDF', name, PDF),
    openLibrary: () => open('导入指标库', LIBRARY),
    saveLibrary: (name) => save('导出指标库', name, LIBRARY),
    saveDocument: (name, format) => save('导出绩效文本', name, format === 'pdf' ? PDF : DOCX),
  };
}

/** The document-session questions as native message boxes parented to `win`. */
export function electronPrompts(win: BrowserWindow): SessionPrompts {
  return {
    lockedChoice: async (filePath, ownerText): Promise<LockedOpenChoice> => {
      const r = await dialog.showMessageBox(win, {
        type: 'warning',
        title: '文件正在使用',
        message: `“${path.basename(filePath)}”已被打开`,
        detail: `该文件正由 ${ownerText} 编辑。\n\n可以只读方式打开（不能保存到原文件），或打开一份副本进行编辑。`,
        buttons: ['只读打开', '编辑副本', '取消'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      return (['readOnly', 'copy', 'cancel'] as const)[r.response] ?? 'cancel';
    },
    confirmOverwrite: async (_filePath, message) => {
      const r = await dialog.showMessageBox(win, {
        type: 'warning',
        title: '文件已被修改',
        message,
        buttons: ['覆盖', '取消'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      return r.response === 0;
    },
  };
}
