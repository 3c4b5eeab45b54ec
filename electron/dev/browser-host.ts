import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { CHANNEL_METHODS, EVENT_CHANNELS, fail, type Channel, type JxmbEvents } from '../../shared/ipc';
import { writePrintPdf } from '../services/print-pdf-service';
import { RecentFilesService } from '../services/recent-files-service';
import type { Dialogs } from '../host/dialogs';
import type { SessionPrompts } from '../host/document-session';
import { EventOutbox } from '../host/event-outbox';
import { isChannel } from '../host/ipc-handlers';
import { CONTENT_SECURITY_POLICY } from '../host/security-policy';
import { createWindowContext, type AppEnvironment, type WindowContext } from '../host/window-handlers';

/**
 * "Browser mode": the built renderer (dist/renderer) served to a system Chromium/Chrome, with
 * `window.jxmb` bound over HTTP to the SAME handlers Electron uses (window-handlers.ts →
 * ipc-handlers.ts → services). For machines without the Electron binary (`npm start`
 * fallback) and for browser end-to-end tests.
 *
 * Security: listens on 127.0.0.1 only; every URL lives under a random secret prefix
 * (`/<token>/…`), so other web pages cannot reach the API; the Host header must be ours
 * (DNS rebinding); the same CSP header as in Electron.
 *
 * Wire: `POST <base>__jxmb/ipc/<channel>` with JSON `{page, args}` → the IPC result envelope;
 * `GET <base>__jxmb/events?page=` is a server-sent-event stream of JxmbEvents; the bridge
 * script (`<base>__jxmb/bridge.js`, injected into index.html) builds `window.jxmb`.
 */

export interface BrowserHostOptions {
  /** Folder of the built renderer (index.html). */
  readonly rendererDir: string;
  readonly userDataDir: string;
  readonly samplePath: string;
  /** A document every new page is asked to open (file:openRequested). */
  readonly openPath?: string;
  /** File pickers; default: open → cancelled, save → a new file in the documents folder. */
  readonly dialogs?: Dialogs;
  /** Lock / overwrite questions; default: read-only, do not overwrite. */
  readonly prompts?: SessionPrompts;
  /** Port (default: any free port). */
  readonly port?: number;
  /** Called with a line for the console (default: nothing). */
  readonly log?: (line: string) => void;
}

export interface BrowserHost {
  /** URL of the editor page. */
  readonly url: string;
  /** Sends an event to every open page (e.g. a menu command in tests). */
  emit<E extends keyof JxmbEvents>(event: E, payload: JxmbEvents[E]): void;
  /** Stops the server and releases the pages' locks. */
  close(): Promise<void>;
}

