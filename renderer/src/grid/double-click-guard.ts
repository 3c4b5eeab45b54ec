/**
 * Handsontable (Walkontable) counts two clicks on the same cell element within 500 ms as a
 * double click, even when the user pressed keys in between: click a cell, press Ctrl+Shift+=
 * (the selection stays there), click it again, and the second click opens the cell editor in
 * full edit mode, so the next shortcut or typed text goes into the editor (text is appended
 * to the old value). A real double click has no key press between its two clicks; this guard
 * refuses to open the editor from a "double click" that had one.
 */
export interface DoubleClickGuard {
  /** Starts counting key presses (window, capture phase); returns the detach function. */
  attach(): () => void;
  /** Handsontable `afterOnCellMouseDown`. */
  afterOnCellMouseDown(): void;
  /** For Handsontable `beforeBeginEditing`: false refuses a mouse-opened editor after a key press. */
  allowsOpening(event: unknown): boolean;
}

export function createDoubleClickGuard(): DoubleClickGuard {
  let keys = 0;
  // Key-press counts at the last two cell mousedowns.
  let downs: [number, number] = [-1, -1];
  const onKey = () => { keys++; };
  return {
    attach() {
      window.addEventListener('keydown', onKey, true);
      return () => window.removeEventListener('keydown', onKey, true);
    },
    afterOnCellMouseDown() {
      downs = [downs[1], keys];
    },
    allowsOpening(event) {
      return !(event instanceof MouseEvent) || downs[0] === downs[1];
    },
  };
}
