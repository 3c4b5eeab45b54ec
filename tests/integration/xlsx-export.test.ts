import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import { layout, type SheetLayout } from '../../shared/layout';
import { cellLook } from '../../shared/layout/cell-style-table';
import { FAMILY_IDS, type Project } from '../../shared/model/types';
import { PORTRAIT_MARGINS, printPlan } from '../../shared/print';
import { cellRef } from '../../shared/xlsx/raw';
import { writeProjectXlsx, WORKBOOK_CREATOR } from '../../electron/services/xlsx/write-workbook';
import { inflateEntry, readZipDirectory } from '../../electron/services/xlsx/zip-directory';
import { SAMPLE_META, sampleProject, sampleTable } from '../helpers/xlsx-sample-project';

/** The text of one part of an xlsx (exceljs does not read back everything we check). */
function part(buf: Buffer, name: string): string {
  const entry = readZipDirectory(buf, 1000).find((e) => e.name === name);
  if (!entry) throw new Error(`no part ${name}`);
  return inflateEntry(buf, entry, 50_000_000).toString('utf8');
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** 1-based rows after which the sheet has a manual page break (`<brk id>`; exceljs does not read them back). */
function manualRowBreaks(buf: Buffer, sheet = 1): number[] {
  return [...part(buf, `xl/worksheets/sheet${sheet}.xml`).matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
}

function layoutMerges(l: SheetLayout, base = 0): string[] {
  return l.merges.map((m) => `${cellRef(base + m.row, m.col)}:${cellRef(base + m.row + m.rowspan - 1, m.col + m.colspan - 1)}`).sort();
}

const BORDERLESS = new Set(['title', 'subtitle', 'unitLine', 'unitLineRight']);

describe.each(FAMILY_IDS)('export of a %s table', (family) => {
  const project: Project = { meta: SAMPLE_META, tables: [sampleTable(family)] };
  const l = layout(project.tables[0], project.meta);
  const plan = printPlan(project.tables[0], project.meta);
  const written = writeProjectXlsx(project);
  const loaded = written.then(load);

  it('has the layout merges and widths, and the print plan\'s row heights', async () => {
    const ws = (await loaded).worksheets[0];
    expect([...ws.model.merges].sort()).toEqual(layoutMerges(l));
    l.colWidths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBe(w));
    expect(plan.rowHeightsPt).toHaveLength(l.rowCount);
    plan.rowHeightsPt.forEach((h, r) => expect(ws.getRow(r + 1).height).toBe(h));
    // Rows stay readable on screen: at least the layout minimum (20 pt), whole pixels (0.75 pt).
    for (const h of plan.rowHeightsPt) {
      expect(h).toBeGreaterThanOrEqual(20);
      expect((h / 0.75) % 1).toBe(0);
    }
  });

  it('writes the style table\'s look: 宋体, title 18pt bold, subtitle 12pt, labels bold 10.5pt, text 10.5pt, its alignment', async () => {
    const ws = (await loaded).worksheets[0];
    // exceljs reads <sz> as an integer: check the sizes in styles.xml itself.
    const sizes = new Set([...part(await written, 'xl/styles.xml').matchAll(/<font>[\s\S]*?<\/font>/g)]
      .filter((m) => m[0].includes('宋体')).map((m) => /<sz val="([\d.]+)"/.exec(m[0])?.[1]));
    const expected = new Set(l.cells.map((c) => String(cellLook(c.style).sizePt)));
    expect([...sizes].sort()).toEqual([...expected].sort());
    expect(sizes).toContain('18');
    for (const cell of l.cells) {
      const look = cellLook(cell.style);
      const written = ws.getCell(cell.row + 1, cell.col + 1);
      expect(written.font.name).toBe('宋体');
      expect(written.font.charset).toBe(134);
      if (cell.style === 'title') expect([written.font.size, written.font.bold]).toEqual([18, true]);
      else expect(written.font.size).toBe(Math.trunc(look.sizePt));
      expect(written.font.bold ?? false, cell.text).toBe(look.bold);
      if (cell.style === 'label' || cell.style === 'vertical' || cell.style === 'heading') expect(written.font.bold, cell.text).toBe(true);
      if (cell.style === 'text' || cell.style === 'textCenter') expect(written.font.bold ?? false, cell.text).toBe(false);
      expect(written.alignment?.horizontal, cell.text).toBe(look.align);
      if (cell.style === 'heading') expect(written.alignment?.horizontal).toBe('center');
      expect(written.alignment?.wrapText).toBe(true);
    }
  });

  it('puts a thin black border on every cell of every bordered layout cell, none on the title', async () => {
    const ws = (await loaded).worksheets[0];
    for (const cell of l.cells) {
      for (let r = cell.row; r < cell.row + cell.rowspan; r++) {
        for (let c = cell.col; c < cell.col + cell.colspan; c++) {
          const b = ws.getCell(r + 1, c + 1).border ?? {};
          if (BORDERLESS.has(cell.style)) {
            expect(b.top, cellRef(r, c)).toBeUndefined();
          } else {
            for (const side of [b.top, b.left, b.bottom, b.right]) {
              expect(side?.style, `${cellRef(r, c)} ${cell.text}`).toBe('thin');
              expect(side?.color?.argb).toBe('FF000000');
            }
          }
        }
      }
    }
  });

  it('prints like our PDF: A4, GB/T 9704 margins, the plan\'s scale, header row repeated, planned breaks, page numbers', async () => {
    const ws = (await loaded).worksheets[0];
    const ps = ws.pageSetup;
    expect(ps).toMatchObject({
      paperSize: 9, orientation: l.orientation, fitToPage: false, scale: plan.scale,
      printTitlesRow: `${l.matrixHeaderRow + 1}:${l.matrixHeaderRow + 1}`,
    });
    expect(plan.scale).toBeGreaterThan(60);
    expect(plan.scale).toBeLessThan(100);
    const m = ps.margins!;
    expect([m.top, m.right, m.bottom, m.left].map((inch) => inch * 25.4)).toEqual(
      [PORTRAIT_MARGINS.top, PORTRAIT_MARGINS.right, PORTRAIT_MARGINS.bottom, PORTRAIT_MARGINS.left].map((mm) => expect.closeTo(mm, 6)));
    const sheet = part(await written, 'xl/worksheets/sheet1.xml');
    // The table starts at the left margin of the 版心 as printed; fit-to-page is off (scale is honoured).
    expect(ps.horizontalCentered ?? false).toBe(false);
    expect(sheet).not.toContain('fitToPage="1"');
    expect(sheet).toContain(`<pageSetup paperSize="9" orientation="${l.orientation}" scale="${plan.scale}"/>`);
    // A break after the sheet row before each planned page start (no break when the table fits one page).
    expect(manualRowBreaks(await written)).toEqual(plan.pageBreakRows);
    expect(ws.headerFooter.oddFooter).toBe('&C&"宋体"&12第 &P 页 共 &N 页');
  });

  it('writes amounts as numbers, irregular amounts as text, percents as numbers with a % format, no formulas', async () => {
    const ws = (await loaded).worksheets[0];
    for (const cell of l.cells) {
      const x = ws.getCell(cell.row + 1, cell.col + 1);
      expect(x.type, cellRef(cell.row, cell.col)).not.toBe(ExcelJS.ValueType.Formula);
      const kind = cell.binding?.kind;
      if (kind === 'amount' && cell.number != null) {
        expect(x.value, cell.binding!.path).toBe(cell.editText ?? cell.number);
      } else if (kind === 'percent' && cell.number != null) {
        expect(x.value).toBeCloseTo(cell.number / 100, 10);
        expect(x.numFmt).toMatch(/^0(\.0+)?%$/);
      } else if (cell.text !== '') {
        expect(x.value, cellRef(cell.row, cell.col)).toBe(cell.text);
      }
    }
  });
});

describe('workbook level', () => {
  it('sets the default font (the column-width unit) to Arial 11', async () => {
    const styles = part(await writeProjectXlsx(sampleProject(['hebei'])), 'xl/styles.xml');
    expect(/<fonts[^>]*>(<font>.*?<\/font>)/.exec(styles)![1]).toBe('<font><sz val="11"/><name val="Arial"/><family val="2"/></font>');
    expect(styles).not.toContain('Calibri');
  });

  it('one sheet per table with legal, unique names ≤ 31 characters, and the creator set', async () => {
    const names = ['a/b:c*?[x]\\y', 'a/b:c*?[x]\\y', 'History', '', `${'很长的项目名称'.repeat(6)}`, "'引号'"];
    const project: Project = { meta: SAMPLE_META, tables: names.map((n) => sampleTable('jx-2024', n)) };
    const wb = await load(await writeProjectXlsx(project));
    const sheetNames = wb.worksheets.map((w) => w.name);
    expect(sheetNames).toEqual(['abcxy', 'abcxy(2)', 'History表', '表4', '很长的项目名称'.repeat(6).slice(0, 31), '引号']);
    expect(wb.creator).toBe(WORKBOOK_CREATOR);
  });

  it('exports only the chosen tables and rejects a bad index with a Chinese message', async () => {
    const project = sampleProject(['nx-2024', 'hebei', 'jx-2024']);
    const wb = await load(await writeProjectXlsx(project, { tables: [2, 0] }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['jx-2024示例项目', 'nx-2024示例项目']);
    const err = await writeProjectXlsx(project, { tables: [5] }).catch((e: unknown) => e);
    expect(isUserError(err) && err.message).toMatch(/表序号 6 不存在/);
    const empty = await writeProjectXlsx({ meta: SAMPLE_META, tables: [] }).catch((e: unknown) => e);
    expect(isUserError(empty) && empty.code).toBe('EXPORT_EMPTY');
  });

  it('stacked: all tables in one sheet, 2 blank rows and a page break between them, plus each table\'s planned breaks', async () => {
    const project = sampleProject(FAMILY_IDS);
    const buf = await writeProjectXlsx(project, { stacked: true });
    const wb = await load(buf);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0];
    const widthChars = ws.columns.reduce((n, c) => n + (c.width ?? 0), 0);
    let base = 0;
    const expected: string[] = [];
    const breaks: number[] = [];
    const scales = new Set<number>();
    project.tables.forEach((t, k) => {
      const l = layout(t, project.meta);
      const plan = printPlan(t, project.meta, { sheetWidthChars: widthChars });
      scales.add(plan.scale);
      if (k > 0) breaks.push(base);
      breaks.push(...plan.pageBreakRows.map((r) => base + r));
      expected.push(...layoutMerges(l, base));
      expect(ws.getCell(base + 1, 1).value).toBe(l.cells[0].text);
      plan.rowHeightsPt.forEach((h, r) => expect(ws.getRow(base + r + 1).height).toBe(h));
      if (k > 0) [base - 1, base].forEach((r) => expect(ws.getRow(r).values, `blank row ${r}`).toEqual([]));
      base += l.rowCount + 2;
    });
    expect([...ws.model.merges].sort()).toEqual(expected.sort());
    expect(breaks.length).toBeGreaterThan(project.tables.length - 1); // the nx-2024 table takes two pages
    expect(manualRowBreaks(buf)).toEqual(breaks);
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ fitToPage: false, scale: [...scales][0] });
    expect(scales.size).toBe(1);
  });
});
