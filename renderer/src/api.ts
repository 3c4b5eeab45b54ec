/** The renderer's access to the desktop shell: the preload bridge `window.jxmb` and unwrapping its IPC results. */
import type { IpcResult, JxmbApi } from '../../shared/ipc';

/** The preload API; throws a clear message when the page runs outside the desktop shell. */
export function api(): JxmbApi {
  const bridge = window.jxmb;
  if (!bridge) throw new Error('未连接到桌面程序（window.jxmb 不存在）。');
  return bridge;
}

/** Unwraps an IPC result: the value, or throws an Error carrying the Chinese message and code. */
export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw Object.assign(new Error(result.error.message), { code: result.error.code });
}
