// Benchmark: the desktop editor's renderer in Chromium with a 50-table project (seed tables).
// Targets: first grid paint after opening < 1 s; switching tables < 100 ms; keystroke-to-repaint
// p95 for a cell edit < 16 ms; inserting an indicator row < 50 ms; renderer JS heap < 200 MB.
// Plain ESM; run by tests/bench/run.mjs, or alone: `node tests/bench/editor.bench.mjs`
// (JXMB_BENCH_RENDERER=<dir> runs another build of the renderer).
// Drives the BUILT renderer (dist/renderer; built here when missing) served over HTTP, with a
// minimal window.jxmb answering project:open and no native menu (the renderer's own keyboard
// accelerators are on, as in the browser-mode start). Every figure runs from the input event's
// time stamp to the requestAnimationFrame callback of the frame that paints the result:
// - cell edits are observed by the bench itself in the DOM (the edited cell shows the new text);
// - open / switch / insert use the renderer's `jxmb:<intent>` measures (renderer/src/state/perf.ts).
//
// Frame pacing. With Chromium's normal 60 Hz pacing a frame only starts at the next vsync tick,
// so every figure also contains the wait for that tick: uniform 0–16.7 ms, whatever the work
// (a keystroke's p95 is about its work + 16 ms, so "p95 < 16 ms" could never be met). The
// targets mean "the work fits in one frame", so the target figures are taken in a Chromium
// whose frame-rate limit is off (--disable-frame-rate-limit --disable-gpu-vsync, headless: a frame
// starts as soon as one is requested, about 1 ms after a DOM change here instead of 0–16.7 ms;
// each run prints this as "frame pacing alone"). The frame is still the real one that shows the
// change (edits: the cell's exact new text; inserts: the renderer's measure of the painted frame),
// and nothing else is left out: input delay, the key handling, the render and the frame's own
// start (hover hit test, rAF) all count. The same edits and inserts are then run in a normally
// paced Chromium and printed as context (with the bench's synthetic keys the wait for the tick
// varies from run to run, so those figures are not targets).
//
// Baseline. In the unpaced Chromium the same table is also shown by Handsontable alone (no React,
// no app; engineBaseline) and its own Enter edit, selection move and row insert are timed the same
// way; the editor's figures are printed as ratios of it (what the grid engine itself needs here).
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = process.env.JXMB_BENCH_RENDERER ? path.resolve(process.env.JXMB_BENCH_RENDERER) : path.join(root, 'dist', 'renderer');

function seedProject(n) {
  const tables = [];
  for (const id of ['s0', 's1', 's2', 's3']) {
    const file = path.join(root, 'tests', 'fixtures', 'seeds', `${id}.project.json`);
    if (fs.existsSync(file)) tables.push(...JSON.parse(fs.readFileSync(file, 'utf8')).tables);
  }
  if (tables.length === 0) throw new Error('no seed fixtures in tests/fixtures/seeds');
  return { meta: { fiscalYear: 2024, unitCode: '816001', unitName: '示例单位', moneyUnit: 'wanYuan' }, tables: Array.from({ length: n }, (_, i) => structuredClone(tables[i % tables.length])) };
}

function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(dir, p === '/' ? 'index.html' : p);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const fmt = (ms) => `${ms.toFixed(1)} ms`;
/** p50 / p95 of (grid render done − start), or '—' for a renderer build that does not record it. */
const workSplit = (ms) => { const xs = ms.filter((m) => m.rendered !== null).map((m) => m.rendered - m.start); return xs.length ? `${fmt(pct(xs, 50))} / ${fmt(pct(xs, 95))}` : '—'; };
const line = (label, value, target, ok) => console.log(`${label.padEnd(48)} ${value.padStart(20)}   (target ${target}) ${ok === null ? '' : ok ? 'OK' : 'OVER'}`);
/** A target line, or (with a `context` label) the same figure for context only, without a verdict. */
const figure = (context, label, value, target, ok) => (context ? line(`${label} [${context}]`, value, '—', null) : line(label, value, target, ok));

async function measures(page, name) {
  return page.evaluate((n) => performance.getEntriesByName(`jxmb:${n}`).map((e) => ({ start: e.startTime, duration: e.duration, rendered: e.detail?.rendered ?? null })), name);
}

async function waitMeasure(page, name, count) {
  await page.waitForFunction(([n, c]) => performance.getEntriesByName(`jxmb:${n}`).length >= c, [name, count], { timeout: 10_000 });
}

/**
 * In-page probe for cell edits: on the Enter keydown that commits `__editProbe.next`, follows
 * the animation frames until the edited cell's TD shows exactly the typed text; records the time from
 * the key event to that frame's rAF callback (`frame`) and to just after its paint (`painted`,
 * a message posted from the rAF callback runs after the frame's rendering).
 */
