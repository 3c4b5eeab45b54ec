// Fill (回填) speed on a 50-table workbook (~1,500 indicator rows, mixed families): our own export
// of the project is imported (SourceMap recorded), every table edited (values changed; every
// 5th table gets 3 indicators more, every 7th 2 fewer), then filled back into the exported
// bytes. Figures: fill (guarded read + plan + patch, in memory), our export of the same project
// (write-workbook.ts) as baseline, and their ratio. Plain Node on dist/ (npm run build:node).
import { createRequire } from 'node:module';
import { loadavg, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchProject, timeInterleaved } from './xlsx.bench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const dist = (p) => require(join(root, 'dist', p));

const TABLES = 50;
const RUNS = 9;

function edit(project) {
  const { parseIndicatorValue } = dist('shared/values/indicator-value.js');
  return {
    ...project,
    tables: project.tables.map((t, n) => {
      let inds = t.indicators.map((ind, i) => (i % 4 === 0 ? { ...ind, value: parseIndicatorValue(`≥${90 + (i % 10)}%`) } : ind));
      if (n % 5 === 0) inds = [...inds.slice(0, 2), ...[1, 2, 3].map((k) => ({ ...inds[1], name: `新增${k}` })), ...inds.slice(2)];
      if (n % 7 === 0) inds = inds.slice(0, -2);
      return { ...t, projectName: `${t.projectName}（改）`, indicators: inds };
    }),
  };
}

const ms = (m) => `${m.wall.toFixed(0)} ms (cpu ${m.cpu.toFixed(0)} ms)`;
const line = (label, value, target) => console.log(`${label.padEnd(48)} ${value.padStart(24)}   ${target}`);

export default async function main() {
  const { writeProjectXlsx } = dist('electron/services/xlsx/write-workbook.js');
  const { readWorkbookBuffer, shutdownReadWorker } = dist('electron/services/xlsx/read-workbook.js');
  const { recognizeWorkbook } = dist('shared/xlsx/recognize.js');
  const { attachSources } = dist('shared/xlsx/source-map.js');
  const { fillWorkbookBytes } = dist('electron/services/fill/fill-service.js');

  const project = benchProject();
  const buf = await writeProjectXlsx(project);
  const recognized = recognizeWorkbook(await readWorkbookBuffer(buf, 'bench.xlsx'));
  const imported = attachSources(recognized.project, recognized.sources);
  if (imported.tables.some((t) => !t.source)) throw new Error('a table has no SourceMap');
  const edited = edit(imported);
  const rows = edited.tables.reduce((s, t) => s + t.indicators.length, 0);
  let last;
  const fillOnce = async () => { last = await fillWorkbookBytes(edited, buf, 'bench.xlsx', false); };
  await fillOnce();
  await writeProjectXlsx(edited);
  console.log(`workbook: ${TABLES} tables, ${rows} indicator rows after the edits, ${(buf.length / 1024).toFixed(0)} KB; median of ${RUNS} runs`);
  console.log(`fill: ${last.counts.cellsWritten} cells written, ${last.counts.rowsInserted} rows inserted, ${last.counts.rowsDeleted} deleted`);
  const [fill, exp] = await timeInterleaved([fillOnce, () => writeProjectXlsx(edited)]);
  await shutdownReadWorker();
  line('fill (read + plan + patch, 50 tables)', ms(fill), 'target ≤ 1000 ms');
  line('xlsx export of the same project (baseline)', ms(exp), '(reference)');
  line('ratio fill / export (wall)', (fill.wall / exp.wall).toFixed(2), 'target ≤ 2');
  line('ratio fill / export (cpu)', (fill.cpu / exp.cpu).toFixed(2), 'target ≤ 2');
  console.log(`machine load average: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
}
