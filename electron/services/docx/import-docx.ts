/**
 * 导入绩效文本: a published .docx 部门预算绩效文本 becomes a project — read guarded (read-docx.ts),
 * tables recognized by the workbook recognizer, the narrative read into family F
 * (shared/docx/recognize-document.ts). Used by `jxmb import`, `jxmb doc` and the editor's import
 * through importXlsxFile (import-service.ts), which sends Word files here.
 */
import { recognizeDocument } from '../../../shared/docx/recognize-document';
import type { ImportResult } from '../../../shared/xlsx/recognize';
import type { ImportOptions } from '../import-service';
import { readDocxFile } from './read-docx';

/**
 * Imports a .docx 绩效文本.
 * @throws UserError DOCX_* when the file cannot be read (a Word 97 .doc: DOCX_LEGACY_DOC, 「请另存为 .docx」).
 */
export async function importDocxFile(filePath: string, options: ImportOptions = {}): Promise<ImportResult> {
  const body = await readDocxFile(filePath, options.limits);
  return recognizeDocument(body, { family: options.family, fiscalYear: options.fiscalYear });
}
