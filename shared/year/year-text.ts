/**
 * Moving the years a text carries from one 预算年度 to the next (按上年新建): which mentions are
 * changed, which are only pointed out for review (文号, ranges). Pure.
 */

/** What happened to one year mention in a text. */
export interface YearEdit {
  /** Index of the mention in the original text. */
  readonly at: number;
  /** `changed`: rewritten to the new year; `review`: left as is, the clerk should check it. */
  readonly action: 'changed' | 'review';
  /** Why a mention is left for review (Chinese), absent when changed. */
  readonly reason?: string;
}

/** Result of `shiftYearInText`. */
export interface ShiftedText {
  readonly text: string;
  readonly edits: readonly YearEdit[];
}

const OPENING = /[【[〔（(]$/;
const CLOSING = /^[】\]〕）)]/;
const RANGE_BEFORE = /[-—－~～至到]\s*$/;
const RANGE_AFTER = /^\s*年?\s*[-—－~～至到]/;

/**
 * Rewrites every mention of `from` (four digits, not part of a longer number) to `to`.
 * `needYearWord`: only mentions followed by 年 count (指标值 such as 「2024年底」, where a bare
 * 2024 could be a quantity). Left for review, unchanged: a year in brackets (a 文号 such as
 * 「怀财字【2024】7号」 names a past document) and a year at either end of a range (「2022-2024年」,
 * a multi-year 项目期). Never throws.
 */
export function shiftYearInText(text: string, from: number, to: number, needYearWord = false): ShiftedText {
  if (!text || !text.includes(String(from))) return { text, edits: [] };
  const re = new RegExp(`(?<!\\d)${from}(?!\\d)`, 'g');
  const edits: YearEdit[] = [];
  const out = text.replace(re, (match, offset: number) => {
    const before = text.slice(Math.max(0, offset - 4), offset);
    const after = text.slice(offset + match.length, offset + match.length + 4);
    if (needYearWord && !/^\s*年/.test(after)) return match;
    if (OPENING.test(before) && CLOSING.test(after)) {
      edits.push({ at: offset, action: 'review', reason: '文号中的年份未改动，请核对是否有新文件' });
      return match;
    }
    if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after)) {
      edits.push({ at: offset, action: 'review', reason: '年份区间未改动，请核对起止年份' });
      return match;
    }
    edits.push({ at: offset, action: 'changed' });
    return String(to);
  });
  return { text: out, edits };
}

/** 河北 项目编码 (21 characters: 6 区划 + 2 年度 + P + 12): the 2-digit year moved, or null when the code has none. */
export function shiftProjectCodeYear(code: string, from: number, to: number): string | null {
  const m = /^(\d{6})(\d{2})(P[0-9A-Za-z]{12})$/.exec(code.trim());
  if (!m || Number(m[2]) !== from % 100) return null;
  return `${m[1]}${String(to % 100).padStart(2, '0')}${m[3]}`;
}
