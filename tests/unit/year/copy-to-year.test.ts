/**
 * 按上年新建 (shared/year): the sample project (闽宁镇 2024) copied into 2025 lists its year changes
 * and validates without new findings; 文号 and year ranges are left for review; amounts kept or cleared.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProjectFile } from '../../../shared/file/project-file';
import { createProject } from '../../../shared/model/create';
import { createTable } from '../../../shared/families/create-table';
import type { Project } from '../../../shared/model/types';
import { validateProject, type Finding } from '../../../shared/validation';
import { parseIndicatorValue } from '../../../shared/values/indicator-value';
import { copyProjectToYear, shiftProjectCodeYear, shiftYearInText } from '../../../shared/year';
import s2 from '../../fixtures/seeds/s2.project.json';

const sample = parseProjectFile(readFileSync(path.join(__dirname, '..', '..', '..', 'resources', 'sample.jxmb'), 'utf8')).project;
const key = (f: Finding) => `${f.tableIndex}|${f.ruleId}|${f.path}|${f.severity}`;

describe('shiftYearInText', () => {
  it('moves the year of a deadline, a name and a basis', () => {
    expect(shiftYearInText('2024年底', 2024, 2025).text).toBe('2025年底');
    expect(shiftYearInText('2024县级预算编制', 2024, 2025).text).toBe('2025县级预算编制');
    expect(shiftYearInText('20245人，2024 年全年', 2024, 2025).text).toBe('20245人，2025 年全年');
  });

  it('leaves 文号 and year ranges unchanged, for review', () => {
    const doc = shiftYearInText('怀财字【2024】7号村级组织运转经费', 2024, 2025);
    expect(doc.text).toBe('怀财字【2024】7号村级组织运转经费');
    expect(doc.edits).toEqual([{ at: 4, action: 'review', reason: '文号中的年份未改动，请核对是否有新文件' }]);
    expect(shiftYearInText('2022-2024年', 2024, 2025).edits[0].action).toBe('review');
    expect(shiftYearInText('2024年至2026年', 2024, 2025).edits[0].action).toBe('review');
  });

  it('in a value, only a year followed by 年 (a bare 2024 may be a count)', () => {
    expect(shiftYearInText('≥2024人', 2024, 2025, true).text).toBe('≥2024人');
    expect(shiftYearInText('2024年6月、2024年12月', 2024, 2025, true).text).toBe('2025年6月、2025年12月');
  });

  it('moves the year digits of a 河北 项目编码', () => {
    expect(shiftProjectCodeYear('13073024P00888510015C', 2024, 2025)).toBe('13073025P00888510015C');
    expect(shiftProjectCodeYear('13073023P00888510015C', 2024, 2025)).toBeNull();
    expect(shiftProjectCodeYear('', 2024, 2025)).toBeNull();
  });
});

describe('copyProjectToYear', () => {
  const { project, changes } = copyProjectToYear(sample, { toYear: 2025, amounts: 'keep' });

  it('按上年新建 of the sample gives a 2025 project with the listed year changes', () => {
    expect(project.meta.fiscalYear).toBe(2025);
    expect(project.tables).toHaveLength(sample.tables.length);
    expect(changes.map((c) => `${c.tableIndex ?? '-'} ${c.path}: ${c.before} → ${c.after} (${c.action})`)).toEqual([
      '- meta.fiscalYear: 2024 → 2025 (changed)',
      '- title: 2024年部门项目支出预算绩效目标表 → 2025年部门项目支出预算绩效目标表 (changed)',
      '0 indicators.5.value: 2024年底 → 2025年底 (changed)',
      '3 indicators.5.value: 2024年6月、2024年12月 → 2025年6月、2025年12月 (changed)',
      '10 indicators.4.value: 2024年年底 → 2025年年底 (changed)',
      '29 indicators.4.value: 2024年底 → 2025年底 (changed)',
    ]);
    expect(changes[1].where).toBe('标题（32 张表按预算年度生成）');
    expect(changes[2].where).toBe('“人大代表工作”的指标“会议安排时间”的指标值');
    for (const c of changes.slice(2)) {
      expect(c.where).toMatch(/^“.+”的/);
      const table = project.tables[c.tableIndex!];
      const idx = /^indicators\.(\d+)\.value$/.exec(c.path);
      if (idx) expect(table.indicators[Number(idx[1])].value).toEqual(parseIndicatorValue(c.after));
    }
    expect(JSON.stringify(project)).not.toMatch(/2024年/);
  });

  it('keeps the indicators and the amounts', () => {
    project.tables.forEach((t, i) => {
      expect(t.indicators.map((x) => x.name)).toEqual(sample.tables[i].indicators.map((x) => x.name));
      expect(t.funds).toEqual(sample.tables[i].funds);
    });
  });

  it('validates without new findings (nothing the 2024 project did not already have)', () => {
    const before = new Set(validateProject(sample).map(key));
    const fresh = validateProject(project).filter((f) => !before.has(key(f)));
    expect(fresh.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('clears the amounts when asked, listing each table whose amounts were cleared', () => {
    const cleared = copyProjectToYear(sample, { toYear: 2025, amounts: 'clear' });
    for (const t of cleared.project.tables) {
      expect(t.funds).toEqual({ total: null, fiscal: null, other: null });
      expect(t.ownLevelFunds).toEqual({ total: null, fiscal: null, other: null });
      expect(t.amountTexts).toEqual({});
    }
    expect(cleared.changes.filter((c) => c.path === 'funds').length).toBe(sample.tables.filter((t) => t.funds.total != null).length);
  });

  it('copies only the chosen tables, and lists 文号 for review (河北 seed)', () => {
    const hebei = s2 as unknown as Project;
    const one = copyProjectToYear(hebei, { toYear: 2025, amounts: 'keep' }, [1]);
    expect(one.project.tables).toHaveLength(1);
    expect(one.project.tables[0].projectName).toBe(hebei.tables[1].projectName);
    const review = one.changes.filter((c) => c.action === 'review');
    expect(review.some((c) => c.path === 'projectName' && /文号/.test(c.reason!))).toBe(true);
    expect(one.changes.some((c) => c.action === 'changed' && /^indicators\.\d+\.basis$/.test(c.path) && c.after.includes('2025'))).toBe(true);
  });

  it('refuses a project without 预算年度 or a copy into the same year', () => {
    const blank = { ...createProject(), tables: [createTable('hebei')] };
    expect(() => copyProjectToYear(blank, { toYear: 2025, amounts: 'keep' })).toThrow(RangeError);
    expect(() => copyProjectToYear(sample, { toYear: 2024, amounts: 'keep' })).toThrow(RangeError);
  });
});
