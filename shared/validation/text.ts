import Decimal from 'decimal.js';
import type { FamilyDefinition } from '../families/types';
import type { MoneyUnit, PerformanceTable } from '../model/types';
import { stripMarkup } from '../values/markup';
import { moneyUnitLabel } from '../values/money';

/** Message helpers: every finding names the table by projectName and the row by 一级›二级›三级. */

/** 「“AK替代专项经费”」, or 「第 3 张表」 when the table has no name. */
export function tableName(table: PerformanceTable, tableIndex: number): string {
  const name = table.projectName.trim();
  return name ? `“${name}”` : `第 ${tableIndex + 1} 张表`;
}

/** Shortens long text for messages: first `max` characters + `…`. */
export function clip(text: string, max = 24): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** An amount for a message: 「15.96 万元」 (exact decimal, no float noise, up to 6 places). */
export function money(amount: Decimal | number | null | undefined, unit: MoneyUnit): string {
  if (amount == null) return `（空）${moneyUnitLabel(unit)}`;
  return `${num(amount)} ${moneyUnitLabel(unit)}`;
}

/** A number whose shortest decimal text has at most 6 places and no exponent: that text is already `num`'s. */
const SHORT_DECIMAL = /^-?\d+(\.\d{1,6})?$/;

/** Plain number text (exact decimal, rounded to 6 places, no exponent for amounts of money). */
export function num(amount: Decimal | number): string {
  if (typeof amount === 'number') {
    const text = String(amount);
    if (SHORT_DECIMAL.test(text) && !Object.is(amount, -0)) return text;
  }
  return new Decimal(amount).toDecimalPlaces(6).toString();
}

/** Printed labels (or '' when none) and bound fields of each family, computed once: family data is static. */
const familyLabels = new Map<FamilyDefinition, { readonly labels: Map<string, string>; readonly fields: ReadonlySet<string> }>();

function labelsOf(family: FamilyDefinition) {
  let entry = familyLabels.get(family);
  if (!entry) {
    entry = { labels: new Map(), fields: new Set(family.header.map((h) => h.field).filter((f) => f !== undefined)) };
    familyLabels.set(family, entry);
  }
  return entry;
}

function computeFieldLabel(family: FamilyDefinition, path: string): string {
  const spec = family.header.find((h) => h.field === path);
  if (!spec) return '';
  const left = family.header
    .filter((h) => h.text !== undefined && h.r <= spec.r && h.r + (h.rs ?? 1) > spec.r && h.c < spec.c && h.style !== 'title')
    .sort((a, b) => b.c - a.c)[0];
  const text = left?.text?.replace(/\{unit\}/g, '').replace(/[\s:：]+$/g, '').replace(/\s+/g, '') ?? '';
  return text && !text.startsWith('项目资金') && !text.startsWith('预算规模') ? text : '';
}

/**
 * The printed label of a header field in a family (the label cell left of it in the same row,
 * e.g. `funds.total` → 「年度资金总额(含本级和市县)」); `fallback` when the family has none.
 * Computed once per family and field.
 */
export function fieldLabel(family: FamilyDefinition, path: string, fallback: string): string {
  const { labels, fields } = labelsOf(family);
  if (!fields.has(path)) return fallback;
  let label = labels.get(path);
  if (label === undefined) {
    label = computeFieldLabel(family, path);
    labels.set(path, label);
  }
  return label || fallback;
}

/** True when the family binds a header field (prints a cell for it). */
export function familyHas(family: FamilyDefinition, path: string): boolean {
  return labelsOf(family).fields.has(path);
}

/** Characters without which `stripMarkup` finds no HTML tag, entity or LaTeX (`<`, `&`, `$`, `\`). */
export const MARKUP_CHARS = /[<&$\\]/;

/**
 * `stripMarkup(text)`, with a shortcut for the common text without markup characters and line
 * breaks, where stripMarkup only trims (QUA-01, QUA-04, QUA-11, QUA-12, STR-02 read every goal).
 */
export function plainText(text: string): string {
  return MARKUP_CHARS.test(text) || text.includes('\n') ? stripMarkup(text) : text.trim();
}

const BLANK = /\s/;
const BLANKS = /\s+/g;

/** The text without blanks (`s.replace(/\s+/g, '')`), returning it as is when it has none (no regex replace). */
export function compact(text: string): string {
  return BLANK.test(text) ? text.replace(BLANKS, '') : text;
}
