/**
 * `jxmb doc … -o out.docx`: the Word document opens in LibreOffice Writer (soffice --convert-to pdf)
 * with every table and section; its 目录 page references (PAGEREF, recomputed by Writer) give the
 * page where each target starts in Writer's own pagination; body pages are numbered from 1 after
 * the cover and the 目录. The XML has real merged cells (gridSpan, vMerge) and repeated header
 * rows (tblHeader). Needs soffice and poppler; skipped without them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docCommand } from '../../../electron/cli/doc.command';
import { documentContent, paginateDocument } from '../../../shared/document';
import { serializeProject } from '../../../shared/file';
import type { Project } from '../../../shared/model/types';
import { GUANTING_DEPARTMENT_TABLE } from '../../fixtures/document/department-data';
import { checkToc, footerNumber, pdfPageLines } from '../../helpers/document-pdf-check';

const ready = ['soffice', 'pdftotext'].every((t) => spawnSync(t, ['--version'], { stdio: 'ignore' }).error === undefined);
const root = path.resolve(__dirname, '../../..');
const seed = (name: string): Project => JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/seeds', `${name}.project.json`), 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-docx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CASES: Record<string, Project> = {
  guanting: { ...seed('s2'), department: GUANTING_DEPARTMENT_TABLE },
  fenggang: seed('s3'),
};

describe.skipIf(!ready)('jxmb doc → .docx rendered by LibreOffice Writer', () => {
  beforeAll(async () => {
    for (const [name, project] of Object.entries(CASES)) {
      fs.writeFileSync(path.join(dir, `${name}.jxmb`), serializeProject(project));
      const code = await docCommand.run([path.join(dir, `${name}.jxmb`), '-o', path.join(dir, `${name}.docx`)], { stdout: () => undefined, stderr: () => undefined });
      expect(code).toBe(0);
    }
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const files = Object.keys(CASES).map((n) => path.join(dir, `${n}.docx`));
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), ...files], {
      timeout: 240_000, stdio: 'ignore',
    });
  });

  it.each(Object.keys(CASES))('%s: every table and section, numbered pages, a truthful 目录', (name) => {
    const project = CASES[name];
    const plan = paginateDocument(documentContent(project));
    const lines = pdfPageLines(path.join(dir, 'pdf', `${name}.pdf`));
    const pages = lines.map((p) => p.replace(/\n/g, ''));
    const front = pages.findIndex((p) => footerNumber(p) !== null);
    expect(front).toBeGreaterThanOrEqual(2);
    // Every body page carries its number, 1…n, and there are at least as many as tables.
    pages.slice(front).forEach((p, i) => expect(footerNumber(p)).toBe(i + 1));
    expect(pages.length - front).toBeGreaterThanOrEqual(project.tables.length);
    const all = pages.join('');
    for (const e of plan.toc) expect(all).toContain(e.text.replace(/\s+/g, ''));
    for (const t of project.tables) expect(all).toContain(t.indicators[0].name.replace(/\s+/g, ''));
    for (const c of checkToc(lines, plan.toc.map((e) => e.text))) {
      expect({ entry: c.text, page: c.startPage }).toEqual({ entry: c.text, page: c.tocPage });
    }
  });

  it('the Word XML has merged cells and repeated header rows', () => {
    const files = unzipSync(fs.readFileSync(path.join(dir, 'guanting.docx')));
    const xml = strFromU8(files['word/document.xml']);
    expect(xml.match(/<w:tbl>/g)!.length).toBeGreaterThanOrEqual(CASES.guanting.tables.length + 1);
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('PAGEREF jx_table_23');
    expect(xml).toContain('森林防火宣传教育');
  });
});
