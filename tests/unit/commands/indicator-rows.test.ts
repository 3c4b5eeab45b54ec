import { describe, expect, it } from 'vitest';
import { deleteIndicatorsCommand, insertAnchorForRow, insertIndicatorCommand, moveIndicatorCommand } from '../../../shared/commands';
import { layout } from '../../../shared/layout';
import { ctx, hebeiTable, nxTable, projectOf, roundTrip } from './fixtures';

const spanOf = (p: ReturnType<typeof projectOf>, text: string, part: 'level1' | 'level2') =>
  layout(p.tables[0], ctx).cells.find((c) => c.binding?.part === part && c.text === text)!.rowspan;

describe('indicator row commands', () => {
  it('insert below in family C joins the same 二级 and the 一级/二级 merges grow', () => {
    const p = projectOf(hebeiTable());
    expect(spanOf(p, '产出指标', 'level1')).toBe(4);
    expect(spanOf(p, '数量指标', 'level2')).toBe(1);
    roundTrip(p, insertIndicatorCommand(p, 0, 0, 'below'), (q) => {
      const t = q.tables[0];
      expect(t.indicators).toHaveLength(7);
      expect(t.indicators[1]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '' });
      expect(t.indicators[2].name).toBe('足额发放率');
      expect(spanOf(q, '产出指标', 'level1')).toBe(5);
      expect(spanOf(q, '数量指标', 'level2')).toBe(2);
      const l = layout(t, ctx);
      expect(l.merges).toContainEqual({ row: l.matrixHeaderRow + 1, col: 0, rowspan: 5, colspan: 1 });
    });
  });

  it('insert above keeps the anchor row below the new one', () => {
    const p = projectOf(hebeiTable());
    roundTrip(p, insertIndicatorCommand(p, 0, 5, 'above'), (q) => {
      expect(q.tables[0].indicators[5]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', name: '' });
      expect(q.tables[0].indicators[6].name).toBe('村干部满意度');
    });
  });

  it('family A: a spacer row anchors below the last row of the 二级 above; the new slot is 指标3:', () => {
    const p = projectOf(nxTable());
    const l = layout(p.tables[0], ctx);
    const spacerRow = l.matrixHeaderRow + 3; // 数量指标: slot 1, slot 2, spacer
    expect(l.rowIndicators[spacerRow]).toBeNull();
    const anchor = insertAnchorForRow(l, spacerRow, 'above')!;
    expect(anchor).toEqual({ index: 1, where: 'below' });
    expect(insertAnchorForRow(l, l.matrixHeaderRow, 'below')).toBeNull();
    roundTrip(p, insertIndicatorCommand(p, 0, anchor.index, anchor.where), (q) => {
      const ql = layout(q.tables[0], ctx);
      expect(spanOf(q, '数量指标', 'level2')).toBe(4);
      expect(spanOf(q, '产出指标', 'level1')).toBe(13);
      const names = ql.cells.filter((c) => c.binding?.part === 'name').slice(0, 3).map((c) => c.text);
      expect(names).toEqual(['指标1: 召开人代会次数', '指标2:', '指标3:']);
    });
  });

  it('delete removes rows and shrinks merges; deleting a whole 二级 keeps one blank row', () => {
    const p = projectOf(hebeiTable());
    roundTrip(p, deleteIndicatorsCommand(p, 0, [1, 2]), (q) => {
      const t = q.tables[0];
      // 质量 and 时效 each had one row: they are cleared, not removed
      expect(t.indicators).toHaveLength(6);
      expect(t.indicators[1]).toMatchObject({ level2: '质量指标', name: '', value: { kind: 'empty' } });
      expect(t.indicators[2]).toMatchObject({ level2: '时效指标', name: '' });
    });
    const withExtra = projectOf(nxTable());
    roundTrip(withExtra, deleteIndicatorsCommand(withExtra, 0, [1]), (q) => {
      expect(q.tables[0].indicators).toHaveLength(withExtra.tables[0].indicators.length - 1);
      expect(spanOf(q, '数量指标', 'level2')).toBe(2);
      expect(spanOf(q, '产出指标', 'level1')).toBe(11);
    });
  });

  it('move down swaps within the 二级 group and refuses to leave it', () => {
    const p = projectOf(nxTable());
    roundTrip(p, moveIndicatorCommand(p, 0, 0, 'down'), (q) => {
      expect(q.tables[0].indicators[1].name).toBe('召开人代会次数');
      expect(q.tables[0].indicators[0].name).toBe('');
    });
    expect(moveIndicatorCommand(p, 0, 1, 'down')).toBeNull();
    expect(moveIndicatorCommand(p, 0, 0, 'up')).toBeNull();
  });

  it('inserting into a table without indicators uses the first category of the family', () => {
    const p = projectOf({ ...hebeiTable(), indicators: [] });
    roundTrip(p, insertIndicatorCommand(p, 0, 0, 'below'), (q) => {
      expect(q.tables[0].indicators).toEqual([expect.objectContaining({ level1: '产出指标', level2: '数量指标' })]);
    });
  });
});
