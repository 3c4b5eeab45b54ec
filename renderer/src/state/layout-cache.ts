/** The renderer's cache of table layouts (shared/layout), keyed by table object and project meta. */
import { layout, type LayoutContext } from '../../../shared/layout';
import type { SheetLayout } from '../../../shared/layout/types';
import type { PerformanceTable, ProjectMeta } from '../../../shared/model/types';

/**
 * Layouts memoized per table object: commands keep untouched tables identical, so after an
 * edit only the changed table is laid out again. The cache is dropped when the project meta
 * (title tokens) changes.
 */
let cache = new WeakMap<PerformanceTable, SheetLayout>();
let cachedMeta: ProjectMeta | null = null;

export function layoutOf(table: PerformanceTable, meta: ProjectMeta): SheetLayout {
  if (meta !== cachedMeta) {
    cache = new WeakMap();
    cachedMeta = meta;
  }
  let hit = cache.get(table);
  if (!hit) {
    const ctx: LayoutContext = { fiscalYear: meta.fiscalYear, unitCode: meta.unitCode, unitName: meta.unitName };
    hit = layout(table, ctx);
    cache.set(table, hit);
  }
  return hit;
}
