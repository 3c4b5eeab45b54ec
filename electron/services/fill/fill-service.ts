/**
 * Fill service (回填): writes a project into a copy of a workbook (its source by default, or a
 * template) and saves the result as a new file, atomically. The target is read with the guarded
 * reader and recognized (template), planned by shared/fill/plan.ts and patched part by part
 * (patch-xlsx.ts). Never writes over its input.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isUserError, UserError } from '../../../shared/errors';
import type { FillNotice } from '../../../shared/fill/edits';
import { planFill, type FillSlot } from '../../../shared/fill/plan';
import type { PerformanceTable, Project } from '../../../shared/model/types';
import { recognizeWorkbook } from '../../../shared/xlsx/recognize';
import { writeFileAtomic } from '../atomic-write';
import { loggedCause } from '../internal-log';
import { isBoundedReadError, readFileBounded } from '../bounded-read';
import { DEFAULT_READ_LIMITS } from '../xlsx/limits';
import { readWorkbookBuffer } from '../xlsx/read-workbook';
import { asXlsx } from './convert-source';
import { patchXlsx } from './patch-xlsx';

/** Options of a fill. */
export interface FillOptions {
  /** Where to write the filled workbook (.xlsx). Must not be the source or the template. */
  readonly output: string;
  /** This year's blank form (or any workbook) to fill instead of the project's source. */
  readonly template?: string;
  /** The project file (or imported workbook) the project came from: a large source is looked for beside it. */
  readonly projectPath?: string;
}

/** What a fill did, for the CLI and the editor's report. */
export interface FillReport {
  readonly output: string;
  /** Tables written. */
  readonly tables: number;
  readonly cellsWritten: number;
  /** Rows inserted and deleted over all tables. */
  readonly rowsInserted: number;
  readonly rowsDeleted: number;
  readonly sheetsAdded: number;
  readonly notices: readonly FillNotice[];
  /** The report as Chinese lines (what was kept, changed and reported). */
  readonly lines: readonly string[];
}

const UNCONVERTIBLE = new Set(['xml2003', 'html', 'docx']);

/**
 * A workbook's bytes, read bounded (a link to /dev/zero or a FIFO fails at once); on failure the
 * reason in Chinese, or null when the file is missing.
 */
async function readWorkbookBytes(file: string): Promise<{ bytes: Buffer } | { reason: string | null }> {
  try {
    return { bytes: await readFileBounded(file, DEFAULT_READ_LIMITS.maxFileBytes) };
  } catch (e) {
    if (isBoundedReadError(e)) {
      return { reason: e.code === 'ENOTREG' ? '这不是普通文件（可能是设备、管道或指向它们的链接）'
        : `文件过大（至少 ${Math.round(e.bytesSeen / 1048576)} MB，上限 ${DEFAULT_READ_LIMITS.maxFileBytes / 1048576} MB）` };
    }
    const code = (e as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? null : code === 'EISDIR' ? '这是一个文件夹' : '文件可能被其他程序占用或没有读取权限' };
  }
}

function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** The bytes of the project's source workbook: embedded, or the file beside the project checked by hash. */
async function sourceBytes(project: Project, projectPath?: string): Promise<{ bytes: Buffer; name: string; path?: string }> {
  const src = project.source;
  if (!src) throw new UserError('FILL_NO_SOURCE', '此项目不是从 Excel 工作簿导入的，没有原表可回填；请用“回填到模板…”选择一个工作簿');
  if (UNCONVERTIBLE.has(src.format)) {
    throw new UserError('FILL_SOURCE_FORMAT', `原表“${src.fileName}”是网页、XML 表格或文档，不能直接回填；请在 Excel/WPS 中另存为 .xlsx 后用“回填到模板…”选择它`);
  }
  if (src.data !== undefined) {
    const bytes = Buffer.from(src.data, 'base64');
    if (sha256(bytes) !== src.sha256) throw new UserError('FILL_SOURCE_CORRUPT', `项目中保存的原表“${src.fileName}”已损坏（校验值不符）`);
    return { bytes, name: src.fileName };
  }
  const beside = path.join(projectPath ? path.dirname(projectPath) : process.cwd(), src.fileName);
  const read = await readWorkbookBytes(beside);
  if (!('bytes' in read)) {
    throw new UserError('FILL_SOURCE_MISSING', `原表“${src.fileName}”较大，未保存在项目中；请把它放在项目文件旁边（${path.dirname(beside)}）后重试${read.reason ? `（现有的文件无法读取：${read.reason}）` : ''}`);
  }
  const bytes = read.bytes;
  if (sha256(bytes) !== src.sha256) throw new UserError('FILL_SOURCE_CHANGED', `项目旁的“${src.fileName}”与导入时的原表不同（已被修改）；请用“回填到模板…”选择它`);
  return { bytes, name: src.fileName, path: beside };
}

function describe(notice: FillNotice): string {
  return notice.level === 'warning' ? `注意：${notice.message}` : notice.message;
}

/**
 * Fills the project into its source workbook (or `options.template`) and writes the result to
 * `options.output` atomically.
 * @throws UserError (FILL_*, XLSX_*) naming the file and what to do.
 */
