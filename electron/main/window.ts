import { appUrl } from '../host/app-protocol';
import { BrowserWindow, dialog, screen } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JxmbEvents } from '../../shared/ipc';
import { electronDialogs, electronPrompts } from './dialogs-electron';
import { EventOutbox } from '../host/event-outbox';
import { exportDocumentElectron } from './document-electron';
import { exportPdf, printProject } from './print-electron';
import type { RecentFilesService } from '../services/recent-files-service';
import { createWindowContext, type AppEnvironment, type WindowContext } from '../host/window-handlers';
import { fitBounds, MIN_SIZE, writeWindowState, type WindowState } from '../host/window-state';

/**
 * One editor window: a BrowserWindow locked down (contextIsolation, sandbox, no Node), its
 * handler context (document session, recovery session) and its event outbox. Closing with
 * unsaved changes asks the renderer (`app:closeRequested`), which asks 保存 / 不保存 / 取消
 * and answers `app:confirmClose`.
 */

export interface EditorWindowOptions {
  readonly env: AppEnvironment;
  readonly recent: RecentFilesService;
  readonly rendererDir: string;
  readonly preloadPath: string;
  /** Handsontable licence key from settings, passed to the preload. */
  readonly licenseKey: string | null;
  /** A document to open once the page listens. */
  readonly openPath?: string;
  readonly recentChanged: () => void;
  /** The window finished closing (main may quit). */
  readonly onClosed: (w: EditorWindow) => void;
  /** Size and position remembered from the last session (window-state.json), or null. */
  readonly savedState?: WindowState | null;
}

export class EditorWindow {
  readonly window: BrowserWindow;
  readonly outbox: EventOutbox;
  private context: WindowContext;
  private dirty = false;
  private closeConfirmed = false;

  constructor(private readonly options: EditorWindowOptions) {
    // Fitted to the work area (a 1366×768 screen shows the status bar) and remembered between sessions.
    const bounds = fitBounds(options.savedState ?? null, screen.getAllDisplays().map((d) => d.workArea));
    this.window = new BrowserWindow({
      ...bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      title: '绩效目标表编辑器',
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        spellcheck: false,
        additionalArguments: options.licenseKey ? [`--jxmb-hot-license=${encodeURIComponent(options.licenseKey)}`] : [],
      },
    });
    this.outbox = new EventOutbox((event, payload) => {
      if (!this.window.isDestroyed()) this.window.webContents.send(event, payload);
    });
    this.context = this.createContext();
    this.wire();
    if (options.openPath) this.outbox.emit('file:openRequested', { path: options.openPath });
    void this.window.loadURL(appUrl('index.html'));
  }

  /** The handler context answering this window's IPC calls. */
  get handlers(): WindowContext['handlers'] {
    return this.context.handlers;
  }

  get webContentsId(): number {
    return this.window.webContents.id;
  }

  /** Sends an event to the page (queued until it listens). */
  emit<E extends keyof JxmbEvents>(event: E, payload: JxmbEvents[E]): void {
    this.outbox.emit(event, payload);
  }

  private createContext(): WindowContext {
    const win = this.window;
    return createWindowContext(
      this.options.env,
      {
        dialogs: electronDialogs(win),
        prompts: electronPrompts(win),
        recentChanged: this.options.recentChanged,
        confirmClose: () => {
          this.closeConfirmed = true;
          setImmediate(() => !win.isDestroyed() && win.close());
        },
        // The page sets document.title itself (the window follows it); main only needs the dirty flag.
        setDocumentState: ({ dirty }) => {
          this.dirty = dirty;
          if (!win.isDestroyed()) win.setDocumentEdited(dirty);
        },
        print: printProject,
        exportPdf,
        exportDocument: exportDocumentElectron,
      },
      this.options.recent,
    );
  }

  private wire(): void {
    const win = this.window;
    win.once('ready-to-show', () => {
      if (this.options.savedState?.maximized) win.maximize();
      win.show();
    });
    win.on('close', () => {
      const normal = win.getNormalBounds();
      void writeWindowState(this.options.env.userDataDir, { ...normal, maximized: win.isMaximized() });
    });
    win.on('close', (event) => {
      if (this.closeConfirmed || !this.dirty) return;
      // A page that cannot answer (not listening, crashed) must not trap the user: the
      // recovery copy is kept, and the next start offers it.
      if (!this.outbox.listens('app:closeRequested') || win.webContents.isCrashed()) return;
      event.preventDefault();
      win.focus();
      this.outbox.emit('app:closeRequested', undefined);
    });
    win.on('closed', () => {
      void this.context.dispose({ keepRecovery: this.dirty && !this.closeConfirmed });
      this.options.onClosed(this);
    });
    // A file dropped on the window makes Chromium navigate to it: open it instead.
    win.webContents.on('will-navigate', (event, url) => {
      if (!url.startsWith('file:')) return;
      const filePath = fileURLToPath(url);
      if (/\.(jxmb|xlsx)$/i.test(filePath)) {
        event.preventDefault();
        this.outbox.emit('file:openRequested', { path: filePath });
      }
    });
    win.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) this.outbox.reset();
    });
    win.webContents.on('render-process-gone', (_e, details) => {
      if (details.reason === 'clean-exit') return;
      // Keep this session's recovery copy (it becomes an orphan the reloaded page offers).
      const old = this.context;
      this.context = this.createContext();
      void old.dispose({ keepRecovery: true });
      this.dirty = false;
      void dialog
        .showMessageBox(win, {
          type: 'error',
          title: '页面出错',
          message: '编辑器页面意外退出。',
          detail: '未保存的修改已保存在恢复副本中，重新载入后可以恢复。',
          buttons: ['重新载入'],
          noLink: true,
        })
        .then(() => !win.isDestroyed() && win.webContents.reload());
    });
  }

  /** True when this window's document is `filePath`. */
  showsFile(filePath: string): boolean {
    const current = this.context.session.path;
    if (!current) return false;
    const norm = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(p).toLowerCase() : path.resolve(p));
    return norm(current) === norm(filePath);
  }

  /** Focus and bring to front. */
  focus(): void {
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
  }
}
