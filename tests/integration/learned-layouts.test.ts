import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { exportXlsxFile, importXlsxFile, type ImportResult } from '../../electron/services/import-service';
import { shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import { parseProjectFile, serializeProject } from '../../shared/file/project-file';
import { validateProject } from '../../shared/validation';
import { layout } from '../../shared/layout/layout';
import type { PerformanceTable } from '../../shared/model/types';
import { cellRef } from '../../shared/xlsx/raw';
import { recognizeWorkbook } from '../../shared/xlsx/recognize';
import { buildOutsideFixtures } from '../fixtures/gen-outside';
import { layoutToRawSheet } from '../helpers/layout-to-raw';

/**
 * Layouts outside the five families (issue 9): every fixture of tests/fixtures/gen-outside.ts is
 * read through the real reader and recognized to its golden (tests/fixtures/outside/<id>.golden.json,
 * checked by hand against the fixture README); a learned layout survives .jxmb, layout and our own
 * export unchanged. `UPDATE_GOLDENS=1` rewrites the goldens (then check them by hand again).
 */

const GOLDENS = join(__dirname, '..', 'fixtures', 'outside');
let dir: string;
let fixtures: Awaited<ReturnType<typeof buildOutsideFixtures>>;
const results = new Map<string, ImportResult>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jxmb-outside-'));
  fixtures = await buildOutsideFixtures();
  for (const f of fixtures) {
    const file = join(dir, f.fileName);
    writeFileSync(file, f.data);
    results.set(f.id, await importXlsxFile(file, { sourceName: f.fileName }));
  }
});

afterAll(async () => {
  await shutdownReadWorker();
  rmSync(dir, { recursive: true, force: true });
});

/** What the golden holds: the project and the warnings (sheet, cell, message). */
function goldenOf(result: ImportResult): unknown {
  return { project: result.project, warnings: result.warnings };
}

describe('layouts outside the five families', () => {
  it('has at least 8 fixtures, each with a golden', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    for (const f of fixtures) {
      const golden = join(GOLDENS, `${f.id}.golden.json`);
      if (process.env.UPDATE_GOLDENS) writeFileSync(golden, `${JSON.stringify(goldenOf(results.get(f.id)!), null, 1)}\n`);
      expect(existsSync(golden), golden).toBe(true);
    }
  });

  it('every fixture imports to its golden', () => {
    for (const f of fixtures) {
      const golden = JSON.parse(readFileSync(join(GOLDENS, `${f.id}.golden.json`), 'utf8')) as unknown;
      expect(JSON.parse(JSON.stringify(goldenOf(results.get(f.id)!))), f.id).toEqual(golden);
    }
  });

  it('learns a layout for every table no built-in family holds, and names it after the file', () => {
    for (const f of fixtures) {
      for (const t of results.get(f.id)!.project.tables) {
        if (f.id === 'core-star') {
          expect(t.family, f.id).toBe('nx-2022');
          continue;
        }
        expect(t.family, f.id).toBe('learned');
        expect(t.template?.displayName).toBe(`自定义版式（来自 ${f.fileName}）`);
      }
    }
  });

  it('keeps the 88号 long-term block, both fund columns, leader, dates and filling unit in one table per project', () => {
    const [t] = results.get('88-shenbao')!.project.tables;
    expect(results.get('88-shenbao')!.project.tables).toHaveLength(2);
    expect([t.projectName, t.projectLeader, t.contactPhone, t.projectStart, t.projectEnd, t.fillingUnit]).toEqual(
      ['村级组织运转经费', '张志强', '13831912345', '2025年1月1日', '2025年12月31日', '清河县柳林镇人民政府']);
    expect([t.funds, t.longTermFunds]).toEqual([{ total: 86.4, fiscal: 80.4, other: 6 }, { total: 259.2, fiscal: 241.2, other: 18 }]);
    expect([t.indicators.length, t.longTermIndicators?.length]).toEqual([9, 5]);
    expect(t.longTermGoal).toMatch(/^2025—2027年保障全镇18/);
  });

  it('composes a 101号 split value back from 指标性质 / 指标值 / 度量单位 and keeps 权重; the 审核意见 row is no indicator', () => {
    const tables = results.get('101-core')!.project.tables;
    expect(tables).toHaveLength(3);
    const values = tables[0].indicators.map((i) => [i.value.raw, i.nature, i.measureUnit, i.weight]);
    expect(values.every(([raw]) => raw !== '')).toBe(true);
    expect(values.some(([raw, nature, unit]) => raw === `${nature}${raw!.slice(nature!.length, raw!.length - unit!.length)}${unit}` && unit !== '')).toBe(true);
    expect(tables.flatMap((t) => t.indicators).some((i) => /审核意见/.test(i.level1 + i.name))).toBe(false);
    expect(tables[0].funds).toEqual({ total: 86.4, fiscal: 80.4, other: 6 });
  });

  it('reads review rows, notes and signatures as form content, not indicators', () => {
    const t = results.get('review-blocks')!.project.tables[0];
    expect(t.indicators).toHaveLength(9);
    expect(t.template?.footer?.some((s) => /签字盖章/.test(s.text ?? ''))).toBe(true);
  });

  it('round-trips a learned project through .jxmb, layout() and our own export', async () => {
    for (const f of fixtures) {
      const project = results.get(f.id)!.project;
      expect(parseProjectFile(serializeProject(project)).project, f.id).toEqual(project);
      for (const t of project.tables) {
        const again = recognizeWorkbook({ sheets: [layoutToRawSheet(layout(t, project.meta))], warnings: [] }, { fiscalYear: project.meta.fiscalYear, sourceName: t.template?.sourceName });
        expect(again.project.tables[0], f.id).toEqual(t);
      }
      const file = join(dir, `export-${f.id}.xlsx`);
      await exportXlsxFile(project, file);
      const back = await importXlsxFile(file, { sourceName: f.fileName });
      expect(back.project.tables.map(plain), f.id).toEqual(project.tables.map(plain));
    }
  });
});

