/**
 * The document model of a 绩效目标表 project (the contents of a `.jxmb` file).
 *
 * Everything here is plain, immutable, JSON-serialisable data. The grid, the xlsx
 * writer and the printer never own the document: they render it through
 * `layout()` (shared/layout) and change it through commands (shared/commands).
 *
 * Terms follow the glossary of ARCHITECTURE.md.
 */

import type { LearnedTemplate } from './family-types';
import type { TableSource, WorkbookSource } from './source';
import type { IndicatorValue, MoneyUnit } from '../values/types';

/** The value types of the model live with the value code (shared/values); re-exported for model users. */
export type { IndicatorValue, MoneyUnit, ValueOperator } from '../values/types';


/**
 * Template family (版式) ids, one per official layout of DOMAIN.md §1:
 * A `nx-2024`, B `nx-2022`, C `hebei`, D `jx-2024`, E `jx-department`.
 * (Family F, `hebei-department`, is a narrative document with no grid.)
 */
export type BuiltinFamilyId = 'nx-2024' | 'nx-2022' | 'hebei' | 'jx-2024' | 'jx-department';

/**
 * The family of a table: a built-in one, or `learned` — a layout learned from the bureau's
 * own workbook, whose definition travels with the table (`PerformanceTable.template`).
 */
export type FamilyId = BuiltinFamilyId | 'learned';

/** The built-in family ids, in the order A–E. */
export const FAMILY_IDS: readonly BuiltinFamilyId[] = ['nx-2024', 'nx-2022', 'hebei', 'jx-2024', 'jx-department'];

/** One row of the indicator matrix: 一级 › 二级 › 三级 + 指标值. */
export interface Indicator {
  /** 一级指标 as written (canonical names such as 产出指标 when created by the editor). */
  readonly level1: string;
  /** 二级指标 as written, with annotations such as 「(必填硬性指标)」 stripped. */
  readonly level2: string;
  /** 三级指标, with the 「指标N:」 slot prefix of family A stripped. */
  readonly name: string;
  /** 绩效指标描述 (family C); '' elsewhere. */
  readonly description: string;
  /** 指标值确定依据 (family C); '' elsewhere. */
  readonly basis: string;
  readonly value: IndicatorValue;
  /**
   * The slot prefix exactly as it stood in the source (`指标2:`, `指标2: 指标2:`, `指标2`),
   * kept for STR-10; absent when the editor numbered the slot itself.
   */
  readonly slotLabel?: string;
  /** 备注, as written; absent when the layout has no 备注 column. */
  readonly remark?: string;
  /** 计量单位 / 度量单位 of a layout that prints the unit in its own column, as written. */
  readonly measureUnit?: string;
  /** 指标性质 / 计算符号 as written: an operator (≥ ≤ ＝ …) or 正向 / 反向 / 定性. */
  readonly nature?: string;
  /** 权重 / 分值 as written (`10`, `10%`); absent when the layout has no such column. */
  readonly weight?: string;
  /** ★ 核心指标 mark. */
  readonly core?: boolean;
}

/**
 * 项目资金: amounts are numbers in the table's `moneyUnit`, or null when blank.
 * `carryover` (上年结转) exists in family D only.
 */
export interface Funds {
  /** 年度资金总额 / 预算数 */
  readonly total: number | null;
  /** 其中：财政拨款 / 财政资金 */
  readonly fiscal: number | null;
  /** 其他资金 */
  readonly other: number | null;
  /** 上年结转 (family D) */
  readonly carryover?: number | null;
}

/** One named fund line (资金来源) of the 88号 split. */
export interface FundLine {
  /** The label as printed: 上级财政资金, 本级财政资金, 自有资金, 事业收入 … */
  readonly label: string;
  /** Amount in the table's money unit, or null when blank. */
  readonly amount: number | null;
}

/** One named fund line (资金来源) of the 88号 split. */
export interface FundLine {
  /** The label as printed: 上级财政资金, 本级财政资金, 自有资金, 事业收入 … */
  readonly label: string;
  /** Amount in the table's money unit, or null when blank. */
  readonly amount: number | null;
}

/** 资金支出计划（%）: cumulative percentages 0–100 at the end of March, June, October, December (family C). */
export interface SpendingPlan {
  readonly march: number | null;
  readonly june: number | null;
  readonly october: number | null;
  readonly december: number | null;
}

/** 当年预算情况 of a 部门整体 table (family E), in the table's money unit. */
export interface DepartmentBudget {
  /** 收入预算合计 */
  readonly incomeTotal: number | null;
  /** 其中：财政拨款 */
  readonly incomeFiscal: number | null;
  /** 其他经费 */
  readonly incomeOther: number | null;
  /** 支出预算合计 */
  readonly expenditureTotal: number | null;
  /** 其中：基本支出 */
  readonly expenditureBasic: number | null;
  /** 项目支出 */
  readonly expenditureProject: number | null;
}

