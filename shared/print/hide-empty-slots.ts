/** 「隐藏空白指标行」 for printing: which indicator slots count as empty, and the table without them. */
import { familyOf } from '../families';
import type { Indicator, PerformanceTable } from '../model/types';

/** An indicator slot with nothing written: empty 三级 name, value, description and basis (STR-05). */
export function isEmptySlot(indicator: Indicator): boolean {
  return (
    indicator.name.trim() === ''
    && indicator.value.raw.trim() === ''
    && indicator.description.trim() === ''
    && indicator.basis.trim() === ''
  );
}

/**
 * 「隐藏空白指标行」 (DOMAIN.md §6): the table without its empty pre-printed slots, for printing.
 * Applies to families with pre-printed slots (family A, `matrix.slotStyle`); other tables are
 * returned unchanged (same object). A run of one 一级/二级 whose slots are all empty keeps its
 * first slot, so every 二级 of the form is still printed. Lay the result out with
 * `layout(table, ctx, { spacerRows: false })`; the 二级/一级 rowspans then follow the kept rows.
 */
export function hideEmptySlots(table: PerformanceTable): PerformanceTable {
  if (!familyOf(table).matrix.slotStyle) return table;
  const kept: Indicator[] = [];
  const { indicators } = table;
  let runStart = 0;
  while (runStart < indicators.length) {
    const { level1, level2 } = indicators[runStart];
    let runEnd = runStart;
    while (runEnd + 1 < indicators.length && indicators[runEnd + 1].level1 === level1 && indicators[runEnd + 1].level2 === level2) {
      runEnd++;
    }
    const run = indicators.slice(runStart, runEnd + 1);
    const filled = run.filter((ind) => !isEmptySlot(ind));
    kept.push(...(filled.length > 0 ? filled : run.slice(0, 1)));
    runStart = runEnd + 1;
  }
  return kept.length === indicators.length ? table : { ...table, indicators: kept };
}
