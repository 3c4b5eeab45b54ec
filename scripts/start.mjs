#!/usr/bin/env node
// `npm start`: opens the editor on the embedded sample project (or the files given).
//
//   node scripts/start.mjs [file.jxmb …] [--browser] [--check]
//
// With the Electron binary (node_modules/electron/path.txt present) it launches Electron with
// dist/electron/main/main.js. Without it (no download possible) it says so and falls back to
// "browser mode": the same built renderer in the system Chromium/Chrome, with window.jxmb bound
// to the same Node handlers through a local server (electron/dev/browser-host.ts).
// --check (or CI=true): build if needed, start, load the sample, verify the grid rendered, exit 0
// (--screenshot=file.png saves what was checked).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MAIN_JS = path.join(ROOT, 'dist/electron/main/main.js');
const HOST_JS = path.join(ROOT, 'dist/electron/dev/browser-host.js');
const PDF_JS = path.join(ROOT, 'dist/electron/services/pdf-service.js');
const RENDERER_DIR = path.join(ROOT, 'dist/renderer');
const SAMPLE = path.join(ROOT, 'resources/sample.jxmb');
const PRODUCT = '绩效目标表编辑器';

const argv = process.argv.slice(2);
const check = argv.includes('--check') || /^(1|true)$/i.test(process.env.CI ?? '');
const forceBrowser = argv.includes('--browser');
const screenshot = argv.find((a) => a.startsWith('--screenshot='))?.slice('--screenshot='.length);
const files = argv.filter((a) => !a.startsWith('--')).map((f) => path.resolve(f));
const openPath = files[0] ?? SAMPLE;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const say = (zh, en) => console.log(en ? `${zh}\n${en}` : zh);
function die(zh, en, code = 1) {
  console.error(`错误：${zh}\nError: ${en}`);
  process.exit(code);
}

// ---------------------------------------------------------------- build when stale
function newestMtime(dir) {
  let newest = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|css|html|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

function ensureBuilt() {
  const outputs = [MAIN_JS, HOST_JS, path.join(RENDERER_DIR, 'index.html')];
  const oldestOutput = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  const newestSource = Math.max(...['electron', 'shared', 'renderer'].map((d) => newestMtime(path.join(ROOT, d))));
  if (oldestOutput > newestSource) return;
  say('正在构建（npm run build）…', 'Building (npm run build)…');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) die('构建失败，请查看上面的输出。', 'the build failed; see the output above.');
}

// ---------------------------------------------------------------- Electron binary
/** The Electron executable, or why it is unavailable. Never triggers electron's download. */
function electronBinary() {
  const pathTxt = path.join(ROOT, 'node_modules/electron/path.txt');
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !fs.existsSync(pathTxt)) return { reason: 'node_modules/electron/path.txt missing' };
  try {
    const bin = require('electron'); // safe now: path.txt exists, so it does not download
    return fs.existsSync(bin) ? { bin } : { reason: `${bin} missing` };
  } catch (e) {
    return { reason: e.message.split('\n')[0] };
  }
}

/** Expected text of the sample: the first project's name, to prove the document rendered. */
function expectedText(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).project.tables[0]?.projectName || null;
  } catch {
    return null;
  }
}

