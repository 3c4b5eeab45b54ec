import { describe, expect, it } from 'vitest';
import { layout } from '../../../shared/layout';
import { parseValidationSettings, validateProject, validateTable } from '../../../shared/validation';
import { extractMoneyMentions } from '../../../shared/values/money-mentions';
import { isControlledQualitative, isTimeExpression } from '../../../shared/values/qualitative';
import { stripMarkup } from '../../../shared/values/markup';
import { findings, goodTable, projectOf, rowOf, withRow } from './fixtures';

describe('extractMoneyMentions (COST-01 money inside 定性 text)', () => {
  it('S1 l.48 「费 3.58 万元、保养维修 4.54 万元、看护费 7.84 万元」', () => {
    expect(extractMoneyMentions('费 3.58 万元、保养维修 4.54 万元、看护费 7.84 万元').map((m) => [m.amount, m.word, m.perUnit]))
      .toEqual([[3.58, '万元', false], [4.54, '万元', false], [7.84, '万元', false]]);
  });
  it('marks rates: 「每人每年 2.5 万元」, 「各 1 万元」, 「3万/个」; ignores 「6.6万人」', () => {
    expect(extractMoneyMentions('经费 100 万元，每人每年 2.5 万元').map((m) => m.perUnit)).toEqual([false, true]);
    expect(extractMoneyMentions('水电费各 1 万元')[0].perUnit).toBe(true);
    expect(extractMoneyMentions('3万/个')[0]).toMatchObject({ amount: 3, word: '万元', bareWan: true, perUnit: true });
    expect(extractMoneyMentions('受益 6.6万人')).toEqual([]);
    expect(extractMoneyMentions('9,139.15元')[0].amount).toBe(9139.15);
  });
});

describe('qualitative vocabulary and markup', () => {
  it('graded wording is controlled, sentences are not', () => {
    expect(isControlledQualitative('明显提升')).toBe(true);
    expect(isControlledQualitative('效果显著')).toBe(true);
    expect(isControlledQualitative('提升居民健康，提高生活水平')).toBe(false);
    expect(isControlledQualitative('按需购买', ['按需购买'])).toBe(true);
  });
  it('time expressions', () => {
    expect(isTimeExpression('2024年底')).toBe(true);
    expect(isTimeExpression('4 月—9 月')).toBe(true);
    expect(isTimeExpression('长效机制')).toBe(false);
  });
  it('stripMarkup removes <p>, <b> and LaTeX', () => {
    expect(stripMarkup('<p>目标1：甲。</p> <p>目标2：乙。</p>')).toBe('目标1：甲。\n目标2：乙。');
    expect(stripMarkup('$\\geq 90\\%$')).toBe('≥90%');
  });
});

describe('findings carry the A1 cell of the official layout', () => {
  it('value cell of a family B row and the header amount cell', () => {
    const t = withRow(goodTable('nx-2022'), '质量指标', { raw: '≧95%' });
    const p = projectOf(t);
    const f = findings(p, 'VAL-01')[0];
    const cell = layout(t, p.meta).cells.find((c) => c.binding?.path === `indicators.${rowOf(t, '质量指标')}.value`)!;
    expect(f.cell).toBe(`E${cell.row + 1}`);
    const money = findings(projectOf({ ...goodTable('nx-2022'), funds: { total: 106, fiscal: 106, other: null } }), 'FUND-05')[0];
    expect(money.cell).toBe('C6'); // 年度资金总额: C6:E6 in family B
  });
  it('sorted by table, then severity, then layout row', () => {
    const bad = withRow(withRow({ ...goodTable('jx-2024'), supervisingDepartment: '' }, '质量指标', { raw: '≥95百分比' }), '时效指标', { raw: '长期' });
    const fs = validateProject(projectOf(goodTable('jx-2024'), bad));
    expect(fs.every((f) => f.tableIndex === 1)).toBe(true);
    const order = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < fs.length; i++) expect(order[fs[i].severity]).toBeGreaterThanOrEqual(order[fs[i - 1].severity]);
    expect(fs[0].ruleId).toBe('STR-01');
  });
  it('validateTable runs table rules only and rejects a bad index', () => {
    const p = projectOf({ ...goodTable('jx-2024'), projectName: '招商引资经费' }, { ...goodTable('jx-2024'), projectName: '招商引资经费1' });
    expect(validateTable(p, 1).some((f) => f.ruleId === 'QUA-05')).toBe(false);
    expect(validateProject(p).some((f) => f.ruleId === 'QUA-05')).toBe(true);
    expect(() => validateTable(p, 5)).toThrow(RangeError);
  });
});

describe('settings', () => {
  const t = withRow(goodTable('jx-2024'), '质量指标', { raw: '提升居民健康，提高生活水平，改善人口素质，促进和谐' });
  it('per-rule severity and enabled overrides from a settings file', () => {
    const settings = parseValidationSettings({ rules: { 'VAL-07': { severity: 'info' }, 'QUA-03': { enabled: false } } });
    expect(findings(projectOf(t), 'VAL-07')[0].severity).toBe('warning');
    expect(findings(projectOf(t), 'VAL-07', settings)[0].severity).toBe('info');
    expect(findings(projectOf(t), 'VAL-07', { rules: { 'VAL-07': { enabled: false } } })).toEqual([]);
  });
  it('rejects malformed settings with a Chinese message', () => {
    expect(() => parseValidationSettings({ rules: { 'VAL-7': {} } })).toThrow(/校验设置文件格式不正确/);
    expect(() => parseValidationSettings({ rules: { 'VAL-07': { severity: 'fatal' } } })).toThrow(/VAL-07/);
  });
  it('carryoverInTotal knob (FUND-01, family D)', () => {
    const d = { ...goodTable('jx-2024'), funds: { total: 4, fiscal: 3, other: 0, carryover: 1 } };
    expect(findings(projectOf(d), 'FUND-01')).toEqual([]);
    expect(findings(projectOf(d), 'FUND-01', { carryoverInTotal: false }).length).toBe(1);
  });
  it('level3MaxLength knob (QUA-06) and vocabulary (VAL-07)', () => {
    const c = withRow(goodTable('hebei'), '质量指标', { name: '会议安排成功率达标', description: '会议安排成功率达标情况' });
    expect(findings(projectOf(c), 'QUA-06')).toEqual([]);
    expect(findings(projectOf(c), 'QUA-06', { level3MaxLength: 8 }).map((f) => f.path)).toContain(`indicators.${rowOf(c, '质量指标')}.name`);
    const q = withRow(goodTable('jx-2024'), '质量指标', { raw: '按需购买' });
    const path = `indicators.${rowOf(q, '质量指标')}.value`;
    expect(findings(projectOf(q), 'VAL-07').map((f) => f.path)).toEqual([path]);
    expect(findings(projectOf(q), 'VAL-07', { qualitativeVocabulary: ['按需购买'] }).map((f) => f.path)).not.toContain(path);
  });
});
