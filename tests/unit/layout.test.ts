import { describe, expect, it } from 'vitest';
import { createTable } from '../../shared/families/create-table';
import { layout, MM_PER_PT, textUnits, UNITS_PER_EM, wrappedLineCount, wrappedLines } from '../../shared/layout';
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

describe('row heights: the one text measure of layout and print', () => {
  const texts = ['服务对象满意度指标', '一二三，四五', 'abcdefgh abcdefgh', '≥95% 群众满意度（%）', '13073024P00888510015C', '第一行\n第二行', ''];

  it('wraps a text in as many lines in the grid as print does in a box of the same width in em', () => {
    const emMm = 10.5 * MM_PER_PT;
    for (const text of texts) {
      for (const em of [2.3, 3.5, 5.1, 8.45, 12.2]) { // away from token-width boundaries (float rounding)
        // a layout column of `units` leaves (units - 1) / UNITS_PER_EM em for text; print keeps 4% slack
        const units = 1 + em * UNITS_PER_EM;
        expect(wrappedLines(text, units), `${text} @ ${em} em`).toBe(wrappedLineCount(text, (em * emMm) / 0.96, 10.5));
      }
    }
  });

  it('measures ASCII narrower than CJK, keeps closing punctuation with its character and wraps at spaces', () => {
    expect(textUnits('≥')).toBe(UNITS_PER_EM);
    expect(textUnits('ab')).toBeCloseTo(2 * 0.62 * UNITS_PER_EM);
    // 4.1 em wide: 「一二三，」 fits on one line; 「一二三四，」 moves 「四，」 down together
    expect(wrappedLines('一二三，', 1 + 4.1 * UNITS_PER_EM)).toBe(1);
    expect(wrappedLines('一二三四，', 1 + 4.1 * UNITS_PER_EM)).toBe(2);
    expect(wrappedLines('一二三四五', 1 + 4.1 * UNITS_PER_EM)).toBe(2);
    // two 8-letter words (4.96 em each, 10.27 em with the space) do not share a 9.5 em line
    expect(wrappedLines('abcdefgh abcdefgh', 1 + 9.5 * UNITS_PER_EM)).toBe(2);
    expect(wrappedLines('abcdefgh abcdefgh', 1 + 10.5 * UNITS_PER_EM)).toBe(1);
  });
});
