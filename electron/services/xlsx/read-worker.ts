import { parentPort } from 'node:worker_threads';
import { isUserError } from '../../../shared/errors';
import { parseXlsxBuffer } from './parse-workbook';
import type { ReadRequest, ReadResponse } from './read-protocol';
import { xlsxError } from './xlsx-errors';

/**
 * Entry of the worker thread that parses untrusted xlsx files (started by read-workbook.ts with
 * memory limits and a timeout). Answers every request; only OOM or a hard crash go unanswered,
 * and the host turns those into user messages.
 */
async function handle(req: ReadRequest): Promise<ReadResponse> {
  try {
    const workbook = await parseXlsxBuffer(Buffer.from(req.data), req.fileName, req.limits);
    return { id: req.id, ok: true, workbook };
  } catch (e) {
    const err = isUserError(e) ? e : xlsxError('XLSX_PARSE_FAILED', req.fileName, (e as Error)?.message?.slice(0, 200) ?? String(e));
    return { id: req.id, ok: false, code: err.code, message: err.message };
  }
}

parentPort?.on('message', (req: ReadRequest) => {
  void handle(req).then((res) => parentPort?.postMessage(res));
});
