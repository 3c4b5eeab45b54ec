/**
 * insertLibraryEntriesCommand: 指标库 entries become rows of their 二级 (a blank slot first, else a
 * new row after the group, else before the next category), all in one undo step.
 */
import { describe, expect, it } from 'vitest';
import { insertLibraryEntriesCommand } from '../../../shared/commands';
import type { LibraryEntry } from '../../../shared/library';
import { hebeiTable, nxTable, projectOf, roundTrip } from './fixtures';

const entry = (level1: string, level2: string, name: string, operator: LibraryEntry['operator'], unit: string): LibraryEntry => ({
  level1, level2, name, initials: '', valueKind: 'quantitative', operator, unit, example: `${operator ?? ''}1${unit}`, projectKinds: ['其他'], count: 1,
});
const sat = entry('满意度指标', '服务对象满意度指标', '群众满意度', null, '%');
const villages = entry('产出指标', '数量指标', '行政村数量', null, '个');
const econ = entry('成本指标', '经济成本指标', '村干部工资标准', '＝', '元/月/人');

describe('insertLibraryEntriesCommand', () => {
  it('appends after the group in a full table, with the value template, as one undo step', () => {
    const project = projectOf(hebeiTable());
    const r = insertLibraryEntriesCommand(project, 0, [sat, villages]);
    expect(r.command?.label).toBe('从指标库插入 2 条指标');
    expect(r.skipped).toEqual([]);
    roundTrip(project, r.command, (p) => {
      const rows = p.tables[0].indicators.map((i) => `${i.level2}|${i.name}|${i.value.raw}`);
      expect(rows).toEqual([
        '数量指标|行政村数量|21个', '数量指标|行政村数量|__个', '质量指标|足额发放率|100%', '时效指标|发放及时率|100%', '成本指标|村干部工资|≤67.54万元',
        '社会效益指标|村级组织正常运转|正常运转', '服务对象满意度指标|村干部满意度|≥95%', '服务对象满意度指标|群众满意度|≥__%',
      ]);
    });
  });

  it('fills a blank slot of the group first (family A keeps its slot)', () => {
    const project = projectOf(nxTable());
    const blank = project.tables[0].indicators.findIndex((i) => i.level2 === '数量指标' && i.name === '');
    const r = insertLibraryEntriesCommand(project, 0, [villages]);
    roundTrip(project, r.command, (p) => {
      expect(p.tables[0].indicators).toHaveLength(project.tables[0].indicators.length);
      expect(p.tables[0].indicators[blank]).toMatchObject({ name: '行政村数量', value: { raw: '__个' } });
    });
    expect(r.firstIndex).toBe(blank);
  });

  it('skips entries whose 二级 the family lacks; nothing to do gives no command', () => {
    const project = projectOf(hebeiTable());
    const r = insertLibraryEntriesCommand(project, 0, [econ]);
    expect(r.command).toBeNull();
    expect(r.skipped).toEqual([econ]);
    expect(insertLibraryEntriesCommand(project, 5, [sat]).command).toBeNull();
  });

  it('puts the first row of a missing 二级 before the next category', () => {
    const t = hebeiTable();
    const project = projectOf({ ...t, indicators: t.indicators.filter((i) => i.level2 !== '时效指标') });
    const r = insertLibraryEntriesCommand(project, 0, [entry('产出指标', '时效指标', '发放及时率', '≥', '%')]);
    roundTrip(project, r.command, (p) => {
      expect(p.tables[0].indicators.map((i) => i.level2).slice(0, 4)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    });
  });
});
