/**
 * Public entry for reading an untrusted xlsx into a RawWorkbook. The content is sniffed in the
 * calling process (fast, specific rejections); the pre-scan and the exceljs parse run in a
 * separate child process (parse-child.ts) under three hard limits:
 * - V8 heap: --max-old-space-size (`workerMemoryMb`);
 * - resident memory of the whole child (`maxRssMb`): a watchdog thread inside the child, and on
 *   Linux this host too (reading /proc), kill it past the limit: strings, buffers and native
 *   memory outside the V8 heap count as well;
 * - wall time (`timeoutMs`): the host kills the child.
 * A child process rather than a worker thread: a worker shares the process, so memory outside
 * its heap (the shared-string bomb) or a V8 abort takes the whole app down; a child dies alone.
 * The result comes back as one JSON byte buffer (not one structured-cloned string per cell).
 * One warm child is reused between reads; it is replaced after a crash, a timeout, or when it
 * has grown.
 */
import { basename } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { RawWorkbook } from '../../../shared/xlsx/raw';
import { isBoundedReadError, readFileBounded } from '../bounded-read';
import { logFilePath, logInternal, seeLog } from '../internal-log';
import { resolveLimits, type ReadLimits } from './limits';
import { childScript, currentLauncher, procRssMb, type ParseProcess } from './parse-process';
import type { ChildRequest, ChildResponse } from './parse-protocol';
import { sniffXlsx } from './sniff';
import { mb, xlsxError } from './xlsx-errors';

interface Job {
  readonly req: ChildRequest;
  readonly resolve: (result: unknown) => void;
  readonly reject: (e: Error) => void;
}

const RECYCLE_AFTER_JOBS = 50;
/** A child that holds more than this after a job is replaced (memory fragmentation). */
const RECYCLE_ABOVE_RSS_MB = 400;
const POLL_MS = 20;

/** Peak resident memory of the parse child seen by the host, in MB (tests, benchmarks). */
export const childStats = { peakRssMb: 0, spawned: 0 };

class ReadProcessHost {
  private child: ParseProcess | null = null;
  private childHeapMb = 0;
  private jobsDone = 0;
  private queue: Job[] = [];
  private current: Job | null = null;
  private timer: NodeJS.Timeout | null = null;
  private poller: NodeJS.Timeout | null = null;
  private killedFor: 'timeout' | 'memory' | null = null;
  private nextId = 1;

  run<T = RawWorkbook>(data: Uint8Array, fileName: string, limits: ReadLimits, kind: 'xlsx' | 'jxmb' = 'xlsx', plainProject = false): Promise<T> {
    return new Promise((resolve, reject) => {
      const req = { id: this.nextId++, kind, data, fileName, limits, logFile: logFilePath(), ...(plainProject ? { plainProject } : {}) };
      const job: Job = { req, resolve: resolve as (v: unknown) => void, reject };
      this.queue.push(job);
      this.pump();
    });
  }

  /** Starts the child ahead of the first read (it loads exceljs), without keeping the process alive. */
  warmUp(limits: ReadLimits): void {
    if (this.child || this.current) return;
    this.child = this.spawn(limits.workerMemoryMb);
    this.child.unref();
  }

  /** Stops the child (idle or busy); a later read starts a new one. */
  async shutdown(): Promise<void> {
    const c = this.child;
    this.child = null;
    if (!c) return;
    await new Promise<void>((resolve) => {
      c.onExit(() => resolve());
      // An idle child is unref'd: ref it again, or the caller's process may end before the exit arrives.
      c.ref();
      c.kill();
    });
  }

  private spawn(heapMb: number): ParseProcess {
    const { script, execArgv } = childScript();
    const c = currentLauncher()(script, [...execArgv, `--max-old-space-size=${heapMb}`, '--stack-size=4000']);
    c.onMessage((res) => this.onMessage(c, res));
    c.onExit((code, signal) => this.onExit(c, code, signal));
    this.childHeapMb = heapMb;
    this.jobsDone = 0;
    childStats.spawned++;
    return c;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.current = job;
    this.killedFor = null;
    const { limits } = job.req;
    if (this.child && (this.childHeapMb !== limits.workerMemoryMb || this.jobsDone >= RECYCLE_AFTER_JOBS)) this.retire();
    if (!this.child) this.child = this.spawn(limits.workerMemoryMb);
    const c = this.child;
    c.ref();
    this.timer = setTimeout(() => this.kill(c, 'timeout'), limits.timeoutMs);
    this.poller = setInterval(() => {
      const rss = procRssMb(c.pid);
      if (rss === null) return;
      childStats.peakRssMb = Math.max(childStats.peakRssMb, rss);
      if (rss > limits.maxRssMb) this.kill(c, 'memory');
    }, POLL_MS);
    c.send(job.req);
  }

  private retire(): void {
    const c = this.child;
    this.child = null;
    c?.kill();
  }

  private kill(c: ParseProcess, why: 'timeout' | 'memory'): void {
    if (c !== this.child) return;
    this.killedFor = why;
    c.kill();
  }

  private finish(): Job | null {
    const job = this.current;
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
    this.timer = null;
    this.poller = null;
    return job;
  }

  private onMessage(c: ParseProcess, res: ChildResponse): void {
    if (c !== this.child || !this.current || res.id !== this.current.req.id) return;
    const job = this.finish()!;
    this.jobsDone++;
    childStats.peakRssMb = Math.max(childStats.peakRssMb, res.rssMb);
    if (res.rssMb > RECYCLE_ABOVE_RSS_MB) this.retire();
    else c.unref();
    if (!res.ok) job.reject(new UserError(res.code, res.message));
    else {
      try {
        job.resolve(JSON.parse(Buffer.from(res.json.buffer, res.json.byteOffset, res.json.byteLength).toString('utf8')) as unknown);
      } catch (e) {
        job.reject(xlsxError('XLSX_PARSE_FAILED', job.req.fileName, `读取结果无法传回；${seeLog(logInternal('parse result', e))}`));
      }
    }
    this.pump();
  }

