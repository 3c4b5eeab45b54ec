/**
 * Normalisation of 三级指标 names and the dedup keys the 指标库 and validation (QUA-13) share. Pure.
 */

/** 「指标1：」, 「指标 2:」, 「1.」, 「(1)」 numbering at the start of a name. */
const LEADING_NUMBERING = /^\s*(?:指标\s*\d+\s*[:：.、．]?|\d+\s*[.、．]|[（(]\d+[)）])\s*/;

/**
 * The name as the library keeps it: full-width letters, digits and spaces folded, blanks
 * collapsed, slot prefixes (`指标1：`) and leading numbering removed, trailing punctuation dropped.
 * A bracketed unit at the end is dropped too. `' 指标1：群众满意度(%)。 '` → `群众满意度`.
 */
export function normalizeName(name: string): string {
  let text = name.replace(/[\uFF01-\uFF5E]/g, (c) => (/[０-９Ａ-Ｚａ-ｚ]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c));
  text = text.replace(/[\s\u3000]+/g, ' ').trim();
  for (let i = 0; i < 3 && LEADING_NUMBERING.test(text); i++) text = text.replace(LEADING_NUMBERING, '');
  text = text.replace(/[。．.，,；;：:、\s]+$/u, '').trim();
  // a unit in brackets at the end (`群众满意度(%)`, `落实运行经费 (万元)`) belongs to the 指标值
  return text.replace(/\s*[（(](?:%|％|万元|元|个|人|次|天)[)）]$/u, '').trim();
}

/** Dedup key of a name: the normalised name without blanks or brackets' spacing, lower-cased. */
export function nameKey(name: string): string {
  return normalizeName(name).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/** Dedup key of an entry: 二级 + name key. */
export function entryKey(level2: string, name: string): string {
  return `${level2}\u0000${nameKey(name)}`;
}
