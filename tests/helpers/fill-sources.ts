/**
 * Test helper: TableSources built by hand for workbooks whose placement we know (the fixture
 * generators place `layout()` at known offsets; the flat list has known columns), for fill tests
 * while (or in case) the recognizer does not record them. `withSources` keeps a source the
 * recognizer recorded and fills in only missing ones.
 */
import { layout } from '../../shared/layout/layout';
import type { SheetLayout } from '../../shared/layout/types';
import type { SourceCell, SourceShape, TableSource } from '../../shared/model/source';
import type { PerformanceTable, Project } from '../../shared/model/types';
import { FLAT_COLUMNS } from '../fixtures/gen-flat';

/** Where a layout was written: sheet and offset. */
export interface LayoutPlacement {
  readonly sheet: string;
  readonly sheetIndex: number;
  readonly shape: SourceShape;
  readonly row: number;
  readonly col: number;
}

/** The TableSource of a table written as `layout(table)` at a placement. */
export function layoutSource(l: SheetLayout, at: LayoutPlacement): TableSource {
  const cell = (c: { row: number; col: number; rowspan: number; colspan: number }): SourceCell =>
    ({ row: c.row + at.row, col: c.col + at.col, rowspan: c.rowspan, colspan: c.colspan });
  const fields: Record<string, SourceCell> = {};
  const columns: Record<string, SourceCell> = {};
  for (const c of l.cells) {
    if (c.role === 'title' && fields.title === undefined) fields.title = cell(c);
    const b = c.binding;
    if (!b) continue;
    if (b.part === undefined) fields[b.path] = cell(c);
    else if (columns[b.part] === undefined) columns[b.part] = { ...cell(c), row: l.matrixHeaderRow + at.row, rowspan: 1 };
  }
  const bodyStart = l.matrixHeaderRow + 1;
  const indicatorRows: number[] = [];
  l.rowIndicators.forEach((idx, r) => {
    if (idx !== null && indicatorRows[idx] === undefined) indicatorRows[idx] = r + at.row;
  });
  return {
    sheet: at.sheet, sheetIndex: at.sheetIndex, shape: at.shape, firstRow: at.row, lastRow: at.row + l.rowCount - 1,
    fields, headerRow: l.matrixHeaderRow + at.row, columns,
    bodyFirstRow: bodyStart + at.row, bodyLastRow: at.row + l.rowCount - 1, indicatorRows,
  };
}

/** Sources of the per-sheet fixture (tests/fixtures/gen-sheets.ts buildPerSheet: sheet i shifted by its quirks). */
export function perSheetSources(golden: Project): TableSource[] {
  return golden.tables.map((t, i) => layoutSource(layout(t, golden.meta), {
    sheet: `表${i + 1}`, sheetIndex: i, shape: 'sheet', row: i % 4 === 3 ? 1 : 0, col: i % 3 === 2 ? 1 : 0,
  }));
}

/** Sources of the stacked fixture (all tables in sheet 0, two blank rows between). */
export function stackedSources(golden: Project): TableSource[] {
  let row = 0;
  return golden.tables.map((t) => {
    const l = layout(t, golden.meta);
    const s = layoutSource(l, { sheet: '绩效目标表', sheetIndex: 0, shape: 'stacked', row, col: 0 });
    row += l.rowCount + 2;
    return s;
  });
}

/** Sources of the flat fixture (gen-flat.ts: header row 4, one row per indicator with content, project columns merged). */
export function flatSources(tables: readonly PerformanceTable[]): TableSource[] {
  let row = 4;
  return tables.map((t) => {
    const family = t.family as keyof typeof FLAT_COLUMNS;
    const columns: Record<string, SourceCell> = {};
    FLAT_COLUMNS[family].forEach((c, col) => { columns[c.project ?? c.part!] = { row: 3, col, rowspan: 1, colspan: 1 }; });
    const n = Math.max(1, t.indicators.length);
    const indicatorRows = t.indicators.map((_, i) => row + i);
    const fields: Record<string, SourceCell> = {};
    FLAT_COLUMNS[family].forEach((c, col) => { if (c.project) fields[c.project] = { row, col, rowspan: n, colspan: 1 }; });
    const s: TableSource = {
      sheet: '项目绩效目标', sheetIndex: 0, shape: 'flat', firstRow: row, lastRow: row + n - 1, fields, headerRow: 3, columns,
      bodyFirstRow: row, bodyLastRow: row + n - 1, indicatorRows,
    };
    row += n;
    return s;
  });
}

/** The project with every table given a source: the recognizer's when it recorded one, else `sources[i]`. */
export function withSources(project: Project, sources: readonly TableSource[]): Project {
  return { ...project, tables: project.tables.map((t, i) => (t.source ? t : { ...t, source: sources[i] })) };
}
