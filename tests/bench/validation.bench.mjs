// Benchmark: offline validation (DOMAIN.md §3 catalogue) of 1,000 tables (target < 100 ms) and of
// one table (target < 5 ms). Plain ESM on the compiled dist/ (CommonJS, loaded with createRequire);
// run by tests/bench/run.mjs after `npm run build:node`, or alone:
// `node --expose-gc tests/bench/validation.bench.mjs [runs]` (default 15 runs).
// Tables are fresh copies of the four seed projects for every run (no warm per-table state), so the
// figures include the per-table analysis and the cell references of the findings.
// Two ways of running, both printed:
// - after a full GC: a forced full collection before each run, with the previous run's findings
//   still held, as the editor holds the findings it shows until the next validation replaces them
//   (dropping them too would let V8 collect the hidden classes of every finding and throw away the
//   optimised rule code at each forced GC: a cold start per run, which the editor does not see);
// - back to back: no forced GC; the garbage of one run is collected during the next ones.
// Printed per figure: best and median wall time of N runs, the ratio best/target, and (Linux) the
// main thread's own CPU time from /proc/self/task/<pid>/schedstat, which leaves out the time the
// thread waited for a core: on a loaded machine (other jobs on the 2 cores) wall time is inflated.
// Baseline in the same run: one layout() of each of the same 1,000 tables, which validation used to
// build only to turn finding paths into A1 cells (it now uses the binding index of shared/layout/locate-cell.ts,
// which builds no layout for the built-in families).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET_PROJECT_MS = 100;
const TARGET_TABLE_MS = 5;
/** Full validations of 1,000 tables before measuring. */
const WARMUP_RUNS = 8;

function seedTables() {
  const tables = [];
  for (const id of ['s0', 's1', 's2', 's3']) {
    const file = path.join(root, 'tests', 'fixtures', 'seeds', `${id}.project.json`);
    if (fs.existsSync(file)) tables.push(...JSON.parse(fs.readFileSync(file, 'utf8')).tables);
  }
  return tables;
}

/** A project of `n` fresh table objects cycling through the seed tables. */
function projectOf(seeds, n) {
  const tables = Array.from({ length: n }, (_, i) => structuredClone(seeds[i % seeds.length]));
  return { meta: { fiscalYear: 2024, unitCode: '', unitName: '', moneyUnit: 'wanYuan' }, tables };
}

/** CPU time of this thread in ms (Linux schedstat), or null where unavailable. */
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const threadCpu = fs.existsSync(schedstat) ? () => Number(fs.readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6 : () => null;

/**
 * Times `fn(input)` on a fresh input per run (after a full GC unless `gc: false`; the previous
 * run's result stays referenced through it): wall and (unless `cpu: false`) thread-CPU samples in ms.
 */
function measure(runs, makeInput, fn, { gc = true, cpu: withCpu = true } = {}) {
  const wall = [];
  const cpu = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const input = makeInput();
    if (gc) globalThis.gc?.();
    const c0 = threadCpu();
    const t0 = performance.now();
    result = fn(input);
    wall.push(performance.now() - t0);
    const c1 = threadCpu();
    if (withCpu && c0 != null && c1 != null) cpu.push(c1 - c0);
  }
  return { wall: stats(wall), cpu: cpu.length ? stats(cpu) : null, result };
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { best: s[0], median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)], n: s.length };
}

const ms = (x, digits = 1) => `${x.toFixed(digits)} ms`;
const ratio = (x, target) => `${(x / target).toFixed(2)}× target`;

function line(label, m, target, digits = 1) {
  const cpu = m.cpu ? `; thread CPU best ${ms(m.cpu.best, digits)}, median ${ms(m.cpu.median, digits)}` : '';
  const verdict = target ? ` → best ${ratio(m.wall.best, target)} (${m.wall.best < target ? 'meets' : 'misses'} < ${target} ms), median ${ratio(m.wall.median, target)}` : '';
  return `${label}: wall best ${ms(m.wall.best, digits)}, median ${ms(m.wall.median, digits)}, p95 ${ms(m.wall.p95, digits)} (${m.wall.n} runs)${verdict}${cpu}`;
}

export default async function run() {
  const { validateProject, validateTable } = require(path.join(root, 'dist', 'shared', 'validation', 'index.js'));
  const { layout } = require(path.join(root, 'dist', 'shared', 'layout', 'layout.js'));
  const seeds = seedTables();
  if (seeds.length === 0) {
    console.log('validation: skipped (no seed projects)');
    return;
  }
  const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 15);
  const rows = projectOf(seeds, 1000).tables.reduce((n, t) => n + t.indicators.length, 0);
  console.log(`validation: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; 1000 tables = ${seeds.length} seed tables cycled (${rows} indicator rows); ${WARMUP_RUNS} warm-up runs`);

  // Warm up the JIT on separate sets of tables: the first runs of 1,000 tables still get faster
  // run after run (V8 tiers the rule code up as it gets hot), so a single short warm-up measured
  // part of the warm-up.
  for (let i = 0; i < WARMUP_RUNS; i++) validateProject(projectOf(seeds, 1000));
  for (const t of projectOf(seeds, 300).tables) layout(t, { fiscalYear: 2024, unitCode: '', unitName: '' });

  const project = measure(runs, () => projectOf(seeds, 1000), (p) => validateProject(p));
  const gcNote = globalThis.gc ? 'after a full GC' : 'no --expose-gc';
  console.log(line(`validation: validateProject, 1000 tables, ${project.result.length} findings, ${gcNote}`, project, TARGET_PROJECT_MS));
  const backToBack = measure(runs, () => projectOf(seeds, 1000), (p) => validateProject(p), { gc: false });
  console.log(line('validation: validateProject, 1000 tables, back to back', backToBack, TARGET_PROJECT_MS));

  const baseline = measure(runs, () => projectOf(seeds, 1000).tables, (tables) => {
    for (const t of tables) layout(t, { fiscalYear: 2024, unitCode: '', unitName: '' });
    return tables.length;
  });
  console.log(line('validation: baseline, one layout() per table for the same 1000 tables (what cell references used to cost)', baseline));

  const largest = seeds.reduce((a, t) => (t.indicators.length > a.indicators.length ? t : a));
  const single = measure(Math.max(200, runs), () => projectOf([largest], 1), (p) => validateTable(p, 0).length, { gc: false, cpu: false }); // schedstat is too coarse for 0.1 ms
  console.log(line(`validation: validateTable, one table (${largest.indicators.length} rows, 「${largest.projectName}」, ${single.result} findings)`, single, TARGET_TABLE_MS, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
