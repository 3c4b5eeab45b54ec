import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError, isUserError } from '../../shared/errors';
import { parseProjectFile, serializeProject, type ParsedProjectFile } from '../../shared/file/project-file';
import type { Project } from '../../shared/model/types';
import { writeFileAtomic } from './atomic-write';

/** Largest `.jxmb` file we read (a 1,000-table project is about 10 MB). */
export const MAX_PROJECT_FILE_BYTES = 200 * 1024 * 1024;

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
    : (e as Error).message;
  return new UserError(`fs-${(code ?? 'error').toLowerCase()}`, `无法${action}“${name}”：${reason}。`);
}

/**
 * Reads and validates a `.jxmb` file.
 * @throws UserError with a Chinese message naming the file (missing, unreadable, corrupt, newer version).
 */
export async function loadProjectFile(filePath: string): Promise<ParsedProjectFile> {
  let text: string;
  try {
    const stat = await fs.stat(filePath);
    if (stat.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    if (stat.size > MAX_PROJECT_FILE_BYTES) {
      throw new UserError('file-too-large', `“${path.basename(filePath)}”过大（${Math.round(stat.size / 1048576)} MB），不像是项目文件。`);
    }
    text = await fs.readFile(filePath, 'utf8');
  } catch (e) {
    if (isUserError(e)) throw e;
    throw describeFsError(e, filePath, '读取');
  }
  try {
    return parseProjectFile(text);
  } catch (e) {
    if (isUserError(e)) throw new UserError(e.code, `“${path.basename(filePath)}”：${e.message}`);
    throw e;
  }
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
