/**
 * 导出PDF without Electron (browser mode, the browser e2e harness): the same print HTML as the
 * preview and Electron's printToPDF (shared/print), printed by a Chromium-family browser through
 * pdf-service.ts, written atomically.
 */
import type { PrintSettings } from '../../shared/ipc/contract';
import type { Project } from '../../shared/model/types';
import { renderPrintHtml } from '../../shared/print/render-print-html';
import type { PrintOptions } from '../../shared/print/types';
import { writeFileAtomic } from './atomic-write';
import { renderPdf } from './pdf-service';
import { describeFsError } from './project-file-service';

/** The shared/print options of a print request: its tables (0-based) and the 打印预览 settings. */
export function printOptionsOf(tableIndices?: readonly number[], settings: PrintSettings = {}): PrintOptions {
  return {
    ...(tableIndices ? { tables: tableIndices } : {}),
    ...(settings.hideEmptySlots !== undefined ? { hideEmptySlots: settings.hideEmptySlots } : {}),
    ...(settings.pageNumbers !== undefined ? { pageNumbers: settings.pageNumbers } : {}),
    ...(settings.signature !== undefined ? { signature: settings.signature } : {}),
  };
}

/**
 * Writes the PDF of `project`'s print layout to `filePath`.
 * @throws UserError `PRINT_TABLE_RANGE`, `BROWSER_NOT_FOUND`, `PDF_FAILED`, or a file-system error naming the path.
 */
export async function writePrintPdf(
  filePath: string,
  project: Project,
  tableIndices?: readonly number[],
  settings?: PrintSettings,
  options: { browserPath?: string } = {},
): Promise<void> {
  const { html } = renderPrintHtml(project, printOptionsOf(tableIndices, settings));
  const bytes = await renderPdf(html, options);
  try {
    await writeFileAtomic(filePath, bytes, { keepBackup: false });
  } catch (e) {
    throw describeFsError(e, filePath, '写入');
  }
}
