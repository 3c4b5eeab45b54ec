/**
 * A published 绩效文本 (.docx body) → Project: the tables through the workbook recognizer
 * (shared/xlsx/recognize.ts) via docx-to-raw.ts, the narrative into family F, the cover's unit
 * and year into the project meta where the tables do not give them. Pure; never throws on bad input.
 */
import { recognizeWorkbook, type ImportResult, type RecognizeOptions } from '../xlsx/recognize';
import { docxToRawWorkbook } from './docx-to-raw';
import { readCover, readDepartmentNarrative } from './read-narrative';
import type { DocxBody } from './types';

/**
 * Recognizes a document body. Warnings: the reader's first, then the recognizer's (sheet names
 * are 「第N个表格」, the Word table's number in the document).
 */
export function recognizeDocument(body: DocxBody, options: RecognizeOptions = {}): ImportResult {
  const cover = readCover(body.blocks);
  const raw = docxToRawWorkbook(body.blocks);
  const result = recognizeWorkbook(
    { ...raw, warnings: [...body.warnings.map((message) => ({ message })), ...raw.warnings] },
    { ...options, fiscalYear: options.fiscalYear ?? cover.fiscalYear },
  );
  const department = readDepartmentNarrative(body.blocks);
  const meta = result.project.meta;
  const project = {
    ...result.project,
    meta: {
      ...meta,
      unitName: meta.unitName || cover.unitName,
      fiscalYear: meta.fiscalYear ?? cover.fiscalYear,
    },
    ...(department ? { department } : {}),
  };
  const warnings = result.project.tables.length === 0 && department
    ? result.warnings.filter((w) => w.message !== '工作簿中没有找到绩效目标表')
    : result.warnings.map((w) => (w.message === '工作簿中没有找到绩效目标表' ? { ...w, message: '文档中没有找到绩效目标表' } : w));
  return { project, warnings, sources: result.sources };
}
