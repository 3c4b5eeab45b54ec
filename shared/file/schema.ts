/**
 * zod schema of the `.jxmb` project at the current format version (older files are migrated
 * before validation). It mirrors shared/model/types.ts; a compile-time check in project-file.ts
 * keeps the two in step. Sizes come from shared/limits.ts.
 */
import { z } from 'zod';
import { PROJECT_LIMITS as L } from '../limits';
import { FAMILY_IDS } from '../model/types';
import { departmentSchema } from './department-schema';

const amount = z.number().finite().nullable();
const text = z.string().max(L.textChars);

export const indicatorValueSchema = z.object({
  raw: text,
  kind: z.enum(['quantitative', 'qualitative', 'empty']),
  operator: z.enum(['≥', '≤', '＝', '>', '<']).nullable(),
  number: z.number().finite().nullable(),
  unit: z.string().max(L.valueUnitChars).nullable(),
});

export const indicatorSchema = z.object({
  level1: text,
  level2: text,
  name: text,
  description: text,
  basis: text,
  value: indicatorValueSchema,
  slotLabel: z.string().max(L.slotLabelChars).optional(),
  remark: text.optional(),
  measureUnit: z.string().max(1000).optional(),
  nature: z.string().max(1000).optional(),
  weight: z.string().max(1000).optional(),
  core: z.boolean().optional(),
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

const cellStyleSchema = z.enum(['title', 'subtitle', 'unitLine', 'unitLineRight', 'label', 'labelLeft', 'heading', 'vertical', 'text', 'textCenter', 'amount', 'percent', 'spacer']);
const small = z.number().int().min(0).max(100_000);

const headerCellSpecSchema = z.object({
  r: small, c: small, rs: small.optional(), cs: small.optional(),
  text: z.string().max(100_000).optional(),
  field: z.string().max(200).optional(),
  style: cellStyleSchema,
  goalVariant: z.enum(['split', 'merged']).optional(),
  prefix: z.string().max(1000).optional(),
  suffix: z.string().max(1000).optional(),
});

const matrixSchema = z.object({
  sideLabel: z.object({ c: small, text: z.string().max(1000), headerText: z.string().max(1000).optional() }).optional(),
  columns: z.array(z.object({
    key: z.enum(['level1', 'level2', 'name', 'description', 'value', 'basis', 'remark', 'measureUnit', 'nature', 'weight', 'core']),
    c: small, cs: small.optional(), header: z.string().max(1000),
  })).max(100),
  slotStyle: z.boolean(),
  slotsPerLevel2: small,
  splitValue: z.boolean().optional(),
});

const level2Schema = z.object({
  name: z.string().max(1000), annotation: z.string().max(1000).optional(), required: z.boolean(),
  aliases: z.array(z.string().max(1000)).max(100).optional(),
  expects: z.enum(['count', 'quality', 'time', 'money', 'benefit', 'satisfaction']),
});

/** A learned layout (shared/families/types.ts LearnedTemplate), stored with each table that uses it. */
export const learnedTemplateSchema = z.object({
  id: z.literal('learned'),
  letter: z.literal(''),
  templateId: z.string().max(100),
  sourceName: z.string().max(1000),
  displayName: z.string().max(1000),
  region: z.string().max(1000),
  defaultTitle: z.string().max(10_000),
  defaultMoneyUnit: z.enum(['yuan', 'wanYuan']),
  department: z.boolean(),
  orientation: z.enum(['portrait', 'landscape']),
  colWidths: z.array(z.number().finite().min(0).max(1000)).max(200),
  header: z.array(headerCellSpecSchema).max(5_000),
  headerRowCount: small,
  matrix: matrixSchema,
  blocks: z.array(z.object({ list: z.enum(['indicators', 'longTermIndicators']), heading: z.array(headerCellSpecSchema).max(5_000), headingRowCount: small, matrix: matrixSchema })).max(10).optional(),
  footer: z.array(headerCellSpecSchema).max(5_000).optional(),
  footerRowCount: small.optional(),
  categories: z.array(z.object({ name: z.string().max(1000), required: z.boolean(), aliases: z.array(z.string().max(1000)).max(100).optional(), level2: z.array(level2Schema).max(100) })).max(100),
  profile: z.object({ level3MaxLength: small.optional(), carryoverInTotal: z.boolean().optional(), ownLevelColumns: z.boolean().optional() }),
  extraFields: z.array(z.object({ key: z.string().max(200), label: z.string().max(1000) })).max(1_000),
});

export const tableSchema = z.object({
  family: z.enum(['learned', ...FAMILY_IDS] as [string, ...string[]]),
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
  amountTexts: z.record(z.string(), z.string().max(L.amountTextChars)),
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
  indicators: z.array(indicatorSchema).max(L.indicatorsPerTable),
  longTermGoal: text.optional(),
  longTermIndicators: z.array(indicatorSchema).max(L.indicatorsPerTable).optional(),
  longTermFunds: fundsSchema.optional(),
  projectLeader: text.optional(),
  contactPhone: text.optional(),
  projectStart: text.optional(),
  projectEnd: text.optional(),
  fillingUnit: text.optional(),
  fundLines: z.array(z.object({ label: z.string().max(1000), amount })).max(100).optional(),
  extras: z.record(z.string().max(200), text).optional(),
  template: learnedTemplateSchema.optional(),
  source: tableSourceSchema.optional(),
  columnWidths: z.array(z.number().min(1).max(255)).max(100).optional(),
});

export const projectSchema = z.object({
  meta: z.object({
    fiscalYear: z.number().int().min(L.fiscalYearMin).max(L.fiscalYearMax).nullable(),
    unitCode: z.string().max(L.unitCodeChars),
    unitName: z.string().max(L.unitNameChars),
    moneyUnit: z.enum(['yuan', 'wanYuan']),
  }),
  tables: z.array(tableSchema).max(L.tablesPerProject),
  source: workbookSourceSchema.optional(),
  department: departmentSchema.optional(),
});
