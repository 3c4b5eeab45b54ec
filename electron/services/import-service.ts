import path from 'node:path';
import { isUserError, UserError } from '../../shared/errors';
import type { FamilyId, Project } from '../../shared/model/types';
import type { RawWorkbook } from '../../shared/xlsx/raw';
import { recognizeWorkbook, type ImportResult } from '../../shared/xlsx/recognize';
import { writeFileAtomic } from './atomic-write';
import type { ReadLimits } from './xlsx/limits';
import { readWorkbookFile } from './xlsx/read-workbook';
import { parseMetaKeywords } from './xlsx/project-meta-keywords';
import { WORKBOOK_CREATOR, writeProjectXlsx, type WriteOptions } from './xlsx/write-workbook';
import { loggedCause } from './internal-log';

export type { ImportResult } from '../../shared/xlsx/recognize';

/** Options of an xlsx import (the import dialog / `jxmb import --family`). */
export interface ImportOptions {
  /** Read every table as this family instead of detecting it. */
  readonly family?: FamilyId;
  /** 预算年度 when no title names it. */
  readonly fiscalYear?: number | null;
  /** Tighter or looser reading limits (tests, CLI). */
  readonly limits?: Partial<ReadLimits>;
}

/**
 * Imports an xlsx file: safe read (sniff, pre-scan, isolated parse) then label-anchored
 * recognition. Reader warnings come first, then recognition warnings.
 * @throws UserError (XLSX_* codes) when the file cannot be read as xlsx.
 */
export async function importXlsxFile(filePath: string, options: ImportOptions = {}): Promise<ImportResult> {
  const raw = await readWorkbookFile(filePath, options.limits);
  return withExportedMeta(recognizeWorkbook(raw, { family: options.family, fiscalYear: options.fiscalYear }), raw);
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
