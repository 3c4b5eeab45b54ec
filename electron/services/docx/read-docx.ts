/**
 * Public entry for reading an untrusted .docx 绩效文本 into a DocxBody: sniffed in the calling
 * thread (a Word 97 .doc / encrypted file gets its message at once), then unpacked and parsed in a
 * worker thread with a heap limit and a wall-clock timeout (one worker per read: documents are
 * read seldom), like the xlsx reader (electron/services/xlsx/read-workbook.ts). Limits are the
 * xlsx ReadLimits.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../../shared/errors';
import type { DocxBody } from '../../../shared/docx/types';
import { cfbStreamNames, isCfb } from '../xlsx/cfb';
import { resolveLimits, type ReadLimits } from '../xlsx/limits';
import { mb } from '../xlsx/xlsx-errors';
import { docxError } from './docx-errors';
import type { DocxReadRequest, DocxReadResponse } from './docx-worker';

/**
 * True when a file is a Word document (to be read here rather than as a workbook): a CFB file
 * holding a `WordDocument` stream (Word 97 .doc), a zip whose directory names `word/document.xml`,
 * or any file named .doc / .docx / .docm. Reads at most the head and the last 64 KB.
 */
export async function isWordDocumentFile(path: string): Promise<boolean> {
  if (/\.(docx?|docm)$/i.test(path)) return true;
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 8));
    await handle.read(head, 0, head.length, 0);
    if (isCfb(head)) {
      if (size > 64 * 1024 * 1024) return false;
      const all = await handle.readFile();
      try {
        return cfbStreamNames(all).includes('WordDocument');
      } catch {
        return false;
      }
    }
    if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) return false;
    const tailLength = Math.min(size, 64 * 1024);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    return tail.includes('word/document.xml');
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * Fast checks in the calling thread.
 * @throws UserError DOCX_EMPTY_FILE, DOCX_LEGACY_DOC (Word 97 .doc → 「请另存为 .docx」), DOCX_ENCRYPTED, DOCX_NOT_WORD, DOCX_TOO_LARGE.
 */
export function sniffDocx(buf: Buffer, fileName: string, limits: ReadLimits): void {
  if (buf.length === 0) throw docxError('DOCX_EMPTY_FILE', fileName);
  if (buf.length > limits.maxFileBytes) throw docxError('DOCX_TOO_LARGE', fileName, `${mb(buf.length)}，上限 ${mb(limits.maxFileBytes)}`);
  if (isCfb(buf)) {
    let names: string[] = [];
    try {
      names = cfbStreamNames(buf);
    } catch {
      names = [];
    }
    if (names.includes('EncryptedPackage')) throw docxError('DOCX_ENCRYPTED', fileName);
    throw docxError('DOCX_LEGACY_DOC', fileName);
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) {
    const text = buf.subarray(0, 256).toString('utf8').trimStart();
    const hint = text.startsWith('{\\rtf') ? 'RTF 格式文档，请在 Word/WPS 中另存为 .docx 后再导入'
      : /^<(\?xml|html|!doctype)/i.test(text) ? '网页或 XML 格式文档，请在 Word/WPS 中另存为 .docx 后再导入' : '';
    throw docxError('DOCX_NOT_WORD', fileName, hint);
  }
}

function workerCode(): { code: string; execArgv?: string[] } {
  const fromSource = __filename.endsWith('.ts');
  const file = join(__dirname, fromSource ? 'docx-worker.ts' : 'docx-worker.js');
  return { code: `require(${JSON.stringify(file)});`, execArgv: fromSource ? ['--require', 'tsx/cjs'] : undefined };
}

/**
 * Reads .docx bytes into a DocxBody (see the module comment).
 * @throws UserError with a DOCX_* code on anything unreadable, DOCX_PARSE_TIMEOUT after `limits.timeoutMs`.
 */
export async function readDocxBuffer(buf: Buffer, fileName: string, limits?: Partial<ReadLimits>): Promise<DocxBody> {
  const l = resolveLimits(limits);
  sniffDocx(buf, fileName, l);
  const data = new ArrayBuffer(buf.byteLength);
  new Uint8Array(data).set(buf);
  const { code, execArgv } = workerCode();
  const worker = new Worker(code, {
    eval: true,
    execArgv,
    resourceLimits: { maxOldGenerationSizeMb: l.workerMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, l.workerMemoryMb >> 3)), stackSizeMb: 4 },
  });
  try {
    const res = await new Promise<DocxReadResponse>((resolve, reject) => {
      const timer = setTimeout(() => reject(docxError('DOCX_PARSE_TIMEOUT', fileName, String(Math.round(l.timeoutMs / 100) / 10))), l.timeoutMs);
      worker.once('message', (m: DocxReadResponse) => {
        clearTimeout(timer);
        resolve(m);
      });
      worker.once('error', (e: Error) => {
        clearTimeout(timer);
        const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(docxError(oom ? 'DOCX_TOO_LARGE' : 'DOCX_PARSE_FAILED', fileName, oom ? '读取时内存不足' : e.message.slice(0, 160)));
      });
      worker.once('exit', (c) => {
        clearTimeout(timer);
        reject(docxError('DOCX_PARSE_FAILED', fileName, `读取进程意外终止（${c}）`));
      });
      const req: DocxReadRequest = { data, fileName, limits: l };
      worker.postMessage(req, [data]);
    });
    if (!res.ok) throw new UserError(res.code, res.message);
    return res.body;
  } finally {
    void worker.terminate();
  }
}

/** Reads a .docx file from disk; see readDocxBuffer. */
export async function readDocxFile(path: string, limits?: Partial<ReadLimits>): Promise<DocxBody> {
  const l = resolveLimits(limits);
  const fileName = basename(path);
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw docxError('DOCX_READ_FAILED', fileName, '这是一个文件夹');
    if (st.size > l.maxFileBytes) throw docxError('DOCX_TOO_LARGE', fileName, `${mb(st.size)}，上限 ${mb(l.maxFileBytes)}`);
    return await readDocxBuffer(await readFile(path), fileName, l);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException)?.code;
    throw docxError('DOCX_READ_FAILED', fileName, code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : (code ?? ''));
  }
}