export async function fillProjectFile(project: Project, options: FillOptions): Promise<FillReport> {
  let target: { bytes: Buffer; name: string; path?: string };
  if (options.template) {
    const read = await readWorkbookBytes(options.template);
    if (!('bytes' in read)) {
      throw new UserError('FILL_TEMPLATE_UNREADABLE', `无法读取模板“${path.basename(options.template)}”：${read.reason ?? '文件不存在'}。请选择一个 Excel 工作簿（.xlsx）作为模板`);
    }
    target = { bytes: read.bytes, name: path.basename(options.template), path: options.template };
  } else {
    target = await sourceBytes(project, options.projectPath);
  }
  const out = path.resolve(options.output);
  if (!options.template && project.source?.format === 'xlsm' && path.extname(out).toLowerCase() !== '.xlsm') {
    throw new UserError('FILL_MACRO_EXTENSION', `原表“${project.source.fileName}”含宏（.xlsm），回填结果也须保存为 .xlsm 文件，请更改文件名`);
  }
  if ((target.path && path.resolve(target.path) === out) || (options.projectPath && path.resolve(options.projectPath) === out)) {
    throw new UserError('FILL_SAME_FILE', '回填结果不能覆盖原文件，请另选保存位置');
  }
  const converted: FillNotice[] = [];
  const xlsx = asXlsx(target.bytes, target.name, converted);
  const filled = await fillWorkbookBytes(project, xlsx.bytes, xlsx.name, options.template !== undefined);
  await writeOutput(out, filled.data);
  const report = { ...filled.counts, output: out, notices: [...converted, ...filled.notices] };
  return { ...report, lines: reportLines(report, target.name) };
}

/** A filled package in memory, with its counts and notices. */
export interface FilledBytes {
  readonly data: Buffer;
  readonly notices: FillNotice[];
  readonly counts: Pick<FillReport, 'tables' | 'cellsWritten' | 'rowsInserted' | 'rowsDeleted' | 'sheetsAdded'>;
}

/**
 * Fills the project into a copy of the xlsx bytes `target` (its own SourceMap, or the target's
 * recognized tables when `asTemplate`), in memory: guarded read, plan, patch.
 * @throws UserError (FILL_*, XLSX_*).
 */
export async function fillWorkbookBytes(project: Project, target: Buffer, name: string, asTemplate: boolean): Promise<FilledBytes> {
  const raw = await readWorkbookBuffer(target, name);
  let slots: FillSlot[] | undefined;
  let originals: (PerformanceTable | undefined)[] | undefined;
  if (asTemplate) {
    const recognized = recognizeWorkbook(raw);
    slots = recognized.project.tables.flatMap((t, i) => {
      const source = recognized.sources[i];
      return source ? [{ source, moneyUnit: t.moneyUnit }] : [];
    });
    if (slots.length === 0) throw new UserError('FILL_TEMPLATE_EMPTY', `模板“${name}”中没有找到可回填的绩效目标表`);
  } else if (!project.tables.some((t) => t.source)) {
    throw new UserError('FILL_NO_SOURCE_MAP', `项目中没有记录各表在“${name}”中的位置，请重新导入原表后再回填`);
  } else {
    originals = originalTables(project, raw, name);
  }
  const plan = planFill(project, raw, slots, originals);
  const patched = patchXlsx(target, name, plan.edits);
  const count = (kind: string) => plan.edits.filter((e) => e.kind === kind).reduce((n, e) => n + ('count' in e ? e.count : 1), 0);
  return {
    data: patched.data,
    notices: [...plan.notices, ...patched.notices],
    counts: { tables: plan.placed, cellsWritten: patched.cellsWritten, rowsInserted: count('insertRows'), rowsDeleted: count('deleteRows'), sheetsAdded: count('cloneSheet') },
  };
}

/** The source's tables as they read today, matched to the project's tables by sheet and first row. */
function originalTables(project: Project, raw: Awaited<ReturnType<typeof readWorkbookBuffer>>, name: string): (PerformanceTable | undefined)[] {
  const recognized = recognizeWorkbook(raw, { sourceName: name });
  const key = (s: { sheetIndex: number; firstRow: number }) => `${s.sheetIndex}:${s.firstRow}`;
  const byKey = new Map(recognized.sources.map((s, i) => [key(s), recognized.project.tables[i]]));
  return project.tables.map((t) => (t.source ? byKey.get(key(t.source)) : undefined));
}

function reportLines(r: Omit<FillReport, 'lines'>, targetName: string): string[] {
  const lines = [`已将 ${r.tables} 张表回填到“${targetName}”的副本 → ${path.basename(r.output)}`,
    `改写 ${r.cellsWritten} 个单元格；插入 ${r.rowsInserted} 行，删除 ${r.rowsDeleted} 行；新增工作表 ${r.sheetsAdded} 个`,
    '其余工作表、单元格、样式、批注、数据验证、打印设置、页眉页脚均保持原样'];
  return [...lines, ...r.notices.map(describe)];
}

async function writeOutput(file: string, data: Buffer): Promise<void> {
  try {
    await writeFileAtomic(file, data, { keepBackup: false });
  } catch (e) {
    if (isUserError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES' ? '文件可能正在 Excel/WPS 中打开或没有写入权限，请关闭后重试'
      : code === 'ENOENT' ? '目标文件夹不存在，请另选保存位置' : code === 'ENOSPC' ? '磁盘空间不足，请清理磁盘或另选保存位置'
        : `${loggedCause(`回填写入 ${file}`, e)}，请另选保存位置后重试`;
    throw new UserError('FILL_WRITE_FAILED', `无法写入“${path.basename(file)}”：${reason}`);
  }
}
