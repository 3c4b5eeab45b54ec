import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTableLikeCommand, changeFamilyCommand, setCellsCommand } from '../../../shared/commands';
import { layout } from '../../../shared/layout';
import type { Project } from '../../../shared/model/types';
import { roundTrip } from './fixtures';

/** Commands on learned layouts: 新建表 in the layout, edits of learned fields, leaving for a built-in family. */
const golden = (id: string): Project =>
  (JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'outside', `${id}.golden.json`), 'utf8')) as { project: Project }).project;

describe('learned layouts: commands', () => {
  it('新建表 in a learned layout: same template, one blank row per observed 二级 in both blocks, labels kept, values empty', () => {
    const p = golden('88-shenbao');
    roundTrip(p, addTableLikeCommand(p, 0, 1)!, (q) => {
      const t = q.tables[1];
      expect(t.family).toBe('learned');
      expect(t.template).toBe(p.tables[0].template);
      expect([t.projectName, t.projectLeader ?? '', t.funds.total]).toEqual(['', '', null]);
      expect(t.indicators.map((i) => i.level2)).toEqual(p.tables[0].template!.categories.flatMap((c) => c.level2.map((l) => l.name)));
      expect(t.longTermIndicators?.length).toBe(t.indicators.length);
      expect(layout(t, q.meta).cells.some((c) => c.text === '长期绩效指标')).toBe(true);
    });
    expect(addTableLikeCommand(p, 9)).toBeNull();
  });

  it('edits a split value cell, its 度量单位, a 项目起止时间 cell and a ★ mark, each undoable', () => {
    const p = golden('101-core');
    const cells = layout(p.tables[0], p.meta).cells;
    const at = (path: string) => cells.find((c) => c.binding?.path === path)!.binding!;
    roundTrip(p, setCellsCommand(p, 0, [{ binding: at('indicators.3.value'), text: '20' }])!, (q) => {
      expect(q.tables[0].indicators[3].value.raw).toBe('＝20个');
    });
    roundTrip(p, setCellsCommand(p, 0, [{ binding: at('indicators.3.measureUnit'), text: '村' }])!, (q) => {
      expect([q.tables[0].indicators[3].measureUnit, q.tables[0].indicators[3].value.raw]).toEqual(['村', '＝18村']);
    });
    const s = golden('88-shenbao');
    const dates = layout(s.tables[0], s.meta).cells.find((c) => c.binding?.path === 'projectDates')!.binding!;
    roundTrip(s, setCellsCommand(s, 0, [{ binding: dates, text: '2025年2月至2025年11月' }])!, (q) => {
      expect([q.tables[0].projectStart, q.tables[0].projectEnd]).toEqual(['2025年2月', '2025年11月']);
    });
    const name = layout(s.tables[0], s.meta).cells.find((c) => c.binding?.path === 'longTermIndicators.0.name')!.binding!;
    roundTrip(s, setCellsCommand(s, 0, [{ binding: name, text: '★保障村级组织数量' }])!, (q) => {
      expect(q.tables[0].longTermIndicators![0]).toMatchObject({ name: '保障村级组织数量', core: true });
    });
  });

  it('moving a learned table to a built-in family lists what the family cannot hold', () => {
    const p = golden('88-shenbao');
    const result = changeFamilyCommand(p, 0, 'nx-2022')!;
    expect(result.lost).toEqual(expect.arrayContaining([expect.stringContaining('项目负责人'), expect.stringContaining('长期绩效指标'), '中期资金']));
    expect(changeFamilyCommand(p, 0, 'learned')).toBeNull();
  });
});
