import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../shared/errors';
import { layout } from '../../../shared/layout';
import { createTable } from '../../../shared/families/create-table';
import { hideEmptySlots, isEmptySlot, parseTableSelection, renderPrintHtml, wrappedLineCount } from '../../../shared/print';
import { pageCellTexts, parsePrintHtml, unescapeCell } from './print-html-parse';
import { longTable, projectOf, sampleTable } from './sample-tables';

const meta = projectOf([]).meta;

describe('hide empty slots (family A)', () => {
  const table = sampleTable('nx-2024');

  it('drops empty slots, keeps one blank slot for a 二级 with nothing filled, and keeps value-only slots', () => {
    const filtered = hideEmptySlots(table);
    const byLevel2 = (t: typeof table) => t.indicators.map((i) => `${i.level2}:${i.name || '∅'}:${i.value.raw || '∅'}`);
    expect(byLevel2(filtered)).toEqual([
      '数量指标:人大代表观摩次数:5次', '数量指标:人大会议:1次', '质量指标:通过观摩提升效果:95%', '质量指标:会议安排及成功率:100%',
      '时效指标:计划按期完成率:≥98%', '时效指标:会议安排时间:2024年底', '成本指标:观摩费用:2.6万元', '成本指标:会议成本:1.4万元',
      '经济效益指标:∅:∅', '社会效益指标:促进人大代表依法履职,代表联系群众更紧密。:显著', '生态效益指标:∅:∅',
      '可持续影响指标:提升人大代表及群众思想意识:0.99', '可持续影响指标:参会人员思想觉悟提高:0.95',
      '服务对象满意度指标:观摩对象满意度:≥98%', '服务对象满意度指标:∅:≥96%',
    ]);
    expect(isEmptySlot(table.indicators[8])).toBe(true);
  });

  it('lays the filtered table out anew: no spacer rows, 一级/二级 rowspans follow the kept rows', () => {
    const result = renderPrintHtml(projectOf([table]), { hideEmptySlots: true });
    const pages = parsePrintHtml(result.html);
    expect(pages).toHaveLength(1);
    const cells = pages[0].rows.flatMap((r) => r.cells);
    const span = (text: string) => cells.find((c) => unescapeCell(c.html) === text)?.rowspan;
    expect(span('产出指标')).toBe(8);
    expect(span('效益指标')).toBe(5);
    expect(span('满意度指标')).toBe(2);
    expect(span('经济效益指标')).toBe(1);
    expect(span('社会效益指标')).toBe(1);
    expect(cells.some((c) => c.style === 'spacer')).toBe(false);
    const sheet = layout(hideEmptySlots(table), meta, { spacerRows: false });
    expect(pages[0].rows).toHaveLength(sheet.rowCount);
    const all = renderPrintHtml(projectOf([table]));
    expect(all.pageCount).toBe(2);
    expect(parsePrintHtml(all.html).flatMap((p) => p.rows.flatMap((r) => r.cells)).filter((c) => c.style === 'spacer').length).toBe(9 * 2); // 9 二级 × (三级 + 指标值)
  });

  it('leaves tables of families without pre-printed slots unchanged', () => {
    const b = createTable('nx-2022');
    expect(hideEmptySlots(b)).toBe(b);
    expect(renderPrintHtml(projectOf([b]), { hideEmptySlots: true }).html).toBe(renderPrintHtml(projectOf([b])).html);
  });
});

