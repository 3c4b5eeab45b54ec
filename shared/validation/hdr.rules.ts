import type { Project } from '../model/types';
import type { ProjectRuleFinding, Rule, RuleFinding } from './rule';
import { tableName } from './text';

/** HDR-01..HDR-06: header and code formats (DOMAIN.md §3.6). */

/** 项目属性 values of the 宁夏 pick-lists (HDR-01). */
export const PROJECT_ATTRIBUTES: readonly string[] = [
  '新增项目', '延续项目', '新增一次性项目', '续建项目', '上年延续性项目', '延续性项目', '一次性项目', '经常性项目', '新增经常性项目', '其他项目',
];

/** HDR-01 (A, B): 项目属性 from the pick-list. */
export const HDR_01: Rule = {
  id: 'HDR-01', severity: 'warning', families: ['nx-2024', 'nx-2022'], needs: ['projectAttribute'], title: '项目属性不在选项中',
  check: (table, ctx) => {
    const v = table.projectAttribute.replace(/\s+/g, '');
    if (v === '' || PROJECT_ATTRIBUTES.includes(v)) return [];
    return [{ path: 'projectAttribute', message: `${ctx.tableName}的项目属性“${table.projectAttribute.trim()}”不是标准选项；应为 ${PROJECT_ATTRIBUTES.slice(0, 5).join('、')} 等之一` }];
  },
};

/** 项目期 formats (HDR-02): 一年, 长期, 2019-2021, 3年, 三年. */
const PERIOD = /^(长期|一次性|[一二三四五六七八九十两]+年|\d+年|(19|20)\d{2}(年)?\s*[-—–~至到]\s*(19|20)\d{2}(年)?|(19|20)\d{2}年(度)?)$/;

/** HDR-02 (A, B): 项目期 format. */
export const HDR_02: Rule = {
  id: 'HDR-02', severity: 'warning', families: ['nx-2024', 'nx-2022'], needs: ['projectPeriod'], title: '项目期格式不规范',
  check: (table, ctx) => {
    const v = table.projectPeriod.replace(/\s+/g, '');
    if (v === '' || PERIOD.test(v)) return [];
    return [{ path: 'projectPeriod', message: `${ctx.tableName}的项目期“${table.projectPeriod.trim()}”格式不规范；应写作“一年”“长期”“3年”或“2024-2026”` }];
  },
};

/** HDR-03 (B, D): 主管部门及代码 as `code-name` or `[code]name`. */
export const HDR_03: Rule = {
  id: 'HDR-03', severity: 'warning', families: ['nx-2022', 'jx-2024'], title: '主管部门及代码格式不规范',
  check: (table, ctx) => {
    const v = table.supervisingDepartment.trim();
    if (v === '' || /^\d{2,}\s*[-－—]\s*\S/.test(v) || /^[[【(（]\d{2,}[\]】)）]\s*\S/.test(v)) return [];
    return [{ path: 'supervisingDepartment', message: `${ctx.tableName}的主管部门及代码“${v}”缺少部门代码；应写作“代码-名称”（如“916-赣州经济技术开发区凤岗镇人民政府”）或“[代码]名称”` }];
  },
};

/** HDR-04: money unit declared once per table and used consistently in 成本 values (S3: 万元 header, `≤166060元`). */
export const HDR_04: Rule = {
  id: 'HDR-04', severity: 'warning', families: 'all', title: '成本金额单位与表头不一致',
  check: (table, ctx) => {
    const unit = table.moneyUnit === 'yuan' ? '元' : '万元';
    const other = ctx.facts.costItems.filter((c) => c.word !== unit && c.source === 'value');
    if (other.length === 0) return [];
    const list = other.slice(0, 3).map((c) => `“${c.written}”（= ${c.amount.toDecimalPlaces(6).toString()} ${unit}）`).join('、');
    return [{ path: `indicators.${other[0].index}.value`, message: `${ctx.tableName}的项目资金以“${unit}”为单位，成本指标却写作 ${list}；同一张表应统一使用“${unit}”` }];
  },
};

/** 项目编码 of the Hebei system: 6-digit 区划码 + 2-digit year + P + 12 alphanumerics (HDR-05). */
const HEBEI_CODE = /^(\d{6})(\d{2})P[0-9A-Z]{12}$/;

const countyCache = new WeakMap<Project, readonly [string, number] | undefined>();

/** The most frequent 区划码 of the project's 项目编码 and its count (cached per project object). */
function mainCounty(project: Project): readonly [string, number] | undefined {
  if (countyCache.has(project)) return countyCache.get(project);
  const counties = new Map<string, number>();
  for (const t of project.tables) {
    const c = HEBEI_CODE.exec(t.projectCode.trim())?.[1];
    if (c) counties.set(c, (counties.get(c) ?? 0) + 1);
  }
  const main = [...counties.entries()].sort((a, b) => b[1] - a[1])[0];
  countyCache.set(project, main);
  return main;
}

/** HDR-05 (C): 项目编码 format (error), year = budget year and county = the workbook's county (warning). */
export const HDR_05: Rule = {
  id: 'HDR-05', severity: 'error', families: ['hebei'], title: '项目编码格式不正确',
  check: (table, ctx) => {
    const code = table.projectCode.trim();
    if (code === '') return [];
    const m = HEBEI_CODE.exec(code);
    const where = `${ctx.tableName}的项目编码“${code}”`;
    if (!m) return [{ path: 'projectCode', message: `${where}格式不正确（${code.length} 位）；应为 21 位：6 位区划码 + 2 位年度 + “P” + 12 位字母数字（如“13073024P00888510015C”）` }];
    const out: RuleFinding[] = [];
    const fy = ctx.project.meta.fiscalYear;
    if (fy != null && Number(m[2]) !== fy % 100) out.push({ path: 'projectCode', severity: 'warning', message: `${where}中的年度“${m[2]}”与预算年度 ${fy} 年不符；应为“${String(fy % 100).padStart(2, '0')}”` });
    const main = mainCounty(ctx.project);
    if (main && main[0] !== m[1] && main[1] > 1) out.push({ path: 'projectCode', severity: 'warning', message: `${where}的区划码“${m[1]}”与本文件其他项目的“${main[0]}”不同；请核对是否为本县项目` });
    return out;
  },
};

/** HDR-06 (C, project-wide): table numbers in titles (「3.…绩效目标表」) continuous from 1. */
export const HDR_06: Rule = {
  id: 'HDR-06', severity: 'info', families: ['hebei'], title: '表格编号不连续',
  checkProject: (project) => {
    const out: ProjectRuleFinding[] = [];
    let expected = 1;
    project.tables.forEach((t, i) => {
      if (t.family !== 'hebei') return;
      const m = /^\s*(\d+)\s*[.、．]/.exec(t.title);
      if (!m) return;
      const n = Number(m[1]);
      if (n !== expected) out.push({ tableIndex: i, path: '', message: `${tableName(t, i)}的标题编号为 ${n}，按顺序应为 ${expected}；请检查是否漏表、重表或顺序有误` });
      expected = n + 1;
    });
    return out;
  },
};
