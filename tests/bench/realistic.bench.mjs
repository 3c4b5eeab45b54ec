// Realistic sizes (issue 13): a township's project of 60 tables, timed step by step as a clerk
// meets them (open, validate, print preview, export, import, save), and a county bureau's batch of
// 300 workbooks validated by one `jxmb validate <folder>` process. Tables are the four seeds' real
// tables, cycled. Each figure is printed with a baseline from the same run (JSON.parse of the same
// file, exceljs loading the same workbook), so a busy machine moves both alike.
// Plain Node on dist/ (npm run build:node).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeInterleaved } from './xlsx.bench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const dist = (p) => require(join(root, 'dist', p));

const TOWNSHIP_TABLES = 60;
const BATCH_FILES = 300;

/** All seed tables, in seed order, each with its seed's meta. */
function seedTables() {
  const out = [];
  for (const s of [0, 1, 2, 3]) {
    const p = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'seeds', `s${s}.project.json`), 'utf8'));
    for (const t of p.tables) out.push({ meta: p.meta, table: t });
  }
  return out;
}

/** A project of `n` seed tables starting at `offset` (cycled), project names made unique. */
function projectOf(all, n, offset, meta) {
  const tables = Array.from({ length: n }, (_, i) => {
    const { table } = all[(offset + i) % all.length];
    return { ...table, projectName: `${table.projectName}（${i + 1}）` };
  });
  return { meta, tables };
}

const ms = (m) => `${m.wall.toFixed(0)} ms (cpu ${m.cpu.toFixed(0)} ms)`;
const line = (label, value, note = '') => console.log(`${label.padEnd(52)} ${value.padStart(24)}   ${note}`);

async function township(all, dir) {
  const { serializeProject } = dist('shared/file/project-file.js');
  const { loadProjectFileIsolated, saveProjectFile } = dist('electron/services/project-file-service.js');
  const { validateProject } = dist('shared/validation/index.js');
  const { renderPrintHtml } = dist('shared/print/index.js');
  const { writeProjectXlsx } = dist('electron/services/xlsx/write-workbook.js');
  const { importXlsxFile } = dist('electron/services/import-service.js');
  const { shutdownReadWorker } = dist('electron/services/xlsx/read-workbook.js');
  const ExcelJS = require('exceljs');

  const project = projectOf(all, TOWNSHIP_TABLES, 0, all[0].meta);
  const rows = project.tables.reduce((s, t) => s + t.indicators.length, 0);
  const jxmb = join(dir, 'township.jxmb');
  writeFileSync(jxmb, serializeProject(project));
  const xlsx = join(dir, 'township.xlsx');
  const xbuf = await writeProjectXlsx(project);
  writeFileSync(xlsx, xbuf);
  console.log(`township: ${TOWNSHIP_TABLES} seed tables, ${rows} indicator rows; .jxmb ${(readFileSync(jxmb).length / 1024).toFixed(0)} KB, xlsx ${(xbuf.length / 1024).toFixed(0)} KB`);

  let opened;
  const steps = await timeInterleaved([
    async () => { opened = (await loadProjectFileIsolated(jxmb)).project; },
    async () => { JSON.parse(readFileSync(jxmb, 'utf8')); },
    async () => { validateProject(opened ?? project); },
    async () => { renderPrintHtml(project); },
    async () => { await writeProjectXlsx(project); },
    async () => { await importXlsxFile(xlsx); },
    async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(xbuf); },
    async () => { await saveProjectFile(join(dir, 'saved.jxmb'), project); },
  ]);
  await shutdownReadWorker?.();
  const [open, parse, validate, print, exp, imp, load, save] = steps;
  line('open .jxmb (parse process, schema, restore)', ms(open), `${(open.wall / parse.wall).toFixed(1)}× JSON.parse of the file (${parse.wall.toFixed(1)} ms)`);
  line('validate all 60 tables', ms(validate), 'target < 100 ms (editor opens with findings)');
  line('print preview HTML, all tables', ms(print), 'target < 1 s');
  line('export xlsx', ms(exp), 'target < 1 s');
  line('import xlsx (parse process + recognize)', ms(imp), `${(imp.wall / load.wall).toFixed(2)}× exceljs load of the same file (${load.wall.toFixed(0)} ms)`);
  line('save .jxmb (atomic, with .bak)', ms(save), 'target < 200 ms');
  const total = open.wall + validate.wall + print.wall + exp.wall + imp.wall + save.wall;
  line('a clerk\'s round (sum of the above)', `${total.toFixed(0)} ms`, '');
}

function batch(all, dir) {
  const folder = join(dir, 'batch');
  mkdirSync(folder);
  const { writeProjectXlsx } = dist('electron/services/xlsx/write-workbook.js');
  return (async () => {
    let tables = 0;
    for (let f = 0; f < BATCH_FILES; f++) {
      const n = 5 + (f * 7) % 16; // 5–20 tables a file
      tables += n;
      const p = projectOf(all, n, f * 3, { ...all[0].meta, unitName: `第${f + 1}单位` });
      writeFileSync(join(folder, `unit-${String(f + 1).padStart(3, '0')}.xlsx`), await writeProjectXlsx(p));
    }
    console.log(`county batch: ${BATCH_FILES} workbooks, ${tables} tables`);
    const cli = join(root, 'bin', 'jxmb.js');
    const t = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'validate', folder, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000 });
    const wall = performance.now() - t;
    if (run.status !== 0 && run.status !== 1) throw new Error(`jxmb validate exited ${run.status}: ${run.stderr.slice(0, 400)}`);
    const code = `const E=require('exceljs');const fs=require('fs');const p=require('path');(async()=>{const d=${JSON.stringify(folder)};for(const f of fs.readdirSync(d).sort()){const w=new E.Workbook();await w.xlsx.load(fs.readFileSync(p.join(d,f)));}console.log(process.resourceUsage().maxRSS)})()`;
    const t2 = performance.now();
    const base = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', cwd: root, timeout: 600_000 });
    const baseWall = performance.now() - t2;
    if (base.status !== 0) throw new Error(`baseline failed: ${base.stderr.slice(0, 400)}`);
    const peakMb = Number(run.stderr.trim().split('\n').pop()) / 1024;
    const findings = JSON.parse(run.stdout).length;
    line(`jxmb validate <folder of ${BATCH_FILES}> (one process)`, `${(wall / 1000).toFixed(1)} s`, `${(wall / BATCH_FILES).toFixed(0)} ms a file; ${(wall / baseWall).toFixed(2)}× exceljs loading the same files (${(baseWall / 1000).toFixed(1)} s)`);
    line(`findings reported`, String(findings));
    line('peak RSS of that process tree', `${peakMb.toFixed(0)} MB`, 'limit 1,536 MB');
  })();
}

export default async function main() {
  const all = seedTables();
  const dir = mkdtempSync(join(tmpdir(), 'jxmb-realistic-'));
  try {
    await township(all, dir);
    await batch(all, dir);
    console.log(`machine load average: ${loadavg()[0].toFixed(1)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
