/**
 * The same tables printed two ways must give the same pages: our PDF (print HTML → Chromium) and
 * the xlsx export (writeProjectXlsx) printed by LibreOffice (soffice --convert-to pdf, private
 * profile). The xlsx carries the print plan of shared/print (scale, GB/T 9704 margins, manual
 * breaks, row heights, header row as print titles), so page counts are equal per table, every
 * indicator row is on the same page in both PDFs, and LibreOffice repeats the header row on
 * every continuation page. Cases: the first seed table of every family, a 40-indicator table of
 * every family (hide-empty-slots off), and the stacked export of every seed project.
 * Figures are written to test-output/print/parity.json. Without soffice / poppler / a browser the
 * suite is skipped locally and FAILS in CI (CI=true).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, renderPdf } from '../../electron/services/pdf-service';
import { writeProjectXlsx } from '../../electron/services/xlsx/write-workbook';
import type { SheetLayout } from '../../shared/layout';
import { FAMILY_IDS, type PerformanceTable, type Project } from '../../shared/model/types';
import { paginateTable, renderPrintHtml } from '../../shared/print';
import { longTable, projectOf } from '../unit/print/sample-tables';

const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'test-output', 'print');
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const hasTools = ['soffice', 'pdfinfo', 'pdftotext'].every((t) => spawnSync(t, ['-v'], { stdio: 'ignore' }).error === undefined);
let browserPath: string | null = null;
try {
  browserPath = findBrowser();
} catch {
  browserPath = null;
}
const ready = hasTools && browserPath !== null;

const seeds = ['s0', 's1', 's2', 's3'].map((s) => ({
  name: s,
  project: JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'seeds', `${s}.project.json`), 'utf8')) as Project,
}));

/** One table per family from the seed goldens, then a 40-indicator table of every family. */
const cases: { name: string; table: PerformanceTable }[] = [
  ...FAMILY_IDS.map((family) => ({
    name: `seed-${family}`,
    table: seeds.flatMap((s) => s.project.tables).find((t) => t.family === family)!,
  })),
  ...FAMILY_IDS.map((family) => ({ name: `long40-${family}`, table: longTable(40, family) })),
];
const project = projectOf(cases.map((c) => c.table));

const compact = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/**
 * For every indicator row of a layout: a text that identifies it in a PDF — the start of its
 * 三级 name (on the cell's first line) or the whole name — when no other row contains it.
 */
function rowMarkers(sheet: SheetLayout): Map<number, string> {
  const rowTexts = new Map<number, string>();
  for (const cell of sheet.cells) rowTexts.set(cell.row, `${rowTexts.get(cell.row) ?? ''}|${compact(cell.text)}`);
  const markers = new Map<number, string>();
  for (const cell of sheet.cells) {
    if (cell.binding?.part !== 'name' || cell.rowspan !== 1) continue;
    const name = compact(cell.editText ?? cell.text);
    const marker = [name.slice(0, 6), name].find((m) => m.length >= 4
      && ![...rowTexts].some(([r, text]) => r !== cell.row && text.includes(m)));
    if (marker) markers.set(cell.row, marker);
  }
  return markers;
}

