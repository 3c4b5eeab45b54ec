/** Paste planning: merged cells count once, a long block grows its 二级 group, nothing is dropped silently. */
import { describe, expect, it } from 'vitest';
import { emptyHistory, execute, planPaste, undo } from '../../../shared/commands';
import { blankSlotPart, visibleColumns } from '../../../shared/layout/cell-index';
import { layout } from '../../../shared/layout';
import { ctx, nxTable, projectOf } from './fixtures';

describe('planPaste', () => {
  const p = projectOf(nxTable());
  const l = layout(p.tables[0], ctx);
  const nameCell = l.cells.find((c) => c.binding?.path === 'indicators.0.name')!;
  const row = nameCell.row;

  it('maps a 名称 ⇥ 指标值 block onto the merged 三级指标 and the 指标值 (merged cells count once)', () => {
    expect(visibleColumns(l, row, nameCell.col)).toEqual([nameCell.col, nameCell.col + nameCell.colspan]);
    const plan = planPaste(p, 0, l, row, nameCell.col, [['会议次数', '≥2次'], ['培训人次', '≥50人次']]);
    expect(plan).toMatchObject({ written: 4, skipped: 0, inserted: 0 });
    const q = execute(p, emptyHistory(), plan.command!).project;
    expect(q.tables[0].indicators[0]).toMatchObject({ name: '会议次数', value: { raw: '≥2次' } });
    expect(q.tables[0].indicators[1]).toMatchObject({ name: '培训人次', value: { raw: '≥50人次' } });
    expect(q.tables[0].indicators[2].level2).toBe('质量指标');
  });

  it('a block longer than its 二级 group inserts rows at the end of the group, one undo step', () => {
    const lines = [['a', '1次'], ['b', '2次'], ['c', '3次'], ['d', '4次']];
    const plan = planPaste(p, 0, l, row, nameCell.col, lines);
    expect(plan).toMatchObject({ written: 8, skipped: 0, inserted: 2, group: '数量指标' });
    expect(plan.command!.label).toBe('粘贴（新增 2 行）');
    const done = execute(p, emptyHistory(), plan.command!);
    const inds = done.project.tables[0].indicators;
    expect(inds.slice(0, 4).map((i) => [i.level2, i.name])).toEqual([['数量指标', 'a'], ['数量指标', 'b'], ['数量指标', 'c'], ['数量指标', 'd']]);
    expect(inds[4]).toEqual(p.tables[0].indicators[2]);
    expect(undo(done.project, done.history)!.project).toEqual(p);
  });

  it('a blank slot row appends to the group above it; typing there is a 1×1 paste', () => {
    const spacer = l.rowIndicators.findIndex((v, r) => r > l.matrixHeaderRow && v === null);
    expect(blankSlotPart(l, spacer, nameCell.col)).toBe('name');
    const plan = planPaste(p, 0, l, spacer, nameCell.col, [['新指标']]);
    expect(plan.inserted).toBe(1);
    const q = execute(p, emptyHistory(), plan.command!).project;
    expect(q.tables[0].indicators[2]).toMatchObject({ level2: '数量指标', name: '新指标' });
  });

  it('counts texts that fall on labels or outside the table instead of dropping them silently', () => {
    const plan = planPaste(p, 0, l, row, nameCell.col, [['x', '1次', '多出的一列']]);
    expect(plan).toMatchObject({ written: 2, skipped: 1 });
    const header = planPaste(p, 0, l, 1, 0, [['项目名称', '新名称']]);
    expect(header.skipped).toBe(1);
    expect(execute(p, emptyHistory(), header.command!).project.tables[0].projectName).toBe('新名称');
  });
});

describe('Excel TSV of the same merges', () => {
  it('a block empty at every covered column is read without those columns', () => {
    const p = projectOf(nxTable());
    const l = layout(p.tables[0], ctx);
    const name = l.cells.find((c) => c.binding?.path === 'indicators.0.name')!;
    const plan = planPaste(p, 0, l, name.row, name.col, [['观摩次数', '', '≥6次'], ['会议次数', '', '≥2次']]);
    expect(plan).toMatchObject({ written: 4, skipped: 0 });
    const q = execute(p, emptyHistory(), plan.command!).project;
    expect(q.tables[0].indicators[1]).toMatchObject({ name: '会议次数', value: { raw: '≥2次' } });
  });
});
