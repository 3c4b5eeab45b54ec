// Benchmark: offline validation (DOMAIN.md §3 catalogue) of 1,000 tables (target < 100 ms) and of
// one table (target < 5 ms). Plain ESM on the compiled dist/ (CommonJS, loaded with createRequire);
// run by tests/bench/run.mjs after `npm run build:node`, or alone: `node tests/bench/validation.bench.mjs`.
// Tables are fresh copies of the four seed projects (no warm per-table caches), so the figures include
// the per-table analysis and the layout used for cell references.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

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

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export default async function run() {
  const { validateProject, validateTable } = require(path.join(root, 'dist', 'shared', 'validation', 'index.js'));
  const seeds = seedTables();
  if (seeds.length === 0) {
    console.log('validation: skipped (no seed projects)');
    return;
  }
  // warm up the JIT on a separate set of tables
  validateProject(projectOf(seeds, 200));

  const big = [];
  let count = 0;
  for (let r = 0; r < 7; r++) {
    const p = projectOf(seeds, 1000);
    globalThis.gc?.();
    const t0 = performance.now();
    count = validateProject(p).length;
    big.push(performance.now() - t0);
  }
  const rows = projectOf(seeds, 1000).tables.reduce((n, t) => n + t.indicators.length, 0);
  console.log(`validation: 1000 tables (${rows} indicator rows), validateProject median ${median(big).toFixed(1)} ms, best ${Math.min(...big).toFixed(1)} ms (target < 100 ms), ${count} findings`);

  const single = [];
  const largest = seeds.reduce((a, t) => (t.indicators.length > a.indicators.length ? t : a));
  for (let r = 0; r < 200; r++) {
    const p = projectOf([largest], 1);
    const t0 = performance.now();
    validateTable(p, 0);
    single.push(performance.now() - t0);
  }
  console.log(`validation: one table (${largest.indicators.length} rows, 「${largest.projectName}」), validateTable median ${median(single).toFixed(2)} ms, p95 ${[...single].sort((a, b) => a - b)[189].toFixed(2)} ms (target < 5 ms)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
