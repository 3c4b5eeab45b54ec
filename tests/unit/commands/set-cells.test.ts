import { describe, expect, it } from 'vitest';
import { emptyHistory, execute, pasteBlockCommand, setCellsCommand, undo } from '../../../shared/commands';
import { editableAnchorAt } from '../../../shared/layout/cell-index';
import { layout } from '../../../shared/layout';
import { ctx, hebeiTable, nxTable, projectOf, roundTrip } from './fixtures';

function bindingAt(p: ReturnType<typeof projectOf>, t: number, text: string) {
  const l = layout(p.tables[t], ctx);
  const label = l.cells.find((c) => c.text === text)!;
  return { l, label };
}

describe('set-cells command', () => {
  it('sets a text field (项目名称) through the layout binding, one undo step', () => {
    const p = projectOf(hebeiTable());
    const l = layout(p.tables[0], ctx);
    const cell = l.cells.find((c) => c.binding?.path === 'projectName')!;
    expect(cell.text).toBe('官厅镇村干部工资');
    roundTrip(p, setCellsCommand(p, 0, [{ binding: cell.binding!, text: '官厅镇村干部工资（2024）' }]), (q) => {
      expect(q.tables[0].projectName).toBe('官厅镇村干部工资（2024）');
      expect(layout(q.tables[0], ctx).cells.find((c) => c.binding?.path === 'projectName')!.text).toBe('官厅镇村干部工资（2024）');
    });
  });

  it('re-parses an indicator value typed as text (>=95% → quantitative ≥ 95 %)', () => {
    const p = projectOf(hebeiTable());
    const l = layout(p.tables[0], ctx);
    const cell = l.cells.find((c) => c.binding?.path === 'indicators.5.value')!;
    roundTrip(p, setCellsCommand(p, 0, [{ binding: cell.binding!, text: '>=98%' }]), (q) => {
      expect(q.tables[0].indicators[5].value).toEqual({ raw: '>=98%', kind: 'quantitative', operator: '≥', number: 98, unit: '%' });
      expect(q.tables[1]).toBeUndefined();
    });
  });

  it('reads amounts in the table unit; 4万元 in a 万元 table is 4 and irregular text is not kept', () => {
    const p = projectOf(nxTable());
    const cell = layout(p.tables[0], ctx).cells.find((c) => c.binding?.path === 'funds.total')!;
    roundTrip(p, setCellsCommand(p, 0, [{ binding: cell.binding!, text: '5.5万元' }]), (q) => {
      expect(q.tables[0].funds.total).toBe(5.5);
      expect(q.tables[0].amountTexts).toEqual({});
    });
  });

  it('keeps unreadable amount text in amountTexts instead of losing it', () => {
    const p = projectOf(nxTable());
    const cell = layout(p.tables[0], ctx).cells.find((c) => c.binding?.path === 'funds.other')!;
    roundTrip(p, setCellsCommand(p, 0, [{ binding: cell.binding!, text: '约三万' }]), (q) => {
      expect(q.tables[0].funds.other).toBeNull();
      expect(q.tables[0].amountTexts['funds.other']).toBe('约三万');
      expect(layout(q.tables[0], ctx).cells.find((c) => c.binding?.path === 'funds.other')!.text).toBe('约三万');
    });
  });

  it('strips a typed 「指标N:」 prefix from family A names; the layout prints the slot prefix', () => {
    const p = projectOf(nxTable());
    const cell = layout(p.tables[0], ctx).cells.find((c) => c.binding?.path === 'indicators.1.name')!;
    expect(cell.text).toBe('指标2:');
    roundTrip(p, setCellsCommand(p, 0, [{ binding: cell.binding!, text: '指标2: 培训代表人次' }]), (q) => {
      expect(q.tables[0].indicators[1].name).toBe('培训代表人次');
      expect(layout(q.tables[0], ctx).cells.find((c) => c.binding?.path === 'indicators.1.name')!.text).toBe('指标2: 培训代表人次');
    });
  });

  it('renaming a 二级 cell renames every row of that group', () => {
    const p = projectOf(nxTable());
    const cell = layout(p.tables[0], ctx).cells.find((c) => c.binding?.part === 'level2' && c.text === '质量指标')!;
    roundTrip(p, setCellsCommand(p, 0, [{ binding: cell.binding!, text: '质量' }]), (q) => {
      expect(q.tables[0].indicators.slice(2, 4).map((i) => i.level2)).toEqual(['质量', '质量']);
      expect(q.tables[0].indicators[4].level2).toBe('时效指标');
    });
  });

  it('returns null when nothing changes, and no history entry is made', () => {
    const p = projectOf(hebeiTable());
    const cell = layout(p.tables[0], ctx).cells.find((c) => c.binding?.path === 'projectName')!;
    expect(setCellsCommand(p, 0, [{ binding: cell.binding!, text: '官厅镇村干部工资' }])).toBeNull();
  });

  it('a paste of a 2×3 block from Excel is one undo step and skips labels and covered cells', () => {
    const p = projectOf(hebeiTable());
    const { l, label } = bindingAt(p, 0, '三级指标');
    // Matrix body starts on the row after the header; paste name | description (2 cols merged) | value
    const row = label.row + 1;
    expect(editableAnchorAt(l, row, 2)?.binding?.path).toBe('indicators.0.name');
    const block = [['行政村个数', '经费保障村数', '', '≥21个'], ['发放到位率', '发放到位', '', '100%']];
    const cmd = pasteBlockCommand(p, 0, l, row, 2, block);
    const done = execute(p, emptyHistory(), cmd!);
    expect(done.history.undo).toHaveLength(1);
    const t = done.project.tables[0];
    expect(t.indicators[0]).toMatchObject({ name: '行政村个数', description: '经费保障村数', value: { operator: '≥', number: 21, unit: '个' } });
    expect(t.indicators[1]).toMatchObject({ name: '发放到位率', description: '发放到位', value: { number: 100, unit: '%' } });
    expect(t.indicators[0].basis).toBe('年度工作计划');
    const back = undo(done.project, done.history)!;
    expect(back.project).toEqual(p);
  });

  it('percent fields of 资金支出计划 accept 30% and 30', () => {
    const p = projectOf(hebeiTable());
    const l = layout(p.tables[0], ctx);
    const march = l.cells.find((c) => c.binding?.path === 'spendingPlan.march')!;
    const june = l.cells.find((c) => c.binding?.path === 'spendingPlan.june')!;
    roundTrip(p, setCellsCommand(p, 0, [{ binding: march.binding!, text: '30%' }, { binding: june.binding!, text: '60' }]), (q) => {
      expect(q.tables[0].spendingPlan).toEqual({ march: 30, june: 60, october: 75, december: 100 });
    });
  });
});
