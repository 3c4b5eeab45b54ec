import { describe, expect, it } from 'vitest';
import { layout } from '../../../shared/layout';
import { FAMILY_IDS } from '../../../shared/model/types';
import { cellTextToHtml, escapeHtml, renderPrintHtml } from '../../../shared/print';
import { pageCellTexts, parsePrintHtml, unescapeCell } from './print-html-parse';
import { projectOf, sampleTable } from './sample-tables';

describe('escaping', () => {
  it('escapes the five HTML metacharacters and turns line breaks into <br>', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(cellTextToHtml('第一行\r\n第二行\n<b>三</b>\r四')).toBe('第一行<br>第二行<br>&lt;b&gt;三&lt;/b&gt;<br>四');
  });

  it('prints cell markup as text: no element from a cell reaches the document', () => {
    const table = {
      ...sampleTable('nx-2024'),
      projectName: '<img src=x onerror=alert(1)>',
      goal: '<p>本年共组织召开1次镇人代会</p>\n<script>alert(2)</script>',
      title: '<b>标题</b>',
    };
    const project = { ...projectOf([table]), meta: { ...projectOf([]).meta, unitName: '</title><script>alert(3)</script>' } };
    const { html } = renderPrintHtml(project);
    expect(html).not.toMatch(/<img|<script|<p>|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;p&gt;本年共组织召开1次镇人代会&lt;/p&gt;<br>&lt;script&gt;alert(2)&lt;/script&gt;');
    const texts = parsePrintHtml(html).flatMap(pageCellTexts);
    expect(texts).toContain('<img src=x onerror=alert(1)>');
    expect(texts).toContain('<b>标题</b>');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; 绩效目标表</title>');
  });
});

describe('official layout', () => {
  it.each(FAMILY_IDS)('%s: every layout cell is printed once with its rowspan/colspan on a one-page table', (family) => {
    const table = sampleTable(family);
    const result = renderPrintHtml(projectOf([table]));
    const pages = parsePrintHtml(result.html);
    expect(pages).toHaveLength(result.pageCount);
    const sheet = layout(table, projectOf([]).meta);
    if (pages.length !== 1) return; // multi-page tables are covered by the pagination tests
    const printed = pages[0].rows.flatMap((r) => r.cells.map((c) => `${unescapeCell(c.html)}|${c.rowspan}|${c.colspan}|${c.style}`));
    const expected = sheet.cells.map((c) => `${c.text}|${c.rowspan}|${c.colspan}|${c.style}`);
    expect(printed).toEqual(expected);
  });

  it('family A: 一级 rowspans are 12 / 12 / 3 rows, 二级 3 rows, side label 绩效指标 covers header row and body', () => {
    const pages = parsePrintHtml(renderPrintHtml(projectOf([sampleTable('nx-2024')])).html);
    const cells = pages.flatMap((p) => p.rows.flatMap((r) => r.cells));
    const spanOf = (text: string) => cells.filter((c) => unescapeCell(c.html) === text).map((c) => c.rowspan);
    // Page 1 shows the whole 产出 group; 效益 may continue on page 2, where its label is repeated.
    expect(spanOf('产出指标')).toEqual([12]);
    expect(spanOf('效益指标').reduce((a, b) => a + b, 0)).toBe(12);
    expect(spanOf('满意度指标')).toEqual([3]);
    expect(spanOf('数量指标')).toEqual([3]);
    const sheet = layout(sampleTable('nx-2024'), projectOf([]).meta);
    const side = pages.map((p) => p.rows.flatMap((r) => r.cells).find((c) => unescapeCell(c.html) === '绩效指标')!);
    // The side label spans every printed matrix row of each page (header row + body rows).
    pages.forEach((p, i) => {
      const matrixRows = p.rows.filter((r) => r.sourceRow >= sheet.matrixHeaderRow).length;
      expect(side[i].rowspan).toBe(matrixRows);
    });
  });

  it('uses the family column widths scaled to the 156 mm 版心, A4 pages with GB/T 9704 margins and the CJK serif stack', () => {
    const { html } = renderPrintHtml(projectOf([sampleTable('nx-2024')]));
    const widths = [...html.slice(0, html.indexOf('</colgroup>')).matchAll(/<col style="width:([\d.]+)mm">/g)].map((m) => Number(m[1]));
    const units = [5, 8, 18, 24, 18, 16];
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(156, 1);
    widths.forEach((w, i) => expect(w).toBeCloseTo((units[i] / 89) * 156, 1));
    expect(html).toContain('@page{size:A4 portrait;margin:0}');
    expect(html).toMatch(/\.page\.portrait\{padding:37mm 26mm 35mm 28mm\}/);
    expect(html).toMatch(/font-family:"宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif/);
    expect(html).toMatch(/table\.sheet td\{border:0\.5pt solid #000/);
    expect(html).toMatch(/td\.s-title\{font-size:18pt/);
  });

  it('prints the title and the unit line of family C above the grid, without borders', () => {
    const { html } = renderPrintHtml(projectOf([sampleTable('hebei')]));
    const pages = parsePrintHtml(html);
    const [title, unitLine] = pages[0].rows;
    expect(title.cells.map((c) => [c.style, unescapeCell(c.html)])).toEqual([['title', '1.官厅镇村干部工资绩效目标表']]);
    expect(unitLine.cells.map((c) => [c.style, unescapeCell(c.html)])).toEqual([
      ['unitLine', '816001怀来县官厅镇人民政府'], ['unitLineRight', '单位：万元'],
    ]);
    expect(html).toMatch(/table\.sheet td\.s-unitLine\{[^}]*border:none/);
  });

  it('prints a landscape family on landscape pages', () => {
    const table = sampleTable('jx-2024');
    const project = projectOf([table]);
    const result = renderPrintHtml(project, {});
    expect(parsePrintHtml(result.html)[0].orientation).toBe('portrait');
    // No family is landscape today; the page kind follows SheetLayout.orientation.
    expect(result.html).not.toContain('.page.landscape{padding');
  });
});
