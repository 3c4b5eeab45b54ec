/** shared/document: content numbering, the flow's parity with the print engine's pagination, the 目录. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageFlow, defaultReviewer, documentContent, documentGeometry, paginateDocument, renderDocumentHtml } from '../../../shared/document';
import { breakLines } from '../../../shared/document/break-lines';
import type { Project } from '../../../shared/model/types';
import { measureRows, paginateTable } from '../../../shared/print';
import { GUANTING_DEPARTMENT, GUANTING_DEPARTMENT_TABLE } from '../../fixtures/document/department-data';

const root = path.resolve(__dirname, '../../..');
const seed = (name: string): Project => JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/seeds', `${name}.project.json`), 'utf8'));

describe('document content', () => {
  it('numbers project tables 「N.项目名称绩效目标表」; family C prints it as its title', () => {
    const c = documentContent(seed('s2'));
    expect(c.part1).toBeNull();
    expect(c.part2.map((t) => t.heading).slice(0, 2)).toEqual(['1.官厅镇村干部工资绩效目标表', '2.官厅镇怀财字【2024】7号2022年一事一议项目资金绩效目标表']);
    expect(c.part2[13].table.title).toBe('14.怀财字【2024】7号村干部养老保险绩效目标表');
    expect(c.part2.every((t) => !t.headingAbove)).toBe(true);
    expect(c.cover).toEqual({ unitName: '怀来县官厅镇人民政府', title: '2024年部门预算绩效文本', compiler: '怀来县官厅镇人民政府编制', reviewer: '怀来县财政局审核' });
  });

  it('family E tables make 第一部分; other families get their heading above the form', () => {
    const c = documentContent(seed('s3'), { title: '2024年部门预算绩效文本（草案）', reviewer: '' });
    expect(c.part1?.tables.map((t) => t.heading)).toEqual(['2024年部门整体支出绩效目标表']);
    expect(c.part2[0]).toMatchObject({ heading: '1.AK替代专项经费绩效目标表', headingAbove: true });
    expect(c.cover.title).toBe('2024年部门预算绩效文本（草案）');
    expect(c.cover.reviewer).toBe('');
    expect(defaultReviewer('永宁县闽宁镇人民政府')).toBe('永宁县财政局审核');
    expect(defaultReviewer('凤岗镇人民政府')).toBe('');
  });
});

describe('document pagination', () => {
  it('a table flowed onto a fresh page breaks exactly where `jxmb pdf` breaks it (every seed table)', () => {
    for (const name of ['s0', 's1', 's2', 's3']) {
      const project = seed(name);
      for (const table of project.tables) {
        const engine = paginateTable(table, project.meta);
        const flow = new PageFlow();
        flow.freshPage(engine.layout.orientation);
        flow.placeRows(engine.layout, engine.colMm, measureRows(engine.layout, engine.colMm), 'x');
        const pages = flow.pages.map((p) => p.blocks.flatMap((b) => (b.kind === 'rows' ? b.rows : [])));
        expect(pages).toEqual(engine.pages);
      }
    }
  });

  it('怀来 官厅镇: the published structure (第一部分 on 1–2, 第二部分 on 3, table 1 on 4), pages in order', () => {
    const doc = paginateDocument(documentContent({ ...seed('s2'), department: GUANTING_DEPARTMENT }));
    const pages = Object.fromEntries(doc.toc.map((e) => [e.text, e.page]));
    expect(pages['第一部分 部门整体绩效目标']).toBe(1);
    expect(pages['一、总体绩效目标']).toBe(1);
    expect(pages['三、工作保障措施']).toBe(2);
    expect(pages['第二部分 预算项目绩效目标']).toBe(3);
    expect(pages['1.官厅镇村干部工资绩效目标表']).toBe(4);
    const numbers = doc.toc.map((e) => e.page);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(doc.toc.filter((e) => e.level === 2)).toHaveLength(23);
    expect(doc.frontPages).toBe(1 + doc.tocPages.length);
  });

  it('a 分项绩效目标 table heading is never left alone at the foot of a page', () => {
    const doc = paginateDocument(documentContent({ ...seed('s2'), department: GUANTING_DEPARTMENT_TABLE }));
    for (const page of doc.body) {
      const last = page.blocks[page.blocks.length - 1];
      expect(last.kind).not.toBe('heading');
    }
    const tablePage = doc.body.find((p) => p.blocks.some((b) => b.kind === 'rows' && b.layout.colCount === 4))!;
    const rows = tablePage.blocks.find((b) => b.kind === 'rows')!;
    expect(rows.kind === 'rows' && rows.rows[0].sourceRow).toBe(0);
  });

  it('every page fits its 版心', () => {
    const doc = paginateDocument(documentContent({ ...seed('s2'), department: GUANTING_DEPARTMENT_TABLE }));
    for (const page of doc.body) {
      const used = page.blocks.reduce((h, b) => h + b.heightMm, 0);
      if (page.blocks.length > 1) expect(used).toBeLessThanOrEqual(page.geometry.bodyHeight);
    }
    const toc = documentGeometry('portrait').bodyHeight;
    for (const lines of doc.tocPages) expect(lines.reduce((h, l) => h + l.heightMm, 0)).toBeLessThanOrEqual(toc);
  });

  it('a paragraph longer than the rest of the page is broken there and continues without indent', () => {
    const long = `1.${'加强组织领导，落实工作责任，强化资金监管。'.repeat(80)}`;
    const doc = paginateDocument(documentContent({ ...seed('s2'), department: { ...GUANTING_DEPARTMENT, safeguards: `${long}\n2.开展自评。` } }));
    const parts = doc.body.flatMap((p) => p.blocks).filter((b) => b.kind === 'paragraph' && (b.text === long || long.includes(b.text) || b.continued));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('')).toBe(long);
    expect(parts.slice(1).every((b) => b.kind === 'paragraph' && b.continued)).toBe(true);
    for (const page of doc.body) expect(page.blocks.reduce((h, b) => h + b.heightMm, 0)).toBeLessThanOrEqual(page.geometry.bodyHeight - 3 + 0.01);
  });

  it('the HTML has one page section per planned page and escapes text', () => {
    const project = { ...seed('s2'), department: { ...GUANTING_DEPARTMENT, safeguards: '1.<script>x</script>' } };
    const r = renderDocumentHtml(project);
    expect(r.html.match(/<section class="page/g)).toHaveLength(r.pageCount);
    expect(r.html).toContain('&lt;script&gt;');
    expect(r.html).toContain('<div class="footer">— 1 —</div>');
  });
});

describe('目录 line breaking', () => {
  it('cuts long entries into lines that fit, keeping brackets with their text', () => {
    const lines = breakLines('18.怀财字【2024】7号村级组织运转（村级组织服务群众专项经费）绩效目标表', 140, 14);
    expect(lines.length).toBe(2);
    expect(lines.join('')).toBe('18.怀财字【2024】7号村级组织运转（村级组织服务群众专项经费）绩效目标表');
    for (const l of lines) expect(l.endsWith('（')).toBe(false);
    expect(breakLines('短', 140, 14)).toEqual(['短']);
    const fourEm = (14 * (25.4 / 72) * 4) / 0.97 + 0.01;
    expect(breakLines('一二三四五，六', fourEm, 14)).toEqual(['一二三四', '五，六']);
    expect(breakLines('一二三四，五', fourEm, 14)).toEqual(['一二三', '四，五']);
    expect(breakLines('一二三【四五', fourEm, 14)).toEqual(['一二三', '【四五']);
  });
});
