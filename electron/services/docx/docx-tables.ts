/**
 * A SheetLayout (the official layout of a table, shared/layout; or the 分项绩效目标 table of family F)
 * as real Word tables through the `docx` library: merges become gridSpan / vMerge (columnSpan /
 * rowSpan), column widths are the print widths in twips, borderless title lines stay borderless,
 * and the matrix header row repeats on every page (Word repeats only a table's first rows, so a
 * table that runs over a page is written as two adjacent tables: the header block, then the
 * matrix starting with its header row marked tblHeader).
 */
import {
  AlignmentType, BorderStyle, Bookmark, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable,
  WidthType, type ParagraphChild,
} from 'docx';
import type { CellStyle } from '../../../shared/families/types';
import type { LayoutCell, SheetLayout } from '../../../shared/layout/types';
import { styleFont } from '../../../shared/print/geometry';

/** Twips per millimetre (1 in = 1440 twips = 25.4 mm). */
export const TWIPS_PER_MM = 1440 / 25.4;

/** East Asian font of tables and body text (宋体), with a Latin companion. */
export const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' } as const;

const ALIGN: Record<CellStyle, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  title: AlignmentType.CENTER, subtitle: AlignmentType.CENTER, unitLine: AlignmentType.LEFT, unitLineRight: AlignmentType.RIGHT,
  label: AlignmentType.CENTER, labelLeft: AlignmentType.LEFT, heading: AlignmentType.CENTER, vertical: AlignmentType.CENTER,
  text: AlignmentType.LEFT, textCenter: AlignmentType.CENTER, amount: AlignmentType.RIGHT, percent: AlignmentType.CENTER,
  spacer: AlignmentType.LEFT,
};

const BORDERLESS: readonly CellStyle[] = ['title', 'subtitle', 'unitLine', 'unitLineRight'];
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Word bookmark name of an anchor id (letters, digits, underscore; starts with a letter). */
export function bookmarkName(anchor: string): string {
  return `jx_${anchor.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 40);
}

function cellParagraphs(cell: LayoutCell, anchor: string): Paragraph[] {
  const font = styleFont(cell.style);
  const lines = cell.text.split(/\r\n|\r|\n/);
  return lines.map((line, i) => {
    const run = new TextRun({ text: line, bold: font.bold, size: Math.round(font.sizePt * 2), font: TABLE_FONT });
    const children: ParagraphChild[] = anchor && i === 0 ? [new Bookmark({ id: bookmarkName(anchor), children: [run] })] : [run];
    return new Paragraph({ alignment: ALIGN[cell.style], spacing: { before: 0, after: 0, line: Math.round(font.linePt * 20), lineRule: 'atLeast' }, children });
  });
}

function wordCell(cell: LayoutCell, colTwips: readonly number[], anchor: string): TableCell {
  let width = 0;
  for (let c = cell.col; c < cell.col + cell.colspan; c++) width += colTwips[c] ?? 0;
  const borderless = BORDERLESS.includes(cell.style);
  const b = borderless ? NONE : THIN;
  return new TableCell({
    children: cellParagraphs(cell, anchor),
    columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
    rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: borderless ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
    borders: { top: b, bottom: b, left: b, right: b },
    margins: { top: 30, bottom: 30, left: 70, right: 70 },
  });
}

/** The first row ≤ the matrix header row that no merge crosses (the matrix part may start there). */
function splitRow(sheet: SheetLayout): number {
  let split = sheet.matrixHeaderRow;
  let moved = true;
  while (moved && split > 0) {
    moved = false;
    for (const m of sheet.merges) {
      if (m.row < split && m.row + m.rowspan > split) {
        split = m.row;
        moved = true;
      }
    }
  }
  return split;
}

function wordTable(sheet: SheetLayout, cells: readonly LayoutCell[], from: number, to: number, colTwips: readonly number[], opts: {
  headerUntil: number; anchor: string;
}): Table {
  const rows: TableRow[] = [];
  let anchorUsed = false;
  for (let r = from; r < to; r++) {
    const anchored = cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    const children = anchored.map((c) => {
      const anchor = !anchorUsed && opts.anchor ? opts.anchor : '';
      anchorUsed = true;
      return wordCell(c, colTwips, anchor);
    });
    const heightTwips = Math.round((sheet.rowHeights[r] ?? 20) * 20);
    rows.push(new TableRow({
      children,
      tableHeader: r < opts.headerUntil ? true : undefined,
      cantSplit: true,
      height: { value: heightTwips, rule: 'atLeast' },
    }));
  }
  return new Table({
    rows,
    columnWidths: colTwips.slice(),
    layout: TableLayoutType.FIXED,
    width: { size: colTwips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
  });
}

/**
 * The Word tables of one layout, `widthMm` wide (columns scaled like the print). `multiPage`
 * (the print pagination found more than one page) splits the header block from the matrix so
 * that the matrix header row repeats; a one-page table is one Word table. `anchor` bookmarks the
 * first cell. A tiny paragraph separates split tables (adjacent tables would be joined by Word).
 */
export function sheetToWord(sheet: SheetLayout, widthMm: number, options: { anchor?: string; multiPage?: boolean } = {}): (Table | Paragraph)[] {
  const total = sheet.colWidths.reduce((a, b) => a + b, 0) || 1;
  const colTwips = sheet.colWidths.map((w) => Math.round((w / total) * widthMm * TWIPS_PER_MM));
  const anchor = options.anchor ?? '';
  const split = options.multiPage ? splitRow(sheet) : 0;
  if (split === 0) {
    const headerUntil = options.multiPage ? sheet.matrixHeaderRow + 1 : 0;
    return [wordTable(sheet, sheet.cells, 0, sheet.rowCount, colTwips, { headerUntil, anchor })];
  }
  const head = sheet.cells.filter((c) => c.row < split);
  const body = sheet.cells.filter((c) => c.row >= split);
  const gap = new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [new TextRun({ text: '', size: 2 })] });
  return [
    wordTable(sheet, head, 0, split, colTwips, { headerUntil: 0, anchor }),
    gap,
    wordTable(sheet, body, split, sheet.rowCount, colTwips, { headerUntil: sheet.matrixHeaderRow + 1, anchor: '' }),
  ];
}
