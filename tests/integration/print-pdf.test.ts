/**
 * Print to PDF in a real Chromium: page counts, text, the layout of page 1 against stored
 * reference images, the planned row heights, and a 40-indicator table breaking across pages.
 * Reference images: `UPDATE_PRINT_REFERENCE=1 npx vitest run tests/integration/print-pdf.test.ts`
 * rewrites tests/fixtures/print-reference/<family>.png (look at them before committing).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, renderPdf } from '../../electron/services/pdf-service';
import { FAMILY_IDS, type BuiltinFamilyId, type FamilyId, type PerformanceTable, type Project } from '../../shared/model/types';
import { renderPrintHtml } from '../../shared/print';
import { layout } from '../../shared/layout';
import { comparePageImages, toGray } from '../helpers/png-compare';
import { readPng } from '../helpers/png-io';
import { longTable, projectOf, sampleTable } from '../unit/print/sample-tables';

const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'test-output', 'print');
const refDir = path.join(root, 'tests', 'fixtures', 'print-reference');
const update = process.env.UPDATE_PRINT_REFERENCE === '1';

let browserPath: string | null = null;
try {
  browserPath = findBrowser();
} catch {
  browserPath = null;
}

/** The first table of each family in the seed goldens (falls back to the built sample). */
function seedTable(family: BuiltinFamilyId): { meta: Project['meta']; table: PerformanceTable } {
  const files = ['s0', 's1', 's2', 's3'].map((s) => path.join(root, 'tests', 'fixtures', 'seeds', `${s}.project.json`));
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const project = JSON.parse(fs.readFileSync(file, 'utf8')) as Project;
    const table = project.tables.find((t) => t.family === family);
    if (table) return { meta: project.meta, table };
  }
  return { meta: projectOf([]).meta, table: sampleTable(family) };
}

const squash = (text: string) => text.replace(/\s+/g, '');

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' });
}

function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

describe.skipIf(!browserPath)('print to PDF (Chromium)', () => {
  beforeAll(() => fs.mkdirSync(outDir, { recursive: true }));

  describe.each(FAMILY_IDS)('family %s, seed table', (family) => {
    const { meta, table } = seedTable(family);
    const project: Project = { meta, tables: [table] };
    const result = renderPrintHtml(project);
    const pdfFile = path.join(outDir, `${family}.pdf`);

    beforeAll(async () => {
      fs.writeFileSync(pdfFile, await renderPdf(result.html, { browserPath: browserPath! }));
    });

    it('has the page count the paginator computed, and every non-empty cell text', () => {
      expect(pdfPages(pdfFile)).toBe(result.pageCount);
      const text = squash(pdfText(pdfFile));
      const cells = layout(table, meta).cells.map((c) => squash(c.text)).filter((t) => t !== '');
      const missing = cells.filter((t) => !text.includes(t));
      expect(missing).toEqual([]);
      for (let p = 1; p <= result.pageCount; p++) expect(squash(pdfText(pdfFile, p))).toContain(squash(`第 ${p} 页 共 ${result.pageCount} 页`));
    });

    it('renders page 1 like the stored reference image', () => {
      const prefix = path.join(outDir, `${family}-page`);
      execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-png', '-singlefile', pdfFile, prefix]);
      const actualFile = `${prefix}.png`;
      const refFile = path.join(refDir, `${family}.png`);
      if (update) {
        fs.mkdirSync(refDir, { recursive: true });
        fs.copyFileSync(actualFile, refFile);
      }
      expect(fs.existsSync(refFile), `reference ${refFile} missing: run with UPDATE_PRINT_REFERENCE=1`).toBe(true);
      const result = comparePageImages(toGray(readPng(refFile)), toGray(readPng(actualFile)));
      expect(result.problems).toEqual([]);
    });
  });

  describe('a project of every family plus a 40-indicator table', () => {
    const tables = [...FAMILY_IDS.map((f) => seedTable(f).table), longTable(40)];
    const project: Project = { meta: seedTable('hebei').meta, tables };
    const result = renderPrintHtml(project, { signature: true });
    const pdfFile = path.join(outDir, 'all-families.pdf');
    let browser: Awaited<ReturnType<typeof chromium.launch>>;

    beforeAll(async () => {
      fs.writeFileSync(pdfFile, await renderPdf(result.html, { browserPath: browserPath! }));
      browser = await chromium.launch({ executablePath: browserPath!, args: ['--no-sandbox', '--disable-gpu'] });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('starts every table on a new page and numbers the pages exactly', () => {
      expect(pdfPages(pdfFile)).toBe(result.pageCount);
      let first = 1;
      tables.forEach((table, i) => {
        const name = table.projectName;
        expect(squash(pdfText(pdfFile, first)), `table ${i + 1} starts on page ${first}`).toContain(squash(name));
        first += result.pagesPerTable[i];
      });
      expect(first - 1).toBe(result.pageCount);
    });

    it('breaks the 40-indicator table with the header repeated and no row split', () => {
      const count = result.pagesPerTable[tables.length - 1];
      expect(count).toBeGreaterThanOrEqual(2);
      const firstPage = result.pageCount - count + 1;
      const pageTexts = [...Array(count).keys()].map((k) => squash(pdfText(pdfFile, firstPage + k)));
      for (const text of pageTexts) {
        expect(text).toContain('一级指标二级指标三级指标指标值');
      }
      // Every indicator row is printed whole on exactly one page.
      for (const ind of tables[tables.length - 1].indicators) {
        const row = squash(`${ind.name}${ind.value.raw}`);
        expect(pageTexts.filter((t) => t.includes(row)), row).toHaveLength(1);
      }
      expect(pageTexts[count - 1]).toContain('单位负责人');
    });

    it('lays every row out at most as tall as planned (the pagination estimate holds in the browser)', async () => {
      const page = await browser.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.setContent(result.html);
      const overflows = await page.evaluate(`Array.from(document.querySelectorAll('tr')).map((tr) => {
        const planned = parseFloat(tr.style.height);
        const actual = tr.getBoundingClientRect().height * 25.4 / 96;
        return { row: tr.outerHTML.slice(0, 120), excess: actual - planned };
      }).filter((r) => r.excess > 0.05)`);
      expect(overflows).toEqual([]);
      await page.close();
    });
  });
});
