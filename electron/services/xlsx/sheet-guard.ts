import type { ImportWarning } from '../../../shared/xlsx/raw';
import { columnNumber, formatRange, intersects, parseRange, type Rect } from './cell-ref';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, type ReadLimits } from './limits';

/**
 * Makes one worksheet XML part safe for exceljs BEFORE it is parsed, by editing the text:
 * rows past the read limit are cut, cells outside Excel's grid removed, merges clipped /
 * de-overlapped / capped (exceljs expands every merge cell by cell and throws on overlaps),
 * `<col max>` clipped (exceljs creates one object per column) and data validations dropped
 * (exceljs expands their ranges cell by cell). Every change to user content is warned about.
 */

export interface GuardResult {
  /** The new XML, or null when nothing had to change. */
  readonly xml: string | null;
  readonly warnings: ImportWarning[];
}

type GuardLimits = Pick<ReadLimits, 'maxRows' | 'maxCols' | 'maxMergesPerSheet'>;

const MAX_CELL_WARNINGS = 5;

interface Extent {
  maxRow: number;
  maxCol: number;
}

function cutRows(xml: string, sheet: string, maxRows: number, warnings: ImportWarning[]): string {
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  if (start < 0 || end < 0) return xml;
  const re = /<row\b[^>]*?\sr="(\d+)"/g;
  re.lastIndex = start;
  let cutAt = -1;
  let beyondExcel = 0;
  let withinExcel = false;
  for (let m = re.exec(xml); m && m.index < end; m = re.exec(xml)) {
    const row = Number(m[1]);
    if (row <= maxRows) continue;
    if (cutAt < 0) cutAt = m.index;
    if (row > EXCEL_MAX_ROWS) {
      if (beyondExcel++ < MAX_CELL_WARNINGS) {
        warnings.push({ sheet, cell: `A${row}`, message: `工作表「${sheet}」的第 ${row} 行 (A${row}) 超出 Excel 工作表范围（最大 1048576 行），已忽略` });
      }
    } else {
      withinExcel = true;
    }
  }
  if (cutAt < 0) return xml;
  if (withinExcel) warnings.push({ sheet, message: `工作表「${sheet}」超过 ${maxRows} 行，只读取前 ${maxRows} 行，其余行已忽略` });
  return xml.slice(0, cutAt) + xml.slice(end);
}

function scanCells(xml: string, sheet: string, warnings: ImportWarning[]): { xml: string; extent: Extent } {
  const extent: Extent = { maxRow: 0, maxCol: 0 };
  const outside: string[] = [];
  const re = /<c\b[^>]*?\sr="([A-Z]+)(\d+)"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const col = columnNumber(m[1]);
    const row = Number(m[2]);
    if (col > EXCEL_MAX_COLS || row > EXCEL_MAX_ROWS) {
      outside.push(`${m[1]}${m[2]}`);
      continue;
    }
    if (row > extent.maxRow) extent.maxRow = row;
    if (col > extent.maxCol) extent.maxCol = col;
  }
  if (outside.length === 0) return { xml, extent };
  outside.slice(0, MAX_CELL_WARNINGS).forEach((ref) => warnings.push({
    sheet, cell: ref, message: `工作表「${sheet}」的单元格 ${ref} 超出 Excel 工作表范围（最大 XFD1048576），已忽略`,
  }));
  if (outside.length > MAX_CELL_WARNINGS) {
    warnings.push({ sheet, message: `工作表「${sheet}」另有 ${outside.length - MAX_CELL_WARNINGS} 个单元格超出 Excel 工作表范围，已忽略` });
  }
  const bad = new Set(outside);
  const cleaned = xml.replace(/<c\b[^>]*?\sr="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (all, ref: string) => (bad.has(ref) ? '' : all));
  return { xml: cleaned, extent };
}

/** Clips one merge to Excel's grid, then (when it passes the read limits) to the cells present. */
function clipMerge(r: Rect, limits: GuardLimits, extent: Extent): Rect {
  const c: Rect = { ...r, bottom: Math.min(r.bottom, EXCEL_MAX_ROWS), right: Math.min(r.right, EXCEL_MAX_COLS) };
  if (c.bottom > limits.maxRows || c.right > limits.maxCols) {
    c.bottom = Math.max(c.top, Math.min(c.bottom, limits.maxRows, extent.maxRow));
    c.right = Math.max(c.left, Math.min(c.right, limits.maxCols, extent.maxCol));
  }
  return c;
}

