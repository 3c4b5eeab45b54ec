/**
 * Importing a published 绩效文本 (.docx): the generated 怀来 官厅镇 documents (narrative as text,
 * and 分项绩效目标 as a table) import to their goldens through `jxmb import` and the editor's
 * import path (importXlsxFile sends Word files to the .docx reader); our own .docx export reads
 * back to the project it was written from; a Word 97 .doc and hostile files get Chinese messages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docCommand } from '../../../electron/cli/doc.command';
import { importCommand } from '../../../electron/cli/import.command';
import { writeDocument } from '../../../electron/services/document-service';
import { importXlsxFile } from '../../../electron/services/import-service';
import { loadProjectFile } from '../../../electron/services/project-file-service';
import { isUserError } from '../../../shared/errors';
import type { Project } from '../../../shared/model/types';
import { buildGuantingDocx, goldenPath, guantingProject, type DocumentVariant } from '../../fixtures/document/gen-document-docx';
import { buildCfb, buildZip, deflatedZeros } from '../../helpers/hostile-zip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-docx-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: Buffer): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};

async function importError(p: string): Promise<{ code: string; message: string }> {
  try {
    await importXlsxFile(p);
  } catch (e) {
    if (isUserError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('import did not fail');
}

describe('importing the 怀来 官厅镇 绩效文本 (.docx)', () => {
  const files: Partial<Record<DocumentVariant, string>> = {};
  beforeAll(async () => {
    for (const v of ['text', 'table'] as const) files[v] = file(`guanting.${v}.docx`, await buildGuantingDocx(v));
  });

  it.each(['text', 'table'] as const)('%s variant imports to its golden', async (variant) => {
    const golden = JSON.parse(fs.readFileSync(goldenPath(variant), 'utf8')) as Project;
    expect(golden).toEqual(guantingProject(variant));
    const result = await importXlsxFile(files[variant]!);
    expect(result.warnings).toEqual([]);
    expect(result.project).toEqual(golden);
  });

  it('jxmb import writes the same project to a .jxmb', async () => {
    const out = path.join(dir, 'guanting.table.jxmb');
    let stdout = '';
    const code = await importCommand.run([files.table!, '-o', out], { stdout: (t) => (stdout += t), stderr: () => undefined });
    expect(code).toBe(0);
    const loaded = await loadProjectFile(out);
    expect(loaded.project).toEqual(guantingProject('table'));
    expect(stdout).toContain('23');
  });

  it('jxmb doc reads a published .docx and writes it again as .docx (document in, document out)', async () => {
    const out = path.join(dir, 'guanting.again.docx');
    const code = await docCommand.run([files.text!, '-o', out], { stdout: () => undefined, stderr: () => undefined });
    expect(code).toBe(0);
    expect((await importXlsxFile(out)).project).toEqual(guantingProject('text'));
  });

  it('our own .docx export reads back to the project (family F table, family E and D tables)', async () => {
    const s3 = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/seeds/s3.project.json'), 'utf8')) as Project;
    for (const [name, project] of [['guanting', guantingProject('table')], ['fenggang', s3]] as const) {
      const out = path.join(dir, `${name}.export.docx`);
      await writeDocument(out, project);
      const back = await importXlsxFile(out);
      expect(back.project.tables).toEqual(project.tables);
      expect(back.project.department).toEqual(project.department);
      expect(back.project.meta).toEqual(project.meta);
    }
  });
});

describe('unreadable documents get a Chinese message and no crash', () => {
  it('a Word 97 .doc: 请另存为 .docx', async () => {
    const e = await importError(file('去年.doc', buildCfb(['WordDocument', '1Table', '\u0005SummaryInformation'])));
    expect(e.code).toBe('DOCX_LEGACY_DOC');
    expect(e.message).toContain('请另存为 .docx');
    expect(e.message).toContain('去年.doc');
    // The same file without its extension is still recognized as a Word file.
    expect((await importError(file('去年', buildCfb(['WordDocument', '1Table'])))).code).toBe('DOCX_LEGACY_DOC');
  });

  it('zip bomb, DTD, an xlsx named .docx, a zip without a document, garbage', async () => {
    const zeros = deflatedZeros(300);
    const bomb = buildZip([{ name: 'word/document.xml', deflated: zeros.deflated, uncompressedSize: zeros.size, crc: zeros.crc }]);
    expect((await importError(file('bomb.docx', bomb))).code).toBe('DOCX_ZIP_BOMB');
    const dtd = buildZip([{ name: 'word/document.xml', data: '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "b">]><w:document/>' }]);
    expect((await importError(file('dtd.docx', dtd))).code).toBe('DOCX_XML_DTD');
    const padded = buildZip([{ name: 'word/document.xml', data: `<?xml version="1.0"?><!--${' '.repeat(10_000)}--><!DOCTYPE w [<!ENTITY a "b">]><w:document/>` }]);
    expect((await importError(file('dtd-late.docx', padded))).code).toBe('DOCX_XML_DTD');
    const xlsx = buildZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }, { name: '[Content_Types].xml', data: '<Types/>' }]);
    expect((await importError(file('book.docx', xlsx))).code).toBe('DOCX_IS_XLSX');
    expect((await importError(file('empty.docx', buildZip([{ name: 'a.txt', data: 'x' }])))).code).toBe('DOCX_NOT_WORD');
    expect((await importError(file('junk.docx', Buffer.from('not a document at all')))).code).toBe('DOCX_NOT_WORD');
    const broken = buildZip([{ name: 'word/document.xml', data: '<w:document><w:body><w:p>' }]);
    expect((await importError(file('broken.docx', broken))).code).toBe('DOCX_CORRUPT');
  });
});

describe('jxmb validate checks family F (DEP rules)', () => {
  it('reports a placeholder section and a bad 指标值 of the 分项绩效目标 table, exit 1', async () => {
    const { validateCommand } = await import('../../../electron/cli/validate.command');
    const { serializeProject } = await import('../../../shared/file');
    const project = guantingProject('table');
    const duties = project.department!.itemGoals!;
    const bad = { ...duties[0], tasks: [{ ...duties[0].tasks[0], indicators: [{ name: '保障在职人员数量', value: { raw: '≥45百分比', kind: 'quantitative' as const, operator: '≥' as const, number: 45, unit: '百分比' } }] }] };
    const input = file('f-bad.jxmb', Buffer.from(serializeProject({ ...project, department: { ...project.department!, overallGoal: '1.目标内容1', itemGoals: [bad] } })));
    let out = '';
    const code = await validateCommand.run([input], { stdout: (t) => (out += t), stderr: () => undefined });
    expect(code).toBe(1);
    expect(out).toContain('  部门整体绩效目标\n    [错误] DEP-02 —：部门整体绩效目标「一、总体绩效目标」第 1 行“1.目标内容1”是模板占位文字');
    expect(out).toContain('DEP-06');
    let json = '';
    await validateCommand.run([input, '--json', '--min-severity', 'error'], { stdout: (t) => (json += t), stderr: () => undefined });
    const dep = (JSON.parse(json) as { tableIndex: number; ruleId: string; projectName: string }[]).filter((f) => f.tableIndex === -1);
    expect(dep.map((f) => f.ruleId)).toEqual(['DEP-02', 'DEP-06']);
    expect(dep[0].projectName).toBe('部门整体绩效目标');
  });
});
