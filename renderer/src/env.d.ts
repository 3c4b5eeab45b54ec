/// <reference types="vite/client" />
import type { JxmbApi } from '../../shared/ipc';

declare global {
  /** Handsontable licence key, injected at build time from JXMB_HOT_LICENSE. */
  const __JXMB_HOT_LICENSE__: string;
  interface Window {
    /** The narrow API the preload exposes (typed by shared/ipc). */
    readonly jxmb?: JxmbApi;
  }
}
export {};
