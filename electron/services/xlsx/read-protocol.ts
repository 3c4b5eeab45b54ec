import type { RawWorkbook } from '../../../shared/xlsx/raw';
import type { ReadLimits } from './limits';

/** Message from the main thread to the read worker. */
export interface ReadRequest {
  readonly id: number;
  /** The file bytes (transferred). */
  readonly data: ArrayBuffer;
  readonly fileName: string;
  readonly limits: ReadLimits;
}

/** Answer of the read worker: the workbook, or a user error (code + Chinese message). */
export type ReadResponse =
  | { readonly id: number; readonly ok: true; readonly workbook: RawWorkbook }
  | {
    readonly id: number; readonly ok: false; readonly code: string; readonly message: string;
    /** Internal cause (library exception and stack) for the log file, never for the user. Optional: added compatibly. */
    readonly internal?: string;
  };
