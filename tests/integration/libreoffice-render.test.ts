import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layout, textUnits } from '../../shared/layout';
import { emptyIndicator } from '../../shared/model/create';
import { FAMILY_IDS, type BuiltinFamilyId, type FamilyId, type Project } from '../../shared/model/types';
import { renderPrintHtml } from '../../shared/print';
import { parseIndicatorValue } from '../../shared/values/indicator-value';
import { writeProjectXlsx } from '../../electron/services/xlsx/write-workbook';
import { SAMPLE_META, sampleProject, sampleTable } from '../helpers/xlsx-sample-project';

/**
 * Renders every family's export with LibreOffice (soffice → PDF) and checks the PDF with
 * poppler: the cell texts are there, and the page count is our print's (the xlsx carries the
 * print plan of shared/print; tests/integration/print-parity.test.ts checks it row by row). Without soffice the
 * suite is skipped locally and FAILS in CI (CI=true).
 */

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));
}

const TOOLS = ['soffice', 'pdftotext', 'pdfinfo'];
const missing = TOOLS.filter((t) => !onPath(t));
const inCi = process.env.CI === 'true' || process.env.CI === '1';

const compact = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** A jx-2024 table with 60 indicators: needs more than one A4 page. */
function longProject(): Project {
  const t = sampleTable('jx-2024', '长表项目');
  const extra = Array.from({ length: 60 }, (_, i) => ({
    ...emptyIndicator('产出指标', '数量指标'), name: `长表指标${i + 1}`, value: parseIndicatorValue(`≥${i + 1}个`),
  }));
  return { meta: SAMPLE_META, tables: [{ ...t, indicators: [...extra, ...t.indicators] }] };
}

describe.skipIf(missing.length > 0 && !inCi)('LibreOffice renders the exported official layouts', () => {
  let dir = '';
  const pdf = (name: string): string => join(dir, `${name}.pdf`);
  const text = (name: string, page?: number): string => execFileSync('pdftotext',
    [...(page ? ['-f', String(page), '-l', String(page)] : []), pdf(name), '-'], { encoding: 'utf8' });
  const pages = (name: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf(name)], { encoding: 'utf8' }))![1]);

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`缺少 ${missing.join(', ')}：CI 中必须安装 libreoffice-calc 与 poppler-utils 才能检查导出的打印效果`);
    dir = mkdtempSync(join(tmpdir(), 'jxmb-lo-'));
    const files: string[] = [];
    const add = async (name: string, project: Project, stacked = false): Promise<void> => {
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await writeProjectXlsx(project, { stacked }));
      files.push(file);
    };
    for (const family of FAMILY_IDS) await add(family, sampleProject([family]));
    await add('stacked', sampleProject(FAMILY_IDS), true);
    await add('long', longProject());
    const profile = `file://${join(dir, 'profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      timeout: 180_000, stdio: 'pipe',
    });
  });

  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it.each(FAMILY_IDS)('%s: as many pages as our print, with the cell texts of the layout', (family: BuiltinFamilyId) => {
    const project = sampleProject([family]);
    expect(pages(family)).toBe(renderPrintHtml(project).pageCount);
    const l = layout(project.tables[0], project.meta);
    const printed = compact(text(family));
    for (const cell of l.cells) {
      if (!cell.text.trim()) continue;
      let width = 0;
      for (let c = cell.col; c < cell.col + cell.colspan; c++) width += l.colWidths[c];
      const oneLine = textUnits(cell.text) < width - 1 && !cell.text.includes('\n') && cell.style !== 'vertical';
      // Wrapped cells interleave with their neighbours in pdftotext's reading order: check the start.
      const expected = oneLine ? compact(cell.text) : compact(cell.text).slice(0, 3);
      expect(printed, `${family} ${cell.text}`).toContain(expected);
    }
    expect(printed).toContain('67.54');
    if (family === 'hebei') expect(printed).toContain('75.5%');
    if (family === 'nx-2024') expect(printed).toContain('4万元');
  });

  it('stacked: every table starts a new page, on the pages of our print', () => {
    const { pageCount, pagesPerTable } = renderPrintHtml(sampleProject(FAMILY_IDS));
    expect(pagesPerTable).toContain(2); // the nx-2024 sample runs over a page
    expect(pages('stacked')).toBe(pageCount);
    let first = 1;
    FAMILY_IDS.forEach((family, k) => {
      expect(compact(text('stacked', first)), `${family} starts on page ${first}`).toContain(`${family}示例项目`);
      first += pagesPerTable[k];
    });
  });

  it('a long table continues on a second page that repeats the indicator header row', () => {
    expect(pages('long')).toBeGreaterThanOrEqual(2);
    expect(pages('long')).toBe(renderPrintHtml(longProject()).pageCount);
    const second = compact(text('long', 2));
    expect(second).toContain('一级指标');
    expect(second).toContain('三级指标');
    expect(second).not.toContain('项目名称');
  });
});
