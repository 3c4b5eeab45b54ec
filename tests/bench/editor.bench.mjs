// Benchmark: the desktop editor's renderer in Chromium with a 50-table project (seed tables).
// Targets: first grid paint after opening < 1 s; switching tables < 100 ms; keystroke-to-repaint
// p95 for a cell edit < 16 ms; inserting an indicator row < 50 ms; renderer JS heap < 200 MB.
// Plain ESM; run by tests/bench/run.mjs, or alone: `node tests/bench/editor.bench.mjs`.
// Drives the BUILT renderer (dist/renderer; built here when missing) served over HTTP, with a
// minimal window.jxmb answering project:open. The renderer marks `jxmb:<intent>` performance
// measures from the start of an intent to the next painted frame (renderer/src/state/perf.ts).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');

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
const line = (label, value, target, ok) => console.log(`${label.padEnd(44)} ${value.padStart(12)}   (target ${target}) ${ok ? 'OK' : 'OVER'}`);

async function measures(page, name) {
  return page.evaluate((n) => performance.getEntriesByName(`jxmb:${n}`).map((e) => ({ start: e.startTime, duration: e.duration })), name);
}

async function waitMeasure(page, name, count) {
  await page.waitForFunction(([n, c]) => performance.getEntriesByName(`jxmb:${n}`).length >= c, [name, count], { timeout: 10_000 });
}

export default async function run() {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) execSync('npx vite build --config renderer/vite.config.ts', { cwd: root, stdio: 'inherit' });
  const project = seedProject(50);
  const server = await serve(rendererDir);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.exposeBinding('__benchOpen', () => ({ ok: true, value: { path: '/bench/50-tables.jxmb', project, warnings: [] } }));
    await page.addInitScript({ content: `(() => {
      const ok = (value) => Promise.resolve({ ok: true, value });
      const api = new Proxy({ on: () => () => undefined, openProject: () => window.__benchOpen(), listRecent: () => ok([]), checkRecovery: () => ok([]) }, {
        get: (t, k) => (k in t ? t[k] : () => ok(null)),
      });
      Object.defineProperty(window, 'jxmb', { value: api });
    })();` });
    await page.goto(url);
    await page.getByTestId('start-open').click();
    await waitMeasure(page, 'open', 1);
    const [open] = await measures(page, 'open');
    line('first grid paint after opening (50 tables)', fmt(open.duration), '< 1000 ms', open.duration < 1000);

    const items = page.getByTestId('table-item');
    for (let i = 1; i <= 20; i++) {
      await items.nth(i % 50).click();
      await waitMeasure(page, 'switchTable', i);
    }
    const switches = (await measures(page, 'switchTable')).map((m) => m.duration);
    line('switching tables (median / p95, 20×)', `${fmt(pct(switches, 50))} / ${fmt(pct(switches, 95))}`, '< 100 ms', pct(switches, 95) < 100);

    // Cell edits on the first table (family A): project name cell, then indicator values.
    await items.nth(0).click();
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__enterDown = [];
      window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__enterDown.push(performance.now()); }, true);
    });
    const cell = (r, c) => page.locator('.ht_master table.htCore tbody tr').nth(r).locator('td').nth(c);
    const before = (await measures(page, 'commit')).length;
    const N = 40;
    for (let i = 0; i < N; i++) {
      await cell(1, 2).click();
      await page.keyboard.type(`项目${i}`.replace(/[^\x20-\x7e]/g, '') || `p${i}`);
      await page.keyboard.press('Enter');
      await waitMeasure(page, 'commit', before + i + 1);
    }
    const commits = (await measures(page, 'commit')).slice(before);
    const downs = await page.evaluate(() => window.__enterDown);
    const keyToPaint = commits.map((m, i) => m.start + m.duration - (downs[i] ?? m.start));
    line('keystroke (Enter) to repaint, p95 of 40 edits', `${fmt(pct(keyToPaint, 95))}`, '< 16 ms', pct(keyToPaint, 95) < 16);
    line('  command + re-layout + grid update, p95', fmt(pct(commits.map((m) => m.duration), 95)), '—', true);

    await page.keyboard.press('Escape');
    for (let i = 0; i < 10; i++) {
      await cell(11, 3).click({ button: 'right' });
      await page.locator('.htContextMenu .ht_master td').filter({ hasText: /^在下方插入指标行$/ }).click();
      await waitMeasure(page, 'insertRow', i + 1);
    }
    const inserts = (await measures(page, 'insertRow')).map((m) => m.duration);
    line('insert an indicator row (median / p95, 10×)', `${fmt(pct(inserts, 50))} / ${fmt(pct(inserts, 95))}`, '< 50 ms', pct(inserts, 95) < 50);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const mb = usedSize / 1048576;
    line('renderer JS heap after the run', `${mb.toFixed(1)} MB`, '< 200 MB', mb < 200);
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
