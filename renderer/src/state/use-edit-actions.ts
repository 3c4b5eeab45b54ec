/**
 * The editing actions of the open document (cell edits, paste, clear, fill down, row and table
 * operations, undo / redo, fixes of findings, 版式, 金额单位 and column width), each run as one
 * command. Find and replace are use-find.ts's.
 */
import { useCallback, useRef } from 'react';
import {
  applyFixCommand, applyFixesCommand, changeFamilyCommand, historyLabels, setColumnWidthCommand, convertMoneyUnitCommand, deleteIndicatorsCommand, deleteTableCommand,
  duplicateTableCommand, insertAnchorForRow, insertIndicatorCommand, moveIndicatorCommand, moveTableCommand,
  planPaste, renameTableCommand, setCellsCommand, type CellEdit, type Command, type PastePlan,
} from '../../../shared/commands';
import type { SheetLayout } from '../../../shared/layout/types';
import type { FamilyId, MoneyUnit } from '../../../shared/model/types';
import type { Finding } from '../../../shared/validation/types';
import type { DialogAnswer, DialogSpec } from '../dialogs/dialog-types';
import type { GridRange } from '../grid/grid-keys';
import type { GridSelection, RowAction } from '../grid/GridView';
import type { LayoutCell } from '../../../shared/layout/types';
import { fillDownEdits } from './fill';
import type { EditorAction, EditorState } from './editor-reducer';
import { startMeasure } from './perf';

type Ask = <S extends DialogSpec>(spec: S) => Promise<DialogAnswer<S['kind']>>;

