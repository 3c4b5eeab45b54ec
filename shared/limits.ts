/**
 * The one set of size limits of a project, used at every door: the `.jxmb` schema
 * (shared/file/schema.ts, hence open, save and autosave), the IPC contract (shared/ipc/contract.ts)
 * and import (shared/xlsx/clamp-project.ts cuts a value beyond them with a warning), so that
 * whatever import accepts can always be saved.
 */
export const PROJECT_LIMITS = {
  /** Characters of any free-text field (项目名称, 绩效目标, 指标名称, 指标值原文 …). */
  textChars: 100_000,
  /** Characters of an indicator value's unit (计量单位). */
  valueUnitChars: 1_000,
  /** Characters of a family A slot label (「指标1:」). */
  slotLabelChars: 200,
  /** Characters of an irregular amount text kept as written (FUND-06). */
  amountTextChars: 1_000,
  /** Characters of 单位编码. */
  unitCodeChars: 200,
  /** Characters of 单位名称. */
  unitNameChars: 1_000,
  /** Indicator rows of one table. */
  indicatorsPerTable: 10_000,
  /** Tables of one project. */
  tablesPerProject: 5_000,
  /** 预算年度 range. */
  fiscalYearMin: 1900,
  fiscalYearMax: 2200,
  /** Characters of a suggested file name (IPC). */
  fileNameChars: 255,
  /** Characters of a file path (IPC). */
  pathChars: 4_096,
  /** Characters of a window title (IPC). */
  titleChars: 1_000,
} as const;
