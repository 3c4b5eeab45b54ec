// Benchmark: start-up of the `jxmb` command line. Two ratios, each from the median wall time of N
// runs (JXMB_BENCH_RUNS, default 7) after one warm-up run, the commands interleaved so that they
// share the machine's load:
//   `jxmb --help` / `node -e 0`                                   (target ≤ 3)
//   `jxmb inspect <14-table workbook>` / LibreOffice opening it    (target ≤ 0.25)
// LibreOffice: `soffice --headless --convert-to csv` with its own profile folder (a shared profile
// would hand the job to another running soffice). The workbook is seed s3 one sheet per table
// (test-output/fixtures/s3.per-sheet.xlsx, built by tests/fixtures/build-fixtures.ts).
// Run after `npm run build:node`: `node tests/bench/run.mjs startup`, or alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const jxmb = path.join(root, 'bin', 'jxmb.js');

function fixture() {
  const file = path.join(root, 'test-output', 'fixtures', 's3.per-sheet.xlsx');
  if (!fs.existsSync(file)) {
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'tests', 'fixtures', 'build-fixtures.ts')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0 || !fs.existsSync(file)) throw new Error('cannot build test-output/fixtures/s3.per-sheet.xlsx');
  }
  return file;
}

function soffice() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, 'soffice');
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** Wall time of one run in ms; throws when the command fails. */
function timed(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

export default async function run() {
  const runs = Math.max(1, Number(process.env.JXMB_BENCH_RUNS) || 7);
  const workbook = fixture();
  const office = soffice();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-bench-startup-'));
  const profile = pathToFileURL(path.join(tmp, 'lo-profile')).href;
  const jobs = {
    node: () => timed(process.execPath, ['-e', '0']),
    help: () => timed(process.execPath, [jxmb, '--help']),
    inspect: () => timed(process.execPath, [jxmb, 'inspect', workbook]),
    ...(office ? { soffice: () => timed(office, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv', '--outdir', tmp, workbook]) } : {}),
  };
  const times = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
  try {
    for (const job of Object.values(jobs)) job(); // warm-up: disk cache, LibreOffice profile
    for (let i = 0; i < runs; i++) for (const [k, job] of Object.entries(jobs)) times[k].push(job());
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const load = fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').trim() : 'n/a';
  const helpRatio = median(times.help) / median(times.node);
  console.log(`startup: ${runs} runs each, load ${load}`);
  console.log(`startup: node -e 0 ${fmt(times.node)}; jxmb --help ${fmt(times.help)} → ratio ${helpRatio.toFixed(2)} (target ≤ 3)`);
  let inspectRatio = null;
  if (office) {
    inspectRatio = median(times.inspect) / median(times.soffice);
    console.log(`startup: jxmb inspect (14 张表) ${fmt(times.inspect)}; soffice --convert-to csv ${fmt(times.soffice)} → ratio ${inspectRatio.toFixed(3)} (target ≤ 0.25)`);
  } else {
    console.log(`startup: jxmb inspect (14 张表) ${fmt(times.inspect)}; LibreOffice not found, no ratio`);
  }
  return { runs, medians: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v))])), helpRatio, inspectRatio, load };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
