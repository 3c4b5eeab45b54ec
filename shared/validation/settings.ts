import { z } from 'zod';
import { DEFAULT_QUALITATIVE_VOCABULARY } from '../values/qualitative';
import type { FamilyDefinition } from '../families/types';
import type { Severity } from './types';

/**
 * User settings of the validator (a settings file, the UI): per-rule overrides plus the
 * profile knobs of DOMAIN.md §6/§7 that are not law ([K] or inferred):
 * - `carryoverInTotal`: FUND-01 counts 上年结转 in 年度资金总额 (family D; default from the family profile);
 * - `level3MaxLength`: QUA-06 limit of 三级指标 names (default: family profile, Hebei 15);
 * - `qualitativeVocabulary`: VAL-07 controlled vocabulary of 定性 values.
 *
 * - `usualUnits`: QUA-13's usual 计量单位 per 三级指标 name key, from the 指标库 (shared/library
 *   `usualUnits`); set by the program (the editor passes its library), not read from a settings file.
 *
 * Example file: `{"rules": {"VAL-07": {"severity": "info"}, "QUA-03": {"enabled": false}}}`.
 */
export interface ValidationSettings {
  readonly rules?: Readonly<Record<string, RuleOverride>>;
  readonly carryoverInTotal?: boolean;
  readonly level3MaxLength?: number;
  readonly qualitativeVocabulary?: readonly string[];
  readonly usualUnits?: UsualUnits;
}

/** Usual 计量单位 per 二级 + 三级指标 name (shared/library `entryKey`), with the name as the library writes it (QUA-13). */
export type UsualUnits = ReadonlyMap<string, { readonly unit: string; readonly name: string }>;

/** Override of one rule: switch it off, or force every finding of it to one severity. */
export interface RuleOverride {
  readonly enabled?: boolean;
  readonly severity?: Severity;
}

const severitySchema = z.enum(['error', 'warning', 'info']);

/** zod schema of a settings file; unknown keys are rejected so typos surface. */
export const validationSettingsSchema = z.strictObject({
  rules: z.record(
    z.string().regex(/^(STR|FUND|COST|VAL|QUA|HDR)-\d{2}$/, '规则编号应形如 VAL-07'),
    z.strictObject({ enabled: z.boolean().optional(), severity: severitySchema.optional() }),
  ).optional(),
  carryoverInTotal: z.boolean().optional(),
  level3MaxLength: z.number().int().positive().optional(),
  qualitativeVocabulary: z.array(z.string().min(1)).optional(),
});

/**
 * Reads settings from parsed JSON. Throws an Error with a Chinese message listing the first
 * problems (e.g. 「rules.VAL-07.severity: …」) when the shape is wrong.
 */
export function parseValidationSettings(json: unknown): ValidationSettings {
  const result = validationSettingsSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(根)'}：${i.message}`);
  throw new Error(`校验设置文件格式不正确：${problems.join('；')}`);
}

/** Settings with defaults filled in, as rules read them. */
export interface ResolvedSettings {
  readonly rules: Readonly<Record<string, RuleOverride>>;
  /** undefined = use the family profile. */
  readonly carryoverInTotal: boolean | undefined;
  readonly level3MaxLength: number | undefined;
  readonly qualitativeVocabulary: readonly string[];
  /** undefined: QUA-13 is off. */
  readonly usualUnits: UsualUnits | undefined;
}

/** Fills defaults (empty overrides, the DOMAIN.md §2.4 vocabulary). */
export function resolveSettings(settings: ValidationSettings | undefined): ResolvedSettings {
  return {
    rules: settings?.rules ?? {},
    carryoverInTotal: settings?.carryoverInTotal,
    level3MaxLength: settings?.level3MaxLength,
    qualitativeVocabulary: settings?.qualitativeVocabulary ?? DEFAULT_QUALITATIVE_VOCABULARY,
    usualUnits: settings?.usualUnits,
  };
}

/** FUND-01: whether 上年结转 counts in 年度资金总额 for a family (setting wins over the profile). */
export function carryoverCounts(settings: ResolvedSettings, family: FamilyDefinition): boolean {
  return settings.carryoverInTotal ?? family.profile.carryoverInTotal ?? false;
}

/** QUA-06: the 三级指标 length limit for a family, or undefined when it has none. */
export function level3Limit(settings: ResolvedSettings, family: FamilyDefinition): number | undefined {
  return settings.level3MaxLength ?? family.profile.level3MaxLength;
}
