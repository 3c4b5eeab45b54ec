import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import { layout, type SheetLayout } from '../../shared/layout';
import { FAMILY_IDS, type Project } from '../../shared/model/types';
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

function layoutMerges(l: SheetLayout, base = 0): string[] {
  return l.merges.map((m) => `${cellRef(base + m.row, m.col)}:${cellRef(base + m.row + m.rowspan - 1, m.col + m.colspan - 1)}`).sort();
}

const BORDERLESS = new Set(['title', 'subtitle', 'unitLine', 'unitLineRight']);

describe.each(FAMILY_IDS)('export of a %s table', (family) => {
  const project: Project = { meta: SAMPLE_META, tables: [sampleTable(family)] };
  const l = layout(project.tables[0], project.meta);
  const written = writeProjectXlsx(project);
  const loaded = written.then(load);

  it('has the layout merges, widths and heights', async () => {
    const ws = (await loaded).worksheets[0];
    expect([...ws.model.merges].sort()).toEqual(layoutMerges(l));
    l.colWidths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBe(w));
    l.rowHeights.forEach((h, r) => expect(ws.getRow(r + 1).height).toBe(h));
  });

  it('writes 宋体 fonts: title 16pt bold, labels bold 10.5pt, text 10.5pt', async () => {
    const ws = (await loaded).worksheets[0];
    // exceljs reads <sz> as an integer: check the sizes in styles.xml itself.
    const sizes = new Set([...part(await written, 'xl/styles.xml').matchAll(/<font>[\s\S]*?<\/font>/g)]
      .filter((m) => m[0].includes('宋体')).map((m) => /<sz val="([\d.]+)"/.exec(m[0])?.[1]));
    expect([...sizes].sort()).toEqual(['10.5', '16']);
    for (const cell of l.cells) {
      const font = ws.getCell(cell.row + 1, cell.col + 1).font;
      expect(font.name).toBe('宋体');
      expect(font.charset).toBe(134);
      if (cell.style === 'title') expect([font.size, font.bold]).toEqual([16, true]);
      else expect(font.size).toBe(10);
      if (cell.style === 'label' || cell.style === 'vertical') expect(font.bold, cell.text).toBe(true);
      if (cell.style === 'text' || cell.style === 'textCenter') expect(font.bold ?? false, cell.text).toBe(false);
      expect(ws.getCell(cell.row + 1, cell.col + 1).alignment?.wrapText).toBe(true);
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

  it('has the A4 page setup with the matrix header repeated', async () => {
    const ps = (await loaded).worksheets[0].pageSetup;
    expect(ps).toMatchObject({
      paperSize: 9, orientation: l.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      printTitlesRow: `${l.matrixHeaderRow + 1}:${l.matrixHeaderRow + 1}`,
    });
    expect(ps.margins!.left * 2.54).toBeCloseTo(1.9, 2);
    expect(ps.margins!.top * 2.54).toBeCloseTo(2.5, 2);
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

  it('stacked: all tables in one sheet, 2 blank rows and a page break between them', async () => {
    const project = sampleProject(FAMILY_IDS);
    const buf = await writeProjectXlsx(project, { stacked: true });
    const wb = await load(buf);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0];
    let base = 0;
    const expected: string[] = [];
    const breaks: number[] = [];
    project.tables.forEach((t, k) => {
      const l = layout(t, project.meta);
      if (k > 0) breaks.push(base);
      expected.push(...layoutMerges(l, base));
      expect(ws.getCell(base + 1, 1).value).toBe(l.cells[0].text);
      if (k > 0) [base - 1, base].forEach((r) => expect(ws.getRow(r).values, `blank row ${r}`).toEqual([]));
      base += l.rowCount + 2;
    });
    expect([...ws.model.merges].sort()).toEqual(expected.sort());
    // exceljs does not read <rowBreaks> back: check the sheet XML (a break after row N = before the next table).
    const rowBreaks = [...part(buf, 'xl/worksheets/sheet1.xml').matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(rowBreaks).toEqual(breaks);
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
  });
});
