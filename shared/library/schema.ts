/**
 * Reading a 指标库 file (exported by the editor, built by `jxmb library build`, or the built-in
 * data): zod validation of the shape, with a Chinese error. Pure.
 */
import { z } from 'zod';
import { UserError } from '../errors';
import { sortEntries } from './merge';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, type IndicatorLibrary, type LibraryEntry } from './types';

const text = (max: number) => z.string().max(max);

/** zod schema of one entry. */
export const libraryEntrySchema = z.object({
  level1: text(40).min(1),
  level2: text(40).min(1),
  name: text(200).min(1),
  initials: text(200),
  valueKind: z.enum(['quantitative', 'qualitative']),
  operator: z.enum(['≥', '≤', '＝', '>', '<']).nullable(),
  unit: text(40),
  example: text(500),
  projectKinds: z.array(z.enum(['人员经费', '运转经费', '党建', '环境卫生', '园林绿化', '市政设施', '农业水利', '民生保障', '社会治理', '文化教育', '产业发展', '部门整体', '其他'])).max(20),
  count: z.number().int().min(1).max(1e9),
});

/** zod schema of a library file. */
export const libraryFileSchema = z.object({
  format: z.literal(LIBRARY_FORMAT),
  version: z.number().int().min(1),
  entries: z.array(libraryEntrySchema).max(200_000),
});

/**
 * Parses the text of a library file; entries come back sorted.
 * @throws UserError `library-invalid` (not JSON, no format tag, bad entry: the message names the
 *   first problem) or `library-newer` (written by a newer version).
 */
export function parseLibraryFile(textContent: string): IndicatorLibrary {
  let data: unknown;
  try {
    data = JSON.parse(textContent.replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError('library-invalid', '指标库文件已损坏：内容不是有效的 JSON。');
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > LIBRARY_FORMAT_VERSION) {
    throw new UserError('library-newer', `此指标库文件由更新版本的软件导出（格式版本 ${version}），请升级软件后再导入。`);
  }
  const result = libraryFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? `（${issue.path.join('.')}）` : '';
    const what = issue.path[0] === 'format' ? '缺少格式标记 "jxmb-indicator-library"，这不是指标库文件' : issue.message;
    throw new UserError('library-invalid', `指标库文件格式不正确${where}：${what}。`);
  }
  return { format: LIBRARY_FORMAT, version: result.data.version, entries: sortEntries(result.data.entries as LibraryEntry[]) };
}

/** The text of a library file: JSON with one entry per line (diff-friendly), trailing newline. */
export function serializeLibrary(library: IndicatorLibrary): string {
  const entries = library.entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  const head = `{\n  "format": ${JSON.stringify(library.format)},\n  "version": ${library.version},\n  "entries": [`;
  return library.entries.length === 0 ? `${head}]\n}\n` : `${head}\n${entries}\n  ]\n}\n`;
}
