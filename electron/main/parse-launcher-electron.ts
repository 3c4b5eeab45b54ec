/**
 * The xlsx parse child inside Electron: a utilityProcess (a Node process started by Electron
 * itself). child_process.fork of the Electron binary would need ELECTRON_RUN_AS_NODE, which the
 * RunAsNode fuse turns off. Installed by main.ts at start; the host logic stays in
 * electron/services/xlsx/read-workbook.ts (tested in Node with the fork launcher).
 */
import { utilityProcess } from 'electron';
import type { ParseLauncher } from '../services/xlsx/parse-process';
import type { ChildResponse } from '../services/xlsx/parse-protocol';

export const electronParseLauncher: ParseLauncher = (script, execArgv) => {
  const child = utilityProcess.fork(script, [], { execArgv: [...execArgv], serviceName: 'jxmb-xlsx-reader', stdio: 'ignore' });
  let killed = false;
  return {
    get pid() {
      return child.pid;
    },
    send: (req) => child.postMessage(req),
    onMessage: (cb) => child.on('message', (m: unknown) => cb(m as ChildResponse)),
    // utilityProcess reports only an exit code: a kill by the host or by the child's own
    // memory watchdog is reported as SIGKILL so the host shows 「内存不足」 / the timeout message.
    onExit: (cb) => child.once('exit', (code: number) => cb(code, killed || code === 137 || code === 9 ? 'SIGKILL' : null)),
    kill: () => {
      killed = true;
      child.kill();
    },
    unref: () => undefined,
    ref: () => undefined,
  };
};
