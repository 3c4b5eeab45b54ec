import { plainText } from './text';

/** Placeholder detection shared by STR-02 (绩效目标) and QUA-01 (any text). */

/** Placeholder tokens of the templates: 目标内容1, XX, **, ×××, …… (DOMAIN.md STR-02, QUA-01). */
export const PLACEHOLDER_TOKEN = /目标内容\d*|指标内容\d*|[Xx×]{2,}|\*{2,}|\.{4,}|…{2,}|。{3,}/;
const PLACEHOLDER_TOKENS = new RegExp(PLACEHOLDER_TOKEN.source, 'g');

/**
 * True when a goal or text has nothing but numbering, slot prefixes and placeholder tokens:
 * `1.目标内容1`, `目标1:`, `XX`, `**` (STR-02). Empty text is not a placeholder (it is empty).
 */
export function isPlaceholderText(text: string): boolean {
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