const EDIT_PROBE = `(() => {
  const probe = { next: null, results: [] };
  window.__editProbe = probe;
  const td = (r, c) => document.querySelectorAll('.ht_master table.htCore tbody tr')[r]?.querySelectorAll('td')[c];
  window.addEventListener('keydown', (e) => {
    const p = probe.next;
    if (e.key !== 'Enter' || !p) return;
    probe.next = null;
    const start = e.timeStamp;
    const frame = () => requestAnimationFrame(() => {
      const now = performance.now();
      if (td(p.row, p.col)?.textContent === p.text) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => probe.results.push({ frame: now - start, painted: performance.now() - start });
        channel.port2.postMessage(0);
      } else if (now - start < 5000) frame();
      else probe.results.push({ frame: Infinity, painted: Infinity });
    });
    frame();
  }, true);
})()`;

const EDITS = 60;
const ARROWS = 60;

/** Types and commits EDITS cell edits with Enter; each edit's {frame, painted} times (EDIT_PROBE). */
async function editFrames(page, cell) {
  await page.evaluate(EDIT_PROBE);
  const targets = [[1, 2, (i) => `p${100 + i}`], [10, 5, (i) => `${100 + i}%`], [11, 5, (i) => `${100 + i}%`], [13, 5, (i) => `${100 + i}%`]];
  for (let i = 0; i < EDITS; i++) {
    const [row, col, textOf] = targets[i % targets.length];
    const text = textOf(i);
    await cell(row, col).click();
    await page.evaluate((next) => { window.__editProbe.next = next; }, { row, col, text });
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.__editProbe.results.length >= n, i + 1, { timeout: 10_000 });
  }
  return page.evaluate(() => window.__editProbe.results);
}

async function benchEdits(page, cell, context) {
  const beforeCommits = (await measures(page, 'commit')).length;
  const results = await editFrames(page, cell);
  const frames = results.map((r) => r.frame);
  const painted = results.map((r) => r.painted);
  figure(context, `keystroke (Enter) to repaint, p95 of ${EDITS} edits`, `${fmt(pct(frames, 95))} (p50 ${fmt(pct(frames, 50))})`, '< 16 ms', pct(frames, 95) < 16);
  line('  … to the end of that frame\'s paint, p95', fmt(pct(painted, 95)), '—', null);
  const commits = (await measures(page, 'commit')).slice(beforeCommits);
  line('  key event to grid render done (p50 / p95)', workSplit(commits), '—', null);
  line('  renderer\'s own commit measure, p95', `${fmt(pct(commits.map((m) => m.duration), 95))} (${commits.length}×)`, '—', null);
  return frames;
}

/**
 * Selection moves with the arrow keys (no edit, no data change): key event to the rAF callback of
 * the frame whose current cell is the new one. The least a keystroke in the grid costs.
 */
async function arrowFrames(page, cell) {
  await page.evaluate(() => {
    const probe = { results: [] };
    window.__arrowProbe = probe;
    window.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const start = e.timeStamp;
      const before = document.querySelector('.ht_master td.current');
      const frame = () => requestAnimationFrame(() => {
        const now = performance.now();
        const current = document.querySelector('.ht_master td.current');
        if (current && current !== before) probe.results.push(now - start);
        else if (now - start < 5000) frame();
        else probe.results.push(Infinity);
      });
      frame();
    }, true);
  });
  await cell(10, 5).click();
  await page.waitForTimeout(300);
  for (let i = 0; i < ARROWS; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowUp' : 'ArrowDown');
    await page.waitForFunction((n) => window.__arrowProbe.results.length >= n, i + 1, { timeout: 10_000 });
    await page.waitForTimeout(20);
  }
  return page.evaluate(() => window.__arrowProbe.results);
}

async function benchInsert(page, cell, context) {
  const span = async () => Number(await cell(10, 2).getAttribute('rowspan'));
  const before = await span();
  const n = 10;
  // Select an indicator row once; after each insert the selection moves to the new row, so the
  // shortcut is pressed again as a user adding rows would (clicking the same cell again within
  // the double-click interval would open its editor, where Ctrl+Shift+= is text, not a command).
  await cell(11, 3).click();
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Control+Shift+Equal');
    await waitMeasure(page, 'insertRow', i + 1);
  }
  const after = await span();
  if (after !== before + n) throw new Error(`Ctrl+Shift+= inserted ${after - before} rows, expected ${n}`);
  const measured = await measures(page, 'insertRow');
  const inserts = measured.map((m) => m.duration);
  figure(context, `insert an indicator row, Ctrl+Shift+= (p50 / p95, ${n}×)`, `${fmt(pct(inserts, 50))} / ${fmt(pct(inserts, 95))}`, '< 50 ms', pct(inserts, 95) < 50);
  line('  key event to grid render done (p50 / p95)', workSplit(measured), '—', null);
  return inserts;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
