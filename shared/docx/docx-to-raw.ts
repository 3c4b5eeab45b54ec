/**
 * Word tables → RawWorkbook (shared/xlsx/raw.ts), so a published 绩效文本 goes through the same
 * recognizer as a workbook: each table becomes a grid where `w:gridSpan` and `w:vMerge` become
 * merges; the title paragraph above a table (「1.XXX绩效目标表」) becomes its first, merged row;
 * tables separated only by empty paragraphs (one table split for a repeated header, or tables
 * stacked without titles) form one sheet — the recognizer finds stacked tables in a sheet.
 * The 分项绩效目标 table of family F (部门职责 | 工作任务 …) is left to read-narrative.ts. Pure.
 */
import type { RawCell, RawMerge, RawSheet, RawWorkbook } from '../xlsx/raw';
import type { DocxBlock, DocxTable } from './types';

/** A table as a grid: rows of cells (null where covered or absent) and merges. */
export interface DocxGrid {
  readonly rows: (RawCell | null)[][];
  readonly merges: RawMerge[];
  readonly colCount: number;
}

/** Lays a Word table out on its grid (gridSpan → colspan, vMerge → rowspan). */
export function docxTableGrid(table: DocxTable): DocxGrid {
  const colCount = Math.max(1, ...table.rows.map((r) => r.reduce((n, c) => n + Math.max(1, c.gridSpan), 0)));
  const rows: (RawCell | null)[][] = [];
  const merges: { row: number; col: number; rowspan: number; colspan: number }[] = [];
  /** The merge open in each grid column (its anchor column), for vMerge continue cells. */
  const open = new Map<number, { row: number; col: number; rowspan: number; colspan: number }>();
  table.rows.forEach((cells, r) => {
    const row: (RawCell | null)[] = new Array<RawCell | null>(colCount).fill(null);
    let col = 0;
    for (const cell of cells) {
      const span = Math.max(1, Math.min(cell.gridSpan, colCount - col));
      if (span <= 0 || col >= colCount) break;
      if (cell.vMerge === 'continue' && open.has(col)) {
        open.get(col)!.rowspan = r - open.get(col)!.row + 1;
      } else {
        open.delete(col);
        row[col] = cell.text === '' ? null : { value: cell.text };
        const merge = { row: r, col, rowspan: 1, colspan: span };
        if (span > 1 || cell.vMerge === 'restart') merges.push(merge);
        if (cell.vMerge === 'restart') open.set(col, merge);
      }
      col += span;
    }
    rows.push(row);
  });
  return { rows, merges: merges.filter((m) => m.rowspan > 1 || m.colspan > 1), colCount };
}

/** True for the header row of a family F 分项绩效目标 table. */
export function isDepartmentDutyTable(table: DocxTable): boolean {
  return table.rows.slice(0, 3).some((row) => {
    const texts = row.map((c) => c.text.replace(/\s+/g, ''));
    return texts.includes('部门职责') && texts.some((t) => t.includes('工作任务'));
  });
}

/** A paragraph that titles the table below it. */
function isTableTitle(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length > 0 && t.length <= 120 && (/目标表$/.test(t) || /^\d+[.、．].*(目标|绩效)/.test(t)) && !/^第[一二三四]部分/.test(t);
}

interface SheetDraft {
  rows: (RawCell | null)[][];
  merges: RawMerge[];
  colCount: number;
  tables: number;
}

function appendGrid(draft: SheetDraft, grid: DocxGrid, title: string): void {
  const offset = draft.rows.length;
  if (title) {
    const row = new Array<RawCell | null>(grid.colCount).fill(null);
    row[0] = { value: title };
    draft.rows.push(row);
    if (grid.colCount > 1) draft.merges.push({ row: offset, col: 0, rowspan: 1, colspan: grid.colCount });
  }
  const base = draft.rows.length;
  draft.rows.push(...grid.rows);
  draft.merges.push(...grid.merges.map((m) => ({ ...m, row: m.row + base })));
  draft.colCount = Math.max(draft.colCount, grid.colCount);
  draft.tables++;
}

/**
 * The project tables of a document body as a RawWorkbook: one sheet per titled table or run of
 * adjacent tables, named 「第N个表格」 after the first Word table it holds.
 */
export function docxToRawWorkbook(blocks: readonly DocxBlock[], maxSheets = 1_000): RawWorkbook {
  const drafts: SheetDraft[] = [];
  const warnings: { message: string }[] = [];
  let title = '';
  let adjacent = false;
  let tableNo = 0;
  const names: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const text = block.text.trim();
      if (block.pageBreak) adjacent = false;
      if (text === '') continue;
      adjacent = false;
      title = isTableTitle(text) ? text : '';
      continue;
    }
    tableNo++;
    if (isDepartmentDutyTable(block)) {
      adjacent = false;
      continue;
    }
    const grid = docxTableGrid(block);
    if (adjacent && !title && drafts.length > 0) {
      appendGrid(drafts[drafts.length - 1], grid, '');
    } else if (drafts.length < maxSheets) {
      const draft: SheetDraft = { rows: [], merges: [], colCount: 0, tables: 0 };
      appendGrid(draft, grid, title);
      drafts.push(draft);
      names.push(`第${tableNo}个表格`);
    } else if (warnings.length === 0) {
      warnings.push({ message: `文档中的表格超过 ${maxSheets} 个，其余表格未读取` });
    }
    title = '';
    adjacent = true;
  }
  const sheets: RawSheet[] = drafts.map((d, i) => ({
    name: names[i],
    rows: d.rows.map((r) => (r.length < d.colCount ? [...r, ...new Array<RawCell | null>(d.colCount - r.length).fill(null)] : r)),
    merges: d.merges,
    colWidths: new Array<number | null>(d.colCount).fill(null),
  }));
  return { sheets, warnings };
}
