import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isUserError, UserError } from '../../shared/errors';
import type { Project } from '../../shared/model/types';
import { parseValidationSettings, severityLabel, validateProject, type Finding, type Severity, type ValidationSettings } from '../../shared/validation';
import { validateDepartment } from '../../shared/validation/department.rules';
import { loadInput } from '../services/load-input';
import { parseArgs } from './args';
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, type CliCommand, type CliIo } from './types';
import { commandInfo } from './registry';
import { jsonErrorWhere } from '../../shared/file/parse-messages';
import { loggedCause, sanitizeUserMessage } from '../services/internal-log';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const INPUT_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.xlsb', '.jxmb', '.docx']);

/** One finding of `--json` output. */
export interface ValidateJsonFinding {
  readonly file: string;
  /** Index into the project's tables; -1 for 部门整体绩效目标 (family F, DEP rules). */
  readonly tableIndex: number;
  readonly projectName: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly path: string;
  readonly cell: string | null;
  readonly message: string;
}

/** Files named on the command line; a folder means every workbook (.xlsx .xlsm .xls .et .ods .xlsb) and .jxmb inside it, recursively, sorted. */
async function expandInputs(inputs: readonly string[]): Promise<{ files: string[]; unreadable: { file: string; message: string }[] }> {
  const files: string[] = [];
  const unreadable: { file: string; message: string }[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && INPUT_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !e.name.startsWith('~$')) files.push(full);
    }
  };
  for (const input of inputs) {
    try {
      const stat = await fs.stat(input);
      if (stat.isDirectory()) await walk(input);
      else files.push(input);
    } catch {
      unreadable.push({ file: input, message: `找不到文件或文件夹“${input}”` });
    }
  }
  return { files, unreadable };
}

async function readSettings(file: string | undefined): Promise<ValidationSettings | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UserError('settings', `无法读取校验设置文件“${file}”`);
  }
  try {
    return parseValidationSettings(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (e) {
    throw new UserError('settings', `校验设置文件“${file}”有误：${isUserError(e) ? e.message : `不是有效的 JSON${jsonErrorWhere(text, e) ? `（${jsonErrorWhere(text, e)}）` : ''}`}，请改正后再试`);
  }
}

/**
 * `--library builtin|<library.json>`: QUA-13 compares units with that 指标库's usual units.
 * @throws UserError naming the file when it is unreadable or not a library file.
 */
async function withLibrary(settings: ValidationSettings | undefined, library: string | undefined): Promise<ValidationSettings | undefined> {
  if (!library) return settings;
  const { usualUnits, parseLibraryFile } = await import('../../shared/library');
  let entries;
  if (library === 'builtin') entries = (await import('../../shared/library/builtin')).BUILTIN_LIBRARY.entries;
  else {
    let text: string;
    try {
      text = await fs.readFile(library, 'utf8');
    } catch {
      throw new UserError('library', `无法读取指标库文件“${library}”`);
    }
    try {
      entries = parseLibraryFile(text).entries;
    } catch (e) {
      throw new UserError('library', `指标库文件“${library}”有误：${(e as Error).message}`);
    }
  }
  return { ...settings, usualUnits: usualUnits(entries) };
}

function humanReport(file: string, project: Project, findings: readonly Finding[]): string {
  const lines = [`文件：${file}（${project.tables.length} 张表）`];
  let current = -2;
  for (const f of findings) {
    if (f.tableIndex !== current) {
      current = f.tableIndex;
      lines.push(f.tableIndex < 0 ? '  部门整体绩效目标' : `  表 ${f.tableIndex + 1}“${project.tables[f.tableIndex].projectName || '（未填项目名称）'}”`);
    }
    lines.push(`    [${severityLabel(f.severity)}] ${f.ruleId} ${f.cell ?? '—'}：${f.message}`);
  }
  lines.push(`  ${findings.length === 0 ? '未发现问题。' : `本文件：${totals(findings)}`}`);
  return `${lines.join('\n')}\n`;
}

function totals(findings: readonly Finding[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `错误 ${n('error')} 条，警告 ${n('warning')} 条，提示 ${n('info')} 条`;
}

/**
 * `jxmb validate <file or folder>... [--json] [--min-severity error|warning|info] [--settings <file>] [--library builtin|<file>]`:
 * runs the offline rule catalogue (DOMAIN.md §3) on .xlsx and .jxmb inputs (with `--library`, QUA-13 too). Exit 1 when any
 * error-level finding, 2 when an input cannot be read, else 0.
 */
export const validateCommand: CliCommand = {
  ...commandInfo('validate'),
  async run(args, io: CliIo) {
    const { positionals, options } = parseArgs(args, { flags: ['json'], valued: ['min-severity', 'settings', 'library'] });
    if (positionals.length === 0) throw new UserError('usage', `缺少要校验的文件。用法：${this.usage}`);
    const min = (options['min-severity'] as string | undefined) ?? 'info';
    if (!SEVERITIES.includes(min as Severity)) throw new UserError('usage', `--min-severity 只能是 error、warning 或 info，收到“${min}”`);
    const keep = (s: Severity) => SEVERITIES.indexOf(s) <= SEVERITIES.indexOf(min as Severity);
    const settings = await withLibrary(await readSettings(options.settings as string | undefined), options.library as string | undefined);

    const { files, unreadable } = await expandInputs(positionals);
    if (files.length === 0 && unreadable.length === 0) unreadable.push({ file: positionals.join(' '), message: `“${positionals.join(' ')}”中没有表格文件（.xlsx、.xls、.et、.ods 等）或 .jxmb 文件` });
    const json: ValidateJsonFinding[] = [];
    const all: Finding[] = [];
    for (const file of files) {
      let project: Project;
      try {
        project = (await loadInput(file)).project;
      } catch (e) {
        unreadable.push({ file, message: isUserError(e) ? e.message : `无法读取“${file}”：${loggedCause(`校验 ${file}`, e)}` });
        continue;
      }
      // Family F (DEP rules) first, as table index -1: it is 第一部分 of the document.
      const department: Finding[] = validateDepartment(project).map((f) => ({ ...f, tableIndex: -1 }));
      const findings = [...department, ...validateProject(project, settings)].filter((f) => keep(f.severity));
      all.push(...findings);
      if (options.json) {
        for (const f of findings) {
          json.push({ file, tableIndex: f.tableIndex, projectName: f.tableIndex < 0 ? '部门整体绩效目标' : project.tables[f.tableIndex].projectName, ruleId: f.ruleId, severity: f.severity, path: f.path, cell: f.cell ?? null, message: f.message });
        }
      } else {
        io.stdout(humanReport(file, project, findings));
      }
    }
    for (const u of unreadable) io.stderr(`错误：${sanitizeUserMessage(u.message.includes(u.file) ? u.message : `“${u.file}”：${u.message}`, `jxmb validate ${u.file}`)}\n`);
    if (options.json) io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    else if (files.length > 1) io.stdout(`合计 ${files.length} 个文件：${totals(all)}\n`);
    if (unreadable.length > 0) return EXIT_INPUT;
    return all.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  },
};
