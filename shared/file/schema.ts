import { z } from 'zod';
import { FAMILY_IDS } from '../model/types';

/**
 * zod schema of the `.jxmb` project (format version 1). It mirrors shared/model/types.ts; a
 * compile-time check in project-file.ts keeps the two in step.
 */

const amount = z.number().finite().nullable();
const text = z.string().max(100_000);

export const indicatorValueSchema = z.object({
  raw: text,
  kind: z.enum(['quantitative', 'qualitative', 'empty']),
  operator: z.enum(['≥', '≤', '＝', '>', '<']).nullable(),
  number: z.number().finite().nullable(),
  unit: z.string().max(1000).nullable(),
});

export const indicatorSchema = z.object({
  level1: text,
  level2: text,
  name: text,
  description: text,
  basis: text,
  value: indicatorValueSchema,
  slotLabel: z.string().max(200).optional(),
});

export const fundsSchema = z.object({
  total: amount,
  fiscal: amount,
  other: amount,
  carryover: amount.optional(),
});

const sourceCellSchema = z.object({
  row: z.number().int().min(0).max(1_048_575),
  col: z.number().int().min(0).max(16_383),
  rowspan: z.number().int().min(1).optional(),
  colspan: z.number().int().min(1).optional(),
});

/** SourceMap of one table (shared/model/source.ts). */
export const tableSourceSchema = z.object({
  sheet: z.string().max(200),
  sheetIndex: z.number().int().min(0),
  shape: z.enum(['sheet', 'stacked', 'flat']),
  firstRow: z.number().int().min(0),
  lastRow: z.number().int().min(0),
  fields: z.record(z.string().max(100), sourceCellSchema),
  headerRow: z.number().int().min(0),
  columns: z.record(z.string().max(100), sourceCellSchema),
  bodyFirstRow: z.number().int().min(0),
  bodyLastRow: z.number().int().min(0),
  indicatorRows: z.array(z.number().int().min(0)).max(10_000),
  longTerm: z.object({
    headerRow: z.number().int().min(0),
    columns: z.record(z.string().max(100), sourceCellSchema),
    bodyFirstRow: z.number().int().min(0),
    bodyLastRow: z.number().int().min(0),
    indicatorRows: z.array(z.number().int().min(0)).max(10_000),
  }).optional(),
});

/** The source workbook of an imported project (shared/model/source.ts). */
export const workbookSourceSchema = z.object({
  fileName: z.string().max(1000),
  format: z.enum(['xlsx', 'xlsm', 'xls', 'xlsb', 'et', 'ods', 'xml2003', 'html', 'docx']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  data: z.string().max(64 * 1024 * 1024).optional(),
});

export const tableSchema = z.object({
  family: z.enum(FAMILY_IDS as [string, ...string[]]),
  moneyUnit: z.enum(['yuan', 'wanYuan']),
  title: text,
  projectName: text,
  projectCode: text,
  supervisingDepartment: text,
  implementingUnit: text,
  projectAttribute: text,
  projectPeriod: text,
  funds: fundsSchema,
  ownLevelFunds: fundsSchema.nullable(),
  amountTexts: z.record(z.string(), z.string().max(1000)),
  fundUse: text,
  spendingPlan: z.object({ march: amount, june: amount, october: amount, december: amount }).nullable(),
  goal: text,
  ownLevelGoal: text.nullable(),
  departmentBudget: z
    .object({
      incomeTotal: amount,
      incomeFiscal: amount,
      incomeOther: amount,
      expenditureTotal: amount,
      expenditureBasic: amount,
      expenditureProject: amount,
    })
    .nullable(),
  indicators: z.array(indicatorSchema).max(10_000),
  source: tableSourceSchema.optional(),
});

export const projectSchema = z.object({
  meta: z.object({
    fiscalYear: z.number().int().min(1900).max(2200).nullable(),
    unitCode: z.string().max(200),
    unitName: z.string().max(1000),
    moneyUnit: z.enum(['yuan', 'wanYuan']),
  }),
  tables: z.array(tableSchema).max(5_000),
  source: workbookSourceSchema.optional(),
});
