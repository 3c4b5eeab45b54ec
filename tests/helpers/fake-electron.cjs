'use strict';
// A stand-in for the `electron` module, so the compiled main process (dist/electron/main/main.js)
// runs under plain Node in tests: preload this file with `node --require` after trace-modules.cjs.
// It answers `require('electron')` with a fake whose app is ready at once, whose BrowserWindow
// emits 'ready-to-show' after loadURL, and whose first `show()` writes the npm packages loaded at
// that moment to JXMB_FIRST_WINDOW_TRACE, then ends the process. Only what main.ts and
// electron/main/* call is faked; everything else is a no-op.
const EventEmitter = require('node:events');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const { loadedPackages } = require('./trace-modules.cjs');

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolve(request, ...rest) {
  return request === 'electron' ? __filename : originalResolve.call(this, request, ...rest);
};

const noop = () => undefined;
const userData = process.env.JXMB_USER_DATA || fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-fake-electron-'));
const traceFile = process.env.JXMB_FIRST_WINDOW_TRACE;
let nextId = 1;

class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
  }
  send() {}
  setWindowOpenHandler() {}
  isCrashed() { return false; }
  reload() {}
}

class BrowserWindow extends EventEmitter {
  static getFocusedWindow() { return null; }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.shown = false;
  }
  loadURL(url) {
    this.url = url;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  loadFile() { return Promise.resolve(); }
  show() {
    if (this.shown) return;
    this.shown = true;
    if (traceFile) fs.writeFileSync(traceFile, JSON.stringify({ url: this.url, packages: loadedPackages() }));
    setImmediate(() => process.exit(0));
  }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  isMaximized() { return false; }
  getNormalBounds() { return { x: 0, y: 0, width: 1200, height: 800 }; }
}
for (const name of ['focus', 'restore', 'maximize', 'close', 'destroy', 'setDocumentEdited']) BrowserWindow.prototype[name] = noop;

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  setPath: noop,
  getPath: (name) => (name === 'userData' ? userData : os.tmpdir()),
  getVersion: () => '0.0.0-test',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  isReady: () => true,
  quit: noop,
});

const webRequest = { onHeadersReceived: noop, onBeforeRequest: noop };
module.exports = {
  app,
  BrowserWindow,
  dialog: { showMessageBox: async () => ({ response: 0 }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
  ipcMain: { handle: noop, on: noop },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: noop },
  protocol: { registerSchemesAsPrivileged: noop, handle: noop },
  session: { defaultSession: { webRequest, setPermissionRequestHandler: noop, setPermissionCheckHandler: noop, setDevicePermissionHandler: noop } },
  shell: { openExternal: async () => undefined },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
  utilityProcess: { fork: () => { throw new Error('fake electron: no utility process'); } },
};
