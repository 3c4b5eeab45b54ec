/**
 * Entry of the worker thread that reads untrusted .docx files (started by read-docx.ts with a
 * heap limit and a timeout): unpack (unpack-docx.ts), parse (parse-docx-xml.ts), answer with the
 * body or a user error. Only OOM or a hard crash go unanswered; the host turns those into messages.
 */
import { parentPort } from 'node:worker_threads';
import { isUserError } from '../../../shared/errors';
import type { DocxBody } from '../../../shared/docx/types';
import type { ReadLimits } from '../xlsx/limits';
import { docxError } from './docx-errors';
import { parseDocumentXml } from './parse-docx-xml';
import { unpackDocumentXml } from './unpack-docx';

/** Request to the worker. */
export interface DocxReadRequest {
  readonly data: ArrayBuffer;
  readonly fileName: string;
  readonly limits: ReadLimits;
}

/** Answer of the worker. */
export type DocxReadResponse =
  | { readonly ok: true; readonly body: DocxBody }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** Reads one document (also callable in-thread, for tests). */
export function readDocxBytes(req: DocxReadRequest): DocxReadResponse {
  try {
    const xml = unpackDocumentXml(new Uint8Array(req.data), req.fileName, req.limits);
    let body: DocxBody;
    try {
      body = parseDocumentXml(xml, { maxRows: req.limits.maxRows, maxCols: req.limits.maxCols, maxBlocks: 100_000 });
    } catch (e) {
      throw docxError('DOCX_CORRUPT', req.fileName, `XML 无效：${(e as Error).message.slice(0, 120)}`);
    }
    return { ok: true, body };
  } catch (e) {
    const err = isUserError(e) ? e : docxError('DOCX_PARSE_FAILED', req.fileName, (e as Error)?.message?.slice(0, 200) ?? String(e));
    return { ok: false, code: err.code, message: err.message };
  }
}

parentPort?.once('message', (req: DocxReadRequest) => {
  parentPort?.postMessage(readDocxBytes(req));
});
