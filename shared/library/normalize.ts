/**
 * Normalisation of 三级指标 names and dedup keys of the 指标库, plus the project kind of a
 * 项目名称. Pure.
 */
import type { ProjectKind } from './types';

/** 「指标1：」, 「指标 2:」, 「1.」, 「(1)」 numbering at the start of a name. */
const LEADING_NUMBERING = /^\s*(?:指标\s*\d+\s*[:：.、．]?|\d+\s*[.、．]|[（(]\d+[)）])\s*/;

/**
 * The name as the library keeps it: full-width letters, digits and spaces folded, blanks
 * collapsed, slot prefixes (`指标1：`) and leading numbering removed, trailing punctuation dropped.
 * A bracketed unit at the end is dropped too. `' 指标1：群众满意度(%)。 '` → `群众满意度`.
 */
export function normalizeName(name: string): string {
  let text = name.replace(/[\uFF01-\uFF5E]/g, (c) => (/[０-９Ａ-Ｚａ-ｚ]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c));
  text = text.replace(/[\s\u3000]+/g, ' ').trim();
  for (let i = 0; i < 3 && LEADING_NUMBERING.test(text); i++) text = text.replace(LEADING_NUMBERING, '');
  text = text.replace(/[。．.，,；;：:、\s]+$/u, '').trim();
  // a unit in brackets at the end (`群众满意度(%)`, `落实运行经费 (万元)`) belongs to the 指标值
  return text.replace(/\s*[（(](?:%|％|万元|元|个|人|次|天)[)）]$/u, '').trim();
}

/** Dedup key of a name: the normalised name without blanks or brackets' spacing, lower-cased. */
export function nameKey(name: string): string {
  return normalizeName(name).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/** Dedup key of an entry: 二级 + name key. */
export function entryKey(level2: string, name: string): string {
  return `${level2}\u0000${nameKey(name)}`;
}

/** Keywords of each project kind, tried in order (the first kind with a keyword in the name wins). */
const KIND_KEYWORDS: readonly (readonly [ProjectKind, RegExp])[] = [
  ['党建', /党建|党员|党组织|纪委|组织部|人大|妇联|团委|工会/],
  ['人员经费', /工资|报酬|待遇|补贴|补助|社保|养老|讲解员|临聘|干部|工作者|人员/],
  ['环境卫生', /卫生|保洁|垃圾|环境|厕/],
  ['园林绿化', /绿化|园林|公园|广场|养护/],
  ['农业水利', /农业|灌溉|泵站|水利|农田|种植|养殖|土地/],
  ['市政设施', /市政|道路|路灯|设施|基础设施|工程|建设|维修|改造|小区/],
  ['社会治理', /治安|信访|综治|网格|消防|安全|应急|治理|调解|司法/],
  ['民生保障', /民生|残疾|低保|救助|服务|为民|医疗|健康|养老服务/],
  ['文化教育', /文化|图书|教育|学校|培训|体育|宣传/],
  ['产业发展', /产业|园区|招商|扶贫|乡村振兴|经济/],
  ['运转经费', /运转|运行|办公|业务|管理|公用|经费/],
];

/**
 * The kind of a project from its 项目名称 (keywords, first match): 「村级运转经费」 → 运转经费,
 * 「闽宁镇网格员工资」 → 人员经费. `department` true (部门整体 table) gives 部门整体. Unknown → 其他.
 */
export function projectKindOf(projectName: string, department = false): ProjectKind {
  if (department) return '部门整体';
  for (const [kind, re] of KIND_KEYWORDS) if (re.test(projectName)) return kind;
  return '其他';
}
