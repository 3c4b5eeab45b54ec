// Recognizing a 50-table workbook in a LEARNED layout (issue 9): the 88号 申报表 of the outside
// fixtures (长期 + 年度 blocks, 中期/年度 funds, footer rows), 50 projects, one per sheet, written by
// our own export. Figure: read in the worker + recognize + learn, against exceljs's own load of the
// same file, measured interleaved in one run. Target ≤ 1.3×. Plain Node on dist/ (npm run build:node).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeInterleaved } from './xlsx.bench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const dist = (p) => require(join(root, 'dist', p));
const TABLES = 50;

const ms = (m) => `${m.wall.toFixed(0)} ms (cpu ${m.cpu.toFixed(0)} ms)`;
const line = (label, value, target) => console.log(`${label.padEnd(48)} ${value.padStart(24)}   ${target}`);

/** 50 projects in the learned 88号 layout: the two fixture projects, renamed and repeated. */
function learnedProject() {
  const golden = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'outside', '88-shenbao.golden.json'), 'utf8')).project;
  const tables = Array.from({ length: TABLES }, (_, n) => {
    const t = golden.tables[n % golden.tables.length];
    return { ...t, projectName: `${t.projectName}${n + 1}` };
  });
  return { ...golden, tables };
}

export default async function main() {
  const ExcelJS = require('exceljs');
  const { writeProjectXlsx } = dist('electron/services/xlsx/write-workbook.js');
  const { readWorkbookBuffer, shutdownReadWorker } = dist('electron/services/xlsx/read-workbook.js');
  const { recognizeWorkbook } = dist('shared/xlsx/recognize.js');

  const project = learnedProject();
  const buf = await writeProjectXlsx(project);
  const rows = project.tables.reduce((s, t) => s + t.indicators.length + (t.longTermIndicators?.length ?? 0), 0);
  console.log(`workbook: ${TABLES} tables in a learned layout, ${rows} indicator rows, ${(buf.length / 1024).toFixed(0)} KB`);

  let result;
  const recognizeOnce = async () => {
    const raw = await readWorkbookBuffer(buf, 'learned.xlsx');
    result = recognizeWorkbook(raw, { sourceName: 'learned.xlsx' });
  };
  const loadOnce = async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(buf); };
  await recognizeOnce();
  const learned = result.project.tables.filter((t) => t.family === 'learned').length;
  if (learned !== TABLES) throw new Error(`recognized ${learned} learned tables, expected ${TABLES}`);
  await loadOnce();
  const [rec, load] = await timeInterleaved([recognizeOnce, loadOnce]);
  await shutdownReadWorker();

  line('read + recognize + learn (50 learned tables)', ms(rec), '');
  line('exceljs xlsx.load of the same file', ms(load), '(baseline)');
  line('ratio recognize / exceljs load (wall)', (rec.wall / load.wall).toFixed(2), 'target ≤ 1.3');
  line('ratio recognize / exceljs load (cpu)', (rec.cpu / load.cpu).toFixed(2), '(cpu of all threads)');
  console.log(`machine load average: ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
}
