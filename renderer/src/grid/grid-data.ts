/** Layout → grid data: cell texts, merges and pixel sizes at a zoom, cell classes, finding marks and cell descriptions for the status bar. */
import { cellIndex } from '../../../shared/layout/cell-index';
import { indicatorIndexOf } from '../../../shared/model/paths';
import { COLUMN_TERMS } from '../../../shared/vocabulary/terms';
import type { LayoutCell, SheetLayout } from '../../../shared/layout/types';
import type { Finding, Severity } from '../../../shared/validation/types';

/** Pixels per Excel character unit of column width (宋体 10.5pt at 96 dpi, plus padding). */
const PX_PER_WIDTH_UNIT = 8;
/** Points → CSS pixels. */
const PX_PER_PT = 4 / 3;

/** What Handsontable needs from a SheetLayout. */
export interface GridData {
  /** Editor start text per position (`editText` or `text` at anchors, '' elsewhere). */
  readonly data: string[][];
  readonly mergeCells: { row: number; col: number; rowspan: number; colspan: number }[];
  readonly colWidths: number[];
  readonly rowHeights: number[];
}

/** Converts a layout into grid data, merges and sizes (pure); `zoom` scales the sizes (grid-only zoom, 1 = 100%). */
export function gridDataOf(layout: SheetLayout, zoom = 1): GridData {
  const data: string[][] = Array.from({ length: layout.rowCount }, () => new Array<string>(layout.colCount).fill(''));
  for (const cell of layout.cells) data[cell.row][cell.col] = cell.editText ?? cell.text;
  return {
    data,
    mergeCells: layout.merges.map(({ row, col, rowspan, colspan }) => ({ row, col, rowspan, colspan })),
    colWidths: layout.colWidths.map((w) => Math.round((w * PX_PER_WIDTH_UNIT + 10) * zoom)),
    rowHeights: layout.rowHeights.map((h) => Math.round(Math.max(26, h * PX_PER_PT) * zoom)),
  };
}

/** CSS classes of a layout cell's look (bold labels, borders, wrap; see grid.css). */
export function cellClassName(cell: LayoutCell | undefined): string {
  if (!cell) return 'jx-cell';
  const classes = ['jx-cell', `jx-${cell.style}`, `jx-role-${cell.role}`];
  if (cell.binding) classes.push('jx-editable');
  return classes.join(' ');
}

/** Findings attached to grid positions (anchor cells), with the worst severity first. */
export interface CellMark {
  readonly severity: Severity;
  readonly messages: string[];
}

function cellForPath(layout: SheetLayout, path: string): LayoutCell | undefined {
  if (path === '') return undefined;
  const bound = layout.cells.filter((c) => c.binding);
  const exact = bound.find((c) => c.binding!.path === path);
  if (exact) return exact;
  const below = bound.find((c) => c.binding!.path.startsWith(`${path}.`));
  if (below) return below;
  const index = indicatorIndexOf(path);
  if (index !== null) return bound.find((c) => c.binding!.indicatorIndex === index && c.binding!.part === 'name');
  const parent = bound.find((c) => path.startsWith(`${c.binding!.path}.`));
  return parent;
}

/** Anchor cell of a finding in a layout (undefined for whole-table findings). */
export function findingCell(layout: SheetLayout, finding: Finding): LayoutCell | undefined {
  return cellForPath(layout, finding.path);
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Marks per anchor position `row,col` for the findings of one table. */
export function cellMarks(layout: SheetLayout, findings: readonly Finding[]): Map<string, CellMark> {
  const marks = new Map<string, { severity: Severity; messages: string[] }>();
  for (const f of findings) {
    const cell = findingCell(layout, f);
    if (!cell) continue;
    const key = `${cell.row},${cell.col}`;
    const mark = marks.get(key);
    if (!mark) marks.set(key, { severity: f.severity, messages: [f.message] });
    else {
      mark.messages.push(f.message);
      if (RANK[f.severity] > RANK[mark.severity]) mark.severity = f.severity;
    }
  }
  return marks;
}

/** The 「产出指标 › 数量指标 › 指标值」 style description of a grid position for the status bar. */
export function describeCell(layout: SheetLayout, row: number, col: number, tableIndicators: readonly { level1: string; level2: string; name: string }[]): string {
  const cell = cellIndex(layout).at(row, col);
  if (!cell) return '';
  const partNames: Record<string, string> = Object.fromEntries(COLUMN_TERMS.map((t) => [t.key, t.label]));
  const b = cell.binding;
  if (b?.indicatorIndex !== undefined) {
    const ind = tableIndicators[b.indicatorIndex];
    if (!ind) return '';
    if (b.part === 'level1') return `${ind.level1 || '（一级指标）'} › 一级指标`;
    if (b.part === 'level2') return `${ind.level1} › ${ind.level2 || '（二级指标）'} › 二级指标`;
    return `${ind.level1} › ${ind.level2} › ${partNames[b.part ?? 'name']}`;
  }
  if (cell.role === 'spacer') return '空行（打印时可隐藏）';
  if (b) return `表头 › ${labelLeftOf(layout, cell) ?? b.path}`;
  return cell.role === 'title' ? '标题' : `标签：${cell.text.replace(/\n/g, '')}`;
}

function labelLeftOf(layout: SheetLayout, cell: LayoutCell): string | undefined {
  const index = cellIndex(layout);
  for (let c = cell.col - 1; c >= 0; c--) {
    const left = index.at(cell.row, c);
    if (left && left.role === 'label') return left.text.replace(/\n/g, '');
  }
  const above = index.at(cell.row - 1, cell.col);
  return above?.role === 'label' ? above.text.replace(/\n/g, '') : undefined;
}
