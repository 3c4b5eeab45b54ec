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
  columnWidths: z.array(z.number().min(1).max(255)).max(100).optional(),
});

export const projectSchema = z.object({
  meta: z.object({
    fiscalYear: z.number().int().min(1900).max(2200).nullable(),
    unitCode: z.string().max(200),
    unitName: z.string().max(1000),
    moneyUnit: z.enum(['yuan', 'wanYuan']),
  }),
  tables: z.array(tableSchema).max(5_000),
});
