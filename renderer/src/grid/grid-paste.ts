/**
 * Ctrl+V on the grid: the clipboard's HTML or text is read here (blockFromClipboard), not by
 * Handsontable's CopyPaste parser, which keeps Excel's cell markup literally
 * (`2<br style="mso-data-placement:same-cell">次`). While a cell editor is open the paste goes
 * to the editor as usual.
 */
import { blockFromClipboard } from './clipboard';
import type { GridCore } from './grid-types';

/** Listens for paste events aimed at the grid; returns the detach function. */
export function attachGridPaste(instance: GridCore, onPaste: (row: number, col: number, block: string[][]) => void): () => void {
  const onEvent = (e: ClipboardEvent) => {
    if (instance.isDestroyed || !instance.isListening() || instance.getActiveEditor()?.isOpened()) return;
    const target = e.target as Node | null;
    if (target && target !== document.body && !instance.rootElement.contains(target) && !document.activeElement?.classList.contains('handsontableInput')) return;
    const range = instance.getSelectedRangeLast();
    const data = e.clipboardData;
    if (!range || !data) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const block = blockFromClipboard({ html: data.getData('text/html'), text: data.getData('text/plain') });
    const from = range.getTopStartCorner();
    if (block.length > 0) onPaste(Math.max(0, from.row ?? 0), Math.max(0, from.col ?? 0), block);
  };
  window.addEventListener('paste', onEvent, true);
  return () => window.removeEventListener('paste', onEvent, true);
}
