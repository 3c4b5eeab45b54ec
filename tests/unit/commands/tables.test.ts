import { describe, expect, it } from 'vitest';
import {
  addTableCommand, applyFixCommand, applyFixesCommand, deleteTableCommand, setColumnWidthCommand, duplicateTableCommand, emptyHistory, execute, historyLabels,
  moveTableCommand, redo, renameTableCommand, undo,
} from '../../../shared/commands';
import { layout } from '../../../shared/layout';
import type { Fix } from '../../../shared/validation';
import { parseIndicatorValue } from '../../../shared/values';
import { ctx, hebeiTable, nxTable, projectOf, roundTrip } from './fixtures';

describe('table commands', () => {
  it('add a family D table at the end; it lays out with 成本指标 first', () => {
    const p = projectOf(hebeiTable());
    roundTrip(p, addTableCommand(p, 'jx-2024'), (q) => {
      expect(q.tables).toHaveLength(2);
      expect(q.tables[1].family).toBe('jx-2024');
      expect(layout(q.tables[1], ctx).level1Groups[0].level1).toBe('成本指标');
    });
  });

  it('duplicate inserts a copy after the original, named （副本）', () => {
    const p = projectOf(hebeiTable(), nxTable());
    const cmd = duplicateTableCommand(p, 0)!;
    expect(cmd.tableAfter).toBe(1);
    roundTrip(p, cmd, (q) => {
      expect(q.tables.map((t) => t.projectName)).toEqual(['官厅镇村干部工资', '官厅镇村干部工资（副本）', '人大代表工作经费']);
      expect(q.tables[1].indicators).toEqual(q.tables[0].indicators);
    });
  });

  it('rename, delete and reorder', () => {
    const p = projectOf(hebeiTable(), nxTable());
    roundTrip(p, renameTableCommand(p, 1, '人大工作经费'), (q) => expect(q.tables[1].projectName).toBe('人大工作经费'));
    const del = deleteTableCommand(p, 1)!;
    expect([del.tableAfter, del.tableBefore]).toEqual([0, 1]);
    roundTrip(p, del, (q) => expect(q.tables.map((t) => t.family)).toEqual(['hebei']));
    roundTrip(p, moveTableCommand(p, 1, 0), (q) => expect(q.tables.map((t) => t.family)).toEqual(['nx-2024', 'hebei']));
    expect(moveTableCommand(p, 0, 0)).toBeNull();
    expect(deleteTableCommand(projectOf(hebeiTable()), 0)!.tableAfter).toBeNull();
  });

  it('applies a validation fix (plain data) as one undoable step labelled with the fix', () => {
    const table = hebeiTable();
    const p = projectOf({ ...table, indicators: table.indicators.map((i, k) => (k === 5 ? { ...i, value: parseIndicatorValue('>=95%') } : i)) });
    const fix: Fix = { label: '将 >= 改为 ≥', mutations: [{ type: 'set', table: 0, path: 'indicators.5.value', value: parseIndicatorValue('≥95%') }] };
    const cmd = applyFixCommand(p, 0, fix)!;
    expect(cmd.label).toBe('将 >= 改为 ≥');
    expect(cmd.mutations).toEqual(fix.mutations);
    expect(cmd.scope).toEqual({ tables: [0], structure: false });
    roundTrip(p, cmd, (q) => expect(q.tables[0].indicators[5].value.raw).toBe('≥95%'));
    // a fix that changes nothing, or no longer fits the table (row gone), gives no command
    expect(applyFixCommand(p, 0, { label: 'x', mutations: [{ type: 'set', table: 0, path: 'indicators.5.value', value: p.tables[0].indicators[5].value }] })).toBeNull();
    expect(applyFixCommand(p, 0, { label: 'x', mutations: [{ type: 'set', table: 0, path: 'indicators.99.value', value: parseIndicatorValue('1') }] })).toBeNull();
    expect(applyFixCommand(p, 0, { label: 'x', mutations: [{ type: 'set', table: 3, path: 'goal', value: 'x' }] })).toBeNull();
  });

  it('history: redo is cleared by a new command; labels follow the stacks', () => {
    const p = projectOf(hebeiTable());
    let s = execute(p, emptyHistory(), addTableCommand(p, 'nx-2022'));
    s = execute(s.project, s.history, renameTableCommand(s.project, 1, '新表')!);
    expect(historyLabels(s.history)).toEqual({ undo: '重命名表', redo: null });
    const u = undo(s.project, s.history)!;
    expect(historyLabels(u.history)).toEqual({ undo: '新建表', redo: '重命名表' });
    const other = execute(u.project, u.history, duplicateTableCommand(u.project, 0)!);
    expect(other.history.redo).toHaveLength(0);
    expect(redo(other.project, other.history)).toBeNull();
  });
});

