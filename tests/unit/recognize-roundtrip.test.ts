import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layout, type LayoutContext } from '../../shared/layout/layout';
import { createTable } from '../../shared/families/create-table';
import type { BuiltinFamilyId, PerformanceTable, Project } from '../../shared/model/types';
import { FAMILY_IDS } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values/indicator-value';
import { recognizeWorkbook } from '../../shared/xlsx/recognize';
import { layoutToRawSheet, stackLayoutsToRawSheet } from '../helpers/layout-to-raw';

const CTX: LayoutContext = { fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府' };
const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');

/** Recognizes the grid of layout(T) and returns the first table and the warnings. */
function roundTrip(table: PerformanceTable, ctx: LayoutContext = CTX) {
  const sheet = layoutToRawSheet(layout(table, ctx));
  const result = recognizeWorkbook({ sheets: [sheet], warnings: [] }, { fiscalYear: ctx.fiscalYear });
  return { table: result.project.tables[0], result };
}

/** A filled table of a family: every header field set, values of every kind, a few quirks. */
function filledTable(family: BuiltinFamilyId): PerformanceTable {
  const base = createTable(family);
  const indicators = base.indicators.map((ind, i) => ({
    ...ind,
    name: i % 3 === 2 ? '' : `指标名称${i}`,
    description: family === 'hebei' ? `描述${i}` : '',
    basis: family === 'hebei' ? '年度工作计划' : '',
    value: parseIndicatorValue(['≥95%', '21个', '显著提升', '', '≤67.54万元', '0.98'][i % 6]),
  }));
  const t: PerformanceTable = {
    ...base,
    projectName: '官厅镇村干部工资',
    projectCode: family === 'hebei' ? '13073024P00888510015C' : '',
    supervisingDepartment: family === 'hebei' || family === 'jx-department' ? '' : '916-赣州经济技术开发区凤岗镇人民政府',
    implementingUnit: family === 'hebei' || family === 'jx-department' ? '' : '城关镇',
    projectAttribute: family === 'nx-2024' || family === 'nx-2022' ? '续建项目' : '',
    projectPeriod: family === 'nx-2024' || family === 'nx-2022' ? '长期' : '',
    funds: family === 'jx-department' ? base.funds : { ...base.funds, total: 67.54, fiscal: 67.54, other: 0 },
    departmentBudget: base.departmentBudget && {
      incomeTotal: 13158.93, incomeFiscal: 4019.79, incomeOther: 9139.14,
      expenditureTotal: 13158.93, expenditureBasic: 2904.46, expenditureProject: 10254.47,
    },
    goal: '1.加大村级组织建设保障力度，\n确保村级组织机构的正常运转。',
    indicators,
  };
  return t;
}

describe('recognize(layout(T)) = T', () => {
  it.each(FAMILY_IDS)('new empty %s table', (family) => {
    const t = createTable(family);
    const { table, result } = roundTrip(t);
    expect(result.warnings).toEqual([]);
    expect(table).toEqual(t);
  });

  it.each(FAMILY_IDS)('filled %s table', (family) => {
    const t = filledTable(family);
    const { table, result } = roundTrip(t);
    expect(result.warnings).toEqual([]);
    expect(table).toEqual(t);
  });

  it('several families stacked in one sheet', () => {
    const tables = FAMILY_IDS.map(filledTable);
    const sheet = stackLayoutsToRawSheet(tables.map((t) => layout(t, CTX)));
    const result = recognizeWorkbook({ sheets: [sheet], warnings: [] });
    expect(result.warnings).toEqual([]);
    expect(result.project.tables).toEqual(tables);
    expect(result.project.meta).toMatchObject({ fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府' });
  });

  for (const seed of ['s0', 's1', 's2', 's3']) {
    const file = join(SEEDS, `${seed}.project.json`);
    it.skipIf(!existsSync(file))(`every table of seed ${seed}`, () => {
      const project = JSON.parse(readFileSync(file, 'utf8')) as Project;
      const ctx = project.meta;
      for (const t of project.tables) {
        const { table } = roundTrip(t, ctx);
        expect(table, t.projectName).toEqual(t);
      }
    });
  }
});
