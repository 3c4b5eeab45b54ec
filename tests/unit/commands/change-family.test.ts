import { describe, expect, it } from 'vitest';
import { changeFamilyCommand, mapCategory, planFamilyChange } from '../../../shared/commands';
import { getFamily } from '../../../shared/families';
import { layout } from '../../../shared/layout';
import { ctx, hebeiTable, nxTable, projectOf, roundTrip } from './fixtures';

describe('change family', () => {
  it('maps categories by name and alias, across 一级 when needed', () => {
    const d = getFamily('jx-2024');
    expect(mapCategory(d, '产出指标', '成本指标')).toEqual({ level1: '成本指标', level2: '经济成本指标' });
    expect(mapCategory(d, '满意度', '服务对象满意度')).toEqual({ level1: '满意度指标', level2: '服务对象满意度指标' });
    expect(mapCategory(getFamily('hebei'), '成本指标', '经济成本指标')).toEqual({ level1: '产出指标', level2: '成本指标' });
    expect(mapCategory(d, '效益指标', '可持续影响指标')).toBeNull();
  });

  it('C → D: 成本 moves to the first 一级, description/basis and 项目编码 are reported as lost', () => {
    const p = projectOf(hebeiTable());
    const result = changeFamilyCommand(p, 0, 'jx-2024')!;
    expect(result.lost.some((l) => l.includes('项目编码'))).toBe(true);
    expect(result.lost.some((l) => l.includes('资金支出计划'))).toBe(true);
    expect(result.lost.some((l) => l.includes('绩效指标描述'))).toBe(true);
    roundTrip(p, result.command, (q) => {
      const t = q.tables[0];
      expect(t.family).toBe('jx-2024');
      expect(t.indicators[0]).toMatchObject({ level1: '成本指标', level2: '经济成本指标', name: '村干部工资' });
      expect(t.funds).toEqual({ total: 67.54, fiscal: 67.54, other: null, carryover: null });
      expect(t.spendingPlan).toBeNull();
      expect(t.indicators.every((i) => i.description === '' && i.basis === '')).toBe(true);
      const l = layout(t, ctx);
      expect(l.level1Groups.map((g) => g.level1)).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标']);
    });
  });

  it('A → B keeps 项目属性/项目期; 含本级 column is reported', () => {
    const plan = planFamilyChange(nxTable(), 'nx-2022');
    expect(plan.table.projectAttribute).toBe('续建项目');
    expect(plan.table.ownLevelFunds).toBeNull();
    expect(plan.lost).toContain('项目资金（含本级）一栏');
    expect(plan.table.indicators.filter((i) => i.name !== '').map((i) => i.name)).toEqual(['召开人代会次数', '会议完成率', '会议经费']);
  });

  it('C → A: rows whose category has no place stay with their category and are reported', () => {
    const table = { ...hebeiTable(), indicators: [...hebeiTable().indicators] };
    const plan = planFamilyChange({ ...table, indicators: [...table.indicators, { ...table.indicators[4], level2: '环保' }] }, 'nx-2024');
    expect(plan.lost.some((l) => l.includes('环保'))).toBe(true);
    expect(plan.table.indicators[plan.table.indicators.length - 1].level2).toBe('环保');
  });

  it('same family is a no-op', () => {
    expect(changeFamilyCommand(projectOf(hebeiTable()), 0, 'hebei')).toBeNull();
  });
});
