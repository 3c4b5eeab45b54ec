import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../shared/families';
import { layout, type LayoutOptions } from '../../shared/layout/layout';
import { bindingIndex, cellLocator, locateCell } from '../../shared/layout/locate-cell';
import { createTable } from '../../shared/families/create-table';
import { FAMILY_IDS, type PerformanceTable, type Project } from '../../shared/model/types';

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const seed = (id: string) => JSON.parse(readFileSync(join(SEEDS, `${id}.project.json`), 'utf8')) as Project;
const ctx = { fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府' };

/** path → first bound cell of layout(), the reference locateCell must match. */
function layoutBindings(table: PerformanceTable, options: LayoutOptions): Map<string, { row: number; col: number }> {
  const out = new Map<string, { row: number; col: number }>();
  for (const cell of layout(table, ctx, options).cells) {
    const path = cell.binding?.path;
    if (path && !out.has(path)) out.set(path, { row: cell.row, col: cell.col });
  }
  return out;
}

const PARTS = ['level1', 'level2', 'name', 'description', 'value', 'basis', 'raw', 'value.raw', ''];
const HEADER_FIELDS = [...new Set(Object.values(FAMILIES).flatMap((f) => f.header.map((h) => h.field).filter((p): p is NonNullable<typeof p> => !!p)))];

/** Every bound path plus paths no cell binds (other families' fields, non-first group rows, out of range, malformed). */
function candidatePaths(table: PerformanceTable, bound: Iterable<string>): Set<string> {
  const paths = new Set<string>([...bound, ...HEADER_FIELDS, '', 'indicators', 'funds', 'amountTexts.funds.total', 'title', 'indicators.', 'indicators.x.name', 'indicators.-1.name', 'indicators.1e0.name', 'indicators. 0.name']);
  for (let i = -1; i <= table.indicators.length + 1; i++) {
    paths.add(`indicators.${i}`);
    for (const part of PARTS) paths.add(`indicators.${i}.${part}`);
  }
  if (table.indicators.length > 0) paths.add('indicators.00.name');
  return paths;
}

/** Checks locateCell against layout() on every candidate path; returns how many paths were bound. */
function compare(table: PerformanceTable, options: LayoutOptions = {}): number {
  const bound = layoutBindings(table, options);
  const locate = cellLocator(table, options);
  const mismatches: string[] = [];
  for (const path of candidatePaths(table, bound.keys())) {
    const expected = bound.get(path) ?? null;
    const got = locate(path);
    if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${path}: layout ${JSON.stringify(expected)}, locateCell ${JSON.stringify(got)}`);
  }
  // cell → path: every grid position (and one row/column past the edge) against the layout's anchors
  const sheet = layout(table, ctx, options);
  const anchors = new Map(sheet.cells.map((cell) => [`${cell.row}:${cell.col}`, cell.binding?.path]));
  const index = bindingIndex(table, options);
  for (let row = -1; row <= sheet.rowCount; row++) {
    for (let col = -1; col <= sheet.colCount; col++) {
      const expected = anchors.get(`${row}:${col}`);
      const got = index.pathAt(row, col);
      if (got !== expected) mismatches.push(`(${row}, ${col}): layout ${expected}, pathAt ${got}`);
    }
  }
  expect(mismatches).toEqual([]);
  return bound.size;
}

describe('the binding index equals the bindings of layout()', () => {
  it.each(['s0', 's1', 's2', 's3'])('every path of every table of seed %s', (id) => {
    const project = seed(id);
    expect(project.tables.length).toBeGreaterThan(0);
    let bound = 0;
    for (const table of project.tables) bound += compare(table);
    expect(bound).toBeGreaterThan(project.tables.length * 10);
  });

  it('seed tables of family A without spacer rows (printer option)', () => {
    const tables = ['s0', 's1', 's2', 's3'].flatMap((id) => seed(id).tables).filter((t) => t.family === 'nx-2024');
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) compare(table, { spacerRows: false });
  });

  it.each(FAMILY_IDS)('createTable(%s), both goal variants and no indicators', (family) => {
    const table = createTable(family);
    expect(compare(table)).toBeGreaterThan(table.indicators.length);
    compare({ ...table, ownLevelGoal: table.ownLevelGoal === null ? '' : null });
    compare({ ...table, indicators: [] });
    compare(table, { spacerRows: false });
  });

  it.each(['88-shenbao', '101-core'])('learned layout of outside golden %s (blocks, footer)', (id) => {
    const file = join(__dirname, '..', 'fixtures', 'outside', `${id}.golden.json`);
    const project = (JSON.parse(readFileSync(file, 'utf8')) as { project: Project }).project;
    for (const table of project.tables) expect(compare(table)).toBeGreaterThan(10);
  });

  it('is memoised per table object and spacer option; an edited (new) table gets its own index', () => {
    const table = seed('s0').tables[0];
    expect(bindingIndex(table)).toBe(bindingIndex(table, { spacerRows: true }));
    expect(bindingIndex(table, { spacerRows: false })).not.toBe(bindingIndex(table));
    const edited = { ...table, indicators: table.indicators.slice(1) };
    expect(bindingIndex(edited)).not.toBe(bindingIndex(table));
    expect(locateCell(edited, 'indicators.0.name')).toEqual(locateCell(table, 'indicators.0.name'));
    expect(locateCell(edited, `indicators.${table.indicators.length - 1}.name`)).toBeNull();
  });

  it('family A rows skip the spacer row closing every 二级 run, also for interleaved runs', () => {
    const table = createTable('nx-2024');
    const [a, b] = [table.indicators[0], table.indicators[2]]; // 产出›数量 and 产出›质量
    const shuffled = { ...table, indicators: [a, b, a, a, b, { ...b, level1: '效益指标' }] };
    compare(shuffled);
    const { headerRowCount: header, matrix } = FAMILIES['nx-2024'];
    const colOf = (key: string) => matrix.columns.find((c) => c.key === key)!.c;
    // rows: a, spacer, b, spacer, a, a, spacer, b, spacer, b', spacer
    expect([0, 1, 2, 3, 4, 5].map((i) => locateCell(shuffled, `indicators.${i}.value`)?.row)).toEqual([1, 3, 5, 6, 8, 10].map((r) => header + r));
    expect(locateCell(shuffled, 'indicators.3.level2')).toBeNull(); // not the first row of its 二级 run
    expect(locateCell(shuffled, 'indicators.2.level2')).toEqual({ row: header + 5, col: colOf('level2') });
    expect(locateCell(shuffled, 'indicators.5.level1')).toEqual({ row: header + 10, col: colOf('level1') });
  });
});
