import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { importXlsxFile, importXlsxWithSource } from '../../electron/services/import-service';
import { saveProjectFile } from '../../electron/services/project-file-service';
import { shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import type { Indicator, PerformanceTable, Project } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values/indicator-value';
import { ensureFixtures } from '../fixtures/build-fixtures';
import { buildRich, RICH, type RichSheetInfo } from '../fixtures/gen-rich';
import { type DumpSheet, type DumpWorkbook, dumpXlsxFiles, hasOpenpyxl } from '../helpers/xlsx-dump';

/**
 * Fill keeps what a bureau's workbook carries besides the tables (tests/fixtures/gen-rich.ts):
 * the 填表说明 sheet, a comment, drop-downs, header/footer, print area and titles, a signature
 * row, a formula and a defined name. Through the CLI: import → edit (3 indicators inserted in
 * table 1, 2 deleted in table 2, a project name changed) → save .jxmb (source embedded) →
 * `jxmb fill` → openpyxl sees everything moved by exactly the inserted/deleted rows, and
 * LibreOffice renders the result (page image in test-output/screenshots/fill-rich-p1.png).
 */

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const onPath = (cmd: string) => (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
const SHOTS = resolve(__dirname, '../../test-output/screenshots');

let dir = '';
let rich: { data: Buffer; sheets: RichSheetInfo[] };
let edited: Project;
let out = '';
let a: DumpWorkbook;
let b: DumpWorkbook;

const strip = (t: PerformanceTable) => {
  const { source: _s, template: _t, ...rest } = t;
  return { ...rest, indicators: rest.indicators.map(({ slotLabel: _l, ...ind }) => ind) };
};
const added = (base: Indicator, n: number): Indicator => ({ ...base, name: `新增回填指标${n}`, value: parseIndicatorValue(`≥${n}个`) });

beforeAll(async () => {
  if (!hasOpenpyxl() && inCi) throw new Error('CI 中必须安装 python3-openpyxl（/usr/bin/python3）才能检查回填保真度');
  const set = await ensureFixtures();
  const golden = set.seeds.find((s) => s.seed === 's2')!.golden;
  dir = mkdtempSync(join(tmpdir(), 'jxmb-fill-rich-'));
  rich = await buildRich(golden);
  const src = join(dir, 'rich.xlsx');
  writeFileSync(src, rich.data);
  const imported = (await importXlsxWithSource(src)).project;
  const [t1, t2] = imported.tables;
  const inds = [...t1.indicators];
  inds.splice(2, 0, added(inds[1], 1), added(inds[1], 2), added(inds[1], 3));
  edited = { ...imported, tables: [{ ...t1, projectName: `${t1.projectName}（回填）`, indicators: inds }, { ...t2, indicators: t2.indicators.slice(0, -2) }] };
  const jxmb = join(dir, 'project.jxmb');
  await saveProjectFile(jxmb, edited);
  out = join(dir, 'filled.xlsx');
  let log = '';
  const code = await main(['fill', jxmb, '-o', out], { stdout: (t) => (log += t), stderr: (t) => (log += t) });
  if (code !== 0) throw new Error(log);
  if (hasOpenpyxl()) {
    [a, b] = dumpXlsxFiles([src, out]);
  }
});

afterAll(async () => {
  await shutdownReadWorker();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sheet = (wb: DumpWorkbook, name: string): DumpSheet => wb.sheets.find((s) => s.name === name)!;

describe('fill keeps a rich bureau workbook', () => {
  it('re-importing the filled file gives the edited project', async () => {
    const back = await importXlsxFile(out);
    expect(back.project.tables.map(strip)).toEqual(edited.tables.map(strip));
  });

  it('the input is untouched; the project file embedded the source', () => {
    expect(readFileSync(join(dir, 'rich.xlsx')).equals(rich.data)).toBe(true);
    expect(statSync(join(dir, 'project.jxmb')).size).toBeGreaterThan(rich.data.length);
  });

  describe.skipIf(!hasOpenpyxl())('openpyxl sees everything kept, moved by the inserted and deleted rows', () => {
    it('sheets, the 填表说明 sheet and header/footer are as they were', () => {
      expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
      expect(sheet(b, RICH.instructionsSheet)).toEqual(sheet(a, RICH.instructionsSheet));
      for (const s of rich.sheets) {
        for (const key of ['header', 'footer', 'printTitleRows', 'orientation', 'paperSize', 'fitToWidth', 'colWidths'] as const) {
          expect(sheet(b, s.name)[key], `${s.name} ${key}`).toEqual(sheet(a, s.name)[key]);
        }
      }
    });

    it.each([[0, 3], [1, -2]])('sheet %i: signature row, formula, comment, drop-downs and print area moved by %i rows', (i, delta) => {
      const info = rich.sheets[i];
      const sa = sheet(a, info.name);
      const sb = sheet(b, info.name);
      const sig = info.signatureRow;
      expect(sb.cells[`A${sig + delta}`]).toEqual(sa.cells[`A${sig}`]);
      expect(sb.cells[`A${sig + delta}`].v).toBe(RICH.signature);
      expect(sb.rowHeights[String(sig + delta)]).toBe(sa.rowHeights[String(sig)]);
      expect(sb.cells[`B${sig + 1 + delta}`].v).toBe(`=ROWS(A1:A${sig + delta})`);
      expect(sb.cells.E3.comment ?? sb.cells.C3?.comment).toBe(RICH.comment);
      expect(sb.validations).toEqual(sa.validations.map((v) => (v.sqref === `F${sig}` ? { ...v, sqref: `F${sig + delta}` } : v)));
      expect(sb.printArea).toEqual([sa.printArea!].flat().map((p) => p.replace(`$${sig + 1}`, `$${sig + 1 + delta}`)));
      const merges = (s: DumpSheet) => s.merges.filter((m) => !/^[A-Z]+(\d+)/.test(m) || Number(/\d+/.exec(m)![0]) < 10);
      expect(merges(sb)).toEqual(merges(sa));
    });

    it('the defined name follows its row', () => {
      const sig = rich.sheets[0].signatureRow;
      expect(b.definedNames[RICH.namedRange]).toBe(`'表1'!$A$${sig + 3}`);
    });

    it('inserted rows take the style and height of the indicator row they were made from', () => {
      const src = edited.tables[0].source!;
      const sb = sheet(b, rich.sheets[0].name);
      const styleRow = src.bodyLastRow + 1;
      // openpyxl reports covered cells of a merge with the default style: compare the others.
      const covered = (col: string, row: number) => sb.merges.some((m) => {
        const [x, y] = m.split(':');
        const [c1, r1] = [x.replace(/\d+/, ''), Number(x.replace(/[A-Z]+/, ''))];
        const [c2, r2] = [(y ?? x).replace(/\d+/, ''), Number((y ?? x).replace(/[A-Z]+/, ''))];
        return col >= c1 && col <= c2 && row >= r1 && row <= r2 && !(col === c1 && row === r1);
      });
      let compared = 0;
      for (let r = styleRow; r < styleRow + 3; r++) {
        expect(sb.rowHeights[String(r)]).toBe(sb.rowHeights[String(styleRow + 3)]);
        for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
          if (covered(col, r) || covered(col, styleRow + 3)) continue;
          compared++;
          expect(sb.cells[`${col}${r}`]?.s, `${col}${r}`).toEqual(sb.cells[`${col}${styleRow + 3}`]?.s);
        }
      }
      expect(compared).toBeGreaterThan(6);
    });
  });

  it.skipIf(!onPath('soffice') && !inCi)('LibreOffice renders the filled file with the new rows and the signature', () => {
    const pdfDir = join(dir, 'pdf');
    mkdirSync(pdfDir);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, out], { timeout: 180_000, stdio: 'pipe' });
    const pdf = join(pdfDir, 'filled.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('新增回填指标2');
    expect(text).toContain('单位负责人');
    // The moved formula =ROWS(A1:A21) is recalculated on open (fullCalcOnLoad), not left at its old cached 18.
    expect(text).toContain(`合计行数${rich.sheets[0].signatureRow + 3}`);
    expect(text).toContain(RICH.instructions[1].replace(/\s+/g, '').slice(0, 12));
    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', pdf, join(dir, 'page')]);
    const png = ['page-2.png', 'page-02.png'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
    copyFileSync(png, join(SHOTS, 'fill-rich-p1.png'));
  });
});