describe.skipIf(!ready && !inCi)('our PDF and LibreOffice printing the xlsx export give the same pages', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-parity-'));
  const ours = renderPrintHtml(project);
  const oursPdf = path.join(dir, 'ours.pdf');
  const loPdf = (name: string): string => path.join(dir, `${name}.pdf`);
  const pdfPages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  const pageTexts = (file: string, raw: boolean): string[] => execFileSync('pdftotext', [...(raw ? ['-raw'] : []), file, '-'], { encoding: 'utf8' })
    .split('\f').slice(0, pdfPages(file)).map(compact);
  /** First page (0-based) of every case in our PDF. */
  const firstPage = cases.map((_, i) => ours.pagesPerTable.slice(0, i).reduce((a, b) => a + b, 0));

  beforeAll(async () => {
    if (!ready) throw new Error('缺少 soffice / poppler-utils / Chromium：CI 中必须安装它们才能比较打印分页');
    fs.writeFileSync(oursPdf, await renderPdf(ours.html, { browserPath: browserPath! }));
    const files: string[] = [];
    for (const [i, c] of cases.entries()) {
      const file = path.join(dir, `${c.name}.xlsx`);
      fs.writeFileSync(file, await writeProjectXlsx(project, { tables: [i] }));
      files.push(file);
    }
    for (const s of seeds) {
      const file = path.join(dir, `stacked-${s.name}.xlsx`);
      fs.writeFileSync(file, await writeProjectXlsx(s.project, { stacked: true }));
      files.push(file);
    }
    // One soffice run converts all workbooks; a fresh profile keeps it off other instances.
    const profile = `file://${path.join(dir, 'profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      stdio: 'ignore', timeout: 300_000,
    });
    const figures = [
      ...cases.map((c, i) => ({ table: c.name, print: ours.pagesPerTable[i], libreoffice: pdfPages(loPdf(c.name)) })),
      ...seeds.map((s) => ({ table: `stacked-${s.name}`, print: renderPrintHtml(s.project).pageCount, libreoffice: pdfPages(loPdf(`stacked-${s.name}`)) })),
    ];
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'parity.json'), `${JSON.stringify(figures, null, 2)}\n`);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('our PDF has the pages the paginator planned', () => {
    expect(pdfPages(oursPdf)).toBe(ours.pageCount);
    // Long tables run over pages in every family, so the breaks are really exercised.
    FAMILY_IDS.forEach((_, k) => expect(ours.pagesPerTable[FAMILY_IDS.length + k]).toBeGreaterThanOrEqual(3));
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s: LibreOffice prints as many pages as our PDF', (name, i) => {
    expect(pdfPages(loPdf(name))).toBe(ours.pagesPerTable[i]);
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s: the same rows on the same pages, the header row on every LibreOffice page', (name, i) => {
    const { layout: sheet, pages } = paginateTable(cases[i].table, project.meta);
    const lo = pageTexts(loPdf(name), true);
    const mine = pageTexts(oursPdf, true).slice(firstPage[i], firstPage[i] + pages.length);
    expect(lo).toHaveLength(pages.length);
    const markers = rowMarkers(sheet);
    expect(markers.size).toBeGreaterThanOrEqual(Math.min(5, sheet.rowIndicators.filter((r) => r != null).length / 2));
    pages.forEach((rows, p) => {
      for (const row of rows) {
        const marker = markers.get(row.sourceRow);
        if (!marker) continue;
        for (const [label, texts] of [['LibreOffice', lo], ['ours', mine]] as const) {
          const on = texts.flatMap((t, q) => (t.includes(marker) ? [q + 1] : []));
          expect(on, `${label}: row ${row.sourceRow} 「${marker}」 on page ${p + 1}`).toEqual([p + 1]);
        }
      }
      const header = sheet.cells.filter((c) => c.row === sheet.matrixHeaderRow && c.rowspan === 1 && c.colspan === 1 && c.text.length <= 4);
      if (rows.some((r) => r.sourceRow === sheet.matrixHeaderRow)) {
        for (const cell of header) expect(lo[p], `LibreOffice page ${p + 1} repeats 「${cell.text}」`).toContain(compact(cell.text));
      }
    });
  });

  it.each(seeds.map((s) => [s.name, s.project] as const))('stacked %s: every table on the pages of our PDF', (name, seedProject) => {
    const { pageCount, pagesPerTable } = renderPrintHtml(seedProject);
    const lo = pageTexts(loPdf(`stacked-${name}`), false);
    expect(lo).toHaveLength(pageCount);
    let first = 0;
    seedProject.tables.forEach((table, k) => {
      // The first label of the header block is printed only on the first page of each table.
      const { layout: sheet } = paginateTable(table, seedProject.meta);
      const label = compact(sheet.cells.find((c) => c.role === 'label')!.text);
      expect(lo[first], `table ${k + 1} starts on page ${first + 1}`).toContain(label);
      for (let p = 1; p < pagesPerTable[k]; p++) expect(lo[first + p], `table ${k + 1} continues on page ${first + p + 1}`).not.toContain(label);
      first += pagesPerTable[k];
    });
  });
});
