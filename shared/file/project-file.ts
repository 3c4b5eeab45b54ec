/**
 * The `.jxmb` project file: UTF-8 JSON `{"format": "jxmb-project", "version": N, "project": {...}}`.
 * Loading migrates older versions step by step, validates with the schema and normalizes
 * (`restore`) so nothing downstream sees half-valid data. Disk access is electron's job.
 */
import type { z } from 'zod';
import { UserError } from '../errors';
import type { Project } from '../model/types';
import { parseIndicatorValue } from '../values/indicator-value';
import { jsonNestingExceeds, MAX_PROJECT_JSON_DEPTH } from './json-depth';
import { jsonErrorWhere, schemaIssueDetail } from './parse-messages';
import { projectSchema } from './schema';
import { restoreDepartment } from './department-restore';

/** Format tag of every `.jxmb` file. */
export const PROJECT_FORMAT = 'jxmb-project';
/**
 * The version this build writes.
 * - 1: the first format.
 * - 2: tables may carry the SourceMap (`source`), a learned layout (`family: 'learned'` +
 *   `template`), the 中期/长期 block (`longTermGoal`, `longTermIndicators`, `longTermFunds`),
 *   项目负责人 / 联系电话 / 起止时间 / 填报单位, fund lines, extras, and per-indicator 备注 /
 *   计量单位 / 指标性质 / 权重 / ★; the project its source workbook (`source`).
 */
export const PROJECT_FORMAT_VERSION = 2;

/** A migration turns the `project` payload of version N into version N+1. */
export type Migration = (project: unknown) => unknown;

/**
 * Migrations keyed by the version they upgrade FROM (each turns version N into N+1).
 * 1 → 2: every version-2 addition is optional, so a version-1 project is carried over as it is;
 * only its shape is checked (a version-1 file never names the `learned` family).
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (project) => {
    const tables = (project as { tables?: unknown } | null)?.tables;
    if (Array.isArray(tables) && tables.some((t) => (t as { family?: unknown } | null)?.family === 'learned')) {
      throw new UserError('file-invalid', '项目文件内容无效：格式版本 1 的文件不能含有自定义版式。文件未被修改。');
    }
    return project;
  },
};

// Compile-time check that the schema and the model types agree.
type SchemaProject = z.infer<typeof projectSchema>;
const _modelToSchema = (p: Project): SchemaProject => p as SchemaProject;
const _schemaToModel = (p: SchemaProject): Project => p as Project;
void _modelToSchema;
void _schemaToModel;

/** Serializes a project as the text of a `.jxmb` file (2-space JSON, trailing newline). */
export function serializeProject(project: Project): string {
  return `${JSON.stringify({ format: PROJECT_FORMAT, version: PROJECT_FORMAT_VERSION, project }, null, 2)}\n`;
}

/** Result of reading a `.jxmb` text: the project and what restore() had to change (Chinese). */
export interface ParsedProjectFile {
  readonly project: Project;
  readonly warnings: readonly string[];
}

function describePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(根)';
}

/**
 * Parses the text of a `.jxmb` file.
 *
 * @param options.migrations / options.currentVersion injectable for tests (defaults: MIGRATIONS, PROJECT_FORMAT_VERSION).
 * @throws UserError `file-not-json` (not JSON, or nested deeper than MAX_PROJECT_JSON_DEPTH: checked
 *   before parsing), `file-not-project` (no format tag),
 *   `file-newer` (saved by a newer version), `file-invalid` (schema violation, naming the field).
 */
