/**
 * The vocabulary of the field: every header field and matrix column a 绩效目标表 carries, with
 * the label synonyms bureaus print for it (DOMAIN.md §1–§2; 88号 / 101号 forms and their county
 * variants), where its value sits relative to the label, and its model path. Recognition,
 * flat lists, segmentation, family detection, learned templates and the editor's pick-lists
 * read this one list. Labels are compared after `vocabularyLabel` (label-normalize.ts).
 */
import type { MatrixColumnKey } from '../families/types';

/** Where a field's value sits relative to its label. */
export type Placement =
  /** in the cell right of the label */
  | 'right'
  /** in the cell below the label */
  | 'below'
  /** inside the label cell: 「资金总额：30万元」 */
  | 'inline'
  /** right of the last row of a label merged down (河北 「预算规模及资金用途」 over the 预算数 row and the 资金用途 row) */
  | 'rightOfLastRow';

/** How a value is read: free text, an amount in the table's money unit, or a percent 0–100. */
export type TermKind = 'text' | 'amount' | 'percent';

/** A header field of the vocabulary. */
export interface FieldTerm {
  /** Model path of the field (ARCHITECTURE.md glossary): `projectName`, `funds.total`, `longTermGoal` … */
  readonly path: string;
  /** The label printed on a new form. */
  readonly label: string;
  /** Every spelling that means this field (the label included), as printed. */
  readonly synonyms: readonly string[];
  readonly kind: TermKind;
  /** Where the value may sit, in order of preference. */
  readonly placement: readonly Placement[];
  /** The label starts a new table when found below another table (项目名称, 项目编码, 部门名称). */
  readonly startsTable?: boolean;
}

/** A matrix (indicator) column of the vocabulary. */
export interface ColumnTerm {
  readonly key: MatrixColumnKey;
  /** Header printed on a new form. */
  readonly label: string;
  /** Every spelling that means this column (the label included). */
  readonly synonyms: readonly string[];
}

const RB: readonly Placement[] = ['right', 'below', 'inline'];
const BR: readonly Placement[] = ['below', 'right', 'inline'];

/**
 * Header fields. Order matters where spellings overlap: the first term whose synonym matches
 * wins, so the specific 年度/中期 spellings stand before the generic ones.
 */
export const FIELD_TERMS: readonly FieldTerm[] = [
  { path: 'projectName', label: '项目名称', synonyms: ['项目名称', '项目(名称)', '项目'], kind: 'text', placement: RB, startsTable: true },
  { path: 'projectCode', label: '项目编码', synonyms: ['项目编码', '项目代码', '项目编号'], kind: 'text', placement: RB, startsTable: true },
  { path: 'supervisingDepartment', label: '主管部门', synonyms: ['主管部门', '主管部门及代码', '主管部门(单位)', '主管单位', '主管部门名称'], kind: 'text', placement: RB },
  { path: 'implementingUnit', label: '实施单位', synonyms: ['实施单位', '项目实施单位', '项目单位', '实施主体', '预算单位'], kind: 'text', placement: RB },
  { path: 'projectAttribute', label: '项目属性', synonyms: ['项目属性', '项目性质'], kind: 'text', placement: RB },
  { path: 'projectPeriod', label: '项目期', synonyms: ['项目期', '项目周期', '项目实施期', '实施周期'], kind: 'text', placement: RB },
  { path: 'projectLeader', label: '项目负责人', synonyms: ['项目负责人', '负责人'], kind: 'text', placement: RB },
  { path: 'contactPhone', label: '联系电话', synonyms: ['联系电话', '联系方式', '电话'], kind: 'text', placement: RB },
  { path: 'projectDates', label: '项目起止时间', synonyms: ['项目起止时间', '起止时间', '项目实施时间', '实施时间'], kind: 'text', placement: RB },
  { path: 'projectStart', label: '项目开始时间', synonyms: ['项目开始时间', '开始时间'], kind: 'text', placement: RB },
  { path: 'projectEnd', label: '项目结束时间', synonyms: ['项目结束时间', '结束时间', '项目完成时间'], kind: 'text', placement: RB },
  { path: 'fillingUnit', label: '填报单位', synonyms: ['填报单位', '申报单位', '填报单位(盖章)', '申报单位(盖章)'], kind: 'text', placement: ['inline', 'right'] },
  { path: 'longTermFunds.total', label: '中期资金总额', synonyms: ['中期资金总额', '长期资金总额', '实施期资金总额', '项目总资金', '总资金'], kind: 'amount', placement: RB },
  { path: 'funds.total', label: '年度资金总额', synonyms: ['年度资金总额', '资金总额', '预算数', '项目资金', '年度预算数', '预算金额', '资金总额合计', '合计'], kind: 'amount', placement: RB },
  { path: 'funds.fiscal', label: '其中：财政拨款', synonyms: ['财政拨款', '财政资金', '财政拨款资金', '一般公共预算', '财政补助'], kind: 'amount', placement: RB },
  { path: 'funds.other', label: '其他资金', synonyms: ['其他资金', '其他', '自有资金'], kind: 'amount', placement: RB },
  { path: 'funds.carryover', label: '上年结转', synonyms: ['上年结转', '上年结转资金'], kind: 'amount', placement: RB },
  { path: 'fundUse', label: '资金用途', synonyms: ['资金用途', '资金使用范围', '资金主要用途', '预算规模及资金用途'], kind: 'text', placement: ['right', 'rightOfLastRow', 'below'] },
  { path: 'spendingPlan.march', label: '3月底', synonyms: ['3月底', '3月', '一季度'], kind: 'percent', placement: ['below'] },
  { path: 'spendingPlan.june', label: '6月底', synonyms: ['6月底', '6月', '二季度'], kind: 'percent', placement: ['below'] },
  { path: 'spendingPlan.october', label: '10月底', synonyms: ['10月底', '10月'], kind: 'percent', placement: ['below'] },
  { path: 'spendingPlan.december', label: '12月底', synonyms: ['12月底', '12月', '四季度'], kind: 'percent', placement: ['below'] },
  { path: 'longTermGoal', label: '中期目标', synonyms: ['中期目标', '长期目标', '总目标', '中期绩效目标', '长期绩效目标', '实施期目标', '实施期绩效目标'], kind: 'text', placement: BR },
  { path: 'goal', label: '年度总体目标', synonyms: ['年度总体目标', '年度目标', '年度绩效目标', '绩效目标', '年度总体绩效目标', '总体目标'], kind: 'text', placement: RB },
];