describe('the import report on the command line', () => {
  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, out, err };
  }

  it('names the learned layout and keeps an instructions sheet as one explained line', async () => {
    const { code, out } = await run('inspect', join(dir, '88-shenbao.xlsx'));
    expect(code).toBe(0);
    expect(out).toContain('自定义版式（来自 88-shenbao.xlsx）');
    expect(out).toContain('工作表「填表说明」中没有绩效目标表');
  });

  it('groups unread cells once per kind and exits 3 when a column of indicator content is lost', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.addRow(['项目名称', '测试项目']);
    ws.addRow(['一级指标', '二级指标', '三级指标', '指标值', '考核方式']);
    for (let i = 0; i < 6; i++) ws.addRow(['产出指标', '数量指标', `指标${i}`, `≥${i}个`, `方式${i}`]);
    for (let i = 0; i < 5; i++) ws.getCell(10 + i, 8).value = `杂项${i}`;
    const file = join(dir, 'lost-column.xlsx');
    await wb.xlsx.writeFile(file);
    const { code, out } = await run('inspect', file);
    expect(code).toBe(3);
    expect(out).toContain('注意：有 1 列指标内容无法识别、未导入');
    expect(out).toMatch(/未识别的内容（未导入，回填时原表保持不变）：共 \d+ 处/);
    expect(out.split('\n').filter((l) => l.includes('杂项')).length).toBe(0);
  });
});

describe('validation of learned layouts (rules keyed to fields)', () => {
  it('runs the field rules a layout binds, points at its cells, and skips rules of fields it lacks', () => {
    const project = results.get('101-core')!.project;
    const t = project.tables[0];
    const broken: PerformanceTable = {
      ...t,
      funds: { ...t.funds, total: 90 },
      indicators: t.indicators.map((ind, i) => (i === 3 ? { ...ind, name: '指标内容1' } : ind)),
    };
    const findings = validateProject({ ...project, tables: [broken] });
    const fund01 = findings.find((f) => f.ruleId === 'FUND-01');
    expect(fund01?.severity).toBe('error');
    const cell = layout(broken, project.meta).cells.find((c) => c.binding?.path === 'funds.total')!;
    expect(fund01?.cell).toBe(cellRef(cell.row, cell.col));
    expect(findings.some((f) => f.ruleId === 'QUA-01' && f.path === 'indicators.3.name')).toBe(true);
    // 101-core has no 绩效指标描述 / 资金用途 / 项目编码: their rules do not run.
    expect(findings.filter((f) => ['QUA-07', 'QUA-09', 'FUND-08', 'HDR-05'].includes(f.ruleId))).toEqual([]);
    expect(validateProject(project).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

/** A table without its SourceMap (which names cells of the file it came from). */
function plain(t: PerformanceTable): PerformanceTable {
  const { source: _s, ...rest } = t;
  return rest;
}


