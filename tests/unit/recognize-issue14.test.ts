import { describe, expect, it } from 'vitest';
import { parseProjectFile, serializeProject } from '../../shared/file/project-file';
import { ARG_SCHEMAS } from '../../shared/ipc/contract';
import { layout, type LayoutContext } from '../../shared/layout/layout';
import { PROJECT_LIMITS } from '../../shared/limits';
import { createTable } from '../../shared/families/create-table';
import type { BuiltinFamilyId, PerformanceTable } from '../../shared/model/types';
import { moneyUnitInLabel } from '../../shared/vocabulary/label-normalize';
import type { RawCell, RawSheet } from '../../shared/xlsx/raw';
import { recognizeWorkbook } from '../../shared/xlsx/recognize';
import { layoutToRawSheet } from '../helpers/layout-to-raw';

/**
 * Recognition cases of issue 14: the money unit comes only from money-unit labels, and a
 * date-typed cell in an amount field is flagged (never read as the amount 2024); values beyond
 * the project limits are cut at import with a warning.
 */

const CTX: LayoutContext = { fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府' };

type MutableSheet = { name: string; rows: (RawCell | null)[][]; merges: RawSheet['merges']; colWidths: RawSheet['colWidths'] };

function sheetOf(t: PerformanceTable): MutableSheet {
  const s = layoutToRawSheet(layout(t, CTX), 'Sheet1');
  return { ...s, rows: s.rows.map((r) => [...r]), merges: [...s.merges] };
}

/** Replaces the one cell whose value is `from`; returns its A1-free position. */
function replaceValue(sheet: MutableSheet, from: string | number, to: RawCell): { row: number; col: number } {
  for (let r = 0; r < sheet.rows.length; r++) {
    const c = sheet.rows[r].findIndex((cell) => cell?.value === from);
    if (c >= 0) { sheet.rows[r][c] = to; return { row: r, col: c }; }
  }
  throw new Error(`cell 「${from}」 not found`);
}

function table(family: BuiltinFamilyId, patch: Partial<PerformanceTable> = {}): PerformanceTable {
  return { ...createTable(family), projectName: '测试项目', ...patch };
}

describe('money unit only from money-unit labels', () => {
  it('moneyUnitInLabel reads 单位：元 / (万元) labels and nothing else', () => {
    expect(moneyUnitInLabel('单位：元')).toBe('yuan');
    expect(moneyUnitInLabel('单位：万元')).toBe('wanYuan');
    expect(moneyUnitInLabel('单位：万元（保留两位小数）')).toBe('wanYuan');
    expect(moneyUnitInLabel('项目资金（万元）')).toBe('wanYuan');
    expect(moneyUnitInLabel('预算数(元)')).toBe('yuan');
    expect(moneyUnitInLabel('(单位：元)')).toBe('yuan');
    expect(moneyUnitInLabel('单位：483001怀来县元宝山乡人民政府')).toBeNull();
    expect(moneyUnitInLabel('单位：483001怀来县万元村委会')).toBeNull();
    expect(moneyUnitInLabel('单位名称')).toBeNull();
  });

  it('a 河北 unit cell written 「单位：483001…」 does not flip 元 to 万元, and gives the unit code and name', () => {
    const t = table('hebei', { moneyUnit: 'yuan', funds: { total: 120000, fiscal: 100000, other: 20000 } });
    const sheet = sheetOf(t);
    replaceValue(sheet, '816001怀来县官厅镇人民政府', { value: '单位：483001怀来县官厅镇人民政府' });
    const result = recognizeWorkbook({ sheets: [sheet], warnings: [] });
    expect(result.project.tables[0].moneyUnit).toBe('yuan');
    expect(result.project.tables[0].funds.total).toBe(120000);
    expect(result.project.meta.unitCode).toBe('483001');
    expect(result.project.meta.unitName).toBe('怀来县官厅镇人民政府');
  });
});

describe('date cells in amount fields', () => {
  it('a date-typed 年度资金总额 is flagged naming the cell, its text kept, the amount left empty', () => {
    const t = table('nx-2022', { funds: { total: 7, fiscal: 7, other: 0 } });
    const sheet = sheetOf(t);
    const { row, col } = replaceValue(sheet, 7, { value: '2024-01-01', date: true });
    const result = recognizeWorkbook({ sheets: [sheet], warnings: [] });
    const got = result.project.tables[0];
    expect(got.funds.total).toBeNull();
    expect(got.amountTexts?.['funds.total']).toBe('2024-01-01');
    const ref = `${String.fromCharCode(65 + col)}${row + 1}`;
    expect(result.warnings).toContainEqual(expect.objectContaining({ cell: ref, message: expect.stringMatching(/2024-01-01.*日期格式，不是金额/) }));
  });
});

describe('import cuts values beyond the project limits, so the result can always be saved', () => {
  it('a 5 MB project name and a 2,600-character unit name are cut with warnings; the .jxmb reads back', () => {
    const longName = '农村道路养护'.repeat(900_000);
    const longUnit = '怀来县官厅镇人民政府'.repeat(260);
    const t = table('hebei', { projectName: longName.slice(0, 50) });
    const sheet = sheetOf(t);
    replaceValue(sheet, longName.slice(0, 50), { value: longName });
    replaceValue(sheet, '816001怀来县官厅镇人民政府', { value: `816001${longUnit}` });
    const result = recognizeWorkbook({ sheets: [sheet], warnings: [] });
    expect(result.project.tables[0].projectName).toBe(longName.slice(0, PROJECT_LIMITS.textChars));
    expect(result.project.meta.unitName).toBe(longUnit.slice(0, PROJECT_LIMITS.unitNameChars));
    const text = result.warnings.map((w) => w.message).join('\n');
    expect(text).toMatch(/第1张表的「项目名称」有 5400000 个字符，超过上限 100000/);
    expect(text).toMatch(/「单位名称」有 2600 个字符，超过上限 1000/);
    const reread = parseProjectFile(serializeProject(result.project));
    expect(reread.project.tables[0].projectName.length).toBe(PROJECT_LIMITS.textChars);
  });

  it('the .jxmb schema and the IPC contract refuse exactly what import cuts', () => {
    const t = { ...createTable('hebei'), projectName: 'x'.repeat(PROJECT_LIMITS.textChars + 1) };
    expect(() => parseProjectFile(serializeProject({ meta: { fiscalYear: 2024, unitCode: '', unitName: '', moneyUnit: 'wanYuan' }, tables: [t] }))).toThrow();
    expect(ARG_SCHEMAS['project:save'].safeParse({ project: { meta: { fiscalYear: 2024, unitCode: '', unitName: 'y'.repeat(PROJECT_LIMITS.unitNameChars + 1), moneyUnit: 'wanYuan' }, tables: [] } }).success).toBe(false);
  });
});
