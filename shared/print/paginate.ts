/**
 * Splitting one table layout into printed pages: per-page row heights and the page-break rule
 * (whole rows, repeated matrix header, room for the signature). Measuring rows is geometry.ts's job.
 */
import type { SheetLayout } from '../layout/types';
import type { RowMetrics } from './geometry';
import type { PrintedRow } from './types';

/**
 * Printed heights of the rows of one page: the base height of every row, then each merged cell
 * clipped to the page grows the last of its rows on this page when its text needs more (the same
 * rule as `estimateRowHeights`, applied per page because a 一级 label re-emitted on a
 * continuation page may cover only one or two rows there).
 */
export function pageRowHeights(rows: readonly number[], metrics: RowMetrics): number[] {
  const heights = rows.map((r) => metrics.base[r]);
  for (const { cell, needMm } of metrics.spans) {
    const end = cell.row + cell.rowspan - 1;
    let first = -1;
    let last = -1;
    rows.forEach((r, i) => {
      if (r >= cell.row && r <= end) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first < 0) continue;
    let have = 0;
    for (let i = first; i <= last; i++) have += heights[i];
    if (needMm > have) heights[last] += needMm - have;
  }
  return heights;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Splits the rows of one table layout into pages of at most `capacityMm` (DOMAIN.md §6):
 * whole rows only (no row is cut); every page after the one holding the matrix header row starts
 * with that row again (`repeated: true`); a page never ends on the matrix header row itself; the
 * last page keeps `lastPageExtraMm` free (signature lines). A row taller than a whole page is
 * placed alone. Merged cells crossing a break are re-emitted by the HTML writer with the remaining
 * rowspan, so a 一级/二级 label is repeated on the continuation page.
 */
export function paginateRows(
  layout: SheetLayout,
  metrics: RowMetrics,
  capacityMm: number,
  lastPageExtraMm = 0,
): PrintedRow[][] {
  const header = layout.matrixHeaderRow;
  const lastRow = layout.rowCount - 1;
  const pages: number[][] = [];
  let current: number[] = [];
  let fresh = 0;
  for (let r = 0; r <= lastRow; r++) {
    const candidate = [...current, r];
    const extra = r === lastRow ? lastPageExtraMm : 0;
    if (fresh === 0 || sum(pageRowHeights(candidate, metrics)) + extra <= capacityMm) {
      current = candidate;
      fresh++;
      continue;
    }
    if (current[current.length - 1] === header && fresh > 1) current.pop();
    pages.push(current);
    current = r > header ? [header, r] : [r];
    fresh = 1;
  }
  if (current.length > 0) pages.push(current);

  let headerSeen = false;
  return pages.map((rows) => {
    const heights = pageRowHeights(rows, metrics);
    const printed = rows.map((sourceRow, i) => ({
      sourceRow,
      heightMm: heights[i],
      repeated: sourceRow === header && headerSeen,
    }));
    if (rows.includes(header)) headerSeen = true;
    return printed;
  });
}
