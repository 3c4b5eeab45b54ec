// Benchmark: `jxmb doc` (the 绩效文本 PDF: cover, 目录, 第一部分, 50 numbered tables) against `jxmb pdf`
// of the same 50 tables, both through bin/jxmb.js in a new process, alternated, 3 runs each; prints
// the ratio of the medians (target ≤ 1.2×). Plain ESM on dist/ (`npm run build:node`), run by
// tests/bench/run.mjs or alone: `node tests/bench/document.bench.mjs`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => path.join(root, 'dist', p);

/** 50 tables (as print.bench.mjs) and a family F narrative for 第一部分. */
function project() {
  const sample = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'sample.jxmb'), 'utf8')).project;
  const tables = [...sample.tables];
  for (const seed of ['s1', 's2', 's3']) {
    const file = path.join(root, 'tests', 'fixtures', 'seeds', `${seed}.project.json`);
    if (fs.existsSync(file)) tables.push(...JSON.parse(fs.readFileSync(file, 'utf8')).tables);
  }
  const para = (n) => Array.from({ length: n }, (_, i) => `${i + 1}.保障机关正常运转，依法行政，提升政务服务水平，完成年度各项工作任务，促进本行政区域经济社会事业全面发展。`).join('\n');
  const department = { overallGoal: para(5), itemGoalsText: para(3), itemGoals: null, safeguards: para(2) };
  return { meta: sample.meta, tables: tables.filter((t) => t.family !== 'jx-department').slice(0, 50), department };
}

function timed(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'jxmb.js'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`jxmb ${args[0]} failed (${r.status}): ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function run() {
  const { saveProjectFile } = require(dist('electron/services/project-file-service.js'));
  const { findBrowser } = require(dist('electron/services/pdf-service.js'));
  try {
    findBrowser();
  } catch {
    console.log('document: skipped (no Chromium-family browser found)');
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-bench-doc-'));
  const p = project();
  const input = path.join(dir, 'bench-50.jxmb');
  await saveProjectFile(input, p);
  const pdf = [];
  const doc = [];
  for (let i = 0; i < 3; i++) {
    pdf.push(timed(['pdf', input, '-o', path.join(dir, 'tables.pdf')]));
    doc.push(timed(['doc', input, '-o', path.join(dir, 'document.pdf')]));
  }
  const { renderDocumentHtml } = require(dist('shared/document/render-document-html.js'));
  const t0 = process.hrtime.bigint();
  const { pageCount } = renderDocumentHtml(p);
  const htmlMs = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.rmSync(dir, { recursive: true, force: true });
  const ratio = median(doc) / median(pdf);
  const figure = {
    tables: p.tables.length, documentPages: pageCount, pdfSeconds: Number(median(pdf).toFixed(2)), docSeconds: Number(median(doc).toFixed(2)),
    ratio: Number(ratio.toFixed(2)), htmlMs: Number(htmlMs.toFixed(1)), target: 1.2,
  };
  console.log(`document: jxmb doc ${figure.tables} 张表 / ${figure.documentPages} 页 ${figure.docSeconds} s vs jxmb pdf ${figure.pdfSeconds} s → ${figure.ratio}× (target ≤ 1.2×; medians of 3 alternated runs; document HTML ${figure.htmlMs} ms)`);
  return figure;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