describe('applyFixesCommand', () => {
  it('applies many fixes over several tables as one undo step; a fix that changes nothing after the previous ones is left out', () => {
    const p = projectOf(nxTable(), nxTable());
    const set = (table: number, path: string, value: unknown): Fix => ({ label: '改名', mutations: [{ type: 'set', table, path, value }] });
    const rename = set(0, 'projectName', 'A');
    const fixes = [
      { tableIndex: 0, fix: rename }, { tableIndex: 0, fix: set(0, 'goal', 'B') }, { tableIndex: 0, fix: structuredClone(rename) },
      { tableIndex: 1, fix: set(1, 'projectName', 'C') }, { tableIndex: 1, fix: set(1, 'goal', p.tables[1].goal) },
    ];
    const { command, applied } = applyFixesCommand(p, fixes, 0);
    expect(applied).toBe(3);
    expect(command!.label).toBe('全部修正（3 处）');
    expect(command!.scope).toEqual({ tables: [0, 1], structure: false });
    const done = execute(p, emptyHistory(), command!);
    expect(done.project.tables.map((t) => [t.projectName, t.goal])).toEqual([['A', 'B'], ['C', p.tables[1].goal]]);
    expect(done.history.undo).toHaveLength(1);
    expect(undo(done.project, done.history)!.project).toStrictEqual(p);
    expect(applyFixesCommand(p, [fixes[4]], 0).command).toBeNull();
  });

  it('entries of amountTexts (keys are model paths) are removed one by one, each undone exactly', () => {
    const p = projectOf({ ...nxTable(), amountTexts: { 'funds.total': '4万元', 'funds.fiscal': '4万' } });
    const drop = (key: string): Fix => ({ label: '改为纯数字 4', mutations: [{ type: 'setEntry', table: 0, path: 'amountTexts', key, value: undefined }] });
    const { command, applied } = applyFixesCommand(p, [{ tableIndex: 0, fix: drop('funds.total') }, { tableIndex: 0, fix: drop('funds.fiscal') }, { tableIndex: 0, fix: drop('funds.other') }], 0);
    expect(applied).toBe(2);
    const done = execute(p, emptyHistory(), command!);
    expect(done.project.tables[0].amountTexts).toStrictEqual({});
    expect(undo(done.project, done.history)!.project).toStrictEqual(p);
  });
});

describe('setColumnWidthCommand', () => {
  it('stores the table’s own widths; the layout, and so print and export, use them; undo restores the family’s', () => {
    const p = projectOf(nxTable());
    const before = layout(p.tables[0], ctx).colWidths;
    const cmd = setColumnWidthCommand(p, 0, before, 5, 30.2);
    const done = execute(p, emptyHistory(), cmd!);
    expect(done.project.tables[0].columnWidths![5]).toBe(30);
    expect(layout(done.project.tables[0], ctx).colWidths[5]).toBe(30);
    expect(layout(done.project.tables[0], ctx).colWidths.slice(0, 5)).toEqual(before.slice(0, 5));
    expect(undo(done.project, done.history)!.project.tables[0].columnWidths).toBeUndefined();
    expect(setColumnWidthCommand(p, 0, before, 5, before[5])).toBeNull();
    expect(setColumnWidthCommand(p, 0, before, 99, 10)).toBeNull();
  });
});
