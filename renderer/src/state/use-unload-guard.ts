/**
 * Closing the page with unsaved work asks first where the editor is not an Electron window
 * (browser mode): the browser's own leave-page prompt on Ctrl+W or the tab's ×, since a page
 * cannot show its own dialog there. The in-app 退出 asks 保存 / 不保存 / 取消 (use-file-actions) and
 * then lets the page go (allowUnload). Electron asks through app:closeRequested instead.
 */
import { useEffect } from 'react';

let allowed = false;

/** After the user answered the in-app close prompt: the page may unload without asking again. */
export function allowUnload(): void {
  allowed = true;
}

export function useUnloadGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty || window.jxmb?.config) return undefined;
    allowed = false;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (allowed) return;
      e.preventDefault();
      // (Older Chromium needs returnValue set to show the prompt.)
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
