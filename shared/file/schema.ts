import { z } from 'zod';
import { PROJECT_LIMITS as L } from '../limits';
import { FAMILY_IDS } from '../model/types';

/**
 * zod schema of the `.jxmb` project (format version 1). It mirrors shared/model/types.ts; a
 * compile-time check in project-file.ts keeps the two in step. Sizes come from shared/limits.ts.
 */

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
});

export const projectSchema = z.object({
  meta: z.object({
    fiscalYear: z.number().int().min(L.fiscalYearMin).max(L.fiscalYearMax).nullable(),
    unitCode: z.string().max(L.unitCodeChars),
    unitName: z.string().max(L.unitNameChars),
    moneyUnit: z.enum(['yuan', 'wanYuan']),
  }),
  tables: z.array(tableSchema).max(L.tablesPerProject),
});
