import ExcelJS from 'exceljs';
import type { CellStyle } from '../../../shared/families/types';
import type { Project } from '../../../shared/model/types';
import {
  workbookPlan, type PlannedPageSetup, type SheetPlan, type WorkbookPlan, type WriteOptions,
} from '../../../shared/export/write-plan';
import { excelStyle } from './cell-styles';
import { finishXlsxPackage } from './xlsx-package-finish';

/**
 * Writes a project as xlsx: transcribes the export plan of shared/xlsx/write-plan (cells,
 * styles, merges, widths, heights, page breaks, page setup, properties) into an exceljs
 * workbook, then finishes the package (default font, compression; xlsx-package-finish.ts).
 */

export { PAGE_NUMBER_FOOTER, WORKBOOK_CREATOR, percentFormat, type WriteOptions } from '../../../shared/export/write-plan';

const MM_PER_INCH = 25.4;
/** exceljs's paper size code of A4. */
const A4_PAPER = 9;

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

function pageSetup(p: PlannedPageSetup): Partial<ExcelJS.PageSetup> {
  const m = p.marginsMm;
  const inch = (mm: number): number => mm / MM_PER_INCH;
  const title = p.printTitleRow === undefined ? undefined : p.printTitleRow + 1;
  return {
    paperSize: A4_PAPER,
    orientation: p.orientation,
    fitToPage: false,
    scale: p.scale,
    horizontalCentered: false,
    verticalCentered: false,
    margins: { left: inch(m.left), right: inch(m.right), top: inch(m.top), bottom: inch(m.bottom), header: inch(p.headerMm), footer: inch(p.footerMm) },
    ...(title === undefined ? {} : { printTitlesRow: `${title}:${title}` }),
  };
}

/** One planned sheet into `ws` (exceljs rows and columns are 1-based). */
function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetPlan, styles: StyleCache): void {
  sheet.colWidths.forEach((w, c) => { ws.getColumn(c + 1).width = w; });
  sheet.rowHeightsPt.forEach((h, r) => { ws.getRow(r + 1).height = h; });
  for (const cell of sheet.cells) {
    const style = sharedStyle(styles, cell.style, cell.numFmt);
    for (let r = cell.row; r < cell.row + cell.rowspan; r++) {
      const row = ws.getRow(r + 1);
      for (let c = cell.col; c < cell.col + cell.colspan; c++) row.getCell(c + 1).style = style;
    }
    ws.getRow(cell.row + 1).getCell(cell.col + 1).value = cell.value;
  }
  for (const m of sheet.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rowspan, m.col + m.colspan);
  for (const r of sheet.breakAfterRows) ws.getRow(r + 1).addPageBreak();
  ws.pageSetup = pageSetup(sheet.pageSetup);
  ws.headerFooter = { oddFooter: sheet.footer };
}

/** The xlsx bytes of an export plan; `now` is the created / modified time. */
export async function writePlanXlsx(plan: WorkbookPlan, now = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const p = plan.properties;
  wb.creator = p.creator;
  wb.lastModifiedBy = p.lastModifiedBy;
  wb.created = now;
  wb.modified = now;
  wb.company = p.company;
  wb.keywords = p.keywords;
  wb.title = p.title;
  const styles: StyleCache = new Map();
  for (const sheet of plan.sheets) writeSheet(wb.addWorksheet(sheet.name), sheet, styles);
  // exceljs compresses with a slow JavaScript deflate: let it store, then finish with fflate.
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  return finishXlsxPackage(stored instanceof Uint8Array ? stored : new Uint8Array(stored));
}

/**
 * The project as xlsx bytes (see shared/xlsx/write-plan). Throws UserError EXPORT_EMPTY when no
 * table is selected and EXPORT_BAD_TABLE for an index out of range.
 */
export async function writeProjectXlsx(project: Project, options: WriteOptions = {}): Promise<Buffer> {
  return writePlanXlsx(workbookPlan(project, options));
}
