/**
 * The xlsx side of the file services: importing a workbook (or a Word 绩效文本) into a project, with
 * its SourceMap and source bytes for 回填, and exporting a project as xlsx. Reading and writing the
 * workbook itself is electron/services/xlsx's; recognition is shared/xlsx's.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isUserError, UserError } from '../../shared/errors';
import type { SourceFormat, WorkbookSource } from '../../shared/model/source';
import type { BuiltinFamilyId, FamilyId, Project } from '../../shared/model/types';
import { WORKBOOK_CREATOR, type RawWorkbook } from '../../shared/xlsx/raw';
import { recognizeWorkbook, type ImportResult } from '../../shared/xlsx/recognize';
import { attachSources } from '../../shared/xlsx/source-map';
import { writeFileAtomic } from './atomic-write';
import { importDocxFile } from './docx/import-docx';
import { isWordDocumentFile } from './docx/read-docx';
import type { ReadLimits } from './xlsx/limits';
import { readWorkbookBuffer, readWorkbookFile } from './xlsx/read-workbook';
import { resolveLimits } from './xlsx/limits';
import { sniffFormat } from './xlsx/sniff';
import { parseMetaKeywords } from '../../shared/xlsx/meta-keywords';
import type { WriteOptions } from './xlsx/write-workbook';
import { loggedCause } from './internal-log';

export type { ImportResult } from '../../shared/xlsx/recognize';

/** Options of an xlsx import (the import dialog / `jxmb import --family`). */
export interface ImportOptions {
  /** Read every table as this family instead of detecting it. */
  readonly family?: BuiltinFamilyId;
  /** 预算年度 when no title names it. */
  readonly fiscalYear?: number | null;
  /** Tighter or looser reading limits (tests, CLI). */
  readonly limits?: Partial<ReadLimits>;
  /** Name of a learned layout's source (「自定义版式（来自 …）」); default: the file's name. */
  readonly sourceName?: string;
}

/**
 * Imports an xlsx file: safe read (sniff, pre-scan, isolated parse) then label-anchored
 * recognition. Reader warnings come first, then recognition warnings.
 * @throws UserError (XLSX_* codes) when the file cannot be read as xlsx.
 */
export async function importXlsxFile(filePath: string, options: ImportOptions = {}): Promise<ImportResult> {
  // A Word 绩效文本 (.docx; a .doc gets 「请另存为 .docx」) is read by electron/services/docx.
  if (await isWordDocumentFile(filePath)) return importDocxFile(filePath, options);
  const raw = await readWorkbookFile(filePath, options.limits);
  const sourceName = options.sourceName ?? path.basename(filePath);
  return withExportedMeta(recognizeWorkbook(raw, { family: options.family, fiscalYear: options.fiscalYear, sourceName }), raw);
}

/**
 * Imports an xlsx file as importXlsxFile does, and remembers where the project came from for
 * 回填: the SourceMap of every table (Project.tables[i].source) and the workbook itself
 * (Project.source: name, format, SHA-256, size, and the bytes up to MAX_EMBEDDED_SOURCE_BYTES).
 * Used by `jxmb import`, the editor's 导入Excel and `jxmb fill`.
 * @throws UserError (XLSX_* codes) when the file cannot be read as xlsx.
 */
export async function importXlsxWithSource(filePath: string, options: ImportOptions = {}): Promise<ImportResult> {
  // A Word 绩效文本 has no workbook to fill back into: imported as importXlsxFile does.
  if (await isWordDocumentFile(filePath)) return importDocxFile(filePath, options);
  const bytes = await readSourceBytes(filePath);
  const fileName = path.basename(filePath);
  const raw = bytes ? await readWorkbookBuffer(bytes, fileName, options.limits) : await readWorkbookFile(filePath, options.limits);
  const sourceName = options.sourceName ?? fileName;
  const recognized = recognizeWorkbook(raw, { family: options.family, fiscalYear: options.fiscalYear, sourceName });
  const result = withExportedMeta({ ...recognized, project: attachSources(recognized.project, recognized.sources) }, raw);
  if (!bytes) return result;
  return { ...result, project: { ...result.project, source: workbookSource(fileName, bytes) } };
}

