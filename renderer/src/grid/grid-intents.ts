/**
 * Gestures that become the shell's intents outside the cell editor's own work (kept apart from the
 * grid's rendering and sync): 粘贴 from a menu, and a dragged column width in Excel units.
 */
import { readClipboardBlock } from './clipboard';
import type { GridCore, GridEvents } from './grid-types';

/** 粘贴 from a menu: the async clipboard API (the browser may refuse; then say to use Ctrl+V). */
export async function pasteFromMenu(instance: GridCore, events: GridEvents): Promise<void> {
  const at = instance.getSelectedRangeLast()?.getTopStartCorner();
  if (!at) { events.onRefused('请先选中要粘贴到的单元格。'); return; }
  const block = await readClipboardBlock();
  if (!block) events.onRefused('无法读取剪贴板（浏览器未允许）。请选中单元格后按 Ctrl+V 粘贴。');
  else if (block.length > 0) events.onPaste(Math.max(0, at.row ?? 0), Math.max(0, at.col ?? 0), block);
  instance.listen();
}

/** A dragged column width (pixels at the grid's zoom) in Excel character units. */
export function columnWidthChars(root: HTMLElement, newSize: number): number {
  const zoom = Number(root.closest<HTMLElement>('.grid-host')?.style.getPropertyValue('--grid-zoom')) || 1;
  return (newSize / zoom - 10) / 8;
}