  private onExit(c: ParseProcess, code: number | null, signal: string | null): void {
    if (c !== this.child) return;
    this.child = null;
    const job = this.finish();
    if (job) job.reject(this.exitError(job, code, signal));
    this.killedFor = null;
    this.pump();
  }

  private exitError(job: Job, code: number | null, signal: string | null): UserError {
    const { fileName, limits, kind } = job.req;
    const seconds = String(Math.round(limits.timeoutMs / 100) / 10);
    const log = this.killedFor === 'timeout' ? '' : logInternal(`读取“${fileName}”的子进程结束：code ${code} signal ${signal ?? ''}`, '');
    // Killed for memory (by us or by its own watchdog), or V8 ran out of heap (abort).
    const oom = this.killedFor === 'memory' || signal === 'SIGKILL' || signal === 'SIGABRT' || code === 134
      || /heap out of memory|Allocation failed/i.test(signal ?? '');
    if (kind === 'jxmb') return projectExitError(fileName, this.killedFor === 'timeout' ? 'timeout' : oom ? 'memory' : 'crash', seconds, log);
    if (this.killedFor === 'timeout') return xlsxError('XLSX_PARSE_TIMEOUT', fileName, seconds);
    if (oom) return xlsxError('XLSX_PARSE_OUT_OF_MEMORY', fileName);
    return xlsxError('XLSX_PARSE_FAILED', fileName, `读取进程意外终止；${seeLog(log)}`);
  }
}

/** The message when the child reading a `.jxmb` was stopped (not the xlsx wording: nothing to save as .xlsx). */
function projectExitError(fileName: string, why: 'timeout' | 'memory' | 'crash', seconds: string, log: string): UserError {
  const what = why === 'timeout' ? `读取项目文件“${fileName}”超时（超过 ${seconds} 秒），已停止`
    : why === 'memory' ? `读取项目文件“${fileName}”时内存不足，已停止`
      : `读取项目文件“${fileName}”的进程意外终止（${seeLog(log)}）`;
  return new UserError(`PROJECT_READ_${why.toUpperCase()}`, `${what}：文件过大或内容异常，不像是本软件保存的项目文件。请确认选择的是 .jxmb 项目文件，或打开同一文件夹中的 .bak 备份。`);
}

const host = new ReadProcessHost();

/**
 * Starts the parse child in the background so that the first import does not wait for it
 * (process start + loading exceljs take a few hundred ms). Call when the app is idle after start.
 */
export function warmUpReadWorker(limits?: Partial<ReadLimits>): void {
  host.warmUp(resolveLimits(limits));
}

/** Stops the parse child (at app shutdown, or in tests). */
export function shutdownReadWorker(): Promise<void> {
  return host.shutdown();
}

/**
 * Reads xlsx bytes into a RawWorkbook (see the module comment). `fileName` is only used in
 * messages and for the .et hint. Throws UserError with an XLSX_* code on anything unreadable.
 */
export async function readWorkbookBuffer(buf: Buffer, fileName: string, limits?: Partial<ReadLimits>): Promise<RawWorkbook> {
  const l = resolveLimits(limits);
  sniffXlsx(buf, fileName, l);
  return host.run(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), fileName, l);
}

function readFailure(e: unknown, fileName: string, limits: ReadLimits): UserError {
  if (isBoundedReadError(e)) {
    return e.code === 'ENOTREG'
      ? xlsxError('XLSX_READ_FAILED', fileName, '这不是普通文件（可能是设备、管道或指向它们的链接）')
      : xlsxError('XLSX_TOO_LARGE', fileName, `至少 ${mb(e.bytesSeen)}，上限 ${mb(limits.maxFileBytes)}`);
  }
  const code = (e as NodeJS.ErrnoException)?.code;
  const detail = code === 'ENOENT' ? '文件不存在'
    : code === 'EACCES' || code === 'EPERM' ? '没有读取权限'
      : code === 'EBUSY' ? '文件被其他程序占用'
        : code === 'EISDIR' ? '这是一个文件夹' : `系统错误 ${code ?? ''}；${seeLog(logInternal(`读取“${fileName}”`, e))}`;
  return xlsxError('XLSX_READ_FAILED', fileName, detail);
}

/**
 * Parses and validates the bytes of a `.jxmb` project in the parse child (same memory and time
 * limits), for callers that must not parse untrusted input themselves (the Electron main process,
 * the CLI). `plainProject`: a bare project object is accepted too (parseProjectOrPlain).
 * @throws UserError with the Chinese message of parseProjectFile, naming the file.
 */
export function parseProjectInChild<T>(bytes: Buffer, fileName: string, limits?: Partial<ReadLimits>, plainProject = false): Promise<T> {
  return host.run<T>(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, resolveLimits(limits), 'jxmb', plainProject);
}

/** Reads an xlsx file from disk (at most `maxFileBytes` bytes read); see readWorkbookBuffer. */
export async function readWorkbookFile(path: string, limits?: Partial<ReadLimits>): Promise<RawWorkbook> {
  const l = resolveLimits(limits);
  const fileName = basename(path);
  let buf: Buffer;
  try {
    buf = await readFileBounded(path, l.maxFileBytes);
  } catch (e) {
    throw readFailure(e, fileName, l);
  }
  return readWorkbookBuffer(buf, fileName, l);
}
