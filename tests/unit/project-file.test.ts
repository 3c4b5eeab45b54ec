import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import { PROJECT_FORMAT_VERSION, parseProjectFile, serializeProject } from '../../shared/file/project-file';
import { type Project } from '../../shared/model';
import { createTable } from '../../shared/families/create-table';
import { parseIndicatorValue } from '../../shared/values';

function project(): Project {
  const table = { ...createTable('hebei'), projectName: '官厅镇村干部工资', funds: { total: 67.54, fiscal: 67.54, other: null } };
  const indicators = table.indicators.map((ind, i) => (i === 0 ? { ...ind, name: '行政村数量', value: parseIndicatorValue('21个') } : ind));
  const meta = { fiscalYear: 2024, unitCode: '816001', unitName: '怀来县官厅镇人民政府', moneyUnit: 'wanYuan' as const };
  return { meta, tables: [{ ...table, indicators }] };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isUserError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

describe('.jxmb project file', () => {
  it('round-trips a project through serialize and parse', () => {
    const p = project();
    const text = serializeProject(p);
    expect(JSON.parse(text)).toMatchObject({ format: 'jxmb-project', version: PROJECT_FORMAT_VERSION });
    expect(parseProjectFile(text)).toEqual({ project: p, warnings: [] });
  });

  it('keeps a table’s own column widths (dragged in the editor)', () => {
    const p = project();
    const withWidths = { ...p, tables: [{ ...p.tables[0], columnWidths: [6, 10, 14, 20, 12, 12, 14] }] };
    expect(parseProjectFile(serializeProject(withWidths)).project.tables[0].columnWidths).toEqual([6, 10, 14, 20, 12, 12, 14]);
  });

  it('names the reason for a corrupt, foreign, newer or invalid file', () => {
    expect(codeOf(() => parseProjectFile('{"format": "jxmb-project", "version": 1, "project": '))).toBe('file-not-json');
    expect(codeOf(() => parseProjectFile('{"hello": 1}'))).toBe('file-not-project');
    expect(codeOf(() => parseProjectFile(JSON.stringify({ format: 'jxmb-project', version: 99, project: {} })))).toBe('file-newer');
    const bad = JSON.parse(serializeProject(project()));
    bad.project.tables[0].funds.total = '67.54';
    let message = '';
    try {
      parseProjectFile(JSON.stringify(bad));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('project.tables[0].funds.total');
  });

  it('migrates an older version step by step', () => {
    const p = project();
    const v1 = { format: 'jxmb-project', version: 1, project: { ...p, meta: { ...p.meta, year: 2024, fiscalYear: undefined } } };
    // A hypothetical version 2 whose predecessor (1) stored the year as `year`.
    const migrated = parseProjectFile(JSON.stringify(v1), {
      currentVersion: 2,
      migrations: { 1: (old) => {
        const o = old as { meta: { year: number } & Record<string, unknown> };
        const { year, ...meta } = o.meta;
        return { ...o, meta: { ...meta, fiscalYear: year } };
      } },
    });
    expect(migrated.project.meta.fiscalYear).toBe(2024);
  });

  it('re-derives indicator values from their raw text and says so', () => {
    const bad = JSON.parse(serializeProject(project()));
    bad.project.tables[0].indicators[0].value.number = 12;
    const { project: restored, warnings } = parseProjectFile(JSON.stringify(bad));
    expect(restored.tables[0].indicators[0].value.number).toBe(21);
    expect(warnings[0]).toContain('21个');
  });
});
