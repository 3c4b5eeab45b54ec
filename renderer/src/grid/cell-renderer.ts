/**
 * The grid's one cell renderer (display text as TEXT, finding marks); the engine's text renderer is
 * passed in by hot-adapter.ts.
 */
import { cellIndex } from '../../../shared/layout/cell-index';
import type { SheetLayout } from '../../../shared/layout/types';
import type { CellMark } from './grid-data';

/** What the renderer reads on every paint (kept in a ref by GridView). */
export interface RenderState {
  layout: SheetLayout;
  marks: Map<string, CellMark>;
}

/** A cell renderer in the engine's calling convention (instance, TD, row, col, prop, value, meta). */
export type CellRenderer = (instance: never, td: HTMLTableCellElement, row: number, col: number, prop: string | number, value: unknown, meta: never) => void;

/**
 * The one cell renderer of the grid: shows the layout's display text (with 「指标N:」 prefixes,
 * irregular amounts…) as TEXT through Handsontable's text renderer (textContent, never
 * innerHTML, so `<img onerror=…>` from an imported file stays text), then adds the finding
 * mark (red error / orange warning) and the messages as the hover title.
 */
export function makeCellRenderer(state: () => RenderState, textRenderer: CellRenderer): CellRenderer {
  return function jxmbCellRenderer(instance, td, row, col, prop, _value, cellProperties) {
    const { layout, marks } = state();
    const cell = cellIndex(layout).at(row, col);
    const text = cell && cell.row === row && cell.col === col ? cell.text : '';
    textRenderer(instance, td, row, col, prop, text, cellProperties);
    const mark = marks.get(`${row},${col}`);
    if (mark) {
      td.classList.add(mark.severity === 'error' ? 'jx-mark-error' : mark.severity === 'warning' ? 'jx-mark-warning' : 'jx-mark-info');
      td.title = mark.messages.join('\n');
    } else if (td.title) {
      td.removeAttribute('title');
    }
  };
}
