import { describe, expect, it } from 'vitest';
import { indicatorRuns, level1RunOf, level2RunOf, positionInRun, slotPrefix } from '../../shared/layout/indicator-runs';

const rows = (spec: string) => spec.split(' ').map((pair) => ({ level1: pair[0], level2: pair[1] }));

describe('indicatorRuns', () => {
  it('splits consecutive 一级 runs into consecutive 二级 runs, never reordering', () => {
    // a·x a·x a·y b·y b·y a·x : the same 二级 text under another 一级 is another run; a returns later as a new run
    const runs = indicatorRuns(rows('ax ax ay by by ax'));
    expect(runs.level1.map((r) => [r.level1, r.start, r.end])).toEqual([['a', 0, 3], ['b', 3, 5], ['a', 5, 6]]);
    expect(runs.level2.map((r) => [r.level2, r.start, r.end])).toEqual([['x', 0, 2], ['y', 2, 3], ['y', 3, 5], ['x', 5, 6]]);
    expect(runs.level1[0].level2Runs).toEqual([runs.level2[0], runs.level2[1]]);
    expect([...runs.level2Of]).toEqual([0, 0, 1, 2, 2, 3]);
    expect([...runs.level1Of]).toEqual([0, 0, 0, 1, 1, 2]);
    expect([0, 1, 2, 3, 4, 5].map((i) => positionInRun(runs, i))).toEqual([0, 1, 0, 0, 1, 0]);
    expect(level2RunOf(runs, 4)).toBe(runs.level2[2]);
    expect(level1RunOf(runs, 4)).toBe(runs.level1[1]);
  });

  it('has no runs for an empty list and compares texts exactly', () => {
    expect(indicatorRuns([])).toMatchObject({ level1: [], level2: [] });
    expect(indicatorRuns([{ level1: '产出指标', level2: '数量' }, { level1: '产出指标 ', level2: '数量' }]).level1).toHaveLength(2);
  });

  it('is memoised per array object', () => {
    const list = rows('ax ay');
    expect(indicatorRuns(list)).toBe(indicatorRuns(list));
    expect(indicatorRuns([...list])).not.toBe(indicatorRuns(list));
  });

  it('numbers family A slots from 指标1:', () => {
    expect([slotPrefix(0), slotPrefix(9)]).toEqual(['指标1:', '指标10:']);
  });
});
