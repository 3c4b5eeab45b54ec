/**
 * The 分项绩效目标 table of family F as a SheetLayout (4 columns: 部门职责 | 工作任务 | 绩效指标 |
 * 指标值; header row 0), so the print engine measures, paginates and prints it like any other
 * table, and the .docx writer builds its Word table from the same cells and merges.
 */
import {
  DEPARTMENT_TABLE_HEADER, departmentCellText, departmentTableRows, type DepartmentColumn, type DepartmentDuty,
} from '../model/department';
import type { LayoutCell, Merge, SheetLayout } from '../layout/types';

/** Column widths in character units: duty and task wider than the value column. */
export const DEPARTMENT_COL_WIDTHS: readonly number[] = [16, 16, 18, 10];

const COLUMNS: readonly DepartmentColumn[] = ['duty', 'task', 'indicator', 'value'];

/**
 * Layout of the 分项绩效目标 table: the header row, then one row per indicator; the duty cell
 * spans the rows of its tasks, each task cell the rows of its indicators. No bindings (the
 * editor edits it through shared/commands/department.command.ts).
 */
export function departmentSheetLayout(duties: readonly DepartmentDuty[]): SheetLayout {
  const body = departmentTableRows(duties);
  const cells: LayoutCell[] = DEPARTMENT_TABLE_HEADER.map((text, col) => ({
    row: 0, col, rowspan: 1, colspan: 1, text, role: 'label', style: 'label',
  }));
  const merges: Merge[] = [];
  body.forEach((row, i) => {
    const r = i + 1;
    COLUMNS.forEach((column, col) => {
      const span = column === 'duty' ? row.dutySpan : column === 'task' ? row.taskSpan : 1;
      if (span === 0) return;
      const text = departmentCellText(duties, row, column);
      cells.push({ row: r, col, rowspan: span, colspan: 1, text, role: 'field', style: column === 'value' ? 'textCenter' : 'text' });
      if (span > 1) merges.push({ row: r, col, rowspan: span, colspan: 1 });
    });
  });
  const rowCount = body.length + 1;
  return {
    family: 'jx-department',
    moneyUnit: 'wanYuan',
    rowCount,
    colCount: COLUMNS.length,
    colWidths: DEPARTMENT_COL_WIDTHS,
    rowHeights: new Array<number>(rowCount).fill(20),
    cells,
    merges,
    matrixHeaderRow: 0,
    rowIndicators: new Array<number | null>(rowCount).fill(null),
    level1Groups: [],
    orientation: 'portrait',
    title: '',
  };
}
