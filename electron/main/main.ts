import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, type IpcMainInvokeEvent } from 'electron';
import { readWindowState, type WindowState } from '../host/window-state';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHANNELS, fail, SUBSCRIBED_CHANNEL, type Channel, type MenuCommand } from '../../shared/ipc';
import { RecentFilesService } from '../services/recent-files-service';
import { setParseLauncher } from '../services/xlsx/parse-process';
import { electronParseLauncher } from './parse-launcher-electron';
import { prepareUserData } from '../host/startup';
import { buildMenuTemplate } from './menu';
import { applyAppSecurity } from './security';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppPageUrl, serveAppRequest } from '../host/app-protocol';
import { documentArgs } from '../host/security-policy';
import { EditorWindow } from './window';
import type { AppEnvironment } from '../host/window-handlers';

/**
 * Electron main process: windows, menu, dialogs and IPC registration only; all work is in
 * the handler table (ipc-handlers.ts) and the services. Files come from the command line,
 * a second instance, macOS open-file, or drag and drop (handled by the renderer).
 */

// dist/electron/main/main.js → dist/renderer, dist/electron/preload (the bundle: a sandboxed preload cannot require files)
const RENDERER_DIR = path.join(__dirname, '..', '..', 'renderer');
const PRELOAD = path.join(__dirname, '..', 'preload', 'preload.bundle.js');

if (process.env.JXMB_USER_DATA) app.setPath('userData', path.resolve(process.env.JXMB_USER_DATA));

const windows = new Map<number, EditorWindow>();
const pendingFiles: string[] = [];
let env: AppEnvironment;
let recent: RecentFilesService;

function samplePath(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'sample.jxmb') : path.join(__dirname, '..', '..', '..', 'resources', 'sample.jxmb');
}

/** Handsontable key: settings.json `handsontableLicenseKey`, else JXMB_HOT_LICENSE at run time, else the build-time key. */
function licenseKey(): string | null {
  try {
    const settings = JSON.parse(readFileSync(path.join(app.getPath('userData'), 'settings.json'), 'utf8')) as { handsontableLicenseKey?: unknown };
    if (typeof settings.handsontableLicenseKey === 'string' && settings.handsontableLicenseKey.trim()) return settings.handsontableLicenseKey.trim();
  } catch {
    // No settings file: fall through.
  }
  return process.env.JXMB_HOT_LICENSE?.trim() || null;
}

let savedWindowState: WindowState | null = null;

function openWindow(openPath?: string): EditorWindow {
  const already = openPath ? [...windows.values()].find((w) => w.showsFile(openPath)) : undefined;
  if (already) {
    already.focus();
    return already;
  }
  const w = new EditorWindow({
    env,
    recent,
    rendererDir: RENDERER_DIR,
    preloadPath: PRELOAD,
    licenseKey: licenseKey(),
    openPath,
    // A second window opens at the same size, offset so it does not hide the first.
    savedState: windows.size === 0 ? savedWindowState : savedWindowState && { ...savedWindowState, x: (savedWindowState.x ?? 0) + 30 * windows.size, y: (savedWindowState.y ?? 0) + 30 * windows.size },
    recentChanged: () => void refreshMenu(),
    onClosed: (closed) => {
      for (const [id, win] of windows) if (win === closed) windows.delete(id);
    },
  });
  windows.set(w.webContentsId, w);
  return w;
}

function focusedEditor(): EditorWindow | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  return focused ? windows.get(focused.webContents.id) : [...windows.values()][0];
}

/** Opens a file: in the focused window when there is one (the renderer asks about unsaved changes), else a new window. */
function openFile(filePath: string): void {
  const target = focusedEditor();
  if (target) {
    target.focus();
    target.emit('file:openRequested', { path: filePath });
  } else {
    openWindow(filePath);
  }
}

async function refreshMenu(): Promise<void> {
  const list = await recent.list().catch(() => []);
  const template = buildMenuTemplate({
    send: (command: MenuCommand) => focusedEditor()?.emit('menu:command', { command }),
    openRecent: openFile,
    clearRecent: () => void recent.clear().then(refreshMenu),
    newWindow: () => openWindow(),
    about: () =>
      void dialog.showMessageBox({
        type: 'info',
        title: '关于',
        message: `绩效目标表编辑器 ${app.getVersion()}`,
        detail: '离线编辑、校验、导入导出和打印预算绩效目标表。\n表格组件：Handsontable（政府机关使用须购买商业许可）。',
        buttons: ['确定'],
      }),
    recent: list.map((f) => f.path),
    isMac: process.platform === 'darwin',
    devTools: !app.isPackaged,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Every channel: check the sender is our own renderer page, then run that window's handler. */
function registerIpc(): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, args: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppPageUrl(frameUrl)) return fail('forbidden', '拒绝请求：调用方不是本程序的页面。');
      const win = windows.get(event.sender.id);
      if (!win) return fail('forbidden', '拒绝请求：未知窗口。');
      return win.handlers[channel as Channel](args);
    });
  }
  ipcMain.on(SUBSCRIBED_CHANNEL, (event, name: unknown) => {
    if (typeof name !== 'string' || !isAppPageUrl(event.senderFrame?.url ?? '')) return;
    windows.get(event.sender.id)?.outbox.markSubscribed(name);
  });
}

function start(): void {
  const files = documentArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd());
  if (!app.requestSingleInstanceLock({ files })) {
    // Another instance is running: it opens our files (second-instance) and we leave.
    app.quit();
    return;
  }
  pendingFiles.push(...files);
  // Pages are served from app://jxmb/ (app-protocol.ts), never from file://.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  app.on('second-instance', (_e, argv, cwd, data) => {
    const fromData = (data as { files?: unknown } | undefined)?.files;
    const list = Array.isArray(fromData) ? fromData.filter((f): f is string => typeof f === 'string') : documentArgs(argv.slice(1), cwd);
    if (list.length === 0) {
      const w = focusedEditor();
      if (w) w.focus();
      else openWindow();
    }
    // A second instance means a new document: each file gets its own window.
    for (const f of list) openWindow(f);
  });
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (app.isReady()) openFile(filePath);
    else pendingFiles.push(filePath);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (windows.size === 0) openWindow();
  });
  void app.whenReady().then(async () => {
    env = { userDataDir: app.getPath('userData'), samplePath: samplePath(), documentsDir: app.getPath('documents') };
    // Untrusted files are parsed in a utility process, never in this process.
    setParseLauncher(electronParseLauncher);
    await prepareUserData(env.userDataDir);
    recent = new RecentFilesService(env.userDataDir);
    savedWindowState = await readWindowState(env.userDataDir);
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, RENDERER_DIR));
    applyAppSecurity();
    registerIpc();
    await refreshMenu();
    const first = pendingFiles.splice(0);
    if (first.length === 0) openWindow();
    for (const f of first) openWindow(f);
  });
}

start();
