// Benchmark: `jxmb pdf` of a 50-table project, including the browser start (target < 5 s).
// Plain ESM on the compiled dist/ (CommonJS, loaded with createRequire); run by tests/bench/run.mjs
// after `npm run build:node`, or alone: `node tests/bench/print.bench.mjs`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => path.join(root, 'dist', p);

/** 50 tables: the 32 family-A tables of the sample project, then seed tables of families B–E. */
function fiftyTables() {
  const sample = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'sample.jxmb'), 'utf8')).project;
  const tables = [...sample.tables];
  for (const seed of ['s1', 's2', 's3']) {
    const file = path.join(root, 'tests', 'fixtures', 'seeds', `${seed}.project.json`);
    if (fs.existsSync(file)) tables.push(...JSON.parse(fs.readFileSync(file, 'utf8')).tables);
  }
  return { meta: sample.meta, tables: tables.slice(0, 50) };
}

export default async function run() {
  const { saveProjectFile } = require(dist('electron/services/project-file-service.js'));
  const { findBrowser } = require(dist('electron/services/pdf-service.js'));
  let browser;
  try {
    browser = findBrowser();
  } catch {
    console.log('print: skipped (no Chromium-family browser found)');
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-bench-print-'));
  const project = fiftyTables();
  const input = path.join(dir, 'bench-50.jxmb');
  const output = path.join(dir, 'bench-50.pdf');
  await saveProjectFile(input, project);

  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'jxmb.js'), 'pdf', input, '-o', output], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`jxmb pdf failed (${r.status}): ${r.stderr}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { renderPrintHtml } = require(dist('shared/print/render-print-html.js'));
  const t0 = process.hrtime.bigint();
  const { pageCount } = renderPrintHtml(project);
  const htmlMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const bytes = fs.statSync(output).size;
  fs.rmSync(dir, { recursive: true, force: true });
  const figure = { tables: project.tables.length, pages: pageCount, seconds: Number(seconds.toFixed(2)), htmlMs: Number(htmlMs.toFixed(1)), pdfBytes: bytes, targetSeconds: 5, browser };
  console.log(`print: jxmb pdf ${figure.tables} 张表 / ${figure.pages} 页 in ${figure.seconds} s (target < 5 s; HTML ${figure.htmlMs} ms; ${(bytes / 1024).toFixed(0)} KiB; bin/jxmb.js in a new process)`);
  return figure;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
