import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillProjectFile } from '../../electron/services/fill/fill-service';
import { importXlsxFile, importXlsxWithSource } from '../../electron/services/import-service';
import { shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import type { Indicator, PerformanceTable, Project } from '../../shared/model/types';
import { parseIndicatorValue } from '../../shared/values/indicator-value';
import { ensureFixtures, type FixtureSet, SEED_IDS } from '../fixtures/build-fixtures';
import { type DumpSheet, dumpXlsxFiles, hasOpenpyxl, splitRef } from '../helpers/xlsx-dump';

/**
 * Fill round trips on every fixture shape (per-sheet, stacked, flat list) of every seed:
 * import → edit (a field, an indicator value, two indicators inserted into table 1, the first
 * and last indicators of table 2 deleted) → fill back into the source → re-import gives the
 * edited project; openpyxl proves every cell outside the edited tables is unchanged (moved by
 * the inserted and deleted rows), every untouched sheet identical, and new rows styled like
 * their neighbours.
 */

let set: FixtureSet;
let dir = '';
/** Every filled file with the edited first project name, for the LibreOffice check. */
const filled: { file: string; name: string }[] = [];
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const hasSoffice = ['soffice', 'pdftotext'].every((cmd) => (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd))));

beforeAll(async () => {
  set = await ensureFixtures();
  dir = mkdtempSync(join(tmpdir(), 'jxmb-fill-'));
});

afterAll(async () => {
  await shutdownReadWorker();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const strip = (t: PerformanceTable): PerformanceTable => {
  const { source: _s, template: _t, ...rest } = t;
  return { ...rest, indicators: rest.indicators.map(({ slotLabel: _l, ...ind }) => ind) };
};

function renamed(ind: Indicator, name: string, value: string): Indicator {
  const { slotLabel: _drop, ...rest } = ind;
  return { ...rest, name, value: parseIndicatorValue(value) };
}

/** The edits of the round trip (see the file comment). */
function edit(project: Project): Project {
  const tables = project.tables.map((t, i) => {
    if (i === 0) {
      const inds = [...t.indicators];
      if (inds.length > 0) inds[0] = { ...inds[0], value: parseIndicatorValue('≥99%') };
      const base = inds[Math.min(1, inds.length - 1)];
      if (base) inds.splice(2, 0, renamed(base, '新增指标甲', '≥3个'), renamed(base, '新增指标乙', '100%'));
      return { ...t, projectName: `${t.projectName}（修订）`, indicators: inds };
    }
    if (i === 1 && t.indicators.length > 2) return { ...t, indicators: t.indicators.slice(1, -1) };
    return t;
  });
  return { ...project, tables };
}

/** Row movement of the fill: each edited table's body end moves everything below by its count change. */
function rowMap(before: Project, after: Project): (sheet: number, row: number) => number | null {
  return (sheet, row) => {
    let delta = 0;
    for (let i = 0; i < before.tables.length; i++) {
      const s = before.tables[i].source!;
      if (s.sheetIndex !== sheet) continue;
      const d = Math.max(1, after.tables[i].indicators.length) - Math.max(1, before.tables[i].indicators.length);
      if (d === 0) continue;
      if (row >= s.bodyFirstRow && row <= s.bodyLastRow) return null;
      if (row > s.bodyLastRow) delta += d;
    }
    return row + delta;
  };
}

/** Every cell of `a` outside edited table regions is in `b` at its moved row with the same value and style. */
function expectMovedCells(a: DumpSheet, b: DumpSheet, map: (row: number) => number | null, skip: (row0: number, col: string) => boolean): void {
  for (const [ref, cell] of Object.entries(a.cells)) {
    const { col, row } = splitRef(ref);
    if (skip(row - 1, col)) continue;
    const to = map(row - 1);
    if (to === null) continue;
    expect(b.cells[`${col}${to + 1}`], `${a.name}!${ref} → ${col}${to + 1}`).toEqual(cell);
  }
}

const VARIANTS = ['per-sheet', 'stacked', 'flat', 'messy', 'libreoffice'] as const;

describe.each(SEED_IDS)('fill round trip, seed %s', (seed) => {
  it.each(VARIANTS)('%s: re-import gives the edited project; untouched cells and sheets unchanged', async (variant) => {
    const file = set.seeds.find((s) => s.seed === seed)?.files[variant];
    if (!file) return;
    const imported = await importXlsxWithSource(file);
    expect(imported.project.source?.size).toBeGreaterThan(0);
    expect(imported.project.tables.every((t) => t.source !== undefined)).toBe(true);
    const project = imported.project;
    const edited = edit(project);
    const out = join(dir, `${seed}.${variant}.filled.xlsx`);
    const report = await fillProjectFile(edited, { output: out });
    filled.push({ file: out, name: edited.tables[0].projectName });
    expect(report.notices.filter((n) => n.level === 'warning')).toEqual([]);
    const back = await importXlsxFile(out);
    expect(back.project.tables.map(strip)).toEqual(edited.tables.map(strip));

    if (!hasOpenpyxl()) return;
    const [a, b] = dumpXlsxFiles([file, out]);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expect(b.definedNames).toEqual(a.definedNames);
    const map = rowMap(project, edited);
    const edited0 = project.tables[0].source!;
    a.sheets.forEach((sheetA, si) => {
      const sheetB = b.sheets[si];
      expect(sheetB.colWidths).toEqual(sheetA.colWidths);
      const touched = project.tables.some((t, i) => i < 2 && t.source!.sheetIndex === si);
      if (!touched) {
        expect(sheetB).toEqual(sheetA);
        return;
      }
      const inEditedTable = (row0: number) => project.tables.some((t, i) => i < 2 && t.source!.sheetIndex === si
        && row0 >= t.source!.bodyFirstRow && row0 <= t.source!.bodyLastRow);
      const nameCell = edited0.fields.projectName;
      const isName = (row0: number, col: string) => si === edited0.sheetIndex && nameCell !== undefined && row0 === nameCell.row
        && splitRef(`${col}1`).col === String.fromCharCode(65 + nameCell.col);
      expectMovedCells(sheetA, sheetB, (r) => map(si, r), (r, col) => inEditedTable(r) || isName(r, col));
    });
  });
});

describe.skipIf(!hasSoffice && !inCi)('LibreOffice renders every filled file', () => {
  it('each converts to a PDF that shows the edited project name', (ctx) => {
    if (filled.length === 0) return ctx.skip();
    const pdfDir = join(dir, 'pdf');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, ...filled.map((f) => f.file)], { timeout: 600_000, stdio: 'pipe' });
    for (const f of filled) {
      const pdf = join(pdfDir, f.file.split('/').pop()!.replace(/\.xlsx$/, '.pdf'));
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, '');
      expect(text, f.file).toContain(f.name.replace(/\s+/g, '').slice(-8));
    }
  });
});
