/**
 * Pasting a block (rows of cell texts from Excel/WPS or plain text) onto a table's layout, the way
 * a clerk expects: a merged cell counts as ONE column, a block longer than its 二级 group grows the
 * group instead of overwriting the next one, and every cell that cannot take its text is counted
 * (so the editor can say so) instead of being dropped silently. Also: typing into a blank slot row.
 */
import type { SheetLayout } from '../layout/types';
import { emptyIndicator } from '../model/create';
import type { Project } from '../model/types';
import { dropCoveredColumns, editableAnchorAt, partColumns, visibleColumns } from '../layout/cell-index';
import { insertAnchorForRow } from './indicator-rows.command';
import { applyMutations } from '../model/mutations';
import { groupRun, setCellsCommand, type CellEdit } from './set-cells.command';
import { makeCommand, type Command, type Mutation } from './types';

/** What a paste would do: the command (null when nothing changes) and counts for the notice. */
export interface PastePlan {
  readonly command: Command | null;
  /** Cells given a text. */
  readonly written: number;
  /** Non-empty texts that fell on labels, covered merge parts or outside the table (not written). */
  readonly skipped: number;
  /** Indicator rows added to the 二级 group because the block was longer than the group. */
  readonly inserted: number;
  /** 二级指标 of the grown group ('' when nothing was inserted). */
  readonly group: string;
}

const nonEmpty = (text: string | undefined) => (text ?? '').trim() !== '';

/** A paste onto the header area (fields and labels): each row of the block on its own grid row. */
function planHeader(project: Project, tableIndex: number, layout: SheetLayout, row: number, col: number, block: readonly (readonly string[])[], label: string): PastePlan {
  const edits: CellEdit[] = [];
  let skipped = 0;
  block.forEach((line, i) => {
    const r = row + i;
    const cols = r < layout.rowCount ? visibleColumns(layout, r, col) : [];
    line.forEach((text, j) => {
      const cell = cols[j] === undefined ? undefined : editableAnchorAt(layout, r, cols[j]);
      if (cell?.binding) edits.push({ binding: cell.binding, text: text ?? '' });
      else if (nonEmpty(text)) skipped++;
    });
  });
  return { command: setCellsCommand(project, tableIndex, edits, label), written: edits.length, skipped, inserted: 0, group: '' };
}

/** Where the block's first line goes in the indicator list: an existing row, or the end of a group. */
function matrixStart(project: Project, tableIndex: number, layout: SheetLayout, row: number): { first: number; group: number[] } | null {
  const table = project.tables[tableIndex];
  const own = layout.rowIndicators[row];
  if (own != null) return { first: own, group: groupRun(table, own, true) };
  const anchor = insertAnchorForRow(layout, row, 'below');
  if (!anchor || !table.indicators[anchor.index]) return null;
  const group = groupRun(table, anchor.index, true);
  return { first: group[group.length - 1] + 1, group };
}

/**
 * Plans the paste of `block` with its top-left at (row, col) of `layout` (the layout of table
 * `tableIndex`) as ONE undo step labelled `label`.
 * - Columns: block column j goes to the j-th cell met going right (merged cells count once); a
 *   block with '' exactly at the covered columns (Excel's TSV of the same merges) is read as such.
 * - Indicator rows: line i goes to the i-th indicator row from the start row; lines beyond the
 *   start row's 二级 group insert new rows at the end of that group (never into the next group).
 *   A start on a blank slot row (spacer) appends to the group above it.
 * - Texts that cannot be placed (labels, covered parts of merges, shared 一级/二级 labels of
 *   later lines, outside the table) are counted in `skipped` when non-empty.
 */
export function planPaste(project: Project, tableIndex: number, layout: SheetLayout, row: number, col: number, pasted: readonly (readonly string[])[], label = '粘贴'): PastePlan {
  const block = dropCoveredColumns(layout, row, col, pasted);
  const table = project.tables[tableIndex];
  const start = table && row > layout.matrixHeaderRow ? matrixStart(project, tableIndex, layout, row) : null;
  if (!table || !start) return planHeader(project, tableIndex, layout, row, col, block, label);
  const cols = visibleColumns(layout, row, col);
  const parts = partColumns(layout);
  const last = start.group[start.group.length - 1];
  const inserted = Math.max(0, start.first + block.length - (last + 1));
  const anchor = table.indicators[last];
  const insert: Mutation[] = inserted === 0 ? [] : [{
    type: 'insertIndicators', table: tableIndex, index: last + 1,
    indicators: Array.from({ length: inserted }, () => emptyIndicator(anchor.level1, anchor.level2)),
  }];
  const base = insert.length > 0 ? applyMutations(project, insert).project : project;
  const edits: CellEdit[] = [];
  let skipped = 0;
  block.forEach((line, i) => {
    const index = start.first + i;
    const ind = base.tables[tableIndex].indicators[index];
    line.forEach((text, j) => {
      const part = cols[j] === undefined ? undefined : parts.get(cols[j]);
      const shared = part === 'level1' || part === 'level2';
      if (!part || !ind || (shared && i > 0)) {
        if (nonEmpty(text) && !(shared && ind && ind[part] === text.trim())) skipped++;
        return;
      }
      edits.push({ binding: { path: `indicators.${index}.${part}`, kind: part === 'value' ? 'indicatorValue' : 'text', indicatorIndex: index, part }, text: text ?? '' });
    });
  });
  const cells = setCellsCommand(base, tableIndex, edits, label);
  const mutations = [...insert, ...(cells?.mutations ?? [])];
  const text = inserted > 0 ? `${label}（新增 ${inserted} 行）` : label;
  return {
    command: mutations.length === 0 ? null : makeCommand('paste', text, mutations, tableIndex),
    written: edits.length, skipped, inserted, group: inserted > 0 ? anchor.level2 : '',
  };
}

/** A paste of a block as ONE undo step (「粘贴」); null when nothing changes (see planPaste). */
export function pasteBlockCommand(project: Project, tableIndex: number, layout: SheetLayout, row: number, col: number, block: readonly (readonly string[])[]): Command | null {
  return planPaste(project, tableIndex, layout, row, col, block).command;
}
