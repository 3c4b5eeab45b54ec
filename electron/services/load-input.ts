/**
 * The CLI's way in: one file, either a `.jxmb` project or a workbook to import, told apart by its
 * first bytes, returned with its warnings as Chinese lines. Each parser is loaded only
 * when its kind of input comes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isUserError, UserError } from '../../shared/errors';
import type { ParsedProjectFile } from '../../shared/file/project-file';
import type { BuiltinFamilyId, FamilyId } from '../../shared/model/types';
import { importReport } from '../../shared/xlsx/import-report';
import { importXlsxFile, importXlsxWithSource } from './import-service';

/** A project read from either kind of input, with warnings as Chinese lines (an import's grouped by kind). */
export interface LoadedInput {
  readonly kind: 'jxmb' | 'xlsx';
  readonly project: ParsedProjectFile['project'];
  readonly warnings: readonly string[];
  /** Columns of indicator content an import could not read (0 for a project file). */
  readonly lostColumns: number;
}

export { formatImportWarning } from '../../shared/xlsx/import-report';

/**
 * Loads a `.jxmb` project or imports an xlsx workbook, deciding by content (a JSON object
 * means a project file), not by the file name. Either is parsed in the parse child process
 * under the read limits (xlsx/limits.ts), never in the caller. `withSource`: an imported workbook keeps its
 * bytes and SourceMap (for 回填).
 * @throws UserError naming the file when it cannot be read.
 */
export async function loadInput(filePath: string, options: { family?: BuiltinFamilyId; withSource?: boolean } = {}): Promise<LoadedInput> {
  let head: Buffer;
  try {
    const st = await fs.stat(filePath);
    if (!st.isFile() && !st.isDirectory()) {
      throw new UserError('fs-not-regular', `无法读取“${path.basename(filePath)}”：这不是普通文件（可能是设备、管道或指向它们的链接）。请选择 .xlsx 工作簿或 .jxmb 项目文件。`);
    }
    const handle = await fs.open(filePath, 'r');
    try {
      head = Buffer.alloc(64);
      const { bytesRead } = await handle.read(head, 0, 64, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (isUserError(e)) throw e;
    const { describeFsError } = await import('./project-file-service');
    throw describeFsError(e, filePath, '读取');
  }
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || (text === '' && path.extname(filePath).toLowerCase() === '.jxmb')) {
    // Parsed in the parse child like the editor's open: bounded in memory and time. Loaded here, not
    // up front: the project-file service pulls in zod, which a workbook does not need.
    const { loadProjectFileIsolated } = await import('./project-file-service');
    const { project, warnings } = await loadProjectFileIsolated(filePath);
    return { kind: 'jxmb', project, warnings, lostColumns: 0 };
  }
  const result = options.withSource ? await importXlsxWithSource(filePath, options) : await importXlsxFile(filePath, options);
  const report = importReport(result.warnings);
  return { kind: 'xlsx', project: result.project, warnings: report.lines, lostColumns: report.lostColumns };
}