/** Waits until the Handsontable grid shows cells and the document's text; returns a summary. */
async function verifyGrid(page, label) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.waitForFunction(() => document.querySelectorAll('.handsontable td').length > 0, null, { timeout: 60_000 });
  } catch {
    const body = await page.evaluate(() => document.body.innerText.slice(0, 500)).catch(() => '');
    throw new Error(`${label}：表格未显示 / grid did not render. Page text: ${body}\n${errors.join('\n')}`);
  }
  const want = expectedText(openPath);
  if (want) {
    await page
      .waitForFunction((t) => document.body.innerText.includes(t), want, { timeout: 30_000 })
      .catch(() => {
        throw new Error(`${label}：页面上没有“${want}” / the document text "${want}" is not on the page.\n${errors.join('\n')}`);
      });
  }
  const cells = await page.evaluate(() => document.querySelectorAll('.handsontable td').length);
  const hasApi = await page.evaluate(() => typeof window.jxmb?.openProject === 'function');
  if (!hasApi) throw new Error(`${label}：window.jxmb 不存在 / window.jxmb is missing`);
  if (screenshot) await page.screenshot({ path: path.resolve(screenshot) });
  return `${cells} 个单元格 / cells${want ? `，“${want}”` : ''}`;
}

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// ---------------------------------------------------------------- Electron mode
async function runElectron(bin) {
  const args = [MAIN_JS, ...(files.length ? files : [SAMPLE]), ...(isRoot && process.platform === 'linux' ? ['--no-sandbox'] : [])];
  if (!check) {
    const child = spawn(bin, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const { _electron } = require('playwright-core');
  const userData = tempDir('jxmb-start-check-');
  const app = await _electron.launch({ executablePath: bin, args, env: { ...process.env, JXMB_USER_DATA: userData } });
  try {
    const page = await app.firstWindow();
    const summary = await verifyGrid(page, 'Electron');
    say(`启动检查通过（Electron）：${summary}`, 'Start check passed (Electron).');
  } finally {
    await app.close().catch(() => undefined);
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- browser mode
function userDataDir() {
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData/Roaming'), PRODUCT);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library/Application Support', PRODUCT);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), PRODUCT);
}

const BROWSER_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check'];

async function runBrowser() {
  const { startBrowserHost } = require(HOST_JS);
  const { findBrowser } = require(PDF_JS);
  let browserPath;
  try {
    browserPath = findBrowser();
  } catch (e) {
    die(`${e.message} 请安装 Chromium 或 Google Chrome（或设置 JXMB_BROWSER 为其路径）。`, 'no Chromium/Chrome/Edge found; install one or set JXMB_BROWSER.');
  }
  const dataDir = check ? tempDir('jxmb-start-check-') : userDataDir();
  const host = await startBrowserHost({
    rendererDir: RENDERER_DIR,
    userDataDir: dataDir,
    samplePath: SAMPLE,
    openPath,
    log: (line) => console.log(line),
  });
  const stop = async (code) => {
    await host.close().catch(() => undefined);
    if (check) fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  const sandboxArgs = isRoot ? ['--no-sandbox'] : [];
  if (check) {
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({ executablePath: browserPath, headless: true, args: [...sandboxArgs, ...BROWSER_ARGS] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
      await page.goto(host.url);
      const summary = await verifyGrid(page, '浏览器模式');
      say(`启动检查通过（浏览器模式，${path.basename(browserPath)}）：${summary}`, 'Start check passed (browser mode).');
    } catch (e) {
      console.error(e.message);
      await browser.close();
      return stop(1);
    }
    await browser.close();
    return stop(0);
  }
  const hasDisplay = process.platform === 'win32' || process.platform === 'darwin' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  if (!hasDisplay) {
    say(
      `没有图形显示：请在本机的浏览器中打开下面的地址（按 Ctrl+C 结束）：\n  ${host.url}`,
      `No display: open this URL in a browser on this machine (Ctrl+C to stop):\n  ${host.url}`,
    );
    return;
  }
  const profile = tempDir('jxmb-browser-profile-');
  say(`浏览器模式：${host.url}`, `Browser mode: ${host.url}`);
  const child = spawn(browserPath, [...sandboxArgs, ...BROWSER_ARGS, `--user-data-dir=${profile}`, `--app=${host.url}`, '--window-size=1280,820'], { stdio: 'ignore' });
  child.on('exit', () => {
    fs.rmSync(profile, { recursive: true, force: true });
    void stop(0);
  });
}

// ---------------------------------------------------------------- main
async function main() {
  if (!fs.existsSync(openPath)) die(`找不到文件：${openPath}`, `file not found: ${openPath}`, 2);
  ensureBuilt();
  const electron = forceBrowser ? { reason: '--browser' } : electronBinary();
  if (electron.bin) return runElectron(electron.bin);
  if (!forceBrowser) {
    say(
      `Electron 二进制不可用（${electron.reason}；无法从 GitHub 下载）：改用浏览器模式，在系统 Chromium/Chrome 中打开同一编辑器。`,
      `Electron binary not available (${electron.reason}; downloading it from GitHub is not possible): falling back to browser mode in the system Chromium/Chrome.`,
    );
  }
  return runBrowser();
}

main().catch((e) => {
  console.error(e?.stack ?? String(e));
  process.exit(1);
});
