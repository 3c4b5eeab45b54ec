import { describe, expect, it } from 'vitest';
import { applyFixCommand, applyFixesCommand, emptyHistory, execute, undo } from '../../../shared/commands';
import { plainEqual } from '../../../shared/model/plain-equal';
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
    it('its fix is plain data whose command removes the finding, keeps values parsed and undoes exactly', () => {
      let project = c.make();
      for (let round = 0; round < 5; round++) {
        const f = findings(project, c.id).find((x) => x.fix);
        if (!f) break;
        const fix = f.fix!;
        // Plain, serialisable data: it survives IPC (structured clone) and JSON unchanged.
        expect(plainEqual(structuredClone(fix), fix)).toBe(true);
        expect(plainEqual(JSON.parse(JSON.stringify(fix)), fix)).toBe(true);
        expect(fix.mutations.length).toBeGreaterThan(0);
        for (const m of fix.mutations) expect('table' in m && m.table).toBe(f.tableIndex);
        const snapshot = JSON.stringify(project);
        const cmd = applyFixCommand(project, f.tableIndex, fix)!;
        expect(cmd.label).toBe(fix.label);
        expect(cmd.scope).toEqual({ tables: [f.tableIndex], structure: false });
        const done = execute(project, emptyHistory(), cmd);
        expect(JSON.stringify(project)).toBe(snapshot); // pure: the input project is untouched
        expect(done.history.undo).toHaveLength(1);
        done.project.tables.forEach((t, i) => { if (i !== f.tableIndex) expect(t).toBe(project.tables[i]); });
        for (const ind of done.project.tables[f.tableIndex].indicators) expect(ind.value).toEqual(parseIndicatorValue(ind.value.raw));
        expect(undo(done.project, done.history)!.project).toStrictEqual(project);
        project = done.project;
      }
      expect(findings(project, c.id)).toEqual([]);
    });

    it('全部修正: all its findings fixed as one undo step leave none', () => {
      const project = c.make();
      const list = findings(project, c.id).filter((x) => x.fix);
      const { command, applied } = applyFixesCommand(project, list.map((f) => ({ tableIndex: f.tableIndex, fix: f.fix! })), 0);
      expect(applied).toBeGreaterThan(0);
      const done = execute(project, emptyHistory(), command!);
      expect(findings(done.project, c.id)).toEqual([]);
      expect(undo(done.project, done.history)!.project).toStrictEqual(project);
    });
  }
});
