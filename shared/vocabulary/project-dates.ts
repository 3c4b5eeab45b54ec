/**
 * 项目起止时间 written in one cell (「2025年1月1日—2025年12月31日」, 「2025.01-2025.12」,
 * 「2025年3月至2025年11月」): split into projectStart / projectEnd, and joined back with the
 * separator a layout prints.
 */

const SEPARATOR_RE = /\s*(—+|–|－|~|～|至|到|-(?=\s*\d))\s*/;

/** Splits a 起止时间 text at its separator; without one, the whole text is the start. */
export function splitProjectDates(text: string): { start: string; end: string } {
  const t = text.trim();
  const m = SEPARATOR_RE.exec(t);
  if (!m || m.index === 0) return { start: t, end: '' };
  return { start: t.slice(0, m.index), end: t.slice(m.index + m[0].length) };
}

/** Joins start and end as printed (`—` between them; one of them alone when the other is empty). */
export function joinProjectDates(start: string | undefined, end: string | undefined): string {
  const s = (start ?? '').trim();
  const e = (end ?? '').trim();
  return s && e ? `${s}—${e}` : s || e;
}
