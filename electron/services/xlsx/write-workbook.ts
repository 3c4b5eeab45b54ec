import ExcelJS from 'exceljs';
import { UserError } from '../../../shared/errors';
import type { LayoutCell, SheetLayout } from '../../../shared/layout';
import { familyOf } from '../../../shared/families';
import type { CellStyle } from '../../../shared/families/types';
import type { Project } from '../../../shared/model/types';
import { WORKBOOK_CREATOR } from '../../../shared/xlsx/raw';
import { printPlan, type PrintPlan } from '../../../shared/print/print-plan';
import { Decimal } from '../../../shared/values/money';
import { STACK_GAP_ROW_PT, excelStyle, withDefaultFont } from './cell-styles';
import { metaKeywords } from './project-meta-keywords';
import { SheetNamer } from './sheet-names';
import { entryData, readZipDirectory } from './zip-directory';
import { writeZip } from './zip-writer';

/**
 * Writes a project as xlsx, every table in its family's official layout (shared/layout):
 * merges, 宋体 fonts, borders, the family's column widths. Printing follows the print plan of
 * shared/print (`printPlan`, the paginator of our PDF): A4, GB/T 9704 margins, the plan's scale
 * (no fit-to-page), the matrix header row as print titles, a manual row break before each
 * planned page and row heights that hold exactly the planned rows, so LibreOffice / Excel print
 * every table on as many pages, broken at the same rows, as our PDF. Amounts are numeric cells
 * (text when the source text was irregular, so import gives back amountTexts); percents are
 * numbers with a `0%` format. Formulas are never written.
 */

export { WORKBOOK_CREATOR };

export interface WriteOptions {
  /** All tables in one sheet, two blank rows and a page break between them. */
  readonly stacked?: boolean;
  /** Indices into project.tables to export (default: all). */
  readonly tables?: readonly number[];
}

const MM_PER_INCH = 25.4;
const STACK_GAP_ROWS = 2;
/** 「第 N 页 共 M 页」 centred in the footer, 宋体 12 pt, as the print's page numbers. */
export const PAGE_NUMBER_FOOTER = '&C&"宋体"&12第 &P 页 共 &N 页';

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

/** Writes one planned table into `ws` starting at 0-based sheet row `base`, with its manual page breaks. */
function writePlan(ws: ExcelJS.Worksheet, plan: PrintPlan, base: number, styles: StyleCache): void {
  writeLayout(ws, plan.layout, plan.rowHeightsPt, base, styles);
  // A break after the sheet row before each planned page start (exceljs rows are 1-based).
  for (const r of plan.pageBreakRows) ws.getRow(base + r).addPageBreak();
}

/** Writes one layout into `ws` starting at 0-based sheet row `base`. */
function writeLayout(ws: ExcelJS.Worksheet, l: SheetLayout, heightsPt: readonly number[], base: number, styles: StyleCache): void {
  heightsPt.forEach((h, r) => { ws.getRow(base + r + 1).height = h; });
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

/** The page setup of a plan: paper, orientation, margins, scale; fit-to-page off; print titles. */
function pageSetup(plan: PrintPlan, scale: number, printTitlesRow?: string): Partial<ExcelJS.PageSetup> {
  const m = plan.marginsMm;
  const inch = (mm: number): number => mm / MM_PER_INCH;
  return {
    paperSize: 9,
    orientation: plan.orientation,
    fitToPage: false,
    scale,
    horizontalCentered: false,
    verticalCentered: false,
    // The page-number footer sits inside the bottom margin, so the 版心 keeps its full height.
    margins: { left: inch(m.left), right: inch(m.right), top: inch(m.top), bottom: inch(m.bottom), header: inch(m.top / 2), footer: inch(m.bottom / 2) },
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
  if (options.stacked) {
    const ws = wb.addWorksheet(namer.next(project.meta.unitName || '绩效目标表', '绩效目标表'));
    const families = indices.map((i) => {
      const own = project.tables[i].columnWidths;
      const family = familyOf(project.tables[i]).colWidths;
      return own?.length === family.length ? own : family;
    });
    const colCount = Math.max(...families.map((w) => w.length));
    const widths = Array.from({ length: colCount }, (_, c) => Math.max(...families.map((w) => w[c] ?? 0)));
    setColumnWidths(ws, widths);
    // One scale for the whole sheet: the widest columns of every table fit the 版心.
    const sheetWidthChars = widths.reduce((a, b) => a + b, 0);
    const natural = indices.map((i) => printPlan(project.tables[i], project.meta, { sheetWidthChars }));
    const scale = Math.min(...natural.map((p) => p.scale));
    const plans = natural.map((p, k) => (p.scale === scale ? p : printPlan(project.tables[indices[k]], project.meta, { scale })));
    let base = 0;
    plans.forEach((plan, k) => {
      if (k > 0) {
        for (let g = 1; g <= STACK_GAP_ROWS; g++) ws.getRow(base - g + 1).height = STACK_GAP_ROW_PT;
        ws.getRow(base).addPageBreak();
      }
      writePlan(ws, plan, base, styles);
      base += plan.layout.rowCount + STACK_GAP_ROWS;
    });
    // One orientation per sheet (every family is portrait today): landscape when any table is.
    ws.pageSetup = pageSetup(plans.find((p) => p.orientation === 'landscape') ?? plans[0], scale);
    ws.headerFooter = { oddFooter: PAGE_NUMBER_FOOTER };
  } else {
    indices.forEach((index) => {
      const plan = printPlan(project.tables[index], project.meta);
      const ws = wb.addWorksheet(namer.next(sheetText(project, index), `表${index + 1}`));
      setColumnWidths(ws, plan.layout.colWidths);
      writePlan(ws, plan, 0, styles);
      const title = plan.printTitleRow + 1;
      ws.pageSetup = pageSetup(plan, plan.scale, `${title}:${title}`);
      ws.headerFooter = { oddFooter: PAGE_NUMBER_FOOTER };
    });
  }
  // exceljs compresses with a JavaScript deflate: let it store, then deflate natively.
  const stored = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  const parts = readZipDirectory(stored, Number.MAX_SAFE_INTEGER).map((e) => {
    const data = entryData(stored, e);
    return { name: e.name, data: e.name === 'xl/styles.xml' ? Buffer.from(withDefaultFont(data.toString('utf8')), 'utf8') : data };
  });
  return writeZip(parts, { deflate: true });
}
