import type ExcelJS from 'exceljs';
import type { ImportWarning, RawCell, RawMerge, RawSheet, RawValue, RawWorkbook, RawWorkbookProperties } from '../../../shared/xlsx/raw';
import type { ReadLimits } from './limits';

/**
 * Turns a workbook loaded by exceljs into the library-independent RawWorkbook: rich text is
 * flattened, formulas give their CACHED result (never evaluated), hyperlinks their text, dates
 * `yyyy-mm-dd`, booleans 是/否. Sizes are clipped to the read limits with warnings.
 */

const MERGE_TYPE = 1; // ExcelJS.ValueType.Merge

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date as `yyyy-mm-dd` (exceljs gives dates in UTC). */
function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Converts any exceljs cell value to text / number / null. */
export function rawValueOf(value: unknown, depth = 0): RawValue {
  if (value == null || depth > 4) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    const text = (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    return text === '' ? null : text;
  }
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) return rawValueOf(v.result, depth + 1);
  if (typeof v.error === 'string') return v.error;
  if ('text' in v) return rawValueOf(v.text, depth + 1);
  return null;
}

interface SheetCells {
  readonly cells: Map<number, Map<number, RawCell>>;
  maxRow: number;
  maxCol: number;
}

function collectCells(ws: ExcelJS.Worksheet, limits: ReadLimits, warnings: ImportWarning[]): SheetCells {
  const out: SheetCells = { cells: new Map(), maxRow: 0, maxCol: 0 };
  let rowsClipped = false;
  let colsClipped = false;
  ws.eachRow((row, rowNumber) => {
    if (rowNumber > limits.maxRows) { rowsClipped = true; return; }
    row.eachCell((cell, colNumber) => {
      if (cell.type === MERGE_TYPE) return;
      const value = rawValueOf(cell.value);
      if (value === null) return;
      if (colNumber > limits.maxCols) { colsClipped = true; return; }
      const numFmt = typeof value === 'number' ? cell.numFmt : undefined;
      const raw: RawCell = numFmt && numFmt !== 'General' ? { value, numFmt } : { value };
      let r = out.cells.get(rowNumber - 1);
      if (!r) out.cells.set(rowNumber - 1, (r = new Map()));
      r.set(colNumber - 1, raw);
      if (rowNumber > out.maxRow) out.maxRow = rowNumber;
      if (colNumber > out.maxCol) out.maxCol = colNumber;
    });
  });
  if (rowsClipped) warnings.push({ sheet: ws.name, message: `工作表「${ws.name}」超过 ${limits.maxRows} 行，只读取前 ${limits.maxRows} 行` });
  if (colsClipped) warnings.push({ sheet: ws.name, message: `工作表「${ws.name}」超过 ${limits.maxCols} 列，只读取前 ${limits.maxCols} 列` });
  return out;
}

interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Merged ranges of a sheet (1-based), from exceljs's merge index (cheap, unlike `worksheet.model`). */
function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  const index = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  if (index) return Object.values(index).map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
  return [];
}

function toRawSheet(ws: ExcelJS.Worksheet, limits: ReadLimits, warnings: ImportWarning[]): RawSheet {
  const sc = collectCells(ws, limits, warnings);
  const merges = mergesOf(ws).filter((m) => m.top <= limits.maxRows && m.left <= limits.maxCols);
  let rowCount = sc.maxRow;
  let colCount = sc.maxCol;
  for (const m of merges) {
    rowCount = Math.max(rowCount, Math.min(m.bottom, limits.maxRows));
    colCount = Math.max(colCount, Math.min(m.right, limits.maxCols));
  }
  const rows: (RawCell | null)[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = new Array<RawCell | null>(colCount).fill(null);
    const cells = sc.cells.get(r);
    if (cells) for (const [c, cell] of cells) row[c] = cell;
    rows.push(row);
  }
  const rawMerges: RawMerge[] = [];
  for (const m of merges) {
    const bottom = Math.min(m.bottom, rowCount);
    const right = Math.min(m.right, colCount);
    if (bottom > m.top || right > m.left) rawMerges.push({ row: m.top - 1, col: m.left - 1, rowspan: bottom - m.top + 1, colspan: right - m.left + 1 });
  }
  rawMerges.sort((a, b) => a.row - b.row || a.col - b.col);
  const columns = ws.columns ?? [];
  const colWidths: (number | null)[] = [];
  for (let c = 0; c < colCount; c++) {
    const w = columns[c]?.width;
    colWidths.push(typeof w === 'number' && Number.isFinite(w) ? w : null);
  }
  return { name: ws.name, rows, merges: rawMerges, colWidths };
}

function propertiesOf(wb: ExcelJS.Workbook): RawWorkbookProperties {
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v.slice(0, 2000) : undefined);
  const props: Record<string, string | undefined> = { creator: text(wb.creator), lastModifiedBy: text(wb.lastModifiedBy), title: text(wb.title), company: text(wb.company), keywords: text(wb.keywords) };
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

/** Converts a loaded workbook; `warnings` (from the pre-scan) come first in the result. */
export function toRawWorkbook(wb: ExcelJS.Workbook, limits: ReadLimits, warnings: readonly ImportWarning[]): RawWorkbook {
  const all: ImportWarning[] = [...warnings];
  const worksheets = wb.worksheets.filter((ws) => ws != null);
  if (worksheets.length > limits.maxSheets) {
    all.push({ message: `工作簿有 ${worksheets.length} 个工作表，只读取前 ${limits.maxSheets} 个` });
  }
  const sheets = worksheets.slice(0, limits.maxSheets).map((ws) => toRawSheet(ws, limits, all));
  return { sheets, warnings: all, properties: propertiesOf(wb) };
}
