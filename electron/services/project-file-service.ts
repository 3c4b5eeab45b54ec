/**
 * Reading and saving `.jxmb` files on disk: bounded reads, parsing in this process or in the parse
 * child, atomic saves with a `.bak`, and the Chinese wording of file-system errors. The format is shared/file's.
 */
import path from 'node:path';
import { UserError, isUserError } from '../../shared/errors';
import { parseProjectFile, serializeProject, type ParsedProjectFile } from '../../shared/file/project-file';
import type { Project } from '../../shared/model/types';
import { cleanOrphanTemps, writeFileAtomic } from './atomic-write';
import { isBoundedReadError, readFileBounded } from './bounded-read';
import { MAX_PROJECT_FILE_BYTES } from './xlsx/limits';
import { parseProjectInChild } from './xlsx/read-workbook';
import { loggedCause } from './internal-log';

export { MAX_PROJECT_FILE_BYTES } from './xlsx/limits';

/** Chinese description of a file-system error, naming the file. */
export function describeFsError(e: unknown, filePath: string, action: '读取' | '写入'): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  const name = path.basename(filePath);
  const reason =
    code === 'ENOENT' ? '文件不存在'
    : code === 'EACCES' || code === 'EPERM' ? '没有权限（文件可能被其他程序占用或设为只读）'
    : code === 'EISDIR' ? '这是一个文件夹，不是文件'
    : code === 'ENOSPC' ? '磁盘空间不足'
    : code === 'EROFS' ? '磁盘为只读'
    : loggedCause(`${action} ${filePath}`, e);
  return new UserError(`fs-${(code ?? 'error').toLowerCase()}`, `无法${action}“${name}”：${reason}。`);
}

/** Reads the bytes of a `.jxmb` file (bounded; temp files of killed writers removed first). */
async function readProjectBytes(filePath: string): Promise<Buffer> {
  await cleanOrphanTemps(path.dirname(filePath), filePath);
  try {
    return await readFileBounded(filePath, MAX_PROJECT_FILE_BYTES);
  } catch (e) {
    if (isBoundedReadError(e) && e.code === 'ETOOBIG') {
      throw new UserError('file-too-large', `“${path.basename(filePath)}”过大（至少 ${Math.round(e.bytesSeen / 1048576)} MB，上限 ${MAX_PROJECT_FILE_BYTES / 1048576} MB），不像是项目文件：请确认选择的是本软件保存的 .jxmb 项目文件。`);
    }
    if (isBoundedReadError(e)) {
      throw new UserError('fs-not-regular', `无法读取“${path.basename(filePath)}”：这不是普通文件（可能是设备、管道或指向它们的链接）。请选择本软件保存的 .jxmb 项目文件。`);
    }
    throw describeFsError(e, filePath, '读取');
  }
}

/**
 * Reads and validates a `.jxmb` file in this process (CLI, tests).
 * @throws UserError with a Chinese message naming the file (missing, unreadable, corrupt, newer version).
 */
export async function loadProjectFile(filePath: string): Promise<ParsedProjectFile> {
  const text = (await readProjectBytes(filePath)).toString('utf8');
  try {
    return parseProjectFile(text);
  } catch (e) {
    if (isUserError(e)) throw new UserError(e.code, `“${path.basename(filePath)}”：${e.message}`);
    throw e;
  }
}

/**
 * Like loadProjectFile, but the JSON parse and validation run in the parse child process
 * (memory and time bounded by the read limits): what the Electron main process and every `jxmb`
 * command use, which parse nothing untrusted themselves. `plain`: a bare project object
 * without the envelope is accepted too (parseProjectOrPlain).
 * @throws UserError naming the file (as loadProjectFile; PROJECT_READ_* when the child was stopped).
 */
export async function loadProjectFileIsolated(filePath: string, options: { plain?: boolean } = {}): Promise<ParsedProjectFile> {
  const bytes = await readProjectBytes(filePath);
  return parseProjectInChild<ParsedProjectFile>(bytes, path.basename(filePath), undefined, options.plain);
}

/**
 * Saves a project atomically (temp file + fsync + `.bak` of the previous version + rename).
 * @throws UserError naming the file when it cannot be written; the previous file stays intact.
 */
export async function saveProjectFile(filePath: string, project: Project): Promise<void> {
  try {
    await writeFileAtomic(filePath, serializeProject(project));
  } catch (e) {
    throw describeFsError(e, filePath, '写入');
  }
}
