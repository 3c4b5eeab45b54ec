import type * as XLSX from '@e965/xlsx';
import type { ImportWarning, RawCell, RawMerge, RawSheet, RawWorkbook, RawWorkbookProperties } from '../../../shared/xlsx/raw';
import type { ReadLimits } from './limits';
import { sheetjs } from './sheetjs-lib';

/**
 * The one module that talks to SheetJS (@e965/xlsx, pinned 0.20.3): parses workbook bytes of any
 * format it knows (xlsx, xlsb, ods, BIFF8/BIFF5 xls and WPS et, SpreadsheetML 2003, HTML) and
 * converts the result into the library-independent RawWorkbook: rich text flattened (phonetic
 * runs dropped), formulas give their CACHED result (never evaluated; a formula without one is
 * reported by cell), dates `yyyy-mm-dd` marked `date`, booleans 是/否. Sizes are clipped to the
 * read limits with warnings. Throws whatever SheetJS throws (the caller turns it into a message).
 */

/** The pinned library version (asserted by tests/unit/sheetjs-read.test.ts). */
export const SHEETJS_VERSION: string = sheetjs.version;

const ERRORS: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };
const MAX_FORMULA_WARNINGS = 5;
/**
 * Characters of cell text one read may return in total. One shared string can be used by every
 * cell (a 245 KB file can name a 25,000-character string 100,000 times): inside the parser that
 * is one string, but the result is sent to the caller cell by cell. Real tables hold far less; the
 * parse process's result limit (64 MB, limits.ts) usually strikes first and refuses such a file.
 */
export const MAX_RESULT_TEXT_CHARS = 50_000_000;