/** No frame-rate limit: a frame is produced as soon as the page needs one (see the header). */
const UNPACED_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

/** A new page of the editor with the 50-table project opened; returns the page and the open figure. */
async function openEditor(browser, url, project) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.exposeBinding('__benchOpen', () => ({ ok: true, value: { path: '/bench/50-tables.jxmb', project, warnings: [] } }));
  // `config` stays undefined: no native menu, so the renderer handles Ctrl+Shift+= itself.
  await page.addInitScript({ content: `(() => {
    const ok = (value) => Promise.resolve({ ok: true, value });
    const api = new Proxy({ on: () => () => undefined, openProject: () => window.__benchOpen(), listRecent: () => ok([]), checkRecovery: () => ok([]) }, {
      get: (t, k) => (k in t ? t[k] : k === 'config' ? undefined : () => ok(null)),
    });
    Object.defineProperty(window, 'jxmb', { value: api });
    window.addEventListener('click', (e) => { window.__lastClick = e.timeStamp; }, true);
  })();` });
  await page.goto(url);
  await page.getByTestId('start-open').click();
  await waitMeasure(page, 'open', 1);
  const [open] = await measures(page, 'open');
  const clicked = await page.evaluate(() => window.__lastClick);
  return { page, openMs: open.start + open.duration - Math.min(clicked ?? open.start, open.start) };
}

/**
 * Calibration: time from a DOM change (no other work) to the next frame's rAF callback; shows
 * what the frame pacing alone adds to every figure (about 0 without the limit, 0–16.7 ms with it).
 */
async function framePacing(page) {
  const waits = await page.evaluate(async () => {
    const out = [];
    const probe = document.body.appendChild(document.createElement('div'));
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, Math.random() * 20));
      const t0 = performance.now();
      probe.textContent = String(i);
      await new Promise((r) => requestAnimationFrame(() => { out.push(performance.now() - t0); r(); }));
    }
    probe.remove();
    return out;
  });
  line('  frame pacing alone: DOM change to next frame (p50 / p95)', `${fmt(pct(waits, 50))} / ${fmt(pct(waits, 95))}`, '—', null);
}

const gridCell = (page) => (r, c) => page.locator('.ht_master table.htCore tbody tr').nth(r).locator('td').nth(c);
const p50p95 = (xs) => `${fmt(pct(xs, 50))} / ${fmt(pct(xs, 95))}`;

/**
 * Cell edits, selection moves and row inserts on the first table (family A); returns their
 * times and the grid's size (for the baseline).
 */
async function benchEditing(page, context) {
  await page.getByTestId('table-item').nth(0).click();
  await page.waitForTimeout(300);
  const cell = gridCell(page);
  const edits = await benchEdits(page, cell, context);
  await page.keyboard.press('Escape');
  const arrows = await arrowFrames(page, cell);
  figure(context, `selection move, ArrowDown/Up (p50 / p95, ${ARROWS}×)`, p50p95(arrows), '—', null);
  const inserts = await benchInsert(page, cell, context);
  const size = await page.evaluate(() => {
    const box = document.querySelector('.ht_master').parentElement.getBoundingClientRect();
    return { width: Math.round(box.width), height: Math.round(box.height) };
  });
  return { edits, arrows, inserts, size };
}

/**
 * The baseline: Handsontable alone (its own build from node_modules, no React, no app), showing
 * the same table (texts, merges, widths, heights from the editor's own grid data,
 * engine-grid-data.ts) with the editor's grid options that shape a draw, in a box of the editor
 * grid's size. Its own edit path (setDataAtCell and a full render), its selection move and its
 * row insert (alter, MergeCells moving the merges) are timed exactly like the editor's.
 */