export function parseProjectFile(
  text: string,
  options: { migrations?: Readonly<Record<number, Migration>>; currentVersion?: number } = {},
): ParsedProjectFile {
  const migrations = options.migrations ?? MIGRATIONS;
  const current = options.currentVersion ?? PROJECT_FORMAT_VERSION;
  let data: unknown;
  if (jsonNestingExceeds(text, MAX_PROJECT_JSON_DEPTH)) {
    throw new UserError('file-not-json', `项目文件已损坏：内容嵌套超过 ${MAX_PROJECT_JSON_DEPTH} 层，不是本软件保存的项目文件（可能是恶意构造的文件）。请选择本软件保存的 .jxmb 项目文件，或打开同一文件夹中的 .bak 备份。`);
  }
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const where = jsonErrorWhere(text, e);
    throw new UserError('file-not-json', `项目文件已损坏：内容不是有效的 JSON${where ? `（${where}）` : ''}。可尝试打开同一文件夹中的 .bak 备份。`);
  }
  const envelope = data as { format?: unknown; version?: unknown; project?: unknown } | null;
  if (!envelope || typeof envelope !== 'object' || envelope.format !== PROJECT_FORMAT) {
    throw new UserError('file-not-project', '这不是绩效目标表编辑器的项目文件（缺少格式标记 "jxmb-project"）。请选择本软件保存的 .jxmb 项目文件。');
  }
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UserError('file-invalid', `项目文件的格式版本无效：${(JSON.stringify(version) ?? String(version)).slice(0, 40)}。请选择本软件保存的 .jxmb 项目文件。`);
  }
  if (version > current) {
    throw new UserError(
      'file-newer',
      `此项目文件由更新版本的绩效目标表编辑器保存（格式版本 ${version}，本软件支持到版本 ${current}）。请升级软件后再打开；文件未被修改。`,
    );
  }
  let payload = envelope.project;
  for (let v = version; v < current; v++) {
    const migrate = migrations[v];
    if (!migrate) throw new UserError('file-invalid', `无法将格式版本 ${v} 的项目文件升级到版本 ${v + 1}。`);
    payload = migrate(payload);
  }
  const result = projectSchema.safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UserError('file-invalid', `项目文件内容无效：字段 project.${describePath(issue.path)} 不符合格式（${schemaIssueDetail(issue)}）。文件未被修改。`);
  }
  return restore(result.data as Project);
}

/**
 * Parses a `.jxmb` text, or a bare project object `{"meta": …, "tables": […]}` without the
 * envelope (what scripts write; read as format version 1). Used where either is accepted
 * (the inputs of 指标库 build).
 * @throws UserError as parseProjectFile.
 */
export function parseProjectOrPlain(text: string): ParsedProjectFile {
  const clean = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = jsonNestingExceeds(clean, MAX_PROJECT_JSON_DEPTH) ? undefined : JSON.parse(clean);
  } catch {
    data = undefined;
  }
  const plain = !!data && typeof data === 'object' && !('format' in data) && 'tables' in data && 'meta' in data;
  return parseProjectFile(plain ? JSON.stringify({ format: PROJECT_FORMAT, version: 1, project: data }) : text);
}

/**
 * Normalizes a schema-valid project: every indicator value is re-derived from its raw text
 * (the grammar is the single source of truth), reporting each change as a warning.
 */
export function restore(project: Project): ParsedProjectFile {
  const warnings: string[] = [];
  project.tables.forEach((table, t) => {
    if (table.family === 'learned' && !table.template) {
      throw new UserError('file-invalid', `项目文件内容无效：第 ${t + 1} 张表「${table.projectName}」使用自定义版式，但文件中缺少该版式的定义。文件未被修改。`);
    }
  });
  const tables = project.tables.map((table, t) => {
    let changed = false;
    const indicators = table.indicators.map((ind, i) => {
      const parsed = parseIndicatorValue(ind.value.raw);
      const v = ind.value;
      if (parsed.kind === v.kind && parsed.operator === v.operator && parsed.number === v.number && parsed.unit === v.unit) return ind;
      changed = true;
      warnings.push(`第 ${t + 1} 张表「${table.projectName}」第 ${i + 1} 条指标的指标值“${v.raw}”已按原文重新解析。`);
      return { ...ind, value: parsed };
    });
    return changed ? { ...table, indicators } : table;
  });
  const department = project.department && restoreDepartment(project.department, warnings);
  return { project: department ? { ...project, tables, department } : { ...project, tables }, warnings };
}
