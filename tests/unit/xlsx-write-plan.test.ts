import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import { printPlan } from '../../shared/print';
import { layout } from '../../shared/layout';
import {
  PAGE_NUMBER_FOOTER, STACK_GAP_ROW_PT, WORKBOOK_CREATOR, layoutCells, percentFormat, workbookPlan,
} from '../../shared/export/write-plan';
import { parseMetaKeywords } from '../../shared/xlsx/meta-keywords';
import { SAMPLE_META, sampleProject } from '../helpers/xlsx-sample-project';

describe('xlsx write plan', () => {
  const project = sampleProject(['nx-2024', 'hebei', 'jx-department']);

  it('plans one sheet per table from its print plan: cells, merges, widths, heights, breaks, page setup', () => {
    const plan = workbookPlan(project);
    expect(plan.sheets.map((s) => s.name)).toEqual(project.tables.map((t) => t.projectName));
    plan.sheets.forEach((sheet, i) => {
      const pp = printPlan(project.tables[i], project.meta);
      expect(sheet.colWidths).toEqual(pp.layout.colWidths);
      expect(sheet.rowHeightsPt).toEqual(pp.rowHeightsPt);
      expect(sheet.cells).toHaveLength(pp.layout.cells.length);
      expect(sheet.merges).toEqual(pp.layout.merges);
      expect(sheet.breakAfterRows).toEqual(pp.pageBreakRows.map((r) => r - 1));
      expect(sheet.pageSetup).toMatchObject({ paperSize: 'A4', scale: pp.scale, orientation: pp.orientation, printTitleRow: pp.printTitleRow });
      expect(sheet.pageSetup.footerMm).toBe(pp.marginsMm.bottom / 2);
      expect(sheet.footer).toBe(PAGE_NUMBER_FOOTER);
    });
    expect(plan.properties).toMatchObject({ creator: WORKBOOK_CREATOR, company: SAMPLE_META.unitName, title: SAMPLE_META.unitName });
    expect(parseMetaKeywords(plan.properties.keywords)).toMatchObject({ fiscalYear: 2024, unitCode: '816001' });
  });

  it('writes amounts as numbers, irregular amounts as text, percents as fractions with as many decimals as typed', () => {
    const l = layout(project.tables[0], project.meta);
    const cells = layoutCells(l, 3, 1);
    l.cells.forEach((cell, k) => {
      const planned = cells[k];
      expect([planned.row, planned.col, planned.style]).toEqual([cell.row + 3, cell.col + 1, cell.style]);
      const kind = cell.binding?.kind;
      if (kind === 'amount' && cell.number != null && cell.editText === undefined) expect(planned.value).toBe(cell.number);
      else if (kind === 'percent' && cell.number != null && cell.editText === undefined) {
        expect(planned.numFmt).toBe(percentFormat(cell.number));
      } else expect(planned.value).toBe(cell.text === '' ? null : cell.text);
    });
    expect(cells.some((c) => typeof c.value === 'number')).toBe(true);
    expect([percentFormat(25), percentFormat(75.5), percentFormat(0.125)]).toEqual(['0%', '0.0%', '0.000%']);
  });

  it('stacks tables in one sheet: two 3pt gap rows and a break between tables, one scale', () => {
    const [sheet] = workbookPlan(project, { stacked: true }).sheets;
    const plans = project.tables.map((t) => printPlan(t, project.meta));
    const second = plans[0].layout.rowCount + 2;
    expect(sheet.rowHeightsPt[second - 1]).toBe(STACK_GAP_ROW_PT);
    expect(sheet.rowHeightsPt[second - 2]).toBe(STACK_GAP_ROW_PT);
    expect(sheet.breakAfterRows).toContain(second - 1);
    expect(sheet.cells.filter((c) => c.row === second && c.style === 'title')).toHaveLength(1);
    expect(sheet.pageSetup.printTitleRow).toBeUndefined();
    expect(sheet.breakAfterRows).toEqual([...sheet.breakAfterRows].sort((a, b) => a - b));
  });

  it('rejects an empty selection and a bad index with Chinese messages', () => {
    for (const tables of [[], [7]]) {
      let error: unknown;
      try { workbookPlan(project, { tables }); } catch (e) { error = e; }
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
