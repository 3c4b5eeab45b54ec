import { parentPort } from 'node:worker_threads';
import { isUserError } from '../../../shared/errors';
import { ParseFailure, parseWorkbookBuffer } from './parse-workbook';
import type { ReadRequest, ReadResponse } from './read-protocol';
import { xlsxError } from './xlsx-errors';

/**
 * Entry of the worker thread that parses untrusted workbook files (any format, parse-workbook.ts) (started by read-workbook.ts with
 * memory limits and a timeout). Answers every request; only OOM or a hard crash go unanswered,
 * and the host turns those into user messages.
 */
async function handle(req: ReadRequest): Promise<ReadResponse> {
  try {
    const workbook = parseWorkbookBuffer(Buffer.from(req.data), req.fileName, req.limits);
    return { id: req.id, ok: true, workbook };
  } catch (e) {
    if (e instanceof ParseFailure) return { id: req.id, ok: false, code: e.code, message: e.userMessage, internal: e.internal };
    if (isUserError(e)) return { id: req.id, ok: false, code: e.code, message: e.message };
    const err = xlsxError('XLSX_PARSE_FAILED', req.fileName);
    return { id: req.id, ok: false, code: err.code, message: err.message, internal: (e as Error)?.stack?.slice(0, 2000) ?? String(e) };
  }
}

parentPort?.on('message', (req: ReadRequest) => {
  void handle(req).then((res) => parentPort?.postMessage(res));
});
