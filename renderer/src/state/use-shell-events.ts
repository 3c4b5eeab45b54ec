/**
 * Subscribes the editor to the desktop shell's events: start-up recovery offer, recent files,
 * close requests, files opened by the OS and native menu commands.
 */
import { useEffect, type MutableRefObject } from 'react';
import type { MenuCommand, RecentFile } from '../../../shared/ipc';
import type { MenuHandlers } from '../app-menus';
import type { DialogAnswer, DialogSpec } from '../dialogs/dialog-types';

type Ask = <S extends DialogSpec>(spec: S) => Promise<DialogAnswer<S['kind']>>;

const MENU_TO_HANDLER: Record<MenuCommand, keyof MenuHandlers> = {
  'file:new': 'newProject', 'file:open': 'open', 'file:save': 'save', 'file:saveAs': 'saveAs', 'file:importXlsx': 'importXlsx',
  'file:exportXlsx': 'exportXlsx', 'file:fillSource': 'fillSource', 'file:fillTemplate': 'fillTemplate', 'file:exportPdf': 'exportPdf', 'file:print': 'print', 'file:exportDocument': 'exportDocument',
  'edit:department': 'editDepartment',
  'edit:undo': 'undo', 'edit:redo': 'redo', 'edit:find': 'find', 'edit:replace': 'replace', 'edit:deleteIndicator': 'deleteRows',
  'insert:indicatorAbove': 'insertAbove', 'insert:indicatorBelow': 'insertBelow', 'insert:table': 'addTable',
  'view:validationPanel': 'togglePanel', 'view:printPreview': 'print',
  'file:newFromLastYear': 'newFromLastYear', 'file:importLibrary': 'importLibrary', 'file:exportLibrary': 'exportLibrary',
  'view:libraryPanel': 'libraryPanel',
};

/**
 * Start-up and main-process events: recent files, the recovery offer after a crash, the
 * close request (asks about unsaved changes), files opened by the OS, and native menu commands.
 */
export function useShellEvents(
  handlers: MutableRefObject<MenuHandlers>,
  openProject: (path?: string) => Promise<void>,
  closeWindow: () => Promise<void>,
  restore: (sessionId: string) => Promise<void>,
  ask: Ask,
  setRecent: (r: RecentFile[]) => void,
): void {
  useEffect(() => {
    const bridge = window.jxmb;
    if (!bridge) return;
    let cancelled = false;
    void (async () => {
      const recent = await bridge.listRecent().catch(() => null);
      if (!cancelled && recent?.ok) setRecent(recent.value);
      const offers = await bridge.checkRecovery().catch(() => null);
      if (cancelled || !offers?.ok || offers.value.length === 0) return;
      const answer = await ask({ kind: 'recovery', offers: offers.value });
      if (answer.restore) await restore(answer.restore);
      for (const id of answer.discard) void bridge.discardRecovery({ sessionId: id });
    })();
    const offs = [
      bridge.on('app:closeRequested', () => void closeWindow()),
      bridge.on('file:openRequested', ({ path }) => void openProject(path)),
      bridge.on('menu:command', ({ command }) => {
        const key = MENU_TO_HANDLER[command];
        if (key) (handlers.current[key] as () => void)();
      }),
    ];
    return () => { cancelled = true; offs.forEach((off) => off()); };
  }, []);
}
