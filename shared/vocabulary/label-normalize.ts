/**
 * Label normalisation for import recognition (DOMAIN.md §6 "Import"): label cells of real
 * workbooks differ from the official form by line breaks, extra spaces, full-/half-width
 * punctuation, units written in the label and 「(必填…)」 annotations. Recognition compares
 * labels only after `normalizeLabel`.
 */
import type { MoneyUnit } from '../model/types';
import { formatNumber } from '../values/indicator-value';
import type { RawValue } from '../xlsx/raw';

const FULL_TO_HALF: Readonly<Record<string, string>> = {
  '：': ':', '（': '(', '）': ')', '，': ',', '％': '%', '；': ';', '【': '[', '】': ']', '［': '[', '］': ']',
};

/** The text of a raw cell value: strings as they are, numbers without float noise, null → ''. */
export function cellText(value: RawValue | undefined): string {
  if (value == null) return '';
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** Annotation printed after a 二级 name on the form: 「(必填硬性指标)」, 「（必填）」, `【必填】` (STR-11). */
const ANNOTATION_RE = /[(（[【]\s*(?:必填|选填)[^)）\]】]*[)）\]】]/g;

/**
 * Canonical comparison form of a label: whitespace (including line breaks and the ideographic
 * space) removed, full-width punctuation mapped to half-width, 「(必填…)」 annotations and a
 * trailing colon removed. `项目资金\n(万元)` → `项目资金(万元)`; `其中：财政    资金` → `其中:财政资金`.
 */
export function normalizeLabel(text: string): string {
  let out = text.replace(/[\s\u3000\u00a0]+/g, '');
  out = out.replace(/[：（），％；【】［］]/g, (ch) => FULL_TO_HALF[ch] ?? ch);
  out = out.replace(ANNOTATION_RE, '');
  return out.replace(/:+$/, '');
}

/** Unit parenthesis at the end of a label: `(万元)`, `(元)`, `(单位:万元)`. */
const UNIT_SUFFIX_RE = /\((?:单位:)?(?:万元|元)\)$/;

/**
 * Looser comparison form: `normalizeLabel` plus the unit parenthesis at the end and a leading
 * 「其中」 removed, so `其中财政拨款`, `财政拨款` and `其中:财政拨款` compare equal and
 * `项目资金(万元)` equals `项目资金`.
 */
export function looseLabel(text: string): string {
  return normalizeLabel(text).replace(UNIT_SUFFIX_RE, '').replace(/^其中:?/, '').replace(/:+$/, '');
}

/**
 * The label text of a family header spec made comparable: tokens such as `({unit})` and
 * `（{unit}）` are dropped (`项目资金\n({unit})` → `项目资金`).
 */
export function specLabel(specText: string): string {
  return looseLabel(specText.replace(/[(（]\{unit\}[)）]/g, '').replace(/\{[a-zA-Z]+\}/g, ''));
}

/** True when a cell text is the label `specText` (a family header spec text, tokens allowed). */
export function labelMatches(cell: string, specText: string): boolean {
  const want = specLabel(specText);
  return want !== '' && looseLabel(cell) === want;
}

/**
 * The money unit named by a money-unit label: `项目资金 (万元)`, `单位：元`, `预算数(万元)`,
 * `当年预算情况（万元）`, `单位：万元（保留两位小数）`; null when the text names none. Only a unit
 * written as the whole value of 「单位：」 or inside parentheses counts: a unit line such as
 * 「单位：483001怀来县元宝山乡人民政府」 names no money unit.
 */
export function moneyUnitInLabel(text: string): MoneyUnit | null {
  const t = normalizeLabel(text);
  const m = /\((?:单位:?)?(万元|元)\)|^单位:?(万元|元)(?:$|[(,;])/.exec(t);
  if (!m) return null;
  return (m[1] ?? m[2]) === '万元' ? 'wanYuan' : 'yuan';
}

/**
 * A 一级 / 二级 category cell as stored in the model: whitespace and line breaks removed
 * (the narrow 一级 column wraps: 「满意 度指 标」), 「(必填…)」 annotations stripped (STR-11).
 * Other spellings are kept as written (validation reports them).
 */
export function normalizeCategory(text: string): string {
  return text.replace(ANNOTATION_RE, '').replace(/[\s\u3000\u00a0]+/g, '');
}

/** The label of family A's pre-printed slot: 「指标1:」, 「指标2: 指标2:」, 「指标2」, 「指标1：」 at the start of a name. */
const SLOT_PREFIX_RE = /^指标\s*\d+(?:\s*[:：])?(?:[ \t\u3000]*指标\s*\d+(?:\s*[:：])?)*/;

/**
 * Splits a family A 三级 cell into its slot prefix (exactly as printed, '' when none) and the
 * name (leading spaces removed). `指标1: 培训人数` → `{prefix: '指标1:', name: '培训人数'}`.
 */
export function splitSlotPrefix(text: string): { prefix: string; name: string } {
  const m = SLOT_PREFIX_RE.exec(text);
  const prefix = m ? m[0] : '';
  return { prefix, name: text.slice(prefix.length).replace(/^[\s\u3000]+/, '') };
}

/** True for the text of a family A spacer row: blank, or only dots / ellipses (「.....」, 「……」). */
export function isSpacerText(text: string): boolean {
  return /^[\s\u3000.。…·、]*$/.test(text);
}
