import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile, shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import type { PerformanceTable, Project } from '../../shared/model/types';
import type { ImportWarning } from '../../shared/xlsx/raw';
import { recognizeWorkbook } from '../../shared/xlsx/recognize';
import { ensureFixtures, type FixtureSet, type FixtureVariant, SEED_IDS } from '../fixtures/build-fixtures';
import { flatProjection, flatTables } from '../fixtures/gen-flat';
import { INSTRUCTIONS_NOTE, STRAY_NOTE } from '../fixtures/gen-sheets';

/**
 * Every fixture of every available seed (built from the goldens by tests/fixtures/build-fixtures.ts,
 * read by the production reader) recognizes back to its golden.
 */

let set: FixtureSet;

beforeAll(async () => {
  set = await ensureFixtures();
});

afterAll(async () => {
  await shutdownReadWorker();
});

async function recognizeFile(seed: string, variant: FixtureVariant) {
  const s = set.seeds.find((x) => x.seed === seed);
  const path = s?.files[variant];
  if (!s || !path) return null;
  const raw = await readWorkbookFile(path);
  return { golden: s.golden, result: recognizeWorkbook(raw) };
}

/** Project facts a grid can show: the year always, 单位编码/名称 only on the family C unit line. */
function printedMeta(golden: Project) {
  const hebei = golden.tables.some((t) => t.family === 'hebei');
  return hebei ? golden.meta : { ...golden.meta, unitCode: '', unitName: '' };
}

function expectTables(actual: readonly PerformanceTable[], expected: readonly PerformanceTable[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((t, i) => expect(t, `table ${i + 1} ${expected[i].projectName}`).toEqual(expected[i]));
}

const notesOnly = (warnings: readonly ImportWarning[]) =>
  warnings.filter((w) => !w.message.includes(STRAY_NOTE.slice(0, 10)) && w.kind !== 'no-table');

describe.each(SEED_IDS)('seed %s fixtures', (seed) => {
  for (const variant of ['per-sheet', 'stacked', 'libreoffice'] as const) {
    it(`${variant} recognizes to the golden`, async (ctx) => {
      const got = await recognizeFile(seed, variant);
      if (!got) return ctx.skip();
      expect(got.result.warnings).toEqual([]);
      expectTables(got.result.project.tables, got.golden.tables);
      expect(got.result.project.meta).toEqual(printedMeta(got.golden));
    });
  }

  it('messy recognizes to the golden; the stray notes become warnings, not data', async (ctx) => {
    const got = await recognizeFile(seed, 'messy');
    if (!got) return ctx.skip();
    const { warnings, project } = got.result;
    expectTables(project.tables, got.golden.tables);
    expect(project.meta).toEqual(printedMeta(got.golden));
    const notes = warnings.filter((w) => w.message.includes(STRAY_NOTE.slice(0, 10)));
    expect(notes).toHaveLength(got.golden.tables.length);
    expect(notes.every((w) => w.sheet && w.cell)).toBe(true);
    expect(warnings.some((w) => w.sheet === '填报说明')).toBe(true);
    expect(notesOnly(warnings)).toEqual([]);
    expect(JSON.stringify(project)).not.toContain(STRAY_NOTE.slice(0, 10));
    expect(JSON.stringify(project)).not.toContain(INSTRUCTIONS_NOTE.slice(0, 4));
  });

  it('flat list recognizes to the flat projection of the golden', async (ctx) => {
    const got = await recognizeFile(seed, 'flat');
    if (!got) return ctx.skip();
    expect(got.result.warnings).toEqual([]);
    expectTables(got.result.project.tables, flatTables(got.golden).map(flatProjection));
    expect(got.result.project.meta.fiscalYear).toBe(got.golden.meta.fiscalYear);
  });
});
