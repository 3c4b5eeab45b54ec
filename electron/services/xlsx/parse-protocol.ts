/** Messages between the xlsx read host (read-workbook.ts) and its parse child (parse-child.ts). */
import type { ReadLimits } from './limits';

/** Host → child: one file to parse. */
export interface ChildRequest {
  readonly id: number;
  /** What to parse: an xlsx workbook (default) or the text of a `.jxmb` project. */
  readonly kind?: 'xlsx' | 'jxmb';
  /** With kind 'jxmb': a bare project object without the `.jxmb` envelope is accepted too. */
  readonly plainProject?: boolean;
  /** The file bytes. */
  readonly data: Uint8Array;
  readonly fileName: string;
  readonly limits: ReadLimits;
  /** Where the child logs internal details (same file as the host). */
  readonly logFile?: string;
}

/**
 * Child → host: the RawWorkbook as UTF-8 JSON bytes (one buffer, parsed once by the host), or a
 * user error (code + Chinese message). `rssMb` is the child's resident memory after the job.
 */
export type ChildResponse =
  | { readonly id: number; readonly ok: true; readonly json: Uint8Array; readonly rssMb: number }
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string; readonly rssMb: number };
