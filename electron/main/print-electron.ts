import { BrowserWindow } from 'electron';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrintSettings } from '../../shared/ipc/contract';
import type { Project } from '../../shared/model/types';
import { renderPrintHtml } from '../../shared/print/render-print-html';
import { writeFileAtomic } from '../services/atomic-write';
import { printOptionsOf } from '../services/print-pdf-service';
import { describeFsError } from '../services/project-file-service';

/**
 * Printing and PDF in Electron: the official print layout (shared/print) is built here from the
 * validated project and the 打印预览 options, loaded into a hidden window with JavaScript off,
 * then printed through the system dialog or to PDF with the CSS page size. The editor page itself
 * is never printed, and the renderer never sends HTML.
 */

async function withPrintWindow<T>(
  project: Project,
  tableIndices: readonly number[] | undefined,
  settings: PrintSettings | undefined,
  run: (win: BrowserWindow) => Promise<T>,
): Promise<T> {
  const { html } = renderPrintHtml(project, printOptionsOf(tableIndices, settings));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jxmb-print-'));
  const file = path.join(dir, 'print.html');
  await fs.writeFile(file, html, 'utf8');
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    await win.loadFile(file);
    return await run(win);
  } finally {
    win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Prints through the system print dialog; false when the user cancelled. */
export function printProject(project: Project, tableIndices?: readonly number[], settings?: PrintSettings): Promise<boolean> {
  return withPrintWindow(
    project,
    tableIndices,
    settings,
    (win) => new Promise<boolean>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (ok) => resolve(ok))),
  );
}

/** Writes a PDF of the print layout (A4, page size from the CSS). */
export async function exportPdf(filePath: string, project: Project, tableIndices?: readonly number[], settings?: PrintSettings): Promise<void> {
  const bytes = await withPrintWindow(
    project,
    tableIndices,
    settings,
    (win) => win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }),
  );
  try {
    await writeFileAtomic(filePath, bytes, { keepBackup: false });
  } catch (e) {
    throw describeFsError(e, filePath, '写入');
  }
}
