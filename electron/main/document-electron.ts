/**
 * 导出绩效文本 in Electron: the document print HTML (shared/document) is printed to PDF by a hidden
 * window with JavaScript off (as print-electron.ts prints the tables), so no other browser is
 * needed; .docx goes through electron/services/document-service.ts.
 */
import { BrowserWindow } from 'electron';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderDocumentHtml } from '../../shared/document/render-document-html';
import type { DocumentExportOptions } from '../../shared/ipc/contract';
import type { Project } from '../../shared/model/types';
import { writeFileAtomic } from '../services/atomic-write';
import { documentFormatOf, writeDocument } from '../services/document-service';
import { describeFsError } from '../services/project-file-service';

/** Writes the document of `project` to `filePath` (.pdf through Electron's printToPDF, .docx through the docx writer). */
export async function exportDocumentElectron(filePath: string, project: Project, options: DocumentExportOptions = {}): Promise<void> {
  if (documentFormatOf(filePath) === 'docx') {
    await writeDocument(filePath, project, options);
    return;
  }
  const { html } = renderDocumentHtml(project, options);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jxmb-document-'));
  const file = path.join(dir, 'document.html');
  await fs.writeFile(file, html, 'utf8');
  const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
  let bytes: Buffer;
  try {
    await win.loadFile(file);
    bytes = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
  try {
    await writeFileAtomic(filePath, bytes, { keepBackup: false });
  } catch (e) {
    throw describeFsError(e, filePath, '写入');
  }
}
