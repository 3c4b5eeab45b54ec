/**
 * The grid settings that turn Excel-style gestures into the shell's intents (kept apart from
 * GridView's rendering and sync): keys (grid-keys.ts), dragged column widths, and 粘贴 from a menu.
 */
import type Handsontable from 'handsontable/base';
import type { SheetLayout } from '../../../shared/layout/types';
import { readClipboardBlock } from './clipboard';
import { handleGridKey } from './grid-keys';
import type { GridViewProps } from './GridView';

/** 粘贴 from a menu: the async clipboard API (the browser may refuse; then say to use Ctrl+V). */
export async function pasteFromMenu(instance: Handsontable, props: GridViewProps): Promise<void> {
  const at = instance.getSelectedRangeLast()?.getTopStartCorner();
  if (!at) { props.onRefused('请先选中要粘贴到的单元格。'); return; }
  const block = await readClipboardBlock();
  if (!block) props.onRefused('无法读取剪贴板（浏览器未允许）。请选中单元格后按 Ctrl+V 粘贴。');
  else if (block.length > 0) props.onPaste(Math.max(0, at.row ?? 0), Math.max(0, at.col ?? 0), block);
  instance.listen();
}

/** Handsontable settings for keys and column resizing; `props()` and `layout()` give the current ones. */
export function intentSettings(props: () => GridViewProps, layout: () => SheetLayout): Pick<Handsontable.GridSettings, 'manualColumnResize' | 'afterColumnResize' | 'beforeKeyDown'> {
  return {
    // Column widths belong to the table's layout (saved, printed, exported): a drag becomes a
    // command, and the plugin's own remembered width is dropped so the layout's width rules.
    manualColumnResize: true,
    afterColumnResize(newSize, column) {
      const instance = this as unknown as Handsontable;
      const zoom = Number(instance.rootElement.closest<HTMLElement>('.grid-host')?.style.getPropertyValue('--grid-zoom')) || 1;
      const chars = (newSize / zoom - 10) / 8;
      queueMicrotask(() => {
        props().onColumnResize(column, chars);
        (instance.getPlugin('manualColumnResize') as { clearManualSize(c: number): void }).clearManualSize(column);
        instance.render();
      });
    },
    beforeKeyDown(event) {
      return handleGridKey(this as unknown as Handsontable, layout(), event, props());
    },
  };
}
