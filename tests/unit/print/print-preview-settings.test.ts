import { describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../../electron/host/ipc-handlers';
import { scriptedDialogs } from '../../../electron/host/dialogs';
import { printOptionsOf } from '../../../electron/services/print-pdf-service';
import type { Project } from '../../../shared/model/types';
import { renderPrintHtml } from '../../../shared/print/render-print-html';
import type { Finding } from '../../../shared/validation/types';
import {
  DEFAULT_PREVIEW_SETTINGS, PREVIEW_GAP_MM, PX_PER_MM, clampZoom, fitWidthZoom, hasEmptySlotOption, pdfName, previewDocument,
  previewSize, printErrors, printOptions, printRequest, selectedTables, stepZoom, type PreviewSettings,
} from '../../../renderer/src/print/print-settings';
import { projectOf, sampleTable } from './sample-tables';

/** 打印预览's pure logic (renderer/src/print/print-settings.ts) and the print options over IPC. */

const project = projectOf([sampleTable('nx-2024'), sampleTable('hebei'), sampleTable('jx-department'), sampleTable('nx-2024')]);
const settings = (patch: Partial<PreviewSettings>): PreviewSettings => ({ ...DEFAULT_PREVIEW_SETTINGS, ...patch });

describe('table selection', () => {
  it('selects the current table, all tables, or the chosen ones in table order without duplicates or strays', () => {
    expect(selectedTables(settings({ scope: 'current' }), 2, 4)).toEqual([2]);
    expect(selectedTables(settings({ scope: 'all' }), 2, 4)).toEqual([0, 1, 2, 3]);
    expect(selectedTables(settings({ scope: 'chosen', chosen: [3, 1, 3, 9, -1, 1.5] }), 0, 4)).toEqual([1, 3]);
    expect(selectedTables(settings({ scope: 'chosen', chosen: [] }), 0, 4)).toEqual([]);
    expect(selectedTables(settings({ scope: 'current' }), 4, 4)).toEqual([]);
  });

  it('sends no tableIndices for 全部表 and the options always', () => {
    expect(printRequest(settings({ scope: 'all', hideEmptySlots: true }), 1, 4)).toEqual({
      options: { hideEmptySlots: true, pageNumbers: true, signature: false },
    });
    expect(printRequest(settings({ scope: 'current', signature: true, pageNumbers: false }), 1, 4)).toEqual({
      tableIndices: [1], options: { hideEmptySlots: false, pageNumbers: false, signature: true },
    });
  });

  it('previews exactly the pages main prints for the same request', () => {
    const s = settings({ scope: 'chosen', chosen: [3, 0], hideEmptySlots: true, signature: true });
    const { tableIndices, options } = printRequest(s, 0, project.tables.length);
    const preview = renderPrintHtml(project, printOptions(s, 0, project.tables.length));
    const main = renderPrintHtml(project, printOptionsOf(tableIndices, options));
    expect(preview.html).toBe(main.html);
    expect(preview.pagesPerTable).toHaveLength(2);
  });

  it('knows when 隐藏空白指标行 applies (family A pre-printed slots only)', () => {
    expect(hasEmptySlotOption(project, [1, 2])).toBe(false);
    expect(hasEmptySlotOption(project, [1, 3])).toBe(true);
  });
});

describe('preview document', () => {
  it('adds a CSP that allows only inline styles, and screen-only page spacing after the print styles', () => {
    const { html } = renderPrintHtml(project, { tables: [0] });
    const doc = previewDocument(html);
    expect(doc).toMatch(/<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    expect(doc.indexOf('@media screen{html,body{overflow:hidden}')).toBeGreaterThan(doc.indexOf('table.sheet td'));
    expect(doc.indexOf('@media screen{html,body{overflow:hidden}')).toBeLessThan(doc.indexOf('</head>'));
    expect(doc.replace(/<meta http-equiv[^>]*>/, '').replace(/<style>@media screen\{html,body[^<]*<\/style>/, '')).toBe(html);
  });

  it('sizes the document from its portrait and landscape pages', () => {
    const portrait = renderPrintHtml(project, { tables: [0] });
    const size = previewSize(portrait.html);
    expect(size.pages).toBe(portrait.pageCount);
    expect(size.widthMm).toBe(210 + 2 * PREVIEW_GAP_MM);
    expect(size.heightMm).toBe(PREVIEW_GAP_MM + portrait.pageCount * (297 + PREVIEW_GAP_MM));
    // Every family prints portrait today; a landscape page (supported by shared/print) widens the document.
    const mixed = portrait.html.replace('<section class="page portrait"', '<section class="page landscape"');
    expect(previewSize(mixed)).toEqual({
      widthMm: 297 + 2 * PREVIEW_GAP_MM,
      heightMm: PREVIEW_GAP_MM + (portrait.pageCount - 1) * (297 + PREVIEW_GAP_MM) + (210 + PREVIEW_GAP_MM),
      pages: portrait.pageCount,
    });
  });
});

describe('zoom', () => {
  it('clamps to 50–200 %, steps through the list, fits the width', () => {
    expect([clampZoom(10), clampZoom(250), clampZoom(99.6), clampZoom(Number.NaN)]).toEqual([50, 200, 100, 100]);
    expect([stepZoom(100, 1), stepZoom(100, -1), stepZoom(133, 1), stepZoom(133, -1), stepZoom(200, 1), stepZoom(50, -1)])
      .toEqual([125, 75, 150, 125, 200, 50]);
    const docMm = 210 + 2 * PREVIEW_GAP_MM;
    expect(fitWidthZoom(docMm * PX_PER_MM, docMm)).toBe(100);
    expect(fitWidthZoom(docMm * PX_PER_MM * 1.333, docMm)).toBe(133);
    expect(fitWidthZoom(100, docMm)).toBe(50);
    expect(fitWidthZoom(0, docMm)).toBe(100);
  });
});

describe('errors before printing', () => {
  const f = (tableIndex: number, severity: Finding['severity']) => ({ tableIndex, severity }) as Finding;
  const byTable = [[f(0, 'error'), f(0, 'warning')], [], [f(2, 'error'), f(2, 'error'), f(2, 'info')]];

  it('counts the error-level findings of the printed tables only', () => {
    expect(printErrors(byTable)).toHaveLength(3);
    expect(printErrors(byTable, [0, 1])).toHaveLength(1);
    expect(printErrors(byTable, [1])).toHaveLength(0);
    expect(printErrors(byTable, [2, 7])).toHaveLength(2);
  });
});

describe('PDF name', () => {
  it('uses the table name for one table, else the document, else the unit', () => {
    const p: Project = { ...project, meta: { ...project.meta, unitName: '闽宁镇人民政府' } };
    expect(pdfName(p, '预算.jxmb', [1])).toBe(p.tables[1].projectName);
    expect(pdfName(p, '预算.jxmb', [0, 1])).toBe('预算');
    expect(pdfName(p, '预算（导入）', [0, 1])).toBe('预算');
    expect(pdfName(p, '未命名', [0, 1])).toBe('闽宁镇人民政府');
    expect(pdfName(p, '示例项目', [0, 1])).toBe('闽宁镇人民政府');
  });
});

describe('print channels over IPC', () => {
  it('validates the options and hands them, with the tables, to the print and PDF services', async () => {
    const calls: unknown[][] = [];
    const handlers = createIpcHandlers({
      dialogs: scriptedDialogs({ savePdf: ['/tmp/x.pdf'] }),
      loadProject: async () => null, saveProject: async () => undefined,
      importXlsx: async () => ({ project, warnings: [] }), exportXlsx: async () => undefined, samplePath: '/nonexistent',
      print: async (...args) => { calls.push(['print', ...args.slice(1)]); return true; },
      exportPdf: async (...args) => { calls.push(['pdf', args[0], ...args.slice(2)]); },
    });
    const options = { hideEmptySlots: true, pageNumbers: false, signature: true };
    expect(await handlers['print:tables']({ project, tableIndices: [1], options })).toEqual({ ok: true, value: true });
    expect(await handlers['pdf:export']({ project, options: { signature: true } })).toEqual({ ok: true, value: { path: '/tmp/x.pdf' } });
    expect(calls).toEqual([['print', [1], options], ['pdf', '/tmp/x.pdf', undefined, { signature: true }]]);
    const bad = await handlers['print:tables']({ project, options: { hideEmptySlots: 'yes' } });
    expect(bad.ok).toBe(false);
    const extra = await handlers['print:tables']({ project, options: { html: '<script>' } });
    expect(extra.ok).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('maps the settings onto shared/print options', () => {
    expect(printOptionsOf()).toEqual({});
    expect(printOptionsOf([2], { pageNumbers: false })).toEqual({ tables: [2], pageNumbers: false });
  });
});
