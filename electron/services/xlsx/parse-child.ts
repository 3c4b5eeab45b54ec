/**
 * Entry of the child process that parses untrusted xlsx files (started by read-workbook.ts via
 * parse-process.ts: a Node child_process.fork, or an Electron utility process). It parses one
 * request at a time and answers with the workbook serialized ONCE as UTF-8 JSON bytes, so the
 * host copies one buffer instead of structured-cloning a string per cell.
 *
 * A watchdog thread checks the resident memory of this whole process (heap, strings, buffers,
 * native allocations) every few milliseconds and kills the process past `maxRssMb`: the thread
 * keeps running while the main thread is stuck in a parse. The host reports that as 「内存不足」.
 */
import { Worker } from 'node:worker_threads';
import { isUserError, UserError } from '../../../shared/errors';
import type { RawWorkbook } from '../../../shared/xlsx/raw';
import { hasEnglishInternals, logInternal, seeLog } from '../internal-log';
import type { ChildRequest, ChildResponse } from './parse-protocol';
import type * as ParseWorkbook from './parse-workbook';
import { xlsxError } from './xlsx-errors';

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const limit = workerData.maxRssBytes;
setInterval(() => {
  if (process.memoryUsage.rss() > limit) process.kill(process.pid, 'SIGKILL');
}, workerData.intervalMs);
`;

let watchdog: Worker | null = null;

/**
 * The workbook parser (SheetJS and the guards), loaded on the first workbook or when the child
 * has idled for PRELOAD_IDLE_MS (a warmed-up child has it ready for the first import): a `.jxmb`
 * job, as every `jxmb` command reading a project sends at once, does not wait for it (about a
 * second to load).
 */
let parser: typeof ParseWorkbook | null = null;

function workbookParser(): typeof ParseWorkbook {
  // require, not import(): the child also runs as TypeScript under tsx's CommonJS hook (tests).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parser ??= require('./parse-workbook') as typeof ParseWorkbook;
  return parser;
}

function startWatchdog(maxRssMb: number): void {
  if (watchdog) return;
  watchdog = new Worker(WATCHDOG, {
    eval: true,
    workerData: { maxRssBytes: maxRssMb * 1024 * 1024, intervalMs: 10 },
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
  });
  watchdog.unref();
}

/** Upper bound of the JSON size of a workbook, counted without building the JSON. */
export function estimateJsonBytes(wb: RawWorkbook): number {
  let n = 0;
  const str = (s: string | undefined) => (s === undefined ? 0 : s.length * 3 + 16);
  for (const sheet of wb.sheets) {
    n += str(sheet.name) + sheet.merges.length * 64 + sheet.colWidths.length * 24;
    for (const row of sheet.rows) {
      n += 2;
      for (const cell of row) {
        if (!cell) n += 5;
        else n += 32 + (typeof cell.value === 'string' ? str(cell.value) : 24) + str(cell.numFmt);
      }
    }
  }
  for (const w of wb.warnings) n += str(w.message) + str(w.sheet) + str(w.cell) + 32;
  return n;
}

/** A user error whose message carries no exception text: the details go to the log. */
function cleanError(e: unknown, fileName: string): { code: string; message: string } {
  if (parser && e instanceof parser.ParseFailure) {
    // The parser's own Chinese message names the part; the library's exception goes to the log.
    const log = logInternal(`读取“${fileName}”失败`, e.internal);
    return { code: e.code, message: `${e.userMessage}（${seeLog(log)}）` };
  }
  if (isUserError(e) && !hasEnglishInternals(e.message)) return { code: e.code, message: e.message };
  const log = logInternal(`读取“${fileName}”失败`, isUserError(e) ? `${e.code}: ${e.message}` : e);
  const err = xlsxError('XLSX_PARSE_FAILED', fileName, `文件内部结构不符合 xlsx 规范；${seeLog(log)}`);
  return { code: err.code, message: err.message };
}

function toBytes(text: string): Uint8Array {
  const b = Buffer.from(text, 'utf8');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** A `.jxmb` text parsed and validated here, so the Electron main process never parses it. */
function parseJxmb(data: Buffer, fileName: string, plain: boolean): unknown {
  // The project-file parser (zod) is loaded by the first .jxmb, not by a child that reads workbooks
  // (require, not import(): this script also runs from source under tsx's CommonJS hook).
  const { parseProjectFile, parseProjectOrPlain } = require('../../../shared/file/project-file') as typeof import('../../../shared/file/project-file');
  try {
    return (plain ? parseProjectOrPlain : parseProjectFile)(data.toString('utf8'));
  } catch (e) {
    if (isUserError(e)) throw new UserError(e.code, `“${fileName}”：${e.message}`);
    throw e;
  }
}

async function handle(req: ChildRequest): Promise<ChildResponse> {
  const rss = () => Math.round(process.memoryUsage.rss() / 1048576);
  try {
    const data = Buffer.from(req.data.buffer, req.data.byteOffset, req.data.byteLength);
    if (req.kind === 'jxmb') return { id: req.id, ok: true, json: toBytes(JSON.stringify(parseJxmb(data, req.fileName, req.plainProject === true))), rssMb: rss() };
    const workbook = workbookParser().parseWorkbookBuffer(data, req.fileName, req.limits);
    const size = estimateJsonBytes(workbook);
    if (size > req.limits.maxResultBytes) {
      const mb = (b: number) => `${Math.round(b / 104857.6) / 10} MB`;
      const err = xlsxError('XLSX_TOO_LARGE', req.fileName, `单元格内容合计约 ${mb(size)}，上限 ${mb(req.limits.maxResultBytes)}；常见原因是一段很长的文字被大量单元格重复引用`);
      return { id: req.id, ok: false, code: err.code, message: err.message, rssMb: rss() };
    }
    return { id: req.id, ok: true, json: toBytes(JSON.stringify(workbook)), rssMb: rss() };
  } catch (e) {
    return { id: req.id, ok: false, ...cleanError(e, req.fileName), rssMb: rss() };
  }
}

interface ElectronParentPort {
  on(event: 'message', cb: (e: { data: unknown }) => void): void;
  postMessage(msg: unknown): void;
}

const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;

function reply(res: ChildResponse): void {
  if (electronPort) electronPort.postMessage(res);
  else process.send?.(res);
}

const PRELOAD_IDLE_MS = 300;
let preload: NodeJS.Timeout | null = null;

function schedulePreload(): void {
  if (parser) return;
  preload = setTimeout(workbookParser, PRELOAD_IDLE_MS);
  // Never the reason the child stays alive.
  preload.unref();
}

function onRequest(req: ChildRequest): void {
  if (preload) clearTimeout(preload);
  if (req.logFile) process.env.JXMB_LOG_FILE = req.logFile;
  startWatchdog(req.limits.maxRssMb);
  void handle(req).then((res) => {
    reply(res);
    schedulePreload();
  });
}

schedulePreload();

if (electronPort) electronPort.on('message', (e) => onRequest(e.data as ChildRequest));
else {
  process.on('message', (req) => onRequest(req as ChildRequest));
  // The host is gone (closed, crashed or killed): nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
}
