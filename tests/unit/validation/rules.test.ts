import { describe, expect, it } from 'vitest';
import { FAMILY_IDS } from '../../../shared/model/types';
import { parseIndicatorValue } from '../../../shared/values/indicator-value';
import { RULES, validateProject } from '../../../shared/validation';
import { FUND_COST_CASES, QUA_HDR_CASES, STR_CASES, VAL_CASES, type RuleCase } from './cases';
import { findings, goodTable, projectOf } from './fixtures';

const ALL: readonly RuleCase[] = [...STR_CASES, ...FUND_COST_CASES, ...VAL_CASES, ...QUA_HDR_CASES];

describe('clean tables of every family validate without findings', () => {
  it.each(FAMILY_IDS)('%s', (family) => {
    expect(validateProject(projectOf(goodTable(family))).map((f) => `${f.ruleId} ${f.path} ${f.message}`)).toEqual([]);
  });

  it('D and E together (FUND-04 Σ = 项目支出) validate without findings', () => {
    const dept = goodTable('jx-department');
    const d = goodTable('jx-2024');
    const p = projectOf(dept, { ...d, funds: { total: 10254.47, fiscal: 10254.47, other: 0, carryover: 0 } });
    expect(validateProject(p).filter((f) => f.ruleId === 'FUND-04')).toEqual([]);
  });
});

describe('every rule of the catalogue has a case', () => {
  it('all 54 rule ids', () => {
    const covered = new Set(ALL.map((c) => c.id));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
    expect(RULES).toHaveLength(54);
  });
});

describe.each(ALL.map((c) => [`${c.id} ${c.what}`, c] as const))('%s', (_label, c) => {
  it('fires on the defect', () => {
    const found = findings(c.make(), c.id, c.settings);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].message).toMatch(/[\u4e00-\u9fa5]/);
    if (c.severity) expect(found[0].severity).toBe(c.severity);
  });

  it('is silent on the clean table of the family', () => {
    expect(findings(projectOf(goodTable(c.family)), c.id, c.settings)).toEqual([]);
  });

  if (c.fix) {
    it('its fix removes the finding and keeps values parsed', () => {
      let project = c.make();
      for (let round = 0; round < 5; round++) {
        const f = findings(project, c.id).find((x) => x.fix);
        if (!f) break;
        const before = project.tables[f.tableIndex];
        const snapshot = JSON.stringify(before);
        const after = f.fix!.apply(before);
        expect(after).not.toBe(before);
        expect(JSON.stringify(before)).toBe(snapshot); // pure: the input table is untouched
        for (const ind of after.indicators) expect(ind.value).toEqual(parseIndicatorValue(ind.value.raw));
        project = { ...project, tables: project.tables.map((t, i) => (i === f.tableIndex ? after : t)) };
      }
      expect(findings(project, c.id)).toEqual([]);
    });
  }
});