async function engineBaseline(browser, app) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-bench-hot-'));
  try {
    const hotDir = path.join(root, 'node_modules', 'handsontable');
    fs.copyFileSync(path.join(hotDir, 'dist', 'handsontable.full.min.js'), path.join(dir, 'hot.js'));
    fs.copyFileSync(path.join(hotDir, 'styles', 'handsontable.min.css'), path.join(dir, 'hot.css'));
    fs.copyFileSync(path.join(hotDir, 'styles', 'ht-theme-main.min.css'), path.join(dir, 'theme.css'));
    const grid = execFileSync('npx', ['tsx', path.join('tests', 'bench', 'engine-grid-data.ts')], { cwd: root, encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="hot.css"><link rel="stylesheet" href="theme.css"><script src="hot.js"></script>
<style>html, body { margin: 0 } #grid { width: ${app.size.width}px; height: ${app.size.height}px }</style></head>
<body><div id="grid" class="ht-theme-main"></div><script>
const g = ${grid};
window.hot = new Handsontable(document.getElementById('grid'), {
  data: g.data, mergeCells: g.mergeCells, colWidths: g.colWidths, rowHeights: g.rowHeights,
  licenseKey: 'non-commercial-and-evaluation', themeName: 'ht-theme-main', width: '100%', height: '100%',
  rowHeaders: true, colHeaders: true, wordWrap: true, autoRowSize: false, autoColumnSize: false, undo: false,
  fillHandle: { direction: 'vertical', autoInsertRow: false }, outsideClickDeselects: false,
  enterBeginsEditing: false, enterMoves: { row: 1, col: 0 }, imeFastEdit: true,
});
window.addEventListener('keydown', (e) => {
  if (e.key !== 'F9') return;
  const start = e.timeStamp;
  const rows = hot.countRows();
  hot.alter('insert_row_below', 11, 1);
  const frame = () => requestAnimationFrame(() => (hot.countRows() === rows + 1 ? window.__inserts.push(performance.now() - start) : frame()));
  frame();
}, true);
window.__inserts = [];
</script></body></html>`);
    const server = await serve(dir);
    try {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForTimeout(300);
      const cell = gridCell(page);
      const edits = (await editFrames(page, cell)).map((r) => r.frame);
      await page.keyboard.press('Escape');
      const arrows = await arrowFrames(page, cell);
      await cell(11, 3).click();
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('F9');
        await page.waitForFunction((n) => window.__inserts.length >= n, i + 1, { timeout: 10_000 });
        await page.waitForTimeout(50);
      }
      const inserts = await page.evaluate(() => window.__inserts);
      const ratio = (ours, engine) => `${(pct(ours, 95) / pct(engine, 95)).toFixed(2)}×`;
      line('keystroke (Enter) to repaint, engine alone', p50p95(edits), '—', null);
      line('  editor ÷ engine alone, p95', ratio(app.edits, edits), '—', null);
      line('selection move, engine alone', p50p95(arrows), '—', null);
      line('  editor ÷ engine alone, p95', ratio(app.arrows, arrows), '—', null);
      line('insert a row (alter), engine alone (10×)', p50p95(inserts), '—', null);
      line('  editor ÷ engine alone, p95', ratio(app.inserts, inserts), '—', null);
    } finally {
      server.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default async function run() {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) execSync('npx vite build --config renderer/vite.config.ts', { cwd: root, stdio: 'inherit' });
  const project = seedProject(50);
  const server = await serve(rendererDir);
  const url = `http://127.0.0.1:${server.address().port}/`;
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`);
  console.log('-- Chromium without frame-rate limit (frames start when needed): the target figures');
  let browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...UNPACED_ARGS] });
  try {
    const { page, openMs } = await openEditor(browser, url, project);
    await framePacing(page);
    line('first grid paint after clicking 打开 (50 tables)', fmt(openMs), '< 1000 ms', openMs < 1000);

    const items = page.getByTestId('table-item');
    for (let i = 1; i <= 20; i++) {
      await items.nth(i % 50).click();
      await waitMeasure(page, 'switchTable', i);
    }
    const switched = await measures(page, 'switchTable');
    const switches = switched.map((m) => m.duration);
    line('switching tables (p50 / p95, 20×)', `${fmt(pct(switches, 50))} / ${fmt(pct(switches, 95))}`, '< 100 ms', pct(switches, 95) < 100);
    line('  click to grid render done (p50 / p95)', workSplit(switched), '—', null);

    const app = await benchEditing(page, null);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const mb = usedSize / 1048576;
    line('renderer JS heap after the run', `${mb.toFixed(1)} MB`, '< 200 MB', mb < 200);
    await page.context().close();

    console.log(`-- Baseline in the same Chromium: Handsontable ${JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'handsontable', 'package.json'), 'utf8')).version} alone, same table and grid options, ${app.size.width}×${app.size.height} px`);
    await engineBaseline(browser, app);
    await browser.close();

    console.log('-- Chromium with normal 60 Hz frame pacing (context: includes the wait for the next vsync tick)');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const paced = (await openEditor(browser, url, project)).page;
    await framePacing(paced);
    await benchEditing(paced, 'vsync-paced');
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
