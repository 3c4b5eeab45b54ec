/**
 * A template family (版式) described as data (DOMAIN.md §1). `layout()` turns a
 * family plus a table into a SheetLayout; import recognition uses the same labels.
 * Adding a family is one file like `nx-2024.family.ts` plus its tests.
 */
import type { FamilyId, MoneyUnit } from '../model/types';

/** Visual role of a cell; the grid, the xlsx writer and the printer map each to a look. */
export type CellStyle =
  | 'title' // big bold centred title
  | 'subtitle' // 「(2024年度)」 line, centred
  | 'unitLine' // 单位 line above the table (family C), no border
  | 'unitLineRight' // 「单位：万元」 at the right, no border
  | 'label' // bold centred label with border
  | 'labelLeft' // bold left-aligned label
  | 'heading' // bold section heading across the table
  | 'vertical' // narrow bold label printed one character per line
  | 'text' // wrapped text, left
  | 'textCenter' // wrapped text, centred
  | 'amount' // number, right
  | 'percent' // percent number, centred
  | 'spacer'; // empty pre-printed row of family A

/** How an editable cell maps onto the model. */
export type FieldKind = 'text' | 'amount' | 'percent';

/** Model paths of the header fields a family may bind (dot-separated, as in Finding.path). */
export type HeaderFieldPath =
  | 'longTermGoal'
  | 'projectLeader'
  | 'contactPhone'
  | 'projectStart'
  | 'projectEnd'
  | 'projectDates'
  | 'fillingUnit'
  | 'longTermFunds.total'
  | 'longTermFunds.fiscal'
  | 'longTermFunds.other'
  | `fundLines.${number}.amount`
  | `extras.${string}`
  | 'projectName'
  | 'projectCode'
  | 'supervisingDepartment'
  | 'implementingUnit'
  | 'projectAttribute'
  | 'projectPeriod'
  | 'funds.total'
  | 'funds.fiscal'
  | 'funds.other'
  | 'funds.carryover'
  | 'ownLevelFunds.total'
  | 'ownLevelFunds.fiscal'
  | 'ownLevelFunds.other'
  | 'fundUse'
  | 'spendingPlan.march'
  | 'spendingPlan.june'
  | 'spendingPlan.october'
  | 'spendingPlan.december'
  | 'goal'
  | 'ownLevelGoal'
  | 'departmentBudget.incomeTotal'
  | 'departmentBudget.incomeFiscal'
  | 'departmentBudget.incomeOther'
  | 'departmentBudget.expenditureTotal'
  | 'departmentBudget.expenditureBasic'
  | 'departmentBudget.expenditureProject';

/**
 * One cell of the fixed header block, at a position relative to the top-left of the table.
 * Exactly one of `text` (a label, may contain tokens) or `field` (an editable binding) is set.
 * Tokens: `{year}` 预算年度, `{unit}` 万元/元, `{title}` the table title, `{unitName}`, `{unitCode}`.
 */
export interface HeaderCellSpec {
  readonly r: number;
  readonly c: number;
  readonly rs?: number;
  readonly cs?: number;
  readonly text?: string;
  readonly field?: HeaderFieldPath;
  readonly style: CellStyle;
  /** Only in the one-cell goal variant of family A (ownLevelGoal === null), or only in the split variant. */
  readonly goalVariant?: 'split' | 'merged';
  /** A field printed after a label in the same cell (learned layouts: 「资金总额：」 before the amount). */
  readonly prefix?: string;
  /** Text printed after the field's value in the same cell (learned layouts: the 「万元」 of 「资金总额：120万元」). */
  readonly suffix?: string;
}

/** Expected kind of 指标值 under a 二级 (VAL-05). */
export type ValueExpectation = 'count' | 'quality' | 'time' | 'money' | 'benefit' | 'satisfaction';

export interface Level2Definition {
  /** Canonical name, e.g. 数量指标 (STR-11). */
  readonly name: string;
  /** Printed after the name on the form, e.g. 「(必填硬性指标)」 in family B. */
  readonly annotation?: string;
  /** Must have at least one filled 三级 (STR-04). */
  readonly required: boolean;
  /** Other spellings seen in the seeds that mean this 二级 (STR-11). */
  readonly aliases?: readonly string[];
  readonly expects: ValueExpectation;
}

export interface Level1Definition {
  readonly name: string;
  /** Must be present (STR-03). */
  readonly required: boolean;
  readonly aliases?: readonly string[];
  readonly level2: readonly Level2Definition[];
}

/**
 * Which model field a matrix column shows. The first six are the built-in families' columns;
 * the others come with learned layouts (备注, 计量单位, 指标性质, 权重, ★核心指标).
 */
