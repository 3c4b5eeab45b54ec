/**
 * Every use of Handsontable internals (not its public API) in the editor, in one place, each a
 * measured performance need with a contract test (tests/unit/renderer/hot-internals.test.ts, one
 * per touch, named as below). The module refuses to load on another Handsontable version: each
 * touch must be checked again before an upgrade.
 *
 * Touches:
 *  1. HEADER_CLASSES — Walkontable's `exportSettingsAsClassNames` (via `view._wt`) is wrapped.
 *  2. MERGE_CLEAR — `getCell` answers null while MergeCells' `clearCollections` runs.
 *  3. CELL_REPAINT — one cell rendered as Walkontable does (`_isBaseRendererCalled` chaining flag)
 *     and the next render made a fast draw (`forceFullRender = false`).
 */
import Handsontable from 'handsontable/base';
import type { GridCore } from './grid-types';

/** The Handsontable version these touches were checked against. */
export const CHECKED_HANDSONTABLE_VERSION = '18.1.1';

/** Names of the touches (the contract tests name them). */
export const INTERNAL_TOUCHES = ['HEADER_CLASSES', 'MERGE_CLEAR', 'CELL_REPAINT'] as const;

/** Throws (loudly, at start) unless `version` is the checked one. */
export function assertHandsontableVersion(version: string | undefined): void {
  if (version === CHECKED_HANDSONTABLE_VERSION) return;
  throw new Error(`表格组件版本不符：本程序按 Handsontable ${CHECKED_HANDSONTABLE_VERSION} 编写，实际为 ${version ?? '未知'}。` +
    '请先核对 renderer/src/grid/hot-internals.ts 中每一处内部用法及其测试，再升级。');
}

assertHandsontableVersion(Handsontable.version);

const hot = (core: GridCore) => core as unknown as Handsontable;

/**
 * 1. HEADER_CLASSES. Every updateSettings call makes Walkontable remove and re-add the
 * `htRowHeaders` / `htColumnHeaders` classes on the grid wrapper, which invalidates the style of
 * every cell and makes the next measurement lay the whole grid out again. The headers never change
 * here: once the classes are in place, keep them.
 */
export function keepHeaderClassNames(core: GridCore): void {
  const wt = (hot(core) as unknown as { view?: { _wt?: { exportSettingsAsClassNames?: () => void; wtTable?: { wtRootElement?: HTMLElement } } } }).view?._wt;
  const exportClasses = wt?.exportSettingsAsClassNames;
  if (!wt || typeof exportClasses !== 'function') return;
  wt.exportSettingsAsClassNames = function keepClasses() {
    const wrapper = wt.wtTable?.wtRootElement?.parentElement;
    if (wrapper?.classList.contains('htRowHeaders') && wrapper.classList.contains('htColumnHeaders')) return;
    exportClasses.call(wt);
  };
}

/**
 * 2. MERGE_CLEAR. MergeCells.clearCollections (cell meta of the old merges and the merge list)
 * without the DOM reset its collection's clear() does: that writes rowspan/colspan/display on every
 * TD of every old merge, so the size check inside the updateSettings that follows lays out the
 * whole un-merged OLD grid. The full render after a structural update sets every rendered TD's
 * spans (MergeCells' afterRenderer), so the reset is not needed; clear() finds the TDs through
 * hot.getCell, which answers null meanwhile.
 */
export function clearMergesKeepingCells(core: GridCore): void {
  const instance = hot(core);
  const own = Object.prototype.hasOwnProperty.call(instance, 'getCell');
  const getCell = instance.getCell;
  instance.getCell = () => null;
  try {
    instance.getPlugin('mergeCells').clearCollections();
  } finally {
    if (own) instance.getCell = getCell;
    else delete (instance as { getCell?: unknown }).getCell;
  }
}

/**
 * 3. CELL_REPAINT. Renders one cell again the way Walkontable's table renderer does (class reset,
 * renderer then base renderer unless that one chained it — the `_isBaseRendererCalled` flag on the
 * cell meta, which must end up reset — and the before/afterRenderer hooks).
 */
export function repaintCell(core: GridCore, td: HTMLTableCellElement, row: number, col: number): void {
  const instance = hot(core);
  if (!td.classList.contains('hide')) td.className = '';
  td.removeAttribute('style');
  td.removeAttribute('dir');
  const meta = instance.getCellMeta(row, col);
  const prop = instance.colToProp(col);
  const value: unknown = instance.getDataAtCell(row, col);
  const args = [instance, td, row, col, prop, value, meta] as const;
  instance.runHooks('beforeRenderer', td, row, col, prop, value, meta);
  const flagged = meta as { _isBaseRendererCalled?: boolean };
  try {
    instance.getCellRenderer(meta)(...args);
    if (!flagged._isBaseRendererCalled) instance.getCellRenderer({ renderer: 'base' } as Handsontable.CellMeta)(...args);
  } finally {
    flagged._isBaseRendererCalled = false;
  }
  instance.runHooks('afterRenderer', td, row, col, prop, value, meta);
}

/**
 * 3. CELL_REPAINT (cont.). Whether the next render redraws every cell of the viewport (true) or
 * only the selection and overlays (a fast draw: the changed cells were repainted by repaintCell).
 */
export function setFullRender(core: GridCore, full: boolean): void {
  (hot(core) as unknown as { forceFullRender: boolean }).forceFullRender = full;
}