describe('page numbers, signature, table selection', () => {
  const project = projectOf([longTable(40), sampleTable('hebei'), sampleTable('jx-2024'), sampleTable('nx-2024')]);

  it('numbers every page 「第 N 页 共 M 页」 across all printed tables, each table starting on a new page', () => {
    const result = renderPrintHtml(project);
    const pages = parsePrintHtml(result.html);
    expect(result.pagesPerTable.reduce((a, b) => a + b, 0)).toBe(result.pageCount);
    expect(pages.map((p) => p.footer)).toEqual(pages.map((_, i) => `第 ${i + 1} 页 共 ${result.pageCount} 页`));
    let at = 0;
    result.pagesPerTable.forEach((n, t) => {
      expect(pages.slice(at, at + n).map((p) => [p.tableIndex, p.pageInTable])).toEqual([...Array(n).keys()].map((k) => [t, k]));
      expect(pages[at].rows[0].sourceRow).toBe(0); // the title row opens the table's first page
      at += n;
    });
    expect(renderPrintHtml(project, { pageNumbers: false }).html).not.toContain('class="footer"');
  });

  it('prints the signature lines only when asked, once under each table', () => {
    expect(renderPrintHtml(project).html).not.toContain('class="signature"');
    const result = renderPrintHtml(project, { signature: true });
    const pages = parsePrintHtml(result.html);
    let at = 0;
    for (const n of result.pagesPerTable) {
      expect(pages.slice(at, at + n).map((p) => p.signature)).toEqual([...Array(n).keys()].map((k) => k === n - 1));
      at += n;
    }
    for (const label of ['单位负责人：', '填表人：', '联系电话：', '日期：']) expect(pages[at - 1].html).toContain(label);
  });

  it('prints only the selected tables, in the order given', () => {
    const result = renderPrintHtml(project, { tables: [2, 0] });
    const pages = parsePrintHtml(result.html);
    expect([...new Set(pages.map((p) => p.tableIndex))]).toEqual([2, 0]);
    expect(pageCellTexts(pages[0])).toContain('AK替代专项经费');
    expect(result.pagesPerTable).toEqual([renderPrintHtml(project, { tables: [2] }).pageCount, renderPrintHtml(project, { tables: [0] }).pageCount]);
    expect(() => renderPrintHtml(project, { tables: [4] })).toThrow(/没有第 5 张表：项目共有 4 张表/);
    try {
      renderPrintHtml(project, { tables: [-1] });
    } catch (e) {
      expect(isUserError(e)).toBe(true);
    }
  });

  it('prints nothing for an empty selection of an empty project', () => {
    expect(renderPrintHtml(projectOf([]))).toMatchObject({ pageCount: 0, pagesPerTable: [] });
  });
});

describe('--tables selection', () => {
  it('reads 1-based numbers and ranges into 0-based indices in the order given', () => {
    expect(parseTableSelection('1,3-5', 6)).toEqual([0, 2, 3, 4]);
    expect(parseTableSelection('6，2, 2-3', 6)).toEqual([5, 1, 2]);
  });

  it.each(['0', '7', '3-2', 'a', '1-', ',', '2-9'])('rejects %s with a Chinese usage message', (text) => {
    expect(() => parseTableSelection(text, 6)).toThrow(/--tables 中的.*无效：应为 1–6 的表序号或范围/);
  });
});

describe('text measurement', () => {
  it('wraps CJK text by character and keeps ASCII words whole', () => {
    const em = 10.5 * (25.4 / 72); // one CJK character at 五号
    expect(wrappedLineCount('', 30, 10.5)).toBe(1);
    expect(wrappedLineCount('数量指标', 4.2 * em, 10.5)).toBe(1);
    expect(wrappedLineCount('服务对象满意度指标', 4.2 * em, 10.5)).toBe(3);
    expect(wrappedLineCount('第一行\n第二行', 30, 10.5)).toBe(2);
    // Closing punctuation never starts a line: 「指标，」 moves over together.
    expect(wrappedLineCount('一二三，', 3.2 * em, 10.5)).toBe(2);
    // A 21-character 项目编码 breaks anywhere only when longer than the line.
    expect(wrappedLineCount('13073024P00888510015C', 8 * em, 10.5)).toBe(2);
    expect(wrappedLineCount('≥95% abc', 10 * em, 10.5)).toBe(1);
  });
});
