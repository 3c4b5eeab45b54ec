import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { scriptedDialogs } from '../../electron/host/dialogs';
import { createIpcHandlers } from '../../electron/host/ipc-handlers';
import { fillProjectFile } from '../../electron/services/fill/fill-service';
import { XlsxPackage } from '../../electron/services/fill/xlsx-package';
import { importXlsxFile, importXlsxWithSource } from '../../electron/services/import-service';
import { shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import type { PerformanceTable, Project } from '../../shared/model/types';
import { ensureFixtures } from '../fixtures/build-fixtures';
import { buildRich, RICH } from '../fixtures/gen-rich';
import { dumpXlsxFiles, hasOpenpyxl } from '../helpers/xlsx-dump';

/**
 * 回填到模板 through the IPC handler (scripted file dialogs): a template with one form sheet
 * (and a 填表说明 sheet) receives a project of three tables: the form sheet is filled with the
 * first, and copied once per further table (print settings, header/footer and validations come
 * along); the 填表说明 sheet stays as it was. 保存回原表 on a project without a source says what to do.
 */

let dir = '';
let project: Project;
let template = '';
let sourceXlsx = '';

const content = (t: PerformanceTable) => ({
  projectName: t.projectName, projectCode: t.projectCode, funds: t.funds, goal: t.goal,
  indicators: t.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.value.raw, i.basis]),
});

function handlers(answers: Parameters<typeof scriptedDialogs>[0]) {
  return createIpcHandlers({
    dialogs: scriptedDialogs(answers),
    loadProject: async () => null, saveProject: async () => undefined,
    importXlsx: async () => ({ project, warnings: [] }), exportXlsx: async () => undefined, samplePath: '/nonexistent',
    fillXlsx: (p, proj, options) => fillProjectFile(proj, { output: p, ...options }),
  });
}

beforeAll(async () => {
  const set = await ensureFixtures();
  const s2 = set.seeds.find((s) => s.seed === 's2')!;
  dir = mkdtempSync(join(tmpdir(), 'jxmb-fill-tpl-'));
  template = join(dir, 'template.xlsx');
  writeFileSync(template, (await buildRich(s2.golden, 1)).data);
  sourceXlsx = s2.files['per-sheet']!;
  const imported = (await importXlsxWithSource(sourceXlsx)).project;
  project = { ...imported, tables: imported.tables.slice(0, 3) };
});

afterAll(async () => {
  await shutdownReadWorker();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('回填到模板', () => {
  it('fills the form sheet, copies it once per further table, keeps the instructions sheet', async () => {
    const out = join(dir, 'filled.xlsx');
    const result = await handlers({ openXlsx: [template], saveXlsx: [out] })['xlsx:fill']({ project, template: true });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value?.path).toBe(out);
    expect(result.value?.lines.join('\n')).toContain('新增工作表 2 个');
    const back = await importXlsxFile(out);
    // The filled workbook is in the template's layout (read as a learned layout): compare the content.
    expect(back.project.tables.map(content)).toEqual(project.tables.map(content));
    if (!hasOpenpyxl()) return;
    const [a, b] = dumpXlsxFiles([template, out]);
    expect(b.sheets.map((s) => s.name)).toEqual([RICH.instructionsSheet, '表1', ...project.tables.slice(1).map((t) => t.projectName)]);
    expect(b.sheets[0]).toEqual(a.sheets[0]);
    for (const copy of b.sheets.slice(2)) {
      expect(copy.header).toEqual(a.sheets[1].header);
      expect(copy.footer).toEqual(a.sheets[1].footer);
      expect(copy.printTitleRows).toEqual(a.sheets[1].printTitleRows);
      expect(copy.printArea).not.toBeNull();
      expect(copy.validations.length).toBe(a.sheets[1].validations.length);
      expect(copy.colWidths).toEqual(a.sheets[1].colWidths);
    }
  });

  it('a flat list template is filled row by row; its other projects are removed', async () => {
    const set = await ensureFixtures();
    const s1 = set.seeds.find((s) => s.seed === 's1')!;
    const own = (await importXlsxWithSource(s1.files['per-sheet']!)).project;
    const [t1, t2] = own.tables;
    const inds = [...t1.indicators, { ...t1.indicators[0], name: '清单新增指标' }];
    const two: Project = { ...own, tables: [{ ...t1, projectName: `${t1.projectName}（清单）`, indicators: inds }, t2] };
    const out = join(dir, 'flat-filled.xlsx');
    const report = await fillProjectFile(two, { output: out, template: s1.files.flat! });
    expect(report.lines.join('\n')).toContain('多出的 10 个项目的行已删除');
    const back = await importXlsxFile(out);
    expect(back.project.tables.map(content)).toEqual(two.tables.map(content));
    if (!hasOpenpyxl()) return;
    const [a, b] = dumpXlsxFiles([s1.files.flat!, out]).map((w) => w.sheets[0]);
    for (const ref of ['A1', 'A4', 'B4', 'C4']) expect(b.cells[ref], ref).toEqual(a.cells[ref]);
    expect(b.colWidths).toEqual(a.colWidths);
  });

  it('an .xls source is filled as .xlsx and the report says so', async () => {
    const set = await ensureFixtures();
    const xls = set.seeds.find((s) => s.seed === 's1')!.files['xls:per-sheet'];
    expect(xls, 'xls fixture (LibreOffice)').toBeTruthy();
    const own = (await importXlsxWithSource(xls!)).project;
    expect(own.source?.format).toBe('xls');
    const [t1, ...rest] = own.tables;
    const edited: Project = { ...own, tables: [{ ...t1, projectName: `${t1.projectName}（xls）` }, ...rest] };
    const out = join(dir, 'from-xls.xlsx');
    const report = await fillProjectFile(edited, { output: out });
    expect(report.lines.join('\n')).toContain('已转换为 .xlsx 后回填');
    const back = await importXlsxFile(out);
    expect(back.project.tables.map(content)).toEqual(edited.tables.map(content));
  });

  it('保存回原表 without a source tells the user to pick a template', async () => {
    const { source: _s, ...bare } = project;
    const result = await handlers({})['xlsx:fill']({ project: bare, template: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('回填到模板');
  });

  it('never writes over its input', async () => {
    await expect(fillProjectFile(project, { output: template, template })).rejects.toThrow('不能覆盖原文件');
  });
});

describe('jxmb fill', () => {
  const run = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, out, err };
  };

  it('an xlsx input is imported and filled back into a copy of itself', async () => {
    const out = join(dir, 'self.xlsx');
    const r = await run('fill', sourceXlsx, '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已将 23 张表回填到');
    expect(r.out).toContain('改写 0 个单元格');
    // Nothing edited: every part of the package is byte for byte the source's.
    const a = new XlsxPackage(readFileSync(sourceXlsx), 'a');
    const b = new XlsxPackage(readFileSync(out), 'b');
    expect(b.names()).toEqual(a.names());
    for (const name of a.names()) expect(b.readBytes(name)!.equals(a.readBytes(name)!), name).toBe(true);
  });

  it('refuses to write over its input or template', async () => {
    const r = await run('fill', sourceXlsx, '-o', join(dir, 'x.xlsx'), '--template', join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('不能与输入文件或模板相同');
  });
});
