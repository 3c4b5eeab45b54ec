import type { Project } from '../model/types';
import type { Rule } from './rule';
import { tableName } from './text';

/**
 * FUND-08 (DOMAIN.md §3.2, family C): 资金用途 present and not copied from another project, with the
 * per-project index of compact names and purposes it searches.
 */

/** Per-project index of the compact project names and 资金用途 (FUND-08), built once per project object. */
interface ProjectTexts {
  readonly names: readonly string[];
  /** All compact names joined by NAME_SEPARATOR, and where each starts, for one indexOf over the project. */
  readonly joined: string;
  readonly starts: readonly number[];
  /** Tables by compact 资金用途, ascending. */
  readonly byUse: ReadonlyMap<string, readonly number[]>;
}
const NAME_SEPARATOR = '\u0000';
const textsCache = new WeakMap<Project, ProjectTexts>();

function projectTexts(project: Project): ProjectTexts {
  let texts = textsCache.get(project);
  if (!texts) {
    const names = project.tables.map((t) => t.projectName.replace(/\s+/g, ''));
    const byUse = new Map<string, number[]>();
    const starts: number[] = [];
    let offset = 0;
    project.tables.forEach((t, i) => {
      const use = t.fundUse.replace(/\s+/g, '');
      const list = byUse.get(use);
      if (list) list.push(i);
      else byUse.set(use, [i]);
      starts.push(offset);
      offset += names[i].length + NAME_SEPARATOR.length;
    });
    texts = { names, joined: names.join(NAME_SEPARATOR), starts, byUse };
    textsCache.set(project, texts);
  }
  return texts;
}

/** Index of the table whose name holds the character at `pos` of `joined` (binary search on starts). */
function tableAt(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first table ≠ self whose compact name contains `use` (one indexOf over all names), or -1. */
function firstNameContaining(texts: ProjectTexts, self: number, use: string): number {
  if (use.includes(NAME_SEPARATOR)) return texts.names.findIndex((name, i) => i !== self && name.includes(use));
  for (let from = 0; ;) {
    const pos = texts.joined.indexOf(use, from);
    if (pos < 0) return -1;
    const i = tableAt(texts.starts, pos);
    if (i !== self) return i;
    from = texts.starts[i] + texts.names[i].length + NAME_SEPARATOR.length; // skip own name
  }
}

/**
 * Another table whose project name contains `use` or whose 资金用途 equals it (and whose name differs
 * from `ownName`): the first such table, or -1 (FUND-08). Without comparing every pair of tables.
 */
function otherOwner(project: Project, self: number, use: string, ownName: string): number {
  const texts = projectTexts(project);
  const byName = firstNameContaining(texts, self, use);
  const byUse = (texts.byUse.get(use) ?? []).find((i) => i !== self && project.tables[i].projectName !== ownName) ?? -1;
  return byName < 0 ? byUse : byUse < 0 ? byName : Math.min(byName, byUse);
}

/** FUND-08 (C): 资金用途 present, not just the project name, not another project's name or purpose (S2 l.534). */
export const FUND_08: Rule = {
  id: 'FUND-08', severity: 'warning', families: ['hebei'], needs: ['fundUse'], title: '资金用途缺失或疑似复制',
  check: (table, ctx) => {
    const use = table.fundUse.trim();
    const where = `${tableName(table, ctx.tableIndex)}的资金用途`;
    if (use === '') return [{ path: 'fundUse', message: `${where}为空；应写明资金具体用于哪些支出` }];
    const compactUse = use.replace(/\s+/g, '');
    const ownName = table.projectName.replace(/\s+/g, '');
    if (ownName.includes(compactUse)) {
      return [{ path: 'fundUse', message: `${where}“${use}”只是项目名称的一部分；应写明资金具体用于哪些支出（如“用于支付…人员工资、…设备购置”）` }];
    }
    const other = compactUse.length >= 4 ? otherOwner(ctx.project, ctx.tableIndex, compactUse, table.projectName) : -1;
    if (other >= 0) {
      return [{ path: 'fundUse', message: `${where}“${use}”与另一个项目“${ctx.project.tables[other].projectName.trim()}”（第 ${other + 1} 张表）的名称或资金用途相同，疑似从其他项目复制；应写本项目的资金用途` }];
    }
    return [];
  },
};
