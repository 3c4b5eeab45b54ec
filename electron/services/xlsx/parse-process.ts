/**
 * How the xlsx parse child is started. In Node (CLI, tests, browser mode) it is a
 * child_process.fork; the Electron main process installs a launcher built on utilityProcess
 * (the RunAsNode fuse is off, so forking the Electron binary as Node is not possible there).
 * Either way the host sees the same small interface.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildRequest, ChildResponse } from './parse-protocol';

/** A running parse child as the host sees it. */
export interface ParseProcess {
  readonly pid: number | undefined;
  send(req: ChildRequest): void;
  onMessage(cb: (res: ChildResponse) => void): void;
  /** Called once when the process has ended (exit code or signal). */
  onExit(cb: (code: number | null, signal: string | null) => void): void;
  kill(): void;
  /** Let the host process exit while this child idles (ref() undoes it during a job). */
  unref(): void;
  ref(): void;
}

/** Starts a child running `script` with the given V8 flags. */
export type ParseLauncher = (script: string, execArgv: readonly string[]) => ParseProcess;

/** The child entry script next to this file: compiled JS in dist/, TypeScript in tests. */
export function childScript(): { script: string; execArgv: string[] } {
  const js = path.join(__dirname, 'parse-child.js');
  if (fs.existsSync(js)) return { script: js, execArgv: [] };
  return { script: path.join(__dirname, 'parse-child.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

/** The Node launcher: child_process.fork with the binary IPC channel (buffers are not re-encoded). */
export const nodeLauncher: ParseLauncher = (script, execArgv) => {
  const child = fork(script, [], {
    execArgv: [...execArgv],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  // The child's stderr (V8's own OOM report, a native crash) goes to the log, never to the user.
  const errChunks: Buffer[] = [];
  child.stderr?.on('data', (b: Buffer) => {
    if (errChunks.length < 64) errChunks.push(b);
  });
  child.on('error', () => undefined);
  return {
    pid: child.pid,
    send: (req) => {
      child.send(req, (err) => {
        if (err) child.kill('SIGKILL');
      });
    },
    onMessage: (cb) => child.on('message', (m) => cb(m as ChildResponse)),
    onExit: (cb) => child.once('exit', (code, signal) => cb(code, signal ?? (errChunks.length ? `stderr:${Buffer.concat(errChunks).toString('utf8').slice(0, 2000)}` : null))),
    kill: () => child.kill('SIGKILL'),
    unref: () => {
      child.unref();
      (child.channel as { unref?: () => void } | undefined)?.unref?.();
      (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    },
    ref: () => {
      child.ref();
      (child.channel as { ref?: () => void } | undefined)?.ref?.();
      (child.stderr as unknown as { ref?: () => void } | null)?.ref?.();
    },
  };
};

let launcher: ParseLauncher = nodeLauncher;

/** Replaces the launcher (the Electron main process installs its utilityProcess launcher). */
export function setParseLauncher(next: ParseLauncher): void {
  launcher = next;
}

/** The launcher in use. */
export function currentLauncher(): ParseLauncher {
  return launcher;
}

/** Resident memory of another process in MB from /proc (Linux), or null where unavailable. */
export function procRssMb(pid: number | undefined): number | null {
  if (!pid || process.platform !== 'linux') return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