/** What is left of the text budget of one read. */
interface TextBudget {
  left: number;
  exhaustedAt: string | null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function serialDate(v: number, date1904: boolean): string | null {
  const d = sheetjs.SSF.parse_date_code(v, { date1904 }) as { y: number; m: number; d: number } | null;
  return d ? `${d.y}-${pad2(d.m)}-${pad2(d.d)}` : null;
}

/** One SheetJS cell as a RawCell (null when empty). */
function rawCellOf(c: XLSX.CellObject, date1904: boolean): RawCell | null {
  switch (c.t) {
    case 's': return typeof c.v === 'string' && c.v !== '' ? { value: c.v } : null;
    case 'b': return { value: c.v ? '是' : '否' };
    case 'e': return { value: ERRORS[c.v as number] ?? '#N/A' };
    case 'd': {
      const d = c.v instanceof Date && !Number.isNaN(c.v.getTime()) ? c.v : null;
      return d ? { value: `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`, date: true } : null;
    }
    case 'n': {
      const v = c.v as number;
      if (!Number.isFinite(v)) return { value: String(v) };
      const z = typeof c.z === 'string' ? c.z : undefined;
      if (z && z !== 'General' && sheetjs.SSF.is_date(z)) {
        const text = serialDate(v, date1904);
        return text ? { value: text, date: true } : { value: v };
      }
      return z && z !== 'General' ? { value: v, numFmt: z } : { value: v };
    }
    default: return null;
  }
}

interface Collected {
  readonly rows: (RawCell | null)[][];
  maxCol: number;
}

function collectCells(ws: XLSX.WorkSheet, sheet: string, limits: ReadLimits, date1904: boolean, warnings: ImportWarning[], budget: TextBudget): Collected {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const out: Collected = { rows: [], maxCol: 0 };
  let colsClipped = false;
  const uncached: string[] = [];
  const rowCount = Math.min(data.length, limits.maxRows);
  for (let r = 0; r < rowCount; r++) {
    const src = data[r];
    if (!src) continue;
    if (src.length > limits.maxCols && src.slice(limits.maxCols).some((c) => c && c.t !== 'z')) colsClipped = true;
    const n = Math.min(src.length, limits.maxCols);
    for (let c = 0; c < n; c++) {
      const cell = src[c];
      if (!cell) continue;
      if (cell.f && (cell.t === 'z' || cell.v === undefined)) uncached.push(sheetjs.utils.encode_cell({ r, c }));
      const raw = rawCellOf(cell, date1904);
      if (!raw) continue;
      if (typeof raw.value === 'string') {
        if (budget.left < raw.value.length) {
          if (budget.exhaustedAt === null) {
            budget.exhaustedAt = sheetjs.utils.encode_cell({ r, c });
            warnings.push({ sheet, cell: budget.exhaustedAt, message: `工作簿中的文字总量超过 ${MAX_RESULT_TEXT_CHARS / 10_000} 万字，工作表「${sheet}」从单元格 ${budget.exhaustedAt} 起的文字未读取（文件可能是恶意构造的）：请删除无关内容后另存，再导入` });
          }
          continue;
        }
        budget.left -= raw.value.length;
      }
      (out.rows[r] ??= [])[c] = raw;
      if (c + 1 > out.maxCol) out.maxCol = c + 1;
    }
  }
  if (colsClipped) warnings.push({ sheet, message: `工作表「${sheet}」超过 ${limits.maxCols} 列，只读取前 ${limits.maxCols} 列` });
  for (const ref of uncached.slice(0, MAX_FORMULA_WARNINGS)) {
    warnings.push({ sheet, cell: ref, message: `工作表「${sheet}」单元格 ${ref} 是公式，但文件中没有保存计算结果，已按空白读取（不会自行计算）：请在 Excel 或 WPS 中打开该文件、保存后再导入` });
  }
  if (uncached.length > MAX_FORMULA_WARNINGS) {
    warnings.push({ sheet, message: `工作表「${sheet}」另有 ${uncached.length - MAX_FORMULA_WARNINGS} 个公式单元格没有保存计算结果，已按空白读取` });
  }
  return out;
}

function toRawSheet(ws: XLSX.WorkSheet, name: string, limits: ReadLimits, date1904: boolean, warnings: ImportWarning[], budget: TextBudget): RawSheet {
  if (ws['!fullref'] && ws['!ref'] !== ws['!fullref']) {
    warnings.push({ sheet: name, message: `工作表「${name}」超过 ${limits.maxRows} 行，只读取前 ${limits.maxRows} 行，其余行已忽略` });
  }
  const cells = collectCells(ws, name, limits, date1904, warnings, budget);
  const merges = (ws['!merges'] ?? []).filter((m) => m.s.r < limits.maxRows && m.s.c < limits.maxCols).slice(0, limits.maxMergesPerSheet);
  let rowCount = cells.rows.length;
  let colCount = cells.maxCol;
  for (const m of merges) {
    rowCount = Math.max(rowCount, Math.min(m.e.r + 1, limits.maxRows));
    colCount = Math.max(colCount, Math.min(m.e.c + 1, limits.maxCols));
  }
  const rows: (RawCell | null)[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = new Array<RawCell | null>(colCount).fill(null);
    const src = cells.rows[r];
    if (src) for (let c = 0; c < src.length; c++) if (src[c]) row[c] = src[c];
    rows.push(row);
  }
  const rawMerges: RawMerge[] = [];
  for (const m of merges) {
    const bottom = Math.min(m.e.r + 1, rowCount);
    const right = Math.min(m.e.c + 1, colCount);
    if (bottom > m.s.r + 1 || right > m.s.c + 1) rawMerges.push({ row: m.s.r, col: m.s.c, rowspan: bottom - m.s.r, colspan: right - m.s.c });
  }
  rawMerges.sort((a, b) => a.row - b.row || a.col - b.col);
  const cols = ws['!cols'] ?? [];
  const colWidths: (number | null)[] = [];
  for (let c = 0; c < colCount; c++) {
    const col = cols[c];
    const w = col?.width ?? col?.wch;
    colWidths.push(typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : null);
  }
  return { name, rows, merges: rawMerges, colWidths };
}

function propertiesOf(wb: XLSX.WorkBook): RawWorkbookProperties {
  const p = (wb.Props ?? {}) as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v.slice(0, 2000) : undefined);
  const props: Record<string, string | undefined> = {
    creator: text(p.Author), lastModifiedBy: text(p.LastAuthor), title: text(p.Title), company: text(p.Company), keywords: text(p.Keywords),
  };
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

/**
 * Parses `input` (bytes, or text for HTML / SpreadsheetML already decoded) with SheetJS. HTML
 * cells stay the text the page shows (`raw`): a page has no number formats, so 「95%」 is read as
 * written rather than as 0.95. For .xlsb (`binaryOoxml`) column styles are not read: the library
 * fills every column of a BrtColInfo range one by one, and a binary part cannot be guarded as
 * text; widths are then unknown (null). The library's console diagnostics are silenced.
 */
export function parseWithSheetJs(input: Buffer | string, limits: ReadLimits, html = false, binaryOoxml = false): XLSX.WorkBook {
  const { error, warn } = console;
  console.error = () => {};
  console.warn = () => {};
  try {
    return sheetjs.read(input, {
      type: typeof input === 'string' ? 'string' : 'buffer',
      dense: true, cellStyles: !binaryOoxml, cellNF: true, cellFormula: true, cellHTML: false, cellText: false, cellDates: false,
      sheetRows: limits.maxRows, bookVBA: false, WTF: false, raw: html,
    });
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/** Adds merges the library did not read (OpenDocument merges over blank cells), skipping any that overlap its own. */
export function addMerges(wb: XLSX.WorkBook, merges: ReadonlyMap<string, readonly RawMerge[]>): void {
  for (const [name, list] of merges) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const own = (ws['!merges'] ??= []);
    for (const m of list) {
      const r: XLSX.Range = { s: { r: m.row, c: m.col }, e: { r: m.row + m.rowspan - 1, c: m.col + m.colspan - 1 } };
      if (!own.some((o) => o.s.r <= r.e.r && r.s.r <= o.e.r && o.s.c <= r.e.c && r.s.c <= o.e.c)) own.push(r);
    }
  }
}

/** Converts a parsed workbook; `warnings` (from the pre-scan) come first in the result. */
export function sheetJsToRaw(wb: XLSX.WorkBook, limits: ReadLimits, warnings: readonly ImportWarning[]): RawWorkbook {
  const all: ImportWarning[] = [...warnings];
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const names = wb.SheetNames.filter((n) => wb.Sheets[n] && (wb.Sheets[n] as { '!type'?: string })['!type'] !== 'chart');
  if (names.length > limits.maxSheets) all.push({ message: `工作簿有 ${names.length} 个工作表，只读取前 ${limits.maxSheets} 个` });
  const budget: TextBudget = { left: MAX_RESULT_TEXT_CHARS, exhaustedAt: null };
  const sheets = names.slice(0, limits.maxSheets).map((n) => toRawSheet(wb.Sheets[n], n, limits, date1904, all, budget));
  return { sheets, warnings: all, properties: propertiesOf(wb) };
}

/**
 * Writes a workbook parsed by parseWithSheetJs as .xlsx bytes (fill of a .xls/.et/.ods/.xlsb
 * source writes .xlsx): values, formulas, merges, column widths and row heights; SheetJS (community
 * edition) writes no fonts, borders or fills.
 */
export function writeXlsxWithSheetJs(wb: XLSX.WorkBook): Buffer {
  return sheetjs.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, cellStyles: true }) as Buffer;
}