/** Indicator indices shown on the grid rows of a selection (spacer and header rows skipped). */
export function indicatorsInRows(layout: SheetLayout, row: number, row2: number): number[] {
  const out = new Set<number>();
  for (let r = row; r <= row2; r++) {
    const i = layout.rowIndicators[r];
    if (i != null) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

/** The status-bar sentence of a paste: what was written, rows added, texts that found no cell. */
export function pasteNotice(plan: PastePlan, what = '粘贴'): string {
  const parts = [plan.command ? `已${what} ${plan.written} 个单元格` : `${what}：内容与原来相同`];
  if (plan.inserted > 0) parts.push(`粘贴内容比“${plan.group || '本组'}”的行多，已在组内新增 ${plan.inserted} 行`);
  if (plan.skipped > 0) parts.push(`${plan.skipped} 个内容落在固定文字或合并单元格的隐藏部分，未粘贴`);
  return parts.join('；');
}

/**
 * Editing intents of the open document; each becomes ONE command (one undo step).
 * `currentLayout()` returns the layout the grid shows.
 */
export function useEditActions(state: EditorState, dispatch: (a: EditorAction) => void, ask: Ask, currentLayout: () => SheetLayout | null, setNotice: (s: string) => void) {
  const stateRef = useRef(state);
  stateRef.current = state;
  const run = useCallback((command: Command | null, measure?: string) => {
    if (!command) return false;
    if (measure) startMeasure(measure);
    // The notice first: the dispatch's synchronous render then takes both updates (one render).
    setNotice(command.label);
    dispatch({ type: 'command', command });
    return true;
  }, [dispatch, setNotice]);

  const edits = useCallback((list: CellEdit[]) => {
    const s = stateRef.current;
    if (s.project) run(setCellsCommand(s.project, s.tableIndex, list));
  }, [run]);

  const paste = useCallback((row: number, col: number, block: string[][], label = '粘贴') => {
    const s = stateRef.current;
    const layout = currentLayout();
    if (!s.project || !layout) return;
    const plan = planPaste(s.project, s.tableIndex, layout, row, col, block, label);
    run(plan.command, 'paste');
    setNotice(label === '粘贴' ? pasteNotice(plan) : plan.command ? `已新增指标：${plan.command.label}` : '内容与原来相同');
  }, [currentLayout, run, setNotice]);

  /** Typing into a blank slot row: the indicator is created there (a 1×1 paste, 「新增指标」). */
  const blankCell = useCallback((row: number, col: number, text: string) => paste(row, col, [[text]], '新增指标'), [paste]);

  const clear = useCallback((cells: readonly LayoutCell[]) => {
    const s = stateRef.current;
    const list = cells.flatMap((c) => (c.binding ? [{ binding: c.binding, text: '' }] : []));
    if (!s.project) return;
    if (!run(setCellsCommand(s.project, s.tableIndex, list, list.length > 1 ? `清除 ${list.length} 个单元格` : '清除单元格'))) setNotice('所选单元格已经是空的');
  }, [run, setNotice]);

  const fillDown = useCallback((ranges: readonly GridRange[]) => {
    const s = stateRef.current;
    const layout = currentLayout();
    if (!s.project || !layout) return;
    const list = fillDownEdits(layout, ranges);
    if (list.length === 0) { setNotice('向下填充：请选中一列中上下相连的几个单元格（第一格为要复制的内容）'); return; }
    if (!run(setCellsCommand(s.project, s.tableIndex, list, `向下填充 ${list.length} 个单元格`))) setNotice('向下填充：内容与原来相同');
  }, [currentLayout, run, setNotice]);

  /**
   * Returns the grid row the selection should move to afterwards (or null). `willSelect` hears
   * that row just before the command runs, so the grid can select it in the same update.
   */
  const rowAction = useCallback((action: RowAction, sel: GridSelection, willSelect?: (row: number) => void): number | null => {
    const s = stateRef.current;
    const layout = currentLayout();
    if (!s.project || !layout) return null;
    const t = s.tableIndex;
    const runTo = (target: number, command: Command | null, measure?: string) => {
      if (command) willSelect?.(target);
      return run(command, measure) ? target : null;
    };
    if (action === 'insertAbove' || action === 'insertBelow') {
      const anchor = insertAnchorForRow(layout, action === 'insertAbove' ? sel.row : sel.row2, action === 'insertAbove' ? 'above' : 'below');
      if (!anchor && s.project.tables[t].indicators.length > 0) { setNotice('请先选中指标区域中的一行'); return null; }
      const target = anchor?.where === 'above' ? sel.row : sel.row2 + 1;
      const count = Math.max(1, indicatorsInRows(layout, sel.row, sel.row2).length);
      return runTo(target, insertIndicatorCommand(s.project, t, anchor?.index ?? 0, anchor?.where ?? 'below', count), 'insertRow');
    }
    const indices = indicatorsInRows(layout, sel.row, sel.row2);
    if (indices.length === 0) { setNotice('所选行不是指标行'); return null; }
    if (action === 'delete') return runTo(sel.row, deleteIndicatorsCommand(s.project, t, indices));
    const dir = action === 'moveUp' ? 'up' : 'down';
    const moved = runTo(sel.row + (dir === 'up' ? -1 : 1), moveIndicatorCommand(s.project, t, indices[0], dir));
    if (moved === null) setNotice('已到本组的边界，不能再移动');
    return moved;
  }, [currentLayout, run, setNotice]);

  const renameTable = useCallback(async (index: number) => {
    const s = stateRef.current;
    const table = s.project?.tables[index];
    if (!s.project || !table) return;
    const name = await ask({ kind: 'prompt', title: '重命名表', label: table.family === 'jx-department' ? '部门名称' : '项目名称', value: table.projectName });
    if (name !== null) run(renameTableCommand(s.project, index, name));
  }, [ask, run]);

  const deleteTable = useCallback(async (index: number) => {
    const s = stateRef.current;
    const table = s.project?.tables[index];
    if (!s.project || !table) return;
    const ok = await ask({ kind: 'confirm', title: '删除表', lines: [`确定删除“${table.projectName || '（未命名）'}”吗？`, '删除后可以用“撤销”恢复。'], okText: '删除' });
    if (ok) run(deleteTableCommand(s.project, index));
  }, [ask, run]);

  const changeFamily = useCallback(async (family: FamilyId) => {
    const s = stateRef.current;
    if (!s.project) return;
    const result = changeFamilyCommand(s.project, s.tableIndex, family);
    if (!result) return;
    const from = s.project.tables[s.tableIndex].family;
    if (await ask({ kind: 'changeFamily', from, to: family, lost: result.lost })) run(result.command);
  }, [ask, run]);

  const pickFamily = useCallback(async () => {
    const family = await ask({ kind: 'family', title: '更改版式 — 选择新版式' });
    if (family && !family.startsWith('like:')) await changeFamily(family as FamilyId);
  }, [ask, changeFamily]);

  return {
    edits, paste, blankCell, clear, fillDown, rowAction, renameTable, deleteTable, changeFamily, pickFamily,
    // The status bar says what was undone / redone (「已撤销：粘贴（新增 2 行）」).
    undo: () => {
      const label = historyLabels(stateRef.current.history).undo;
      startMeasure('undo');
      setNotice(label ? `已撤销：${label}` : '没有可撤销的操作');
      dispatch({ type: 'undo' });
    },
    redo: () => {
      const label = historyLabels(stateRef.current.history).redo;
      startMeasure('redo');
      setNotice(label ? `已重做：${label}` : '没有可重做的操作');
      dispatch({ type: 'redo' });
    },
    duplicateTable: (i: number) => { const s = stateRef.current; if (s.project) run(duplicateTableCommand(s.project, i)); },
    moveTable: (from: number, to: number) => { const s = stateRef.current; if (s.project) run(moveTableCommand(s.project, from, to)); },
    convertMoney: (to: MoneyUnit) => { const s = stateRef.current; if (s.project) run(convertMoneyUnitCommand(s.project, s.tableIndex, to)); },
    columnWidth: (col: number, widthChars: number) => {
      const s = stateRef.current;
      const layout = currentLayout();
      if (s.project && layout && run(setColumnWidthCommand(s.project, s.tableIndex, layout.colWidths, col, widthChars))) {
        setNotice(`已调整列宽（保存、打印和导出时使用）`);
      }
    },
    applyFixes: (list: readonly Finding[], label: string) => {
      const s = stateRef.current;
      if (!s.project) return;
      const fixes = list.flatMap((f) => (f.fix ? [{ tableIndex: f.tableIndex, fix: f.fix }] : []));
      const { command, applied } = applyFixesCommand(s.project, fixes, s.tableIndex, `${label}（${fixes.length} 处）`);
      if (!run(command)) { setNotice('没有需要修正的内容'); return; }
      setNotice(`${label}：已修正 ${applied} 处（一步，可撤销）`);
    },
    applyFix: (finding: Finding) => {
      const s = stateRef.current;
      if (s.project && finding.fix) run(applyFixCommand(s.project, finding.tableIndex, finding.fix));
    },
  };
}

export type EditActions = ReturnType<typeof useEditActions>;
