/**
 * The built preload (dist/electron/preload/preload.bundle.js, what main gives its windows) and the
 * IPC contract agree: it exposes one `jxmb` method per channel of shared/ipc, each invoking its
 * own channel, and subscribes only to the contract's events. It runs here as Electron runs a
 * sandboxed preload: a script whose `require` knows only `electron` (fake), so a preload that
 * still required a project file would fail this test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ARG_SCHEMAS, CHANNEL_METHODS, CHANNELS, EVENT_CHANNELS, SUBSCRIBED_CHANNEL } from '../../shared/ipc';

const bundle = path.resolve(__dirname, '..', '..', 'dist', 'electron', 'preload', 'preload.bundle.js');

interface Loaded {
  readonly api: Record<string, unknown>;
  readonly invoked: [string, unknown][];
  readonly sent: [string, unknown][];
  readonly required: string[];
}

function loadPreload(argv: string[] = []): Loaded {
  const invoked: [string, unknown][] = [];
  const sent: [string, unknown][] = [];
  const required: string[] = [];
  let api: Record<string, unknown> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, value: Record<string, unknown>) => { if (name === 'jxmb') api = value; } },
    ipcRenderer: {
      invoke: async (channel: string, args: unknown) => { invoked.push([channel, args]); return { ok: true, value: null }; },
      on: () => undefined,
      removeListener: () => undefined,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    },
  };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
    return electron;
  };
  const module = { exports: {} };
  const code = `(function (require, module, exports, process) {\n${readFileSync(bundle, 'utf8')}\n})`;
  const fn = vm.runInThisContext(code, { filename: bundle }) as (r: typeof sandboxRequire, m: typeof module, e: object, p: { argv: string[] }) => void;
  fn(sandboxRequire, module, module.exports, { argv });
  return { api, invoked, sent, required };
}

describe('the bundled preload and the IPC contract', () => {
  it('exists after npm run build:node and requires nothing but electron', () => {
    expect(existsSync(bundle), 'preload bundle missing: run npm run build:node').toBe(true);
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('exposes exactly one method per channel, each invoking its own channel', async () => {
    const { api, invoked } = loadPreload();
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...CHANNELS].sort());
    const methods = Object.keys(api).filter((k) => typeof api[k] === 'function' && k !== 'on');
    expect(methods.sort()).toEqual(Object.values(CHANNEL_METHODS).sort());
    for (const channel of CHANNELS) {
      await (api[CHANNEL_METHODS[channel]] as (a: unknown) => Promise<unknown>)({ probe: channel });
    }
    expect(invoked).toEqual(CHANNELS.map((c) => [c, { probe: c }]));
  });

  it('subscribes to the contract\'s events only, telling main each time', () => {
    const { api, sent } = loadPreload();
    const on = api.on as (event: string, listener: () => void) => () => void;
    for (const event of EVENT_CHANNELS) expect(typeof on(event, () => undefined)).toBe('function');
    expect(sent).toEqual(EVENT_CHANNELS.map((e) => [SUBSCRIBED_CHANNEL, e]));
    expect(() => on('fs:readFile', () => undefined)).toThrow('未知事件');
  });

  it('passes the licence key from the window arguments', () => {
    const { api } = loadPreload(['electron', '--jxmb-hot-license=abc%20123']);
    expect(api.config).toEqual({ handsontableLicenseKey: 'abc 123', directPrint: true });
  });
});
