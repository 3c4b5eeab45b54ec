/**
 * `jxmb doc … -o out.pdf` of every seed project (and of 怀来 官厅镇 with its 第一部分 as text and as
 * a table): the 目录 printed in the PDF gives, for every part, section and table, the page whose
 * footer number is where that target starts (read back with pdftotext), and the page count is the
 * one planned. Needs Chromium and poppler; skipped without them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docCommand } from '../../../electron/cli/doc.command';
import { findBrowser } from '../../../electron/services/pdf-service';
import { documentContent, paginateDocument } from '../../../shared/document';
import { serializeProject } from '../../../shared/file';
import type { Project } from '../../../shared/model/types';
import { GUANTING_DEPARTMENT, GUANTING_DEPARTMENT_TABLE } from '../../fixtures/document/department-data';
import { checkToc, footerNumber, pdfPageLines } from '../../helpers/document-pdf-check';

let ready = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
try {
  findBrowser();
} catch {
  ready = false;
}

const root = path.resolve(__dirname, '../../..');
const seed = (name: string): Project => JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/seeds', `${name}.project.json`), 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-doc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CASES: [string, () => Project][] = [
  ['s0', () => seed('s0')],
  ['s1', () => seed('s1')],
  ['s3 (第一部分 = 江西部门整体表)', () => seed('s3')],
  ['s2 + 第一部分文字', () => ({ ...seed('s2'), department: GUANTING_DEPARTMENT })],
  ['s2 + 分项绩效目标表格', () => ({ ...seed('s2'), department: GUANTING_DEPARTMENT_TABLE })],
  // A 保障措施 paragraph of two pages and more: broken across pages, the page numbers still hold.
  ['s1 + 跨页长段落', () => ({ ...seed('s1'), department: { ...GUANTING_DEPARTMENT, safeguards: `1.${'加强组织领导，落实工作责任，强化资金监管，确保专款专用、按期完成。'.repeat(60)}\n2.定期开展绩效自评。` } })],
];

/** The text a target prints on its first page: part titles print on two lines. */
const target = (entry: string): string => entry;

describe.skipIf(!ready)('jxmb doc → PDF: the 目录 numbers are where each target starts', () => {
  it.each(CASES)('%s', async (name, make) => {
    const project = make();
    const input = path.join(dir, `${name.replace(/\W+/g, '_')}.jxmb`);
    const output = input.replace(/\.jxmb$/, '.pdf');
    fs.writeFileSync(input, serializeProject(project));
    let out = '';
    const code = await docCommand.run([input, '-o', output], { stdout: (t) => (out += t), stderr: () => undefined });
    expect(code).toBe(0);
    expect(out).toContain('已生成绩效文本');
    const plan = paginateDocument(documentContent(project));
    const lines = pdfPageLines(output);
    const pages = lines.map((p) => p.replace(/\n/g, ''));
    expect(pages).toHaveLength(plan.frontPages + plan.body.length);
    // Body pages are numbered 1…n right after the cover and the 目录.
    pages.forEach((p, i) => expect(footerNumber(p)).toBe(i < plan.frontPages ? null : i - plan.frontPages + 1));
    const checks = checkToc(lines, plan.toc.map((e) => e.text), target);
    expect(checks.length).toBeGreaterThan(project.tables.length);
    for (const c of checks) {
      expect({ entry: c.text, page: c.startPage }).toEqual({ entry: c.text, page: c.tocPage });
    }
    if (project.department) expect(pages.join('')).toContain('5.内设机构：党政综合办公室');
    if (project.department?.itemGoals) expect(pages.join('')).toContain('森林防火宣传教育');
  });
});
