import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layout, type LayoutContext } from '../../shared/layout/layout';
import type { TableSource } from '../../shared/model/source';
import type { PerformanceTable, Project } from '../../shared/model/types';
import { cellText } from '../../shared/vocabulary/label-normalize';
import type { RawSheet } from '../../shared/xlsx/raw';
import { recognizeWorkbook } from '../../shared/xlsx/recognize';
import { attachSources } from '../../shared/xlsx/source-map';
import { layoutToRawSheet, stackLayoutsToRawSheet } from '../helpers/layout-to-raw';

/**
 * The SourceMap recorded by recognition points at the cells the values were read from: every
 * header field's cell holds the field's text, every indicator row holds the indicator's name
 * and value, in sheet coordinates (offsets, stacked tables and blank rows included).
 */

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const seed = (id: string): Project => JSON.parse(readFileSync(join(SEEDS, `${id}.project.json`), 'utf8')) as Project;
const ctx = (p: Project): LayoutContext => ({ fiscalYear: p.meta.fiscalYear, unitCode: p.meta.unitCode, unitName: p.meta.unitName });

function textAt(sheet: RawSheet, row: number, col: number): string {
  return cellText(sheet.rows[row]?.[col]?.value ?? null);
}

/** Asserts that a table's source points at its values in `sheet`. */
function expectSourcePointsAtValues(sheet: RawSheet, table: PerformanceTable, source: TableSource): void {
  expect(source.sheet).toBe(sheet.name);
  for (const [path, cell] of Object.entries(source.fields)) {
    if (path === 'projectName') expect(textAt(sheet, cell.row, cell.col)).toBe(table.projectName);
    if (path === 'goal') expect(textAt(sheet, cell.row, cell.col)).toBe(table.goal);
  }
  expect(source.indicatorRows).toHaveLength(table.indicators.length);
  const nameCol = source.columns.name?.col;
  const valueCol = source.columns.value?.col;
  table.indicators.forEach((ind, i) => {
    const row = source.indicatorRows[i];
    expect(row).toBeGreaterThanOrEqual(source.bodyFirstRow);
    expect(row).toBeLessThanOrEqual(source.bodyLastRow);
    if (nameCol !== undefined) expect(textAt(sheet, row, nameCol)).toContain(ind.name);
    if (valueCol !== undefined && ind.value.raw !== '' && !/%$/.test(ind.value.raw)) expect(textAt(sheet, row, valueCol)).toBe(ind.value.raw);
  });
  const rows = source.indicatorRows;
  for (let i = 1; i < rows.length; i++) expect(rows[i]).toBeGreaterThan(rows[i - 1]);
  expect(source.firstRow).toBeLessThanOrEqual(source.headerRow);
  expect(source.headerRow).toBeLessThan(source.bodyFirstRow);
  expect(source.bodyLastRow).toBeLessThanOrEqual(source.lastRow);
}

describe('SourceMap recorded by recognition', () => {
  it.each(['s0', 's1', 's2', 's3'])('%s: one table per sheet, shifted by 3 rows and 2 columns', (id) => {
    const project = seed(id);
    const sheets = project.tables.map((t, i) => layoutToRawSheet(layout(t, ctx(project)), `表${i + 1}`, { row: 3, col: 2 }));
    const result = recognizeWorkbook({ sheets, warnings: [] }, { fiscalYear: project.meta.fiscalYear });
    expect(result.sources).toHaveLength(result.project.tables.length);
    result.project.tables.forEach((table, i) => {
      const source = result.sources[i];
      expect(source.shape).toBe('sheet');
      expect(source.sheetIndex).toBe(i);
      expect(source.firstRow).toBe(3);
      expectSourcePointsAtValues(sheets[i], table, source);
    });
  });

  it.each(['s0', 's2', 's3'])('%s: all tables stacked in one sheet', (id) => {
    const project = seed(id);
    const sheet = stackLayoutsToRawSheet(project.tables.map((t) => layout(t, ctx(project))), '汇总');
    const result = recognizeWorkbook({ sheets: [sheet], warnings: [] }, { fiscalYear: project.meta.fiscalYear });
    expect(result.project.tables).toHaveLength(project.tables.length);
    let previousLast = -1;
    result.project.tables.forEach((table, i) => {
      const source = result.sources[i];
      expect(source.shape).toBe(project.tables.length > 1 ? 'stacked' : 'sheet');
      expect(source.firstRow).toBeGreaterThan(previousLast);
      previousLast = source.lastRow;
      expectSourcePointsAtValues(sheet, table, source);
    });
  });

  it('attachSources puts each source on its table and leaves the recognition result plain', () => {
    const project = seed('s2');
    const sheets = project.tables.map((t, i) => layoutToRawSheet(layout(t, ctx(project)), `表${i + 1}`));
    const result = recognizeWorkbook({ sheets, warnings: [] }, { fiscalYear: project.meta.fiscalYear });
    expect(result.project.tables.every((t) => t.source === undefined)).toBe(true);
    const attached = attachSources(result.project, result.sources);
    expect(attached.tables.map((t) => t.source?.sheet)).toEqual(sheets.map((s) => s.name));
  });
});
