// Reading the 50-table bench workbook (xlsx.bench.mjs) in the other formats Excel and WPS open:
// the same workbook saved by LibreOffice as .xls (BIFF8), .ods and HTML-as-.xls, read by the
// production reader (worker + pre-scan + SheetJS) and recognized. Plain Node on dist/
// (npm run build:node). The conversions are cached in test-output/bench-cache/ by content hash.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchProject, timeInterleaved } from './xlsx.bench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const dist = (p) => require(join(root, 'dist', p));
const CACHE = join(root, 'test-output', 'bench-cache');
const SOFFICE = '/usr/bin/soffice';
const FORMATS = [['xls', 'xls:MS Excel 97'], ['ods', 'ods:calc8'], ['html', 'html:HTML (StarCalc)']];

/** The workbook converted by LibreOffice, from the cache when the xlsx bytes are unchanged. */
function converted(xlsx, ext, filter) {
  const hash = createHash('sha256').update(xlsx).digest('hex').slice(0, 16);
  const cached = join(CACHE, `bench-${hash}.${ext}`);
  if (existsSync(cached)) return readFileSync(cached);
  const work = mkdtempSync(join(tmpdir(), 'jxmb-bench-lo-'));
  try {
    writeFileSync(join(work, 'bench.xlsx'), xlsx);
    execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', join(work, 'out'), join(work, 'bench.xlsx')], { timeout: 300_000, stdio: 'ignore' });
    const out = readFileSync(join(work, 'out', `bench.${ext}`));
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(`${cached}.tmp`, out);
    renameSync(`${cached}.tmp`, cached);
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const ms = (m) => `${m.wall.toFixed(0)} ms (cpu ${m.cpu.toFixed(0)} ms)`;
const line = (label, value, target) => console.log(`${label.padEnd(48)} ${value.padStart(24)}   ${target}`);

export default async function main() {
  if (!existsSync(SOFFICE)) { console.log('skipped: /usr/bin/soffice not found'); return; }
  const { writeProjectXlsx } = dist('electron/services/xlsx/write-workbook.js');
  const { readWorkbookBuffer, shutdownReadWorker } = dist('electron/services/xlsx/read-workbook.js');
  const { recognizeWorkbook } = dist('shared/xlsx/recognize.js');
  const project = benchProject();
  const xlsx = await writeProjectXlsx(project);
  const files = [['xlsx', xlsx], ...FORMATS.map(([ext, filter]) => [ext, converted(xlsx, ext, filter)])];
  const importers = files.map(([ext, buf]) => async () => {
    const result = recognizeWorkbook(await readWorkbookBuffer(buf, `bench.${ext === 'html' ? 'xls' : ext}`));
    if (result.project.tables.length !== project.tables.length) throw new Error(`${ext}: ${result.project.tables.length} tables, expected ${project.tables.length}`);
  });
  for (const f of importers) await f();
  const times = await timeInterleaved(importers);
  await shutdownReadWorker();
  console.log(`workbook: ${project.tables.length} tables; ${files.map(([ext, b]) => `${ext} ${(b.length / 1024).toFixed(0)} KB`).join(', ')}`);
  files.forEach(([ext], i) => line(`import ${ext} (read in worker + recognize)`, ms(times[i]), i === 0 ? '(baseline)' : ''));
  files.slice(1).forEach(([ext], k) => {
    const t = times[k + 1];
    const target = ext === 'xls' ? 'target ≤ 1.5' : '(context)';
    line(`ratio ${ext} / xlsx (wall)`, (t.wall / times[0].wall).toFixed(2), target);
    line(`ratio ${ext} / xlsx (cpu)`, (t.cpu / times[0].cpu).toFixed(2), target);
  });
  console.log(`machine load average: ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