/** Named fund lines of the 88号 split (资金来源); each becomes a `fundLines` entry. */
export const FUND_LINE_LABELS: readonly string[] = ['上级财政资金', '上级补助', '本级财政资金', '本级财政', '县级财政资金', '事业收入', '经营收入', '债券资金', '社会资金'];

/** Matrix columns. */
export const COLUMN_TERMS: readonly ColumnTerm[] = [
  { key: 'level1', label: '一级指标', synonyms: ['一级指标'] },
  { key: 'level2', label: '二级指标', synonyms: ['二级指标'] },
  { key: 'name', label: '三级指标', synonyms: ['三级指标', '指标内容', '指标名称', '具体指标', '三级指标名称', '绩效指标名称'] },
  { key: 'description', label: '绩效指标描述', synonyms: ['绩效指标描述', '指标描述', '指标解释', '指标说明'] },
  { key: 'nature', label: '指标性质', synonyms: ['指标性质', '计算符号', '指标方向', '符号', '运算符'] },
  { key: 'value', label: '指标值', synonyms: ['指标值', '目标值', '指标目标值', '年度指标值', '预期指标值', '绩效指标值'] },
  { key: 'measureUnit', label: '计量单位', synonyms: ['计量单位', '度量单位', '单位'] },
  { key: 'basis', label: '指标值确定依据', synonyms: ['指标值确定依据', '确定依据', '指标值设定依据', '指标值设置依据', '评价标准'] },
  { key: 'weight', label: '权重', synonyms: ['权重', '分值', '权重(%)', '指标权重', '权重分值'] },
  { key: 'core', label: '核心指标', synonyms: ['核心指标', '是否核心指标', '★'] },
  { key: 'remark', label: '备注', synonyms: ['备注', '说明'] },
];

/**
 * Texts that open a row of the form that is not an indicator: review opinions and signature
 * lines (stay template content of the table above, never imported as indicators).
 */
export const FOOTER_MARKERS: readonly RegExp[] = [
  /审核意见/, /审批意见/, /其他说明/, /需要说明/, /填表说明/, /签字/, /签章/, /盖章/,
  /^(单位)?负责人[:：]/, /^填表人/, /^填报人/, /^审核人/, /^填报日期/, /^填表日期/, /^联系电话[:：]/, /^经办人/,
];

/** Notes under a table (「注：…」, 「说明：…」): they end the indicator body but belong to no table. */
export const NOTE_MARKERS: readonly RegExp[] = [/^注[:：]/, /^说明[:：]/, /^备注[:：]/];

/** Headings of the indicator blocks of a 申报表: which list each fills. */
export const BLOCK_HEADINGS: readonly { readonly re: RegExp; readonly list: 'indicators' | 'longTermIndicators' }[] = [
  { re: /^(长期|中期|实施期)(绩效)?指标$/, list: 'longTermIndicators' },
  { re: /^(年度)(绩效)?指标$/, list: 'indicators' },
];
