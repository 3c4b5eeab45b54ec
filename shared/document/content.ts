/**
 * What a 部门预算绩效文本 contains, before pagination: the cover lines, 第一部分 (family F
 * narrative, or the 部门整体 tables of family E), 第二部分 (every project table, numbered
 * 「1.XXX绩效目标表」). The PDF pagination (paginate-document.ts) and the .docx writer both start here.
 */
import { tableTitle, type LayoutContext } from '../layout/layout';
import type { DepartmentDocument } from '../model/department';
import type { PerformanceTable, Project } from '../model/types';

/** Options of the document (the `jxmb doc` flags and the editor's 导出绩效文本 dialog). */
export interface DocumentOptions {
  /** Cover title; default 「<预算年度>年部门预算绩效文本」. */
  readonly title?: string;
  /** 编制 line of the cover; default 「<单位名称>编制」. */
  readonly compiler?: string;
  /** 审核 line of the cover; default 「<县/市/区>财政局审核」 when the unit name starts with one, else none. */
  readonly reviewer?: string;
}

/** One table printed in the document. */
export interface DocumentTable {
  /** Index into `project.tables`. */
  readonly tableIndex: number;
  /** The table as printed (family C: its title is the numbered heading). */
  readonly table: PerformanceTable;
  /** The text of its 目录 entry, e.g. 「1.官厅镇村干部工资绩效目标表」. */
  readonly heading: string;
  /** True when `heading` is printed above the table (families whose own title is the form's name). */
  readonly headingAbove: boolean;
  /** Anchor (bookmark) id of its first page. */
  readonly anchor: string;
}

/** 第一部分: the family F narrative (when the project has one), then the family E tables. */
export interface DocumentPart1 {
  readonly department: DepartmentDocument | null;
  readonly tables: readonly DocumentTable[];
}

/** The content of a document. */
export interface DocumentContent {
  readonly ctx: LayoutContext;
  readonly cover: {
    readonly unitName: string;
    readonly title: string;
    readonly compiler: string;
    readonly reviewer: string;
  };
  /** Null when the project has neither family F nor a family E table. */
  readonly part1: DocumentPart1 | null;
  readonly part2: readonly DocumentTable[];
}

/** Headings of the two parts. */
export const PART_TITLES = {
  part1: ['第一部分', '部门整体绩效目标'],
  part2: ['第二部分', '预算项目绩效目标'],
} as const;

/** A title without its leading 「N.」 / 「N、」 numbering. */
function stripNumber(text: string): string {
  return text.replace(/^\s*\d+\s*[.、．]\s*/, '');
}

/** 「怀来县财政局审核」 from 「怀来县官厅镇人民政府」; '' when the unit name names no county, city or district. */
export function defaultReviewer(unitName: string): string {
  const m = /^(.{1,8}?(?:自治县|县|市|区|旗))/.exec(unitName.trim());
  return m ? `${m[1]}财政局审核` : '';
}

function projectTable(table: PerformanceTable, tableIndex: number, n: number, ctx: LayoutContext): DocumentTable {
  const name = stripNumber(table.projectName.trim() ? `${table.projectName.trim()}绩效目标表` : tableTitle(table, ctx));
  const heading = `${n}.${name}`;
  if (table.family === 'hebei') {
    return { tableIndex, table: { ...table, title: heading }, heading, headingAbove: false, anchor: `table-${n}` };
  }
  return { tableIndex, table, heading, headingAbove: true, anchor: `table-${n}` };
}

/**
 * The content of the document of `project`: 第一部分 from `project.department` (family F) and
 * the family E (`jx-department`) tables; 第二部分 lists every other table in
 * project order, numbered from 1. Pure.
 */
export function documentContent(project: Project, options: DocumentOptions = {}): DocumentContent {
  const { meta } = project;
  const ctx: LayoutContext = { fiscalYear: meta.fiscalYear, unitCode: meta.unitCode, unitName: meta.unitName };
  const year = meta.fiscalYear == null ? '' : `${meta.fiscalYear}年`;
  const cover = {
    unitName: meta.unitName,
    title: options.title ?? `${year}部门预算绩效文本`,
    compiler: options.compiler ?? (meta.unitName ? `${meta.unitName}编制` : ''),
    reviewer: options.reviewer ?? defaultReviewer(meta.unitName),
  };
  const departmentTables: DocumentTable[] = [];
  const part2: DocumentTable[] = [];
  project.tables.forEach((table, i) => {
    if (table.family === 'jx-department') {
      const heading = tableTitle(table, ctx);
      departmentTables.push({ tableIndex: i, table, heading, headingAbove: false, anchor: `dept-${departmentTables.length + 1}` });
    } else {
      part2.push(projectTable(table, i, part2.length + 1, ctx));
    }
  });
  const department = project.department ?? null;
  const part1 = department || departmentTables.length > 0 ? { department, tables: departmentTables } : null;
  return { ctx, cover, part1, part2 };
}
