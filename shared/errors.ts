/**
 * An error meant for the user: `message` is Simplified Chinese and says what is wrong and
 * where (file, sheet, cell); `code` is a stable English identifier for tests and IPC.
 * Anything else thrown is a bug.
 */
export class UserError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

/** True for errors carrying a user-facing Chinese message. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof Error && (e as UserError).name === 'UserError' && typeof (e as UserError).code === 'string';
}
