import ExcelJS from 'exceljs';
import { UserError } from '../../../shared/errors';
import { layout, type LayoutCell, type SheetLayout } from '../../../shared/layout';
import type { CellStyle } from '../../../shared/families/types';
import type { Project } from '../../../shared/model/types';
import { Decimal } from '../../../shared/values/money';
import { excelStyle } from './cell-styles';
import { metaKeywords } from './project-meta-keywords';
import { SheetNamer } from './sheet-names';
import { entryData, readZipDirectory } from './zip-directory';
import { writeZip } from './zip-writer';

/**
 * Writes a project as xlsx, every table in its family's official layout (shared/layout):
 * merges, 宋体 fonts, borders, widths, heights, A4 page setup with the matrix header row
 * repeated on continuation pages. Amounts are numeric cells (text when the source text was
 * irregular, so import gives back amountTexts); percents are numbers with a `0%` format.
 * Formulas are never written.
 */

export interface WriteOptions {
  /** All tables in one sheet, two blank rows and a page break between them. */
  readonly stacked?: boolean;
  /** Indices into project.tables to export (default: all). */
  readonly tables?: readonly number[];
}

export const WORKBOOK_CREATOR = '绩效目标表编辑器';
const CM_PER_INCH = 2.54;
const STACK_GAP_ROWS = 2;

/** `0%`, `0.0%`, `0.00%` … as many decimals as the percent (0–100) has. */
export function percentFormat(percent: number): string {
  const decimals = new Decimal(percent).decimalPlaces();
  return decimals === 0 ? '0%' : `0.${'0'.repeat(Math.min(decimals, 6))}%`;
}

function cellContent(cell: LayoutCell): { value: ExcelJS.CellValue; numFmt?: string } {
  const kind = cell.binding?.kind;
  if ((kind === 'amount' || kind === 'percent') && cell.number != null && Number.isFinite(cell.number) && cell.editText === undefined) {
    if (kind === 'percent') return { value: new Decimal(cell.number).dividedBy(100).toNumber(), numFmt: percentFormat(cell.number) };
    return { value: cell.number };
  }
  return { value: cell.text === '' ? null : cell.text };
}

/**
 * One shared style object per (style, number format): exceljs recognises a style object it has
 * seen (a WeakMap) instead of serialising each cell's style again, which dominates write time.
 * The objects are never mutated after creation.
 */
type StyleCache = Map<string, Partial<ExcelJS.Style>>;

function sharedStyle(cache: StyleCache, style: CellStyle, numFmt?: string): Partial<ExcelJS.Style> {
  const key = `${style}|${numFmt ?? ''}`;
  let s = cache.get(key);
  if (!s) cache.set(key, (s = excelStyle(style, numFmt)));
  return s;
}

/** Writes one layout into `ws` starting at 0-based sheet row `base`. */
function writeLayout(ws: ExcelJS.Worksheet, l: SheetLayout, base: number, styles: StyleCache): void {
  l.rowHeights.forEach((h, r) => { ws.getRow(base + r + 1).height = h; });
  for (const cell of l.cells) {
    const { value, numFmt } = cellContent(cell);
    const style = sharedStyle(styles, cell.style, numFmt);
    for (let r = cell.row; r < cell.row + cell.rowspan; r++) {
      const row = ws.getRow(base + r + 1);
      for (let c = cell.col; c < cell.col + cell.colspan; c++) row.getCell(c + 1).style = style;
    }
    const anchor = ws.getRow(base + cell.row + 1).getCell(cell.col + 1);
    anchor.value = value;
    if (cell.rowspan > 1 || cell.colspan > 1) {
      ws.mergeCells(base + cell.row + 1, cell.col + 1, base + cell.row + cell.rowspan, cell.col + cell.colspan);
    }
  }
}

function pageSetup(orientation: 'portrait' | 'landscape', printTitlesRow?: string): Partial<ExcelJS.PageSetup> {
  const lr = 1.9 / CM_PER_INCH;
  const tb = 2.5 / CM_PER_INCH;
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: lr, right: lr, top: tb, bottom: tb, header: 0.8 / CM_PER_INCH, footer: 0.8 / CM_PER_INCH },
    ...(printTitlesRow ? { printTitlesRow } : {}),
  };
}

function setColumnWidths(ws: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((w, c) => { ws.getColumn(c + 1).width = w; });
}

function selectedTables(project: Project, indices?: readonly number[]): number[] {
  const all = project.tables.map((_, i) => i);
  const chosen = indices ? [...indices] : all;
  const bad = chosen.find((i) => !Number.isInteger(i) || i < 0 || i >= project.tables.length);
  if (bad !== undefined) throw new UserError('EXPORT_BAD_TABLE', `要导出的表序号 ${bad + 1} 不存在（项目共有 ${project.tables.length} 张表）`);
  if (chosen.length === 0) throw new UserError('EXPORT_EMPTY', '项目中没有可导出的表：请先新建或导入至少一张表');
  return chosen;
}

function sheetText(project: Project, index: number): string {
  const t = project.tables[index];
  return t.projectName || t.title || '';
}

/**
 * The project as xlsx bytes (see the module comment). Throws UserError EXPORT_EMPTY when no
 * table is selected and EXPORT_BAD_TABLE for an index out of range.
 */
export async function writeProjectXlsx(project: Project, options: WriteOptions = {}): Promise<Buffer> {
  const indices = selectedTables(project, options.tables);
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  wb.lastModifiedBy = WORKBOOK_CREATOR;
  wb.created = new Date();
  wb.modified = wb.created;
  wb.company = project.meta.unitName;
  wb.keywords = metaKeywords(project.meta);
  wb.title = project.meta.unitName || sheetText(project, indices[0]) || '绩效目标表';
  const namer = new SheetNamer();
  const styles: StyleCache = new Map();
  const layouts = indices.map((i) => layout(project.tables[i], project.meta));
  if (options.stacked) {
    const ws = wb.addWorksheet(namer.next(project.meta.unitName || '绩效目标表', '绩效目标表'));
    const colCount = Math.max(...layouts.map((l) => l.colCount));
    setColumnWidths(ws, Array.from({ length: colCount }, (_, c) => Math.max(...layouts.map((l) => l.colWidths[c] ?? 0))));
    let base = 0;
    layouts.forEach((l, k) => {
      if (k > 0) ws.getRow(base).addPageBreak();
      writeLayout(ws, l, base, styles);
      base += l.rowCount + STACK_GAP_ROWS;
    });
    ws.pageSetup = pageSetup(layouts.some((l) => l.orientation === 'landscape') ? 'landscape' : 'portrait');
  } else {
    layouts.forEach((l, k) => {
      const ws = wb.addWorksheet(namer.next(sheetText(project, indices[k]), `表${indices[k] + 1}`));
      setColumnWidths(ws, l.colWidths);
      writeLayout(ws, l, 0, styles);
      ws.pageSetup = pageSetup(l.orientation, `${l.matrixHeaderRow + 1}:${l.matrixHeaderRow + 1}`);
    });
  }
  // exceljs compresses with a JavaScript deflate: let it store, then deflate natively.
  const stored = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  const parts = readZipDirectory(stored, Number.MAX_SAFE_INTEGER).map((e) => ({ name: e.name, data: entryData(stored, e) }));
  return writeZip(parts, { deflate: true });
}
