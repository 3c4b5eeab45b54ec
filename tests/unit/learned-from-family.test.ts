import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layout } from '../../shared/layout/layout';
import type { Project } from '../../shared/model/types';
import { recognizeWorkbook } from '../../shared/xlsx/recognize';
import { layoutToRawSheet } from '../helpers/layout-to-raw';

/**
 * A built-in form with rows the family cannot hold (a signature footer under a 河北 table) is
 * learned; the vocabulary still binds every field the family binds, 资金用途 under the merged
 * 「预算规模及资金用途」 label and the 资金支出计划 months included.
 */
describe('a 河北 form with a signature footer', () => {
  it('is learned with 资金用途, 资金支出计划, funds, goal and indicators bound, and the footer kept as form text', () => {
    const project = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'seeds', 's2.project.json'), 'utf8')) as Project;
    const table = project.tables.find((t) => t.fundUse !== '' && t.spendingPlan?.march != null)!;
    const sheet = layoutToRawSheet(layout(table, project.meta), '表1');
    const rows = sheet.rows.map((r) => [...r]);
    rows.push([], [{ value: '单位负责人：' }, null, null, { value: '填表人：' }, null, { value: '联系电话：' }]);
    const result = recognizeWorkbook({ sheets: [{ ...sheet, rows }], warnings: [] }, { fiscalYear: project.meta.fiscalYear, sourceName: '河北.xlsx' });
    const t = result.project.tables[0];
    expect(t.family).toBe('learned');
    expect([t.projectName, t.projectCode, t.fundUse, t.goal]).toEqual([table.projectName, table.projectCode, table.fundUse, table.goal]);
    expect(t.funds).toEqual(table.funds);
    expect(t.spendingPlan).toEqual(table.spendingPlan);
    expect(t.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.value.raw, i.basis]))
      .toEqual(table.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.value.raw, i.basis]));
    const footer = t.template?.footer ?? [];
    expect(footer.filter((s) => s.text).map((s) => s.text)).toEqual(['单位负责人：', '填表人：']);
    // The blanks after the labels are fields to fill; 「联系电话：」 is filled inside its own cell.
    expect(footer.filter((s) => s.field).map((s) => [s.field, s.prefix])).toEqual([['extras.单位负责人', undefined], ['extras.填表人', undefined], ['contactPhone', '联系电话：']]);
    expect(result.warnings).toEqual([]);
  });
});
