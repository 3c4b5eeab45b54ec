import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_METHODS, EVENT_CHANNELS, SUBSCRIBED_CHANNEL } from '../../shared/ipc/channels';
import type { JxmbConfig } from '../../shared/ipc/contract';

/**
 * The preload: bridges the channel map of shared/ipc to `window.jxmb` with contextBridge, and
 * nothing else. It runs sandboxed, where only `electron` can be required, so the build bundles
 * it with shared/ipc/channels.ts compiled in (electron/preload/vite.config.mts →
 * dist/electron/preload/preload.bundle.js, the file main.ts loads).
 */

function readConfig(): JxmbConfig {
  const prefix = '--jxmb-hot-license=';
  const arg = process.argv.find((a) => a.startsWith(prefix));
  const key = arg ? decodeURIComponent(arg.slice(prefix.length)) : '';
  return { handsontableLicenseKey: key || null, directPrint: true };
}

const events = new Set<string>(EVENT_CHANNELS);
const api: Record<string, unknown> = {};
for (const [channel, method] of Object.entries(CHANNEL_METHODS)) {
  // One argument object (or none); main validates it and answers the result envelope.
  api[method] = (args?: unknown) => ipcRenderer.invoke(channel, args);
}
api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
  if (!events.has(event)) throw new Error(`未知事件：${event}`);
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, wrapped);
  ipcRenderer.send(SUBSCRIBED_CHANNEL, event);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
};
api.config = Object.freeze(readConfig());

contextBridge.exposeInMainWorld('jxmb', Object.freeze(api));
