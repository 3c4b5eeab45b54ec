import { describe, expect, it } from 'vitest';
import {
  convertMoney, formatIndicatorValue, isValidUnit, moneyEquals, moneyUnitOf, parseAmount, parseIndicatorValue, sumMoney,
} from '../../shared/values';

const q = (raw: string) => {
  const v = parseIndicatorValue(raw);
  return [v.kind, v.operator, v.number, v.unit];
};

describe('指标值 grammar (DOMAIN.md §2.4)', () => {
  it.each([
    // seed spellings → canonical operator, number, unit
    ['≥98%', ['quantitative', '≥', 98, '%']],
    ['≧95%', ['quantitative', '≥', 95, '%']], // S1 l.212
    ['不少于 10 次', ['quantitative', '≥', 10, '次']], // S1 l.227
    ['<=13158.93万元', ['quantitative', '≤', 13158.93, '万元']], // S3 l.24
    ['$\\leq 1000000$ 元', ['quantitative', '≤', 1000000, '元']], // S3 l.205
    ['95%以上', ['quantitative', '≥', 95, '%']],
    ['=3600元/人/年', ['quantitative', '＝', 3600, '元/人/年']], // S3 l.356
    ['≥95百分比', ['quantitative', '≥', 95, '百分比']], // S2 l.344: parsed, VAL-02 rejects the unit
    ['0.98', ['quantitative', null, 0.98, '']], // S0 l.100: bare decimal
    ['9,139.15元', ['quantitative', null, 9139.15, '元']],
  ])('%s', (raw, expected) => {
    expect(q(raw)).toEqual(expected);
  });

  it.each(['显著', '2024年底', '12月底前', '6月30日前', '4月—9月', '费 3.58 万元、保养维修 4.54 万元、看护费 7.84 万元', '长效机制'])(
    '%s is qualitative',
    (raw) => expect(parseIndicatorValue(raw).kind).toBe('qualitative'),
  );

  it('keeps raw text and formats the canonical form', () => {
    const v = parseIndicatorValue('  >= 95 % ');
    expect(v.raw).toBe('  >= 95 % ');
    expect(formatIndicatorValue(v)).toBe('≥95%');
    expect(parseIndicatorValue('').kind).toBe('empty');
  });
});

describe('units and money', () => {
  it('whitelists real units and rejects words that are not units (VAL-02)', () => {
    for (const u of ['%', '人次', '万元', '元/人·月', '万元/个', '平方米', '个月']) expect(isValidUnit(u)).toBe(true);
    for (const u of ['百分比', '百分百', '完成天数', '', '清洁天数']) expect(isValidUnit(u)).toBe(false);
    expect(moneyUnitOf('元/台')).toEqual({ word: '元', kind: 'unitCost' });
    expect(moneyUnitOf('万元')).toEqual({ word: '万元', kind: 'total' });
    expect(moneyUnitOf('人')).toBeNull();
  });

  it('adds and converts exactly: 3.58 + 4.54 + 7.84 万元 = 159600 元 (S1 康家湖南湖, COST-01)', () => {
    const sum = sumMoney([3.58, 4.54, 7.84]);
    expect(sum.toString()).toBe('15.96');
    expect(convertMoney(sum, '万元', '元').toString()).toBe('159600');
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(moneyEquals(sumMoney([0.1, 0.2]), 0.3, 0)).toBe(true);
  });

  it('reads amounts typed as text into the table unit (FUND-06)', () => {
    expect(parseAmount('4万元', 'wanYuan')).toEqual({ value: 4, irregular: true, unreadable: false });
    expect(parseAmount('9,139.15', 'wanYuan')).toEqual({ value: 9139.15, irregular: true, unreadable: false });
    expect(parseAmount('90.00', 'wanYuan')).toEqual({ value: 90, irregular: false, unreadable: false });
    expect(parseAmount('40000元', 'wanYuan').value).toBe(4);
    expect(parseAmount('2.8万', 'yuan').value).toBe(28000);
    expect(parseAmount('约五万', 'wanYuan')).toEqual({ value: null, irregular: true, unreadable: true });
    expect(parseAmount(106, 'yuan')).toEqual({ value: 106, irregular: false, unreadable: false });
  });
});
