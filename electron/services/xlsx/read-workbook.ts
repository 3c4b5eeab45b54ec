import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../../shared/errors';
import type { RawWorkbook } from '../../../shared/xlsx/raw';
import { resolveLimits, type ReadLimits } from './limits';
import type { ReadRequest, ReadResponse } from './read-protocol';
import { sniffXlsx } from './sniff';
import { mb, xlsxError } from './xlsx-errors';

/**
 * Public entry for reading an untrusted xlsx into a RawWorkbook. The content is sniffed in the
 * calling thread (fast, specific rejections); the pre-scan and the exceljs parse run in a
 * worker thread with a heap limit and a wall-clock timeout, so a hostile file can at worst
 * cost that worker: the caller gets a UserError and the process lives on. One warm worker is
 * reused between reads (exceljs takes ~0.3 s to load); it is replaced after a crash or timeout.
 */

/** How the worker script is started: compiled JS (dist/) or TypeScript source (vitest, tsx). */
function workerScript(): { code: string; execArgv?: string[] } {
  const fromSource = __filename.endsWith('.ts');
  const file = join(__dirname, fromSource ? 'read-worker.ts' : 'read-worker.js');
  return { code: `require(${JSON.stringify(file)});`, execArgv: fromSource ? ['--require', 'tsx/cjs'] : undefined };
}

interface Job {
  readonly req: ReadRequest;
  readonly resolve: (wb: RawWorkbook) => void;
  readonly reject: (e: Error) => void;
}

const RECYCLE_AFTER_JOBS = 50;

class ReadWorkerHost {
  private worker: Worker | null = null;
  private workerMemoryMb = 0;
  private jobsDone = 0;
  private queue: Job[] = [];
  private current: Job | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;

  run(data: ArrayBuffer, fileName: string, limits: ReadLimits): Promise<RawWorkbook> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req: { id: this.nextId++, data, fileName, limits }, resolve, reject });
      this.pump();
    });
  }

  /** Starts the worker ahead of the first read (it loads exceljs), without keeping the process alive. */
  warmUp(limits: ReadLimits): void {
    if (this.worker || this.current) return;
    this.worker = this.spawn(limits.workerMemoryMb);
    this.worker.unref();
  }

  /** Stops the worker (idle or busy); a later read starts a new one. */
  async shutdown(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private spawn(memoryMb: number): Worker {
    const { code, execArgv } = workerScript();
    const w = new Worker(code, {
      eval: true,
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb >> 3)), stackSizeMb: 4 },
    });
    w.on('message', (res: ReadResponse) => this.onMessage(w, res));
    w.on('error', (e: Error) => this.onFailure(w, e));
    w.on('exit', (code) => this.onFailure(w, new Error(`worker exited with code ${code}`)));
    this.workerMemoryMb = memoryMb;
    this.jobsDone = 0;
    return w;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.current = job;
    const { limits } = job.req;
    if (this.worker && (this.workerMemoryMb !== limits.workerMemoryMb || this.jobsDone >= RECYCLE_AFTER_JOBS)) {
      void this.worker.terminate();
      this.worker = null;
    }
    if (!this.worker) this.worker = this.spawn(limits.workerMemoryMb);
    this.worker.ref();
    this.timer = setTimeout(() => this.onTimeout(), limits.timeoutMs);
    this.worker.postMessage(job.req, [job.req.data]);
  }

  private finish(): Job | null {
    const job = this.current;
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return job;
  }

  private onMessage(w: Worker, res: ReadResponse): void {
    if (w !== this.worker || !this.current || res.id !== this.current.req.id) return;
    const job = this.finish()!;
    this.jobsDone++;
    w.unref();
    if (res.ok) job.resolve(res.workbook);
    else job.reject(new UserError(res.code, res.message));
    this.pump();
  }

  private onTimeout(): void {
    const job = this.finish();
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    if (job) job.reject(xlsxError('XLSX_PARSE_TIMEOUT', job.req.fileName, String(Math.round(job.req.limits.timeoutMs / 100) / 10)));
    this.pump();
  }

  private onFailure(w: Worker, e: Error): void {
    if (w !== this.worker) return;
    this.worker = null;
    void w.terminate();
    const job = this.finish();
    if (job) {
      const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      job.reject(oom
        ? xlsxError('XLSX_PARSE_OUT_OF_MEMORY', job.req.fileName)
        : xlsxError('XLSX_PARSE_FAILED', job.req.fileName, `读取进程意外终止：${e.message.slice(0, 160)}`));
    }
    this.pump();
  }
}

const host = new ReadWorkerHost();

/**
 * Starts the read worker in the background so that the first import does not wait for it
 * (worker start + loading exceljs take a few hundred ms). Call when the app is idle after start.
 */
export function warmUpReadWorker(limits?: Partial<ReadLimits>): void {
  host.warmUp(resolveLimits(limits));
}

/** Stops the read worker (at app shutdown, or in tests). */
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
  const data = new ArrayBuffer(buf.byteLength);
  new Uint8Array(data).set(buf);
  return host.run(data, fileName, l);
}

function readFailure(e: unknown, fileName: string): UserError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const detail = code === 'ENOENT' ? '文件不存在'
    : code === 'EACCES' || code === 'EPERM' ? '没有读取权限'
      : code === 'EBUSY' ? '文件被其他程序占用'
        : code === 'EISDIR' ? '这是一个文件夹' : (code ?? '');
  return xlsxError('XLSX_READ_FAILED', fileName, detail);
}

/** Reads an xlsx file from disk; see readWorkbookBuffer. */
export async function readWorkbookFile(path: string, limits?: Partial<ReadLimits>): Promise<RawWorkbook> {
  const l = resolveLimits(limits);
  const fileName = basename(path);
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw readFailure(e, fileName);
  }
  if (size > l.maxFileBytes) throw xlsxError('XLSX_TOO_LARGE', fileName, `${mb(size)}，上限 ${mb(l.maxFileBytes)}`);
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw readFailure(e, fileName);
  }
  return readWorkbookBuffer(buf, fileName, l);
}
