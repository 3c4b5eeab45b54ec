import type { ImportWarning } from '../../../shared/xlsx/raw';
import { columnNumber, formatRange, intersects, parseRange, type Rect } from './cell-ref';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, type ReadLimits } from './limits';

/**
 * Makes one worksheet XML part safe BEFORE the spreadsheet library parses it, by editing the
 * text: rows past the read limit are cut, cells outside Excel's grid removed, merges (from
 * EVERY `<mergeCells>` block) clipped / de-overlapped / capped into one block, `<col min/max>`
 * bounded (the library fills one entry per column), hyperlinks dropped (the library walks their
 * ranges cell by cell; the cell text stays). Namespace prefixes (`x:`) and both quote styles are
 * understood, so none of these can be slipped past. Every change to user content is warned about.
 */

export interface GuardResult {
  /** The new XML, or null when nothing had to change. */
  readonly xml: string | null;
  readonly warnings: ImportWarning[];
}

type GuardLimits = Pick<ReadLimits, 'maxRows' | 'maxCols' | 'maxMergesPerSheet'>;

const MAX_CELL_WARNINGS = 5;
/** An optional namespace prefix (`x:`). */
const P = '(?:[\\w.-]+:)?';
/** An attribute value in either quote style; group 1 or 2 holds it. */
const V = `\\s*=\\s*(?:"([^"]*)"|'([^']*)')`;

interface Extent {
  maxRow: number;
  maxCol: number;
}

/** The value of attribute `name` in a start tag, or undefined. */
export function attrOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}${V}`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function cutRows(xml: string, sheet: string, maxRows: number, warnings: ImportWarning[]): string {
  const start = new RegExp(`<${P}sheetData\\b`).exec(xml)?.index ?? -1;
  const endMatch = new RegExp(`</${P}sheetData\\s*>`).exec(xml);
  if (start < 0 || !endMatch) return xml;
  const end = endMatch.index;
  const re = new RegExp(`<${P}row\\b[^>]*?\\sr${V}`, 'g');
  re.lastIndex = start;
  let cutAt = -1;
  let beyondExcel = 0;
  let withinExcel = false;
  for (let m = re.exec(xml); m && m.index < end; m = re.exec(xml)) {
    const row = Number(m[1] ?? m[2]);
    if (!(row > maxRows)) continue;
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
  const re = new RegExp(`<${P}c\\b[^>]*?\\sr\\s*=\\s*["']([A-Za-z]+)(\\d+)["']`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const col = columnNumber(m[1].toUpperCase());
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
  const cellRe = new RegExp(`<(${P})c\\b[^>]*?\\sr\\s*=\\s*["']([A-Za-z]+\\d+)["'][^>]*?(?:/>|>[\\s\\S]*?</\\1c>)`, 'g');
  const cleaned = xml.replace(cellRe, (all, _p: string, ref: string) => (bad.has(ref) ? '' : all));
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

function keepMerge(ref: string, kept: Rect[], sheet: string, limits: GuardLimits, extent: Extent, warnings: ImportWarning[]): boolean {
  const r = parseRange(ref);
  if (!r || r.top > limits.maxRows || r.left > limits.maxCols || r.left > EXCEL_MAX_COLS || r.top > EXCEL_MAX_ROWS) {
    warnings.push({ sheet, message: `工作表「${sheet}」的合并区域 ${ref} 无效或超出读取范围，已忽略` });
    return false;
  }
  const c = clipMerge(r, limits, extent);
  if (c.bottom !== r.bottom || c.right !== r.right) {
    const single = c.top === c.bottom && c.left === c.right;
    warnings.push({ sheet, message: single
      ? `工作表「${sheet}」的合并区域 ${ref} 过大（超出实际内容），已忽略`
      : `工作表「${sheet}」的合并区域 ${ref} 过大，已按实际内容截断为 ${formatRange(c)}` });
    if (single) return false;
  }
  const clash = kept.find((k) => intersects(k, c));
  if (clash) {
    warnings.push({ sheet, cell: formatRange(c).split(':')[0], message: `工作表「${sheet}」的合并区域 ${ref} 与 ${formatRange(clash)} 重叠，保留先出现的 ${formatRange(clash)}，忽略 ${ref}` });
    return false;
  }
  kept.push(c);
  return c.bottom === r.bottom && c.right === r.right;
}

/** Collects the merges of every `<mergeCells>` block and writes them back as one clean block. */
function guardMerges(xml: string, sheet: string, limits: GuardLimits, extent: Extent, warnings: ImportWarning[]): string {
  const blockRe = new RegExp(`<(${P})mergeCells\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1mergeCells\\s*>)`, 'g');
  const blocks = [...xml.matchAll(blockRe)];
  if (blocks.length === 0) return xml;
  const kept: Rect[] = [];
  let changed = blocks.length > 1;
  let capped = 0;
  const refRe = new RegExp(`<${P}mergeCell\\b[^>]*?\\sref${V}`, 'g');
  for (const block of blocks) {
    for (const m of block[0].matchAll(refRe)) {
      if (kept.length >= limits.maxMergesPerSheet) { capped++; changed = true; continue; }
      if (!keepMerge(m[1] ?? m[2], kept, sheet, limits, extent, warnings)) changed = true;
    }
  }
  if (capped) warnings.push({ sheet, message: `工作表「${sheet}」的合并区域超过 ${limits.maxMergesPerSheet} 个，其余 ${capped} 个已忽略` });
  if (!changed) return xml;
  const p = blocks[0][1];
  const rebuilt = kept.length
    ? `<${p}mergeCells count="${kept.length}">${kept.map((k) => `<${p}mergeCell ref="${formatRange(k)}"/>`).join('')}</${p}mergeCells>`
    : '';
  let out = '';
  let at = 0;
  blocks.forEach((b, i) => {
    out += xml.slice(at, b.index) + (i === 0 ? rebuilt : '');
    at = b.index! + b[0].length;
  });
  return out + xml.slice(at);
}

/** Bounds every `<col>`: min/max are clipped to the read limit, columns starting past it removed. */
function clipCols(xml: string, maxCols: number): string {
  const re = new RegExp(`<(${P})col\\b([^>]*?)/?>(?:</\\1col>)?`, 'g');
  return xml.replace(re, (all, p: string, attrs: string) => {
    const min = Number(attrOf(attrs, 'min') ?? '1');
    const max = Number(attrOf(attrs, 'max') ?? String(min));
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || min > maxCols || max < min) return '';
    if (max <= maxCols) return all;
    const rest = attrs.replace(new RegExp(`\\s(min|max)${V}`, 'g'), '');
    return `<${p}col min="${min}" max="${maxCols}"${rest}/>`;
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
  out = out.replace(new RegExp(`<(${P})(hyperlinks|dataValidations)\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1\\2\\s*>)`, 'g'), '');
  return { xml: out === xml ? null : out, warnings };
}