/**
 * One 绩效目标表. Project tables (families A–D) and the 部门整体 table (E) share
 * this shape; for E, `projectName` holds 部门名称 and `departmentBudget` the budget block.
 * Fields a family does not print are kept empty ('' / null).
 */
export interface PerformanceTable {
  readonly family: FamilyId;
  readonly moneyUnit: MoneyUnit;
  /** Title as printed (e.g. 「2024年部门项目支出预算绩效目标表」); '' = the family's default. */
  readonly title: string;
  readonly projectName: string;
  /** 项目编码 (family C, 21 characters) */
  readonly projectCode: string;
  /** 主管部门(及代码) */
  readonly supervisingDepartment: string;
  /** 实施单位 */
  readonly implementingUnit: string;
  /** 项目属性 (A, B) */
  readonly projectAttribute: string;
  /** 项目期 (A, B) */
  readonly projectPeriod: string;
  /** 项目资金 (family A: 含本级和市县) */
  readonly funds: Funds;
  /** Family A second column: 含本级; null elsewhere. */
  readonly ownLevelFunds: Funds | null;
  /**
   * Original text of amount cells that were not plain numbers (`4万元`, `9,139.15`, `2.8万`),
   * keyed by model path (`funds.total`, `ownLevelFunds.fiscal`, …); used by FUND-06.
   */
  readonly amountTexts: Readonly<Record<string, string>>;
  /** 资金用途 (family C) */
  readonly fundUse: string;
  /** 资金支出计划（%） (family C); null elsewhere. */
  readonly spendingPlan: SpendingPlan | null;
  /** 绩效目标 / 年度总体目标 (family A: 含本级和市县). */
  readonly goal: string;
  /**
   * Family A: 年度绩效目标(含本级). null means the one-cell variant (C8:F9 holds one text);
   * always null for other families.
   */
  readonly ownLevelGoal: string | null;
  /** 部门整体 budget block (family E); null elsewhere. */
  readonly departmentBudget: DepartmentBudget | null;
  readonly indicators: readonly Indicator[];
  /** 中期/长期目标 (88号 申报表, learned layouts); absent when the layout has none. */
  readonly longTermGoal?: string;
  /** 长期绩效指标: the long-term block beside the annual one; absent when the layout has none. */
  readonly longTermIndicators?: readonly Indicator[];
  /** 中期资金总额 block (88号 申报表): amounts over the whole project period, in the table's unit. */
  readonly longTermFunds?: Funds;
  /** 项目负责人 */
  readonly projectLeader?: string;
  /** 联系电话 */
  readonly contactPhone?: string;
  /** 项目起止时间: start and end as written (`2025年1月`, `2025-12-31`). */
  readonly projectStart?: string;
  readonly projectEnd?: string;
  /** 填报单位 / 申报单位 (盖章) */
  readonly fillingUnit?: string;
  /**
   * Named fund lines of the 88号 split (上级财政资金, 本级财政资金, 自有资金, 事业收入 …), in order,
   * amounts in the table's unit (null when blank).
   */
  readonly fundLines?: readonly FundLine[];
  /**
   * Values of a learned layout's header fields that the vocabulary has no field for (项目概况,
   * 立项依据 …), keyed by the learned template's field key (`extras.<key>` paths).
   */
  readonly extras?: Readonly<Record<string, string>>;
  /** The learned layout of this table (`family === 'learned'`); absent for the built-in families. */
  readonly template?: LearnedTemplate;
  /** Where the table was read from (SourceMap); absent for a table made in the editor. */
  readonly source?: TableSource;
  /**
   * Column widths of this table's layout in Excel character units, one per layout column, when
   * the user dragged a column edge in the editor; absent (or of another length) means the
   * family's widths. Saved in .jxmb, used by the grid, the print layout and the xlsx export.
   */
  readonly columnWidths?: readonly number[];
}

/** Project-wide facts (预算年度, 单位). */
export interface ProjectMeta {
  /** 预算年度, e.g. 2024; null when unknown. */
  readonly fiscalYear: number | null;
  /** 单位编码, e.g. `816001` */
  readonly unitCode: string;
  /** 单位名称, e.g. `怀来县官厅镇人民政府` */
  readonly unitName: string;
  /** Default money unit for new tables. */
  readonly moneyUnit: MoneyUnit;
}

/** 项目文件: what a `.jxmb` file holds. */
export interface Project {
  readonly meta: ProjectMeta;
  readonly tables: readonly PerformanceTable[];
  /** The workbook the project was imported from (fill writes back into it); absent for a new project. */
  readonly source?: WorkbookSource;
  /** 部门整体绩效目标 of family F (shared/model/department.ts); absent when the project has none. */
  readonly department?: import('./department').DepartmentDocument;
}
