/**
 * The outside-the-families fixtures (tests/fixtures/gen-outside.ts) open with exceljs and hold the
 * sheets, merges, cells and workbook features their descriptions promise. Not recognition: this only
 * guards the generator so the recognition goldens are checked against the intended layouts.
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inflateEntry, readZipDirectory } from '../../electron/services/xlsx/zip-directory';
import { buildOutsideFixtures, type OutsideFixture } from '../fixtures/gen-outside';

let fixtures: OutsideFixture[];
const books = new Map<string, ExcelJS.Workbook>();

beforeAll(async () => {
  fixtures = await buildOutsideFixtures();
  // rich-form-abs is checked at zip level: exceljs 4.4.0 cannot open absolute part paths (issue 9).
  for (const f of fixtures.filter((x) => x.id !== 'rich-form-abs')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f.data as unknown as ExcelJS.Buffer);
    books.set(f.id, wb);
  }
});

const sheet = (id: string, name: string): ExcelJS.Worksheet => {
  const ws = books.get(id)!.getWorksheet(name);
  expect(ws, `${id} / ${name}`).toBeDefined();
  return ws!;
};
const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as unknown as { merges: string[] }).merges;
const text = (ws: ExcelJS.Worksheet, a: string): string => String(ws.getCell(a).value ?? '');
const dec = (ws: ExcelJS.Worksheet, a: string): Decimal => new Decimal(String(ws.getCell(a).value));

const SHEETS: Record<string, string[]> = {
  '88-shenbao': ['项目1', '项目2', '填表说明'],
  '101-core': ['核心绩效指标表'],
  'long-annual-remark': ['农村人居环境整治', '困难群众救助'],
  'core-star': ['表1', '表2'],
  'core-column': ['表1', '表2'],
  'measure-unit': ['Sheet1', 'Sheet2'],
  'overview-plan': ['项目1', '项目2'],
  'review-blocks': ['表1', '表2'],
  'rich-form': ['项目表1', '项目表2', '填表说明'],
  'rich-form-abs': ['项目表1', '项目表2', '填表说明'],
  'funds-lines': ['表1', '表2'],
};

describe('outside-the-families fixtures', () => {
  it('builds eleven distinct workbooks with the intended sheets and a description naming every sheet', () => {
    expect(fixtures.map((f) => f.id)).toEqual(Object.keys(SHEETS));
    for (const f of fixtures) {
      if (f.id === 'rich-form-abs') continue;
      expect(books.get(f.id)!.worksheets.map((w) => w.name), f.id).toEqual(SHEETS[f.id]);
      for (const name of SHEETS[f.id]) expect(f.description, f.id).toContain(`Sheet 「${name}」`);
      expect(f.fileName).toBe(`${f.id}.xlsx`);
    }
  });

  it('88-shenbao: side-by-side 中期 / 年度 funds and goals, two indicator blocks, footer', () => {
    const ws = sheet('88-shenbao', '项目1');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:H1', 'B4:H4', 'A9:A11', 'G9:H9', 'A12:A13', 'B13:D13', 'E13:H13', 'A14:H14', 'C15:E15', 'F15:G15']));
    expect(text(ws, 'A14')).toBe('长期绩效指标');
    expect([text(ws, 'A15'), text(ws, 'B15'), text(ws, 'C15'), text(ws, 'F15'), text(ws, 'H15')]).toEqual(['一级指标', '二级指标', '指标内容', '指标值', '备注']);
    expect(text(ws, 'A21')).toBe('年度绩效指标');
    expect(text(ws, 'B12')).toBe('中期目标（2025—2027年）');
    for (const c of ['D', 'G']) expect(dec(ws, `${c}9`).equals(dec(ws, `${c}10`).plus(dec(ws, `${c}11`)))).toBe(true);
    expect(text(ws, 'A33')).toMatch(/^单位负责人：/);
    expect(text(ws, 'G33')).toMatch(/^填报日期：/);
  });

  it('101-core: three stacked tables, amounts under labels, split value columns, weights 100, 审核意见 rows', () => {
    const ws = sheet('101-core', '核心绩效指标表');
    const titles: number[] = [];
    const reviews: number[] = [];
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === '2025年度项目支出核心绩效指标表') titles.push(r);
      if (row.getCell(1).value === '主管部门审核意见') reviews.push(r);
    });
    expect(titles).toHaveLength(3);
    expect(reviews).toHaveLength(3);
    for (let k = 0; k < 3; k++) {
      const t = titles[k];
      expect(text(ws, `B${t + 3}`)).toBe('资金总额');
      expect(dec(ws, `B${t + 4}`).equals(dec(ws, `D${t + 4}`).plus(dec(ws, `F${t + 4}`)))).toBe(true);
      expect(text(ws, `G${t + 6}`)).toBe('权重');
      expect(text(ws, `A${t + 7}`)).toBe('成本指标');
      let weight = 0;
      for (let r = t + 7; r < reviews[k]; r++) {
        weight += Number(ws.getCell(`G${r}`).value);
        expect(['≥', '≤', '＝', '定性']).toContain(text(ws, `D${r}`));
      }
      expect(weight).toBe(100);
      expect(merges(ws)).toContain(`B${reviews[k]}:G${reviews[k]}`);
    }
  });

  it('long-annual-remark: inline 「标签：值」 amounts that add up, vertical block labels', () => {
    const ws = sheet('long-annual-remark', '农村人居环境整治');
    const amount = (a: string) => new Decimal(/：([\d.]+)万元$/.exec(text(ws, a))![1]);
    expect(text(ws, 'C5')).toMatch(/^资金总额：/);
    expect(amount('C5').equals(amount('D5').plus(amount('E5')))).toBe(true);
    expect(text(ws, 'A8')).toBe('长期绩效指标');
    expect(ws.getCell('A8').alignment.textRotation).toBe('vertical');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A8:A13', 'A14:A24']));
    expect(text(ws, 'F8')).toBe('备注');
  });

  it('core-star / core-column: ★ as a name prefix or in its own column', () => {
    const star = sheet('core-star', '表2');
    const col = sheet('core-column', '表2');
    const names = (ws: ExcelJS.Worksheet) => ws.getColumn(3).values.map(String);
    expect(names(star).filter((n) => n.startsWith('★'))).toEqual(['★改造农村户厕', '★户厕改造验收合格率', '★村容村貌']);
    expect(names(col).filter((n) => !n.startsWith('注：')).some((n) => n.includes('★'))).toBe(false);
    expect(col.getColumn(5).values.filter((v) => v === '★')).toHaveLength(3);
  });

  it('measure-unit, overview-plan, review-blocks, funds-lines: their distinguishing blocks', () => {
    const mu = sheet('measure-unit', 'Sheet1');
    expect([text(mu, 'D7'), text(mu, 'E7'), text(mu, 'F7')]).toEqual(['指标值', '计量单位', '指标值确定依据']);
    expect([text(mu, 'D8'), text(mu, 'E8')]).toEqual(['≥300', '户']);
    const op = sheet('overview-plan', '项目1');
    expect(text(op, 'A9')).toBe('项目概况');
    expect(text(op, 'A11')).toBe('实施进度\n计划');
    expect(merges(op)).toEqual(expect.arrayContaining(['A11:A14', 'C11:D11']));
    const rb = sheet('review-blocks', '表1');
    const labels = rb.getColumn(1).values.map(String);
    expect(labels).toEqual(expect.arrayContaining(['其他说明的问题', '主管部门\n审核意见', '财政部门\n审核意见']));
    const fl = sheet('funds-lines', '表1');
    expect(text(fl, 'B6')).toBe('资金总额（合计）');
    const lines = [7, 8, 9, 10, 11].map((r) => dec(fl, `C${r}`));
    expect(lines.reduce((a, b) => a.plus(b)).equals(dec(fl, 'C6'))).toBe(true);
  });

  it('rich-form: comment, drop-downs, header / footer, print area and titles', () => {
    const ws = sheet('rich-form', '项目表1');
    const note = ws.getCell('B5').note;
    expect(typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('')).toContain('新增项目或延续项目');
    expect(ws.getCell('B5').dataValidation.formulae).toEqual(['"新增项目,延续项目"']);
    expect(ws.getCell('A11').dataValidation.type).toBe('list');
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.pageSetup.printArea).toMatch(/^A1:D\d+$/);
    expect(ws.pageSetup.printTitlesRow).toBe('10:10');
  });

  it('rich-form-abs: the rich form with every part relationship rewritten as an absolute path', () => {
    const unzip = (id: string) => {
      const data = fixtures.find((f) => f.id === id)!.data;
      return new Map(readZipDirectory(data, 100).map((e) => [e.name, inflateEntry(data, e, 1 << 26).toString('utf8')]));
    };
    const plain = unzip('rich-form');
    const abs = unzip('rich-form-abs');
    expect([...abs.keys()].sort()).toEqual([...plain.keys()].sort());
    for (const [name, xml] of abs) {
      if (!/\/_rels\/.+\.rels$/.test(name)) expect(xml, name).toBe(plain.get(name));
    }
    const sheetRels = abs.get('xl/worksheets/_rels/sheet1.xml.rels')!;
    expect(sheetRels).toContain('Target="/xl/comments1.xml"');
    expect(sheetRels).toContain('Target="/xl/drawings/vmlDrawing1.vml"');
    expect(abs.get('xl/_rels/workbook.xml.rels')).toContain('Target="/xl/worksheets/sheet1.xml"');
    expect(plain.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../comments1.xml"');
  });
});
