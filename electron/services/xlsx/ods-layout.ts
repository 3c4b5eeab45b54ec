import type { RawMerge, RawSheet } from '../../../shared/xlsx/raw';

/**
 * What the spreadsheet library does not read from an OpenDocument spreadsheet: merges whose
 * anchor cell is empty (`table:number-columns-spanned` on a blank cell) and column widths:
 * `<table:table-column table:style-name="co1" table:number-columns-repeated="2"/>` and the
 * automatic style's `style:column-width="2.716cm"`, converted to Excel character units (the unit
 * of RawSheet.colWidths) at 7 pt per character: the rule LibreOffice applies both ways between
 * .xlsx and .ods (an Excel width of 11 is written as 2.716cm = 77 pt and read back as 11).
 */

const PT_PER_UNIT: Record<string, number> = { cm: 72 / 2.54, mm: 72 / 25.4, in: 72, pt: 1, pc: 12, px: 0.75 };

function toChars(length: string): number | null {
  const m = /^([\d.]+)(cm|mm|in|pt|pc|px)$/.exec(length.trim());
  if (!m) return null;
  const chars = (Number(m[1]) * PT_PER_UNIT[m[2]]) / 7;
  return Number.isFinite(chars) && chars > 0 ? Math.round(chars * 100) / 100 : null;
}

/** Sheet name → widths by column (0-based, at most `maxCols`), from the body of content.xml. */
export function odsColumnWidths(content: string, maxCols: number): Map<string, (number | null)[]> {
  const styles = new Map<string, number>();
  for (const m of content.matchAll(/<style:style\b[^>]*?style:name="([^"]+)"[^>]*?style:family="table-column"[^>]*>([\s\S]*?)<\/style:style>/g)) {
    const w = /style:column-width="([^"]+)"/.exec(m[2]);
    const chars = w ? toChars(w[1]) : null;
    if (chars !== null) styles.set(m[1], chars);
  }
  const out = new Map<string, (number | null)[]>();
  for (const t of content.matchAll(/<table:table\b[^>]*?table:name="([^"]*)"[^>]*>/g)) {
    const start = t.index! + t[0].length;
    const rowAt = content.indexOf('<table:table-row', start);
    const head = content.slice(start, rowAt < 0 ? Math.min(content.length, start + 1_000_000) : rowAt);
    const widths: (number | null)[] = [];
    for (const c of head.matchAll(/<table:table-column\b[^>]*>/g)) {
      const style = /table:style-name="([^"]+)"/.exec(c[0])?.[1];
      const repeat = Math.min(Number(/table:number-columns-repeated="(\d+)"/.exec(c[0])?.[1] ?? '1'), maxCols);
      for (let i = 0; i < repeat && widths.length < maxCols; i++) widths.push(style ? styles.get(style) ?? null : null);
      if (widths.length >= maxCols) break;
    }
    out.set(decodeName(t[1]), widths);
  }
  return out;
}

/** One table's merges: cells with `table:number-columns-spanned` / `-rows-spanned`, positions counted through repeats. */
function tableMerges(body: string, maxRows: number, maxCols: number): RawMerge[] {
  const out: RawMerge[] = [];
  let row = -1;
  let rowRepeat = 1;
  let col = 0;
  for (const m of body.matchAll(/<table:(table-row|covered-table-cell|table-cell)\b[^>]*>/g)) {
    const tag = m[0];
    if (m[1] === 'table-row') {
      row += row < 0 ? 1 : rowRepeat;
      if (row >= maxRows) break;
      rowRepeat = Math.max(1, Number(/table:number-rows-repeated="(\d+)"/.exec(tag)?.[1] ?? '1'));
      col = 0;
      continue;
    }
    if (row < 0 || col >= maxCols) continue;
    const repeat = Math.max(1, Number(/table:number-columns-repeated="(\d+)"/.exec(tag)?.[1] ?? '1'));
    const colspan = Number(/table:number-columns-spanned="(\d+)"/.exec(tag)?.[1] ?? '1');
    const rowspan = Number(/table:number-rows-spanned="(\d+)"/.exec(tag)?.[1] ?? '1');
    if (m[1] === 'table-cell' && repeat === 1 && (colspan > 1 || rowspan > 1)) {
      out.push({ row, col, rowspan: Math.min(rowspan, maxRows - row), colspan: Math.min(colspan, maxCols - col) });
    }
    col += repeat;
  }
  return out;
}

/** Sheet name → merges (0-based), from content.xml (see the module comment). */
export function odsMerges(content: string, maxRows: number, maxCols: number): Map<string, RawMerge[]> {
  const out = new Map<string, RawMerge[]>();
  const starts = [...content.matchAll(/<table:table\b[^>]*?table:name="([^"]*)"[^>]*>/g)];
  starts.forEach((t, i) => {
    const from = t.index! + t[0].length;
    const end = content.indexOf('</table:table>', from);
    const body = content.slice(from, end < 0 ? (starts[i + 1]?.index ?? content.length) : end);
    out.set(decodeName(t[1]), tableMerges(body, maxRows, maxCols));
  });
  return out;
}

function decodeName(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_all, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '');
}

/** The sheets with their widths filled from `widths` where the library left them unknown. */
export function withOdsWidths(sheets: readonly RawSheet[], widths: ReadonlyMap<string, readonly (number | null)[]>): RawSheet[] {
  return sheets.map((s) => {
    const w = widths.get(s.name);
    if (!w) return s;
    return { ...s, colWidths: s.colWidths.map((old, i) => old ?? w[i] ?? null) };
  });
}
