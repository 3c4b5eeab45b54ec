import { readFileSync, mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTable } from '../../shared/families/create-table';
import { FAMILY_IDS, type Project } from '../../shared/model/types';
import type { RawWorkbook } from '../../shared/xlsx/raw';
import { exportXlsxFile, importXlsxFile, withExportedMeta } from '../../electron/services/import-service';
import { shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import { WORKBOOK_CREATOR } from '../../electron/services/xlsx/write-workbook';
import { SAMPLE_META, sampleProject } from '../helpers/xlsx-sample-project';

/** export → xlsx file → import gives back the same project (seeds, every family, stacked). */

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const dir = mkdtempSync(join(tmpdir(), 'jxmb-roundtrip-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await shutdownReadWorker();
});

async function roundTrip(project: Project, name: string, stacked = false): Promise<Awaited<ReturnType<typeof importXlsxFile>>> {
  const file = join(dir, `${name}.xlsx`);
  await exportXlsxFile(project, file, { stacked });
  return importXlsxFile(file);
}

describe('xlsx round trip', () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.project.json')).sort();

  it('finds the seed goldens', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(4);
  });

  it.each(seeds)('seed %s: export → import is lossless', async (seed) => {
    const project = JSON.parse(readFileSync(join(SEEDS, seed), 'utf8')) as Project;
    const result = await roundTrip(project, seed);
    expect(result.warnings).toEqual([]);
    expect(result.project).toEqual(project);
  });

  it.each(FAMILY_IDS)('new empty %s table', async (family) => {
    const project: Project = { meta: SAMPLE_META, tables: [createTable(family)] };
    const result = await roundTrip(project, `empty-${family}`);
    expect(result.warnings).toEqual([]);
    expect(result.project).toEqual(project);
  });

  it.each(FAMILY_IDS)('filled %s table (irregular amounts, percents, every value kind)', async (family) => {
    const project = sampleProject([family]);
    const result = await roundTrip(project, `filled-${family}`);
    expect(result.warnings).toEqual([]);
    expect(result.project).toEqual(project);
  });

  it('all families stacked in one sheet', async () => {
    const project = sampleProject(FAMILY_IDS);
    const result = await roundTrip(project, 'stacked', true);
    expect(result.warnings).toEqual([]);
    expect(result.project).toEqual(project);
  });

  it('export does not leave temp files and overwrites an existing file', async () => {
    const project = sampleProject(['hebei']);
    await roundTrip(project, 'twice');
    const again = await roundTrip(project, 'twice');
    expect(again.project).toEqual(project);
    expect(readdirSync(dir).filter((f) => f.includes('twice'))).toEqual(['twice.xlsx']);
  });
});

describe('project meta from our document properties', () => {
  const recognized = { project: { meta: { fiscalYear: 2022, unitCode: '', unitName: '', moneyUnit: 'wanYuan' as const }, tables: [] }, warnings: [], sources: [] };
  const raw = (lastModifiedBy: string): RawWorkbook => ({
    sheets: [], warnings: [],
    properties: { creator: WORKBOOK_CREATOR, lastModifiedBy, keywords: 'jxmb:fiscalYear=2024;unitCode=816001;unitName=%E6%80%80%E6%9D%A5;moneyUnit=yuan' },
  });

  it('wins while nobody saved the file since our export', () => {
    expect(withExportedMeta(recognized, raw(WORKBOOK_CREATOR)).project.meta).toEqual({ fiscalYear: 2024, unitCode: '816001', unitName: '怀来', moneyUnit: 'yuan' });
  });

  it('only fills empty fields once the file was saved by Excel/WPS', () => {
    expect(withExportedMeta(recognized, raw('张三')).project.meta).toEqual({ fiscalYear: 2022, unitCode: '816001', unitName: '怀来', moneyUnit: 'wanYuan' });
  });

  it('is ignored for files from other creators', () => {
    const other: RawWorkbook = { sheets: [], warnings: [], properties: { creator: 'Microsoft Excel', keywords: 'jxmb:unitName=x' } };
    expect(withExportedMeta(recognized, other)).toBe(recognized);
  });
});
