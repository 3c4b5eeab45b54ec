// xlsx import/export speed and memory on a 50-table workbook (~1,500 indicator rows, mixed families).
// Plain Node on dist/ (npm run build:node). Prints one line per figure with its target.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const dist = (p) => require(join(root, 'dist', p));

const TABLES = 50;
const ROWS_PER_TABLE = 30;
const RUNS = 9;
const FAMILIES = ['nx-2024', 'nx-2022', 'hebei', 'jx-2024', 'jx-department'];
const VALUES = ['≥95%', '21个', '显著提升', '≤67.54万元', '0.98', '2024年底前完成', '＝100%'];

function benchTable(n) {
  const { createTable } = dist('shared/families/create-table.js');
  const { parseIndicatorValue } = dist('shared/values/indicator-value.js');
  const family = FAMILIES[n % FAMILIES.length];
  const base = createTable(family);
  const skeleton = base.indicators;
  const indicators = [];
  skeleton.forEach((slot, k) => {
    const count = Math.floor(ROWS_PER_TABLE / skeleton.length) + (k < ROWS_PER_TABLE % skeleton.length ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const j = indicators.length;
      indicators.push({ ...slot, name: `第${n + 1}表指标${j + 1}`, description: family === 'hebei' ? `描述${j + 1}` : '', basis: family === 'hebei' ? '年度工作计划' : '', value: parseIndicatorValue(VALUES[j % VALUES.length]) });
    }
  });
  return {
    ...base,
    projectName: `基准测试项目${n + 1}`,
    projectCode: family === 'hebei' ? `1307302${String(n).padStart(2, '0')}P00888510015C`.slice(0, 21) : '',
    funds: family === 'jx-department' ? base.funds : { ...base.funds, total: 100 + n, fiscal: 90 + n, other: 10 },
    goal: '加大村级组织建设保障力度，确保村级组织机构的正常运转，提升基层治理能力。',
    indicators,
  };
}

/** The 50-table bench project (shared with formats.bench.mjs). */
export function benchProject() {
  return { meta: { fiscalYear: 2024, unitCode: '816001', unitName: '基准测试单位', moneyUnit: 'wanYuan' }, tables: Array.from({ length: TABLES }, (_, n) => benchTable(n)) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Median wall time and CPU time (all threads, incl. the read worker) of each function; runs are
 * interleaved so that load from other processes hits all alike. CPU time shows the cost when
 * the machine is busy and wall times are inflated.
 */
export async function timeInterleaved(fns) {
  const wall = fns.map(() => []);
  const cpu = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < fns.length; k++) {
      globalThis.gc?.();
      const c = process.cpuUsage();
      const t = performance.now();
      await fns[k]();
      wall[k].push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu[k].push((d.user + d.system) / 1000);
    }
  }
  return fns.map((_, k) => ({ wall: median(wall[k]), cpu: median(cpu[k]) }));
}

const ms = (m) => `${m.wall.toFixed(0)} ms (cpu ${m.cpu.toFixed(0)} ms)`;

const line = (label, value, target) => console.log(`${label.padEnd(48)} ${value.padStart(24)}   ${target}`);

export default async function main() {
  const ExcelJS = require('exceljs');
  const { writeProjectXlsx } = dist('electron/services/xlsx/write-workbook.js');
  const { readWorkbookBuffer, shutdownReadWorker } = dist('electron/services/xlsx/read-workbook.js');
  const { recognizeWorkbook } = dist('shared/xlsx/recognize.js');

  const project = benchProject();
  const rows = project.tables.reduce((s, t) => s + t.indicators.length, 0);
  const buf = await writeProjectXlsx(project);
  console.log(`workbook: ${TABLES} tables, ${rows} indicator rows, ${(buf.length / 1024).toFixed(0)} KB; median of ${RUNS} runs`);

  let imported;
  const importOnce = async () => {
    const raw = await readWorkbookBuffer(buf, 'bench.xlsx');
    imported = recognizeWorkbook(raw);
  };
  const coldStart = performance.now();
  await importOnce();
  const cold = performance.now() - coldStart;
  if (imported.project.tables.length !== TABLES) throw new Error(`import found ${imported.project.tables.length} tables, expected ${TABLES}`);

  const loadOnce = async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(buf); };
  await writeProjectXlsx(project);
  await loadOnce();
  const [exp, imp, load] = await timeInterleaved([() => writeProjectXlsx(project), importOnce, loadOnce]);
  await shutdownReadWorker();

  line('xlsx export (write, 50 tables)', ms(exp), 'target < 500 ms');
  line('xlsx import (read in worker + recognize)', ms(imp), 'target < 500 ms');
  line('xlsx import, cold (worker start + reader load)', `${cold.toFixed(0)} ms`, '(first import after start; warmUpReadWorker() hides it)');
  line('exceljs xlsx.load of the same buffer', ms(load), '(reference)');
  line('ratio import / exceljs load (wall)', (imp.wall / load.wall).toFixed(2), 'target ≤ 1.5');
  line('ratio import / exceljs load (cpu)', (imp.cpu / load.cpu).toFixed(2), 'target ≤ 1.5');
  console.log(`machine load average: ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);

  const dir = mkdtempSync(join(tmpdir(), 'jxmb-bench-'));
  try {
    const file = join(dir, 'bench.xlsx');
    writeFileSync(file, buf);
    const code = `const { importXlsxFile } = require(${JSON.stringify(join(root, 'dist/electron/services/import-service.js'))});
      importXlsxFile(${JSON.stringify(file)}).then((r) => { console.log(JSON.stringify({ tables: r.project.tables.length, maxRssKb: process.resourceUsage().maxRSS })); process.exit(0); });`;
    const child = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 120_000 });
    if (child.status !== 0) throw new Error(`CLI-like import failed: ${child.stderr}`);
    const { tables, maxRssKb } = JSON.parse(child.stdout.trim().split('\n').pop());
    line(`peak RSS, CLI-like import (${tables} tables)`, `${(maxRssKb / 1024).toFixed(0)} MB`, 'target < 300 MB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
