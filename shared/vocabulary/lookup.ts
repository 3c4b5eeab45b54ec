/**
 * Lookups in the field vocabulary (terms.ts). Every comparison goes through `vocabularyLabel`,
 * so 「项目资金\n(万元)」, 「其中：财政拨款」, 「中期目标（2025—2027年）」, 「填报单位（盖章）」
 * and 「★三级指标」 find their terms.
 */
import type { MatrixColumnKey } from '../families/types';
import { looseLabel } from './label-normalize';
import { BLOCK_HEADINGS, COLUMN_TERMS, FIELD_TERMS, FOOTER_MARKERS, FUND_LINE_LABELS, NOTE_MARKERS, type ColumnTerm, type FieldTerm } from './terms';

/** A trailing parenthesis that annotates a label: years, 盖章/签字, units, 必填, 含… */
const TRAILING_NOTE_RE = /\((?=[^()]*(?:\d|年|盖章|签字|签章|%|元|必填|选填|含|单位|合计))[^()]*\)$/;

/**
 * The comparison form of a label for the vocabulary: `looseLabel`, then a leading ★ / ordinal
 * (「1、」「一、」「(一)」) and a trailing annotating parenthesis removed.
 */
export function vocabularyLabel(text: string): string {
  let t = looseLabel(text).replace(/^[★☆*]+/, '').replace(/^(?:\d+|[一二三四五六七八九十]+)[、.．]/, '').replace(/^\([一二三四五六七八九十\d]+\)/, '');
  for (let i = 0; i < 2 && TRAILING_NOTE_RE.test(t); i++) t = t.replace(TRAILING_NOTE_RE, '').replace(/:+$/, '');
  return t;
}

function indexBy<T>(terms: readonly T[], synonyms: (t: T) => readonly string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const term of terms) for (const s of synonyms(term)) {
    const key = vocabularyLabel(s);
    if (!map.has(key)) map.set(key, term);
  }
  return map;
}

const FIELDS = indexBy(FIELD_TERMS, (t) => t.synonyms);
const COLUMNS = indexBy(COLUMN_TERMS, (t) => t.synonyms);
const FUND_LINES = new Set(FUND_LINE_LABELS.map(vocabularyLabel));

/** The header field a label cell names (`项目名称`, `其中：财政拨款`, `资金总额（万元）` …), or null. */
export function fieldTermOf(text: string): FieldTerm | null {
  const exact = looseLabel(text);
  return FIELDS.get(exact) ?? FIELDS.get(vocabularyLabel(text)) ?? null;
}

/** The matrix column a header cell names (`指标内容` → name, `度量单位` → measureUnit …), or null. */
export function columnTermOf(text: string): ColumnTerm | null {
  const exact = looseLabel(text);
  return COLUMNS.get(exact) ?? COLUMNS.get(vocabularyLabel(text)) ?? null;
}

/** The column key of a matrix header cell, or null. */
export function columnKeyOf(text: string): MatrixColumnKey | null {
  return columnTermOf(text)?.key ?? null;
}

/** True for the label of a named fund line of the 88号 split (上级财政资金, 事业收入 …). */
export function isFundLineLabel(text: string): boolean {
  return FUND_LINES.has(vocabularyLabel(text));
}

/** A label and its value in one cell: 「资金总额：30万元」 → the term and `30万元`; null otherwise. */
export function inlineField(text: string): { term: FieldTerm; label: string; value: string } | null {
  const m = /^([^:：\n]{2,16}?)[\s\u3000]*[:：][\s\u3000]*([\s\S]*)$/.exec(text.trim());
  if (!m) return null;
  const term = fieldTermOf(m[1]);
  if (!term || !term.placement.includes('inline')) return null;
  const whole = text.trim();
  return { term, label: whole.slice(0, whole.length - m[2].length), value: m[2] };
}

/** True for the first text of a form row that is not an indicator: 审核意见, signature lines. */
export function isFooterText(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, '');
  return t !== '' && FOOTER_MARKERS.some((re) => re.test(t));
}

/** True for a note under a table (「注：…」, 「说明：…」). */
export function isNoteText(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, '');
  return t !== '' && NOTE_MARKERS.some((re) => re.test(t));
}

/** The indicator list an indicator-block heading names (长期绩效指标 → longTermIndicators), or null. */
export function blockHeadingList(text: string): 'indicators' | 'longTermIndicators' | null {
  const t = vocabularyLabel(text);
  return BLOCK_HEADINGS.find((h) => h.re.test(t))?.list ?? null;
}

/** True for a row of texts that is a matrix header: 一级 and 二级 and (三级 or 指标值) columns, in any spelling. */
export function isMatrixHeaderRow(texts: readonly string[]): boolean {
  const keys = new Set(texts.map(columnKeyOf));
  return keys.has('level1') && keys.has('level2') && (keys.has('name') || keys.has('value'));
}

/** True when a cell text is a label of the vocabulary (a field, a column, a fund line or a block heading). */
export function isVocabularyLabel(text: string): boolean {
  return fieldTermOf(text) !== null || columnTermOf(text) !== null || isFundLineLabel(text) || blockHeadingList(text) !== null;
}

/** A ★ (or ☆) before a 三级指标 name marks a core indicator (核心指标): `★改造农村户厕` → core, `改造农村户厕`. */
export function splitCoreMark(text: string): { core: boolean; name: string } {
  const m = /^[\s\u3000]*[★☆]+[\s\u3000]*/.exec(text);
  return m ? { core: true, name: text.slice(m[0].length) } : { core: false, name: text };
}
