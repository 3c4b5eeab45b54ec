import { describe, expect, it } from 'vitest';
import { convertIndicatorMoney, convertMoneyUnitCommand } from '../../../shared/commands';
import { layout } from '../../../shared/layout';
import { parseIndicatorValue } from '../../../shared/values';
import { ctx, hebeiTable, nxTable, projectOf, roundTrip } from './fixtures';

describe('convert money unit', () => {
  it('万元 → 元 converts amounts and money values exactly; the unit line follows', () => {
    const p = projectOf(hebeiTable());
    roundTrip(p, convertMoneyUnitCommand(p, 0, 'yuan'), (q) => {
      const t = q.tables[0];
      expect(t.moneyUnit).toBe('yuan');
      expect(t.funds).toEqual({ total: 675400, fiscal: 675400, other: null });
      expect(t.indicators[3].value).toMatchObject({ raw: '≤675400元', number: 675400, unit: '元' });
      expect(t.indicators[0].value.raw).toBe('21个');
      expect(layout(t, ctx).cells.some((c) => c.text === '单位：元')).toBe(true);
    });
  });

  it('元 → 万元 keeps decimals exact (0.1 + 0.2 style noise never appears)', () => {
    const base = nxTable();
    const p = projectOf({ ...base, moneyUnit: 'yuan', funds: { total: 123456.78, fiscal: 100000.01, other: 23456.77 }, ownLevelFunds: { total: 3, fiscal: 0.3, other: null } });
    roundTrip(p, convertMoneyUnitCommand(p, 0, 'wanYuan'), (q) => {
      expect(q.tables[0].funds).toEqual({ total: 12.345678, fiscal: 10.000001, other: 2.345677 });
      expect(q.tables[0].ownLevelFunds).toEqual({ total: 0.0003, fiscal: 0.00003, other: null });
    });
    expect(convertMoneyUnitCommand(p, 0, 'yuan')).toBeNull();
  });

  it('keeps operator spelling and other units as written', () => {
    expect(convertIndicatorMoney(parseIndicatorValue('<=13158.93万元'), 'wanYuan', 'yuan').raw).toBe('<=131589300元');
    const unitCost = parseIndicatorValue('=3万元/个');
    expect(convertIndicatorMoney(unitCost, 'wanYuan', 'yuan')).toBe(unitCost);
    const other = parseIndicatorValue('≤1223946元');
    expect(convertIndicatorMoney(other, 'wanYuan', 'yuan')).toBe(other);
  });
});
