import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CHANNEL_METHODS, Channel, JxmbConfig, JxmbEvents } from '../../shared/ipc';

/**
 * The preload: bridges the typed contract of shared/ipc to `window.jxmb` with contextBridge,
 * and nothing else. It runs sandboxed, where only `electron` can be required, so it imports
 * the contract for TYPES only and repeats the channel list; the `satisfies` checks below make
 * the compiler reject any drift from CHANNEL_METHODS / JxmbEvents.
 */

const METHODS = {
  'project:open': 'openProject',
  'project:openSample': 'openSample',
  'project:save': 'saveProject',
  'project:saveAs': 'saveProjectAs',
  'xlsx:import': 'importXlsx',
  'xlsx:export': 'exportXlsx',
  'file:upload': 'uploadFile',
  'pdf:export': 'exportPdf',
  'xlsx:fill': 'fillXlsx',
  'print:tables': 'printTables',
  'document:export': 'exportDocument',
  'recent:list': 'listRecent',
  'recovery:check': 'checkRecovery',
  'recovery:restore': 'restoreRecovery',
  'recovery:write': 'writeRecovery',
  'recovery:discard': 'discardRecovery',
  'app:confirmClose': 'confirmClose',
  'app:setDocumentState': 'setDocumentState',
  'library:get': 'getUserLibrary',
  'library:export': 'exportLibrary',
  'library:import': 'importLibrary',
} as const satisfies typeof CHANNEL_METHODS;

/** Drift check the other way: every contract channel is listed above. */
const _allChannels: Record<Channel, string> = METHODS;
void _allChannels;

const EVENTS = {
  'app:closeRequested': true,
  'file:openRequested': true,
  'menu:command': true,
} as const satisfies Record<keyof JxmbEvents, true>;

/** Internal handshake (not part of window.jxmb): tells main a listener is ready, so events queued before it are delivered. */
const SUBSCRIBED = 'jxmb:subscribed';

function readConfig(): JxmbConfig {
  const prefix = '--jxmb-hot-license=';
  const arg = process.argv.find((a) => a.startsWith(prefix));
  const key = arg ? decodeURIComponent(arg.slice(prefix.length)) : '';
  return { handsontableLicenseKey: key || null, directPrint: true };
}

const api: Record<string, unknown> = {};
for (const [channel, method] of Object.entries(METHODS)) {
  // One argument object (or none); main validates it and answers the result envelope.
  api[method] = (args?: unknown) => ipcRenderer.invoke(channel, args);
}
api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
  if (!Object.prototype.hasOwnProperty.call(EVENTS, event)) throw new Error(`未知事件：${event}`);
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, wrapped);
  ipcRenderer.send(SUBSCRIBED, event);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
};
api.config = Object.freeze(readConfig());

contextBridge.exposeInMainWorld('jxmb', Object.freeze(api));
