/**
 * The grid as a React component: a host element whose grid engine is mounted, updated and disposed
 * through the adapter (hot-adapter.ts). Shows a SheetLayout (same merges, widths, texts and look
 * as the printed form) and turns every edit into a callback; the grid never owns the document.
 */
import { forwardRef, memo, useImperativeHandle, useLayoutEffect, useRef, type CSSProperties } from 'react';
import type { SheetLayout } from '../../../shared/layout/types';
import type { Finding } from '../../../shared/validation/types';
import type { GridEvents, GridHandle } from './grid-types';
import { mountGrid, type GridAdapter } from './hot-adapter';

export type { GridEditor, GridHandle, GridSelection, RowAction } from './grid-types';

export interface GridViewProps extends GridEvents {
  readonly layout: SheetLayout;
  readonly findings: readonly Finding[];
  /** Grid-only zoom (1 = 100%): column widths, row heights and text scale; the window does not. */
  readonly zoom: number;
}

/**
 * Mounted once; each new layout/findings/zoom is pushed into the adapter from a layout effect (so
 * an edit is on screen in the frame of its key press). Callbacks are read from the latest props.
 */
export const GridView = memo(forwardRef<GridHandle, GridViewProps>(function GridView(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const adapter = useRef<GridAdapter | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;

  useLayoutEffect(() => {
    const p = propsRef.current;
    const grid = mountGrid(host.current!, { layout: p.layout, findings: p.findings, zoom: p.zoom }, () => propsRef.current);
    adapter.current = grid;
    return () => {
      adapter.current = null;
      grid.dispose();
    };
  }, []);

  useLayoutEffect(() => { adapter.current?.update(props.layout, props.findings); }, [props.layout, props.findings]);
  useLayoutEffect(() => { adapter.current?.setZoom(props.zoom); }, [props.zoom]);

  useImperativeHandle(ref, () => ({
    isEditing: () => adapter.current?.isEditing() ?? false,
    selection: () => adapter.current?.selection() ?? null,
    selectCell: (row, col) => adapter.current?.selectCell(row, col),
    selectOnNextUpdate: (cell) => adapter.current?.selectOnNextUpdate(cell),
    focus: () => adapter.current?.focus(),
    activeEditor: () => adapter.current?.activeEditor() ?? null,
    scrollToTop: () => adapter.current?.scrollToTop(),
    pasteFromClipboard: async () => adapter.current?.pasteFromClipboard(),
  }), []);

  return <div ref={host} className="grid-host" data-testid="grid" style={{ '--grid-zoom': props.zoom } as CSSProperties} />;
}));
