import { MARKUP_CHARS, plainText } from './text';

/** Placeholder detection shared by STR-02 (绩效目标) and QUA-01 (any text). */

/** Placeholder tokens of the templates: 目标内容1, XX, **, ×××, …… (DOMAIN.md STR-02, QUA-01). */
export const PLACEHOLDER_TOKEN = /目标内容\d*|指标内容\d*|[Xx×]{2,}|\*{2,}|\.{4,}|…{2,}|。{3,}/;
const PLACEHOLDER_TOKENS = new RegExp(PLACEHOLDER_TOKEN.source, 'g');

/** A character that no placeholder token, numbering or separator pattern of `isPlaceholderText` removes. */
const KEPT_CHARACTER = /[^目标内容指\dXx×*.…。:：;；,，、\-—．\s]/;

/**
 * True when a goal or text has nothing but numbering, slot prefixes and placeholder tokens:
 * `1.目标内容1`, `目标1:`, `XX`, `**` (STR-02). Empty text is not a placeholder (it is empty).
 */
export function isPlaceholderText(text: string): boolean {
  // Quick answer for ordinary text: a character none of the patterns below removes (outside a
  // 「年度…绩效目标(…)」 title, whose bracket may hold anything, and outside markup).
  if (!text.includes('绩效目标') && !MARKUP_CHARS.test(text) && KEPT_CHARACTER.test(text)) return false;
  const plain = plainText(text);
  if (plain.trim() === '') return false;
  const rest = plain
    .replace(PLACEHOLDER_TOKENS, '')
    .replace(/(年度总体绩效目标|年度绩效目标)[（(][^）)]*[）)]/g, '')
    .replace(/(目标|指标)\s*\d+\s*[:：]?/g, '')
    .replace(/\d+\s*[.、．]/g, '')
    .replace(/[\s:：;；,，。.、\-—]/g, '');
  return rest === '';
}
