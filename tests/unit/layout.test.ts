import { describe, expect, it } from 'vitest';
import { createTable } from '../../shared/families/create-table';
import { layout } from '../../shared/layout';
import { FAMILY_IDS } from '../../shared/model/types';

const ctx = { fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府' };

describe('layout', () => {
  it.each(FAMILY_IDS)('covers every grid position exactly once for a new %s table', (family) => {
    const l = layout(createTable(family), ctx);
    const seen = new Map<string, number>();
    for (const c of l.cells) {
      for (let r = c.row; r < c.row + c.rowspan; r++) {
        for (let k = c.col; k < c.col + c.colspan; k++) seen.set(`${r},${k}`, (seen.get(`${r},${k}`) ?? 0) + 1);
      }
    }
    expect(seen.size).toBe(l.rowCount * l.colCount);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('family A: 产出 spans 12 rows (4 二级 × (2 slots + spacer)), 满意度 3', () => {
    const l = layout(createTable('nx-2024'), ctx);
    expect(l.level1Groups.map((g) => [g.level1, g.endRow - g.startRow + 1])).toEqual([
      ['产出指标', 12], ['效益指标', 12], ['满意度指标', 3],
    ]);
    const names = l.cells.filter((c) => c.binding?.part === 'name').map((c) => c.text);
    expect(names.slice(0, 2)).toEqual(['指标1:', '指标2:']);
    expect(l.title).toBe('2024年部门项目支出预算绩效目标表');
  });
});
