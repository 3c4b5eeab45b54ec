/** Output streams of a CLI command, injectable for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * Exit codes shared by all commands: 0 ok, 1 findings at error level (validate), 2 unreadable
 * input or bad usage, 3 an import that could not read a column of indicator content (partial).
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;
export const EXIT_PARTIAL = 3;

/** A subcommand of `jxmb`: `electron/cli/<name>.command.ts` exports one. */
export interface CliCommand {
  readonly name: string;
  /** One line of Chinese help. */
  readonly summary: string;
  /** Usage line, e.g. `jxmb inspect <file.xlsx|file.jxmb> [--json]`. */
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}
