/**
 * 导出绩效文本: writes the 部门预算绩效文本 of a project as PDF (the document print HTML of
 * shared/document, printed by the same Chromium path as `jxmb pdf`) or as .docx (docx-writer.ts),
 * atomically. Used by `jxmb doc` and by the editor's 文件 › 导出绩效文本.
 */
import path from 'node:path';
import { UserError } from '../../shared/errors';
import { renderDocumentHtml, type DocumentOptions } from '../../shared/document';
import type { Project } from '../../shared/model/types';
import { writeFileAtomic } from './atomic-write';
import { renderPdf } from './pdf-service';
import { describeFsError } from './project-file-service';

/** Output format by file extension: `.pdf` or `.docx`. */
export function documentFormatOf(filePath: string): 'pdf' | 'docx' {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  throw new UserError('usage', `绩效文本只能导出为 .pdf 或 .docx 文件：${path.basename(filePath)}`);
}

/** What was written: the number of pages (PDF: exact; .docx: as paginated for the 目录). */
export interface DocumentWritten {
  readonly format: 'pdf' | 'docx';
  readonly pageCount: number;
  readonly tableCount: number;
}

/**
 * Writes the document of `project` to `filePath` (format by extension).
 * @throws UserError `usage` (other extension), `no-tables`, `BROWSER_NOT_FOUND`, `PDF_FAILED`, or a file-system error naming the path.
 */
export async function writeDocument(
  filePath: string,
  project: Project,
  options: DocumentOptions & { browserPath?: string } = {},
): Promise<DocumentWritten> {
  const format = documentFormatOf(filePath);
  if (project.tables.length === 0 && !project.department) {
    throw new UserError('no-tables', '项目中没有绩效目标表，也没有部门整体绩效目标，无法生成绩效文本。');
  }
  const rendered = renderDocumentHtml(project, options);
  const bytes = format === 'pdf'
    ? await renderPdf(rendered.html, { browserPath: options.browserPath })
    // The docx library is slow to load, so it is loaded only when a .docx is asked for.
    : await (await import('./docx/docx-writer')).writeDocumentDocx(project, rendered.pages);
  try {
    await writeFileAtomic(filePath, bytes, { keepBackup: false });
  } catch (e) {
    throw describeFsError(e, filePath, '写入');
  }
  return { format, pageCount: rendered.pageCount, tableCount: project.tables.length };
}
