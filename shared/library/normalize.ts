/**
 * The project kind of a 项目名称, by keywords (the 指标库 suggests entries per kind). Pure.
 * The name normalisation and dedup keys of the library live in shared/vocabulary/indicator-names.ts.
 */
import type { ProjectKind } from './types';

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