export type MatrixColumnKey =
  | 'level1' | 'level2' | 'name' | 'description' | 'value' | 'basis'
  | 'remark' | 'measureUnit' | 'nature' | 'weight' | 'core';

export interface MatrixColumn {
  readonly key: MatrixColumnKey;
  readonly c: number;
  readonly cs?: number;
  /** Header text in the matrix header row. */
  readonly header: string;
}

export interface MatrixDefinition {
  /** Column of a side label merged down the whole matrix (A: 绩效指标, B: 绩效指标 below 名称, E: 年度绩效指标). */
  readonly sideLabel?: {
    readonly c: number;
    /** Text of the side label cell. */
    readonly text: string;
    /** Header-row text when it differs (B: 名称); absent means the side label also covers the header row. */
    readonly headerText?: string;
  };
  readonly columns: readonly MatrixColumn[];
  /** Family A: each 二级 ends with a blank spacer row and names carry 「指标N:」. */
  readonly slotStyle: boolean;
  /** Number of pre-printed slots per 二级 in a new table (A: 2, others: 1). */
  readonly slotsPerLevel2: number;
  /**
   * Learned layouts whose 指标值 is split over 指标性质 / 指标值 / 计量单位 columns: the value
   * column shows the bare value and the model's `value` is composed from the three (split-value.ts).
   */
  readonly splitValue?: boolean;
}

export interface FamilyDefinition {
  readonly id: FamilyId;
  /** Letter of DOMAIN.md §1 ('' for a learned layout). */
  readonly letter: 'A' | 'B' | 'C' | 'D' | 'E' | '';
  /** Chinese name shown in the UI. */
  readonly displayName: string;
  /** Where the family is used, for the UI. */
  readonly region: string;
  /** Default title; `{year}` is replaced by the fiscal year. */
  readonly defaultTitle: string;
  readonly defaultMoneyUnit: MoneyUnit;
  /** 部门整体 table (E) rather than a project table. */
  readonly department: boolean;
  readonly orientation: 'portrait' | 'landscape';
  /** Column widths in Excel character units. */
  readonly colWidths: readonly number[];
  /** Header block, row 0 = the first row of the table (the title). */
  readonly header: readonly HeaderCellSpec[];
  /** Number of rows the header block occupies (the matrix header row follows). */
  readonly headerRowCount: number;
  /** The annual indicator matrix (`indicators`). */
  readonly matrix: MatrixDefinition;
  /**
   * Learned layouts: the indicator blocks in print order after the header (e.g. 长期绩效指标
   * then 年度绩效指标), each with its heading rows. Absent: one block, `matrix`, right after the header.
   */
  readonly blocks?: readonly IndicatorBlock[];
  /** Learned layouts: rows after the last block (审核意见, signature lines, notes); `r` counts from the first footer row. */
  readonly footer?: readonly HeaderCellSpec[];
  readonly footerRowCount?: number;
  /** Category tree in print order (DOMAIN.md §1 table). */
  readonly categories: readonly Level1Definition[];
  /** Rule profile knobs. */
  readonly profile: {
    /** Max length of 三级指标 names (QUA-06, Hebei 2024: 15). */
    readonly level3MaxLength?: number;
    /** 上年结转 counts in 年度资金总额 (FUND-01, family D; [K], configurable). */
    readonly carryoverInTotal?: boolean;
    /** The family has the 含本级 second column (FUND-02, QUA-12). */
    readonly ownLevelColumns?: boolean;
  };
}

/** Which indicator list of the table a block shows. */
export type IndicatorListKey = 'indicators' | 'longTermIndicators';

/** One indicator block of a learned layout: heading rows, then a matrix header row and its body. */
export interface IndicatorBlock {
  readonly list: IndicatorListKey;
  /** Cells of the heading rows above the matrix header (`r` counts from the block's first row). */
  readonly heading: readonly HeaderCellSpec[];
  readonly headingRowCount: number;
  readonly matrix: MatrixDefinition;
}

/**
 * A layout learned from a bureau's workbook when no built-in family fits (自定义版式): the same
 * kind of data as a built-in family, stored with each table that uses it, so layout(), the grid,
 * validation, print and export treat it alike.
 */
export interface LearnedTemplate extends FamilyDefinition {
  readonly id: 'learned';
  readonly letter: '';
  /** Stable id of the layout (a hash of its structure): tables of one layout share it. */
  readonly templateId: string;
  /** File name the layout was learned from (「自定义版式（来自 文件名）」). */
  readonly sourceName: string;
  /** Fields the layout binds that the vocabulary has no term for: key (`extras.<key>`) and label as printed. */
  readonly extraFields: readonly { readonly key: string; readonly label: string }[];
}