/** Largest source workbook embedded in the project (base64); larger ones keep only name and hash. */
export const MAX_EMBEDDED_SOURCE_BYTES = 20 * 1024 * 1024;
/** Above this size the bytes are not read here at all (the reader refuses them with its own message). */
const MAX_SOURCE_READ_BYTES = 100 * 1024 * 1024;

/** The file's bytes when it is a plain readable file of a sane size; null leaves the error to the reader. */
async function readSourceBytes(filePath: string): Promise<Buffer | null> {
  try {
    const st = await stat(filePath);
    if (!st.isFile() || st.size > MAX_SOURCE_READ_BYTES) return null;
    return await readFile(filePath);
  } catch {
    return null;
  }
}

/** The format of a source workbook, by content (the reader's sniffer); `.xlsm` by name among xlsx. */
export function sourceFormatOf(bytes: Buffer, fileName: string): SourceFormat {
  let format: SourceFormat;
  try {
    format = sniffFormat(bytes, fileName, resolveLimits()).format;
  } catch {
    format = 'xlsx';
  }
  return format === 'xlsx' && path.extname(fileName).toLowerCase() === '.xlsm' ? 'xlsm' : format;
}

/**
 * The WorkbookSource of imported bytes: name, format, SHA-256 and size always; the bytes
 * themselves (base64) up to MAX_EMBEDDED_SOURCE_BYTES (larger files are looked for beside
 * the project at fill time and checked against the hash).
 */
export function workbookSource(fileName: string, bytes: Buffer): WorkbookSource {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { fileName, format: sourceFormatOf(bytes, fileName), sha256, size: bytes.length };
  return bytes.length <= MAX_EMBEDDED_SOURCE_BYTES ? { ...base, data: bytes.toString('base64') } : base;
}

/**
 * Restores project meta from the document properties of a workbook we exported (单位名称 is not
 * printed by families A/B/D, 预算年度 not by C). When nobody saved the file since our export
 * (lastModifiedBy is still ours) the saved meta wins; otherwise it only fills what the
 * recognizer left empty.
 */
export function withExportedMeta(result: ImportResult, raw: RawWorkbook): ImportResult {
  if (raw.properties?.creator !== WORKBOOK_CREATOR) return result;
  const saved = parseMetaKeywords(raw.properties.keywords);
  const untouched = raw.properties.lastModifiedBy === WORKBOOK_CREATOR;
  const meta = result.project.meta;
  const next = untouched
    ? { ...meta, ...saved }
    : {
      ...meta,
      fiscalYear: meta.fiscalYear ?? saved.fiscalYear ?? null,
      unitCode: meta.unitCode || saved.unitCode || '',
      unitName: meta.unitName || saved.unitName || '',
    };
  const same = next.fiscalYear === meta.fiscalYear && next.unitCode === meta.unitCode && next.unitName === meta.unitName;
  return same ? result : { ...result, project: { ...result.project, meta: next } };
}

/**
 * Exports a project as xlsx to `filePath`, atomically (temp file in the same folder, fsync,
 * rename): a failed export never leaves a half-written file.
 * @throws UserError naming the file when it cannot be written (e.g. open in Excel).
 */
export async function exportXlsxFile(project: Project, filePath: string, options: WriteOptions = {}): Promise<void> {
  // exceljs is loaded by the first export, not by every import.
  const { writeProjectXlsx } = await import('./xlsx/write-workbook');
  const data = await writeProjectXlsx(project, options);
  try {
    await writeFileAtomic(filePath, data, { keepBackup: false });
  } catch (e) {
    if (isUserError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const name = path.basename(filePath);
    const reason = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES' ? '文件可能正在 Excel/WPS 中打开或没有写入权限，请关闭后重试'
      : code === 'ENOENT' ? '目标文件夹不存在'
        : code === 'ENOSPC' ? '磁盘空间不足'
          : loggedCause(`导出 ${filePath}`, e);
    throw new UserError('EXPORT_WRITE_FAILED', `无法写入“${name}”：${reason}`);
  }
}
