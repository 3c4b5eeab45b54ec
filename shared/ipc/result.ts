/**
 * The result envelope of every IPC call: `invoke` loses error types across the process
 * boundary, so handlers never throw to the renderer; they answer with this shape.
 */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** An error for the user: a stable English `code` and a Simplified Chinese `message`. */
export interface IpcError {
  readonly code: string;
  readonly message: string;
}

/** Wraps a value as a success. */
export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** Wraps an error as a failure. */
export function fail<T = never>(code: string, message: string): IpcResult<T> {
  return { ok: false, error: { code, message } };
}