function guardMerges(xml: string, sheet: string, limits: GuardLimits, extent: Extent, warnings: ImportWarning[]): string {
  const blockRe = /<mergeCells\b[^>]*?(?:\/>|>[\s\S]*?<\/mergeCells>)/;
  const block = blockRe.exec(xml);
  if (!block) return xml;
  const kept: Rect[] = [];
  let changed = false;
  let capped = 0;
  const refRe = /<mergeCell\b[^>]*?\sref="([^"]*)"/g;
  for (let m = refRe.exec(block[0]); m; m = refRe.exec(block[0])) {
    const r = parseRange(m[1]);
    if (!r || r.top > limits.maxRows || r.left > limits.maxCols || r.left > EXCEL_MAX_COLS || r.top > EXCEL_MAX_ROWS) {
      warnings.push({ sheet, message: `工作表「${sheet}」的合并区域 ${m[1]} 无效或超出读取范围，已忽略` });
      changed = true;
      continue;
    }
    const c = clipMerge(r, limits, extent);
    if (c.bottom !== r.bottom || c.right !== r.right) {
      changed = true;
      const single = c.top === c.bottom && c.left === c.right;
      warnings.push({ sheet, message: single
        ? `工作表「${sheet}」的合并区域 ${m[1]} 过大（超出实际内容），已忽略`
        : `工作表「${sheet}」的合并区域 ${m[1]} 过大，已按实际内容截断为 ${formatRange(c)}` });
      if (single) continue;
    }
    const clash = kept.find((k) => intersects(k, c));
    if (clash) {
      changed = true;
      warnings.push({ sheet, cell: formatRange(c).split(':')[0], message: `工作表「${sheet}」的合并区域 ${m[1]} 与 ${formatRange(clash)} 重叠，保留先出现的 ${formatRange(clash)}，忽略 ${m[1]}` });
      continue;
    }
    if (kept.length >= limits.maxMergesPerSheet) {
      capped++;
      changed = true;
      continue;
    }
    kept.push(c);
  }
  if (capped) warnings.push({ sheet, message: `工作表「${sheet}」的合并区域超过 ${limits.maxMergesPerSheet} 个，其余 ${capped} 个已忽略` });
  if (!changed) return xml;
  const rebuilt = kept.length
    ? `<mergeCells count="${kept.length}">${kept.map((k) => `<mergeCell ref="${formatRange(k)}"/>`).join('')}</mergeCells>`
    : '';
  return xml.slice(0, block.index) + rebuilt + xml.slice(block.index + block[0].length);
}

function clipCols(xml: string, maxCols: number): string {
  const maxes = xml.match(/<col\b[^>]*?\smax="\d+"/g);
  if (!maxes || !maxes.some((tag) => Number(/\smax="(\d+)"/.exec(tag)![1]) > maxCols)) return xml;
  return xml.replace(/<col\b([^>]*?)\/?>(?:<\/col>)?/g, (all, attrs: string) => {
    const min = Number(/\smin="(\d+)"/.exec(attrs)?.[1] ?? '1');
    const max = Number(/\smax="(\d+)"/.exec(attrs)?.[1] ?? String(min));
    if (min > maxCols) return '';
    if (max <= maxCols) return all;
    return all.replace(/\smax="\d+"/, ` max="${maxCols}"`);
  });
}

/** Guards one worksheet part (see the module comment). Never throws on malformed XML. */
export function guardSheetXml(xml: string, sheet: string, limits: GuardLimits): GuardResult {
  const warnings: ImportWarning[] = [];
  let out = cutRows(xml, sheet, limits.maxRows, warnings);
  const cells = scanCells(out, sheet, warnings);
  out = cells.xml;
  out = guardMerges(out, sheet, limits, cells.extent, warnings);
  out = clipCols(out, limits.maxCols);
  out = out.replace(/<dataValidations\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidations>)/g, '');
  return { xml: out === xml ? null : out, warnings };
}
