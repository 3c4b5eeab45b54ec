import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillProjectFile } from '../../electron/services/fill/fill-service';
import { importXlsxFile, importXlsxWithSource } from '../../electron/services/import-service';
import { shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import type { PerformanceTable } from '../../shared/model/types';
import { buildOutsideFixtures, type OutsideFixture } from '../fixtures/gen-outside';
import { dumpXlsxFiles, hasOpenpyxl } from '../helpers/xlsx-dump';

/**
 * Fill round trips on the learned layouts (tests/fixtures/gen-outside.ts: layouts outside the
 * five families, recognized as learned templates): an indicator inserted into the first table
 * and a field changed; re-import gives the edited project, and every other sheet is identical.
 */

/** exceljs 4.4.0 cannot read absolute part paths (issue 9): not importable yet. */
const SKIPPED = new Set(['rich-form-abs']);

let dir = '';
let fixtures: OutsideFixture[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jxmb-fill-learned-'));
  fixtures = (await buildOutsideFixtures()).filter((f) => !SKIPPED.has(f.id));
});

afterAll(async () => {
  await shutdownReadWorker();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const strip = (t: PerformanceTable) => {
  const { source: _s, template: _t, ...rest } = t;
  return { ...rest, indicators: rest.indicators.map(({ slotLabel: _l, ...ind }) => ind) };
};

describe('fill into learned layouts', () => {
  it('every outside fixture fills back to the edited project', async () => {
    expect(fixtures.length).toBeGreaterThan(5);
    for (const f of fixtures) {
      const src = join(dir, f.fileName);
      writeFileSync(src, f.data);
      const imported = (await importXlsxWithSource(src)).project;
      expect(imported.tables.every((t) => t.source), f.id).toBe(true);
      const [t0, ...rest] = imported.tables;
      const inds = [...t0.indicators];
      inds.splice(1, 0, { ...inds[Math.min(1, inds.length - 1)], name: '回填新增指标' });
      const edited = { ...imported, tables: [{ ...t0, projectName: `${t0.projectName}（回填）`, indicators: inds }, ...rest] };
      const out = join(dir, `filled-${f.fileName}`);
      const report = await fillProjectFile(edited, { output: out });
      expect(report.notices.filter((n) => n.level === 'warning'), f.id).toEqual([]);
      const back = (await importXlsxFile(out)).project;
      expect(back.tables.map(strip), f.id).toEqual(edited.tables.map(strip));
      if (!hasOpenpyxl()) continue;
      const [a, b] = dumpXlsxFiles([src, out]);
      const touched = new Set(edited.tables.slice(0, 1).map((t) => t.source!.sheetIndex));
      expect(b.sheets.map((s) => s.name), f.id).toEqual(a.sheets.map((s) => s.name));
      a.sheets.forEach((s, i) => { if (!touched.has(i)) expect(b.sheets[i], `${f.id} ${s.name}`).toEqual(s); });
    }
  });
});