interface Page {
  readonly context: WindowContext;
  readonly outbox: EventOutbox;
  stream: http.ServerResponse | null;
  readonly backlog: string[];
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

/** The script defining window.jxmb in the page (plain ES2020, no imports). */
function bridgeScript(): string {
  return `(() => {
  'use strict';
  const METHODS = ${JSON.stringify(CHANNEL_METHODS)};
  const EVENTS = ${JSON.stringify(EVENT_CHANNELS)};
  const base = new URL('./', document.currentScript.src).href; // …/<token>/__jxmb/
  const page = crypto.randomUUID();
  const listeners = new Map();
  let source = null;
  const post = (p, body) => fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const api = {};
  for (const [channel, method] of Object.entries(METHODS)) {
    api[method] = async (args) => {
      try {
        const res = await post('ipc/' + encodeURIComponent(channel), { page, args: args === undefined ? null : args });
        return await res.json();
      } catch (e) {
        return { ok: false, error: { code: 'host-unreachable', message: '无法连接到本地服务（浏览器模式）：' + e.message } };
      }
    };
  }
  api.on = (event, listener) => {
    if (!EVENTS.includes(event)) throw new Error('未知事件：' + event);
    if (!source) {
      source = new EventSource(base + 'events?page=' + page);
      source.onmessage = (m) => {
        const { event: name, payload } = JSON.parse(m.data);
        for (const l of listeners.get(name) || []) l(payload);
      };
    }
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    void post('subscribed', { page, event });
    return () => listeners.get(event).delete(listener);
  };
  // No api.config: the page has no native menu here (the renderer shows its own menu bar and
  // accelerators when config is absent) and no system print dialog (directPrint absent).
  // No native file dialogs here: 打开 / 导入Excel use the page's file picker and upload the file.
  api.filePicker = 'upload';
  Object.defineProperty(window, 'jxmb', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}

/** Default dialogs without a desktop: opening needs a path; saving picks a free name in the documents folder. */
function headlessDialogs(log: (line: string) => void): Dialogs {
  const documents = path.join(os.homedir(), 'Documents');
  const savePath = async (name: string) => {
    const dir = await fs.stat(documents).then((s) => (s.isDirectory() ? documents : os.homedir()), () => os.homedir());
    const ext = path.extname(name);
    const stem = path.basename(name, ext);
    for (let n = 0; ; n++) {
      const candidate = path.join(dir, n === 0 ? name : `${stem}（${n}）${ext}`);
      if (!(await fs.stat(candidate).then(() => true, () => false))) {
        log(`浏览器模式：保存到 ${candidate}`);
        return candidate;
      }
    }
  };
  const noPicker = async () => {
    log('浏览器模式没有文件选择对话框：请在命令行给出文件路径（node scripts/start.mjs 文件.jxmb），或把文件拖到窗口。');
    return null;
  };
  return { openProject: noPicker, openXlsx: noPicker, saveProject: savePath, saveXlsx: savePath, savePdf: savePath, openLibrary: noPicker, saveLibrary: savePath, saveDocument: savePath };
}

const safePrompts: SessionPrompts = {
  lockedChoice: async () => 'readOnly',
  confirmOverwrite: async () => false,
};

async function readBody(req: http.IncomingMessage, limit = 256 * 1024 * 1024): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('请求过大');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

/** Starts the host; resolves when it listens. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? (() => undefined);
  const token = randomBytes(16).toString('hex');
  const prefix = `/${token}/`;
  const env: AppEnvironment = { userDataDir: options.userDataDir, samplePath: options.samplePath, documentsDir: os.homedir() };
  const recent = new RecentFilesService(options.userDataDir);
  const pages = new Map<string, Page>();
  const rendererDir = path.resolve(options.rendererDir);

  const pageFor = (id: string): Page => {
    let page = pages.get(id);
    if (page) return page;
    const deliver = (event: string, payload: unknown) => {
      const line = `data: ${JSON.stringify({ event, payload: payload ?? null })}\n\n`;
      if (page?.stream) page.stream.write(line);
      else page?.backlog.push(line);
    };
    const context = createWindowContext(
      env,
      {
        dialogs: options.dialogs ?? headlessDialogs(log),
        prompts: options.prompts ?? safePrompts,
        // No system print dialog here: the editor offers 导出PDF instead (config.directPrint false).
        exportPdf: (filePath, project, tableIndices, settings) => writePrintPdf(filePath, project, tableIndices, settings),
        setDocumentState: ({ title, dirty }) => log(`文档：${title}${dirty ? '（未保存）' : ''}`),
      },
      recent,
    );
    page = { context, outbox: new EventOutbox(deliver), stream: null, backlog: [] };
    pages.set(id, page);
    if (options.openPath) page.outbox.emit('file:openRequested', { path: options.openPath });
    return page;
  };

  const serveStatic = async (rel: string, res: http.ServerResponse) => {
    const file = path.resolve(rendererDir, decodeURIComponent(rel || 'index.html'));
    if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) return send(res, 403, 'text/plain; charset=utf-8', '禁止访问');
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', '未找到');
    }
    if (path.basename(file) === 'index.html') {
      const html = body.toString('utf8').replace(/<script/i, '<script src="./__jxmb/bridge.js"></script>\n    <script');
      return send(res, 200, MIME['.html'], html);
    }
    send(res, 200, MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', body);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost):\d+$/.test(host) || !url.pathname.startsWith(prefix)) return send(res, 404, 'text/plain; charset=utf-8', '未找到');
    const rest = url.pathname.slice(prefix.length);
    if (rest === '__jxmb/bridge.js') return send(res, 200, MIME['.js'], bridgeScript());
    if (rest === '__jxmb/events' && req.method === 'GET') {
      const page = pageFor(url.searchParams.get('page') ?? '');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      page.stream = res;
      for (const line of page.backlog.splice(0)) res.write(line);
      req.on('close', () => {
        if (page.stream === res) page.stream = null;
      });
      return;
    }
    if (req.method === 'POST' && (rest === '__jxmb/subscribed' || rest.startsWith('__jxmb/ipc/'))) {
      let body: { page?: unknown; args?: unknown; event?: unknown };
      try {
        body = (await readBody(req)) as typeof body;
      } catch (e) {
        return send(res, 400, MIME['.json'], JSON.stringify(fail('bad-args', `请求无效：${(e as Error).message}`)));
      }
      const page = pageFor(typeof body?.page === 'string' ? body.page : '');
      if (rest === '__jxmb/subscribed') {
        if (typeof body.event === 'string') page.outbox.markSubscribed(body.event);
        return send(res, 200, MIME['.json'], 'true');
      }
      const channel = decodeURIComponent(rest.slice('__jxmb/ipc/'.length));
      if (!isChannel(channel)) return send(res, 404, MIME['.json'], JSON.stringify(fail('bad-channel', `未知接口：${channel}`)));
      const result = await page.context.handlers[channel as Channel](body.args ?? undefined);
      return send(res, 200, MIME['.json'], JSON.stringify(result));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', '不支持');
    return serveStatic(rest, res);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `内部错误：${(e as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${prefix}index.html`,
    emit: (event, payload) => {
      for (const page of pages.values()) page.outbox.emit(event, payload);
    },
    close: async () => {
      for (const page of pages.values()) {
        page.stream?.end();
        await page.context.dispose({ keepRecovery: true });
      }
      pages.clear();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
