import type { Indicator } from '../model/types';

/** Grouping of indicators into consecutive 一级 / 二级 runs, shared by layout, import and validation. */

/** A run of consecutive indicators sharing a 一级, split into runs sharing a 二级. */
export interface IndicatorGroup {
  readonly level1: string;
  readonly level2Groups: readonly { readonly level2: string; readonly indices: readonly number[] }[];
}

/**
 * Groups indicators into consecutive 一级 runs and, inside them, consecutive 二级 runs.
 * The order of the model is kept: grouping never reorders (STR-12 reports order).
 */
export function groupIndicators(indicators: readonly Indicator[]): IndicatorGroup[] {
  const groups: { level1: string; level2Groups: { level2: string; indices: number[] }[] }[] = [];
  indicators.forEach((ind, i) => {
    let g1 = groups[groups.length - 1];
    if (!g1 || g1.level1 !== ind.level1) {
      g1 = { level1: ind.level1, level2Groups: [] };
      groups.push(g1);
    }
    let g2 = g1.level2Groups[g1.level2Groups.length - 1];
    if (!g2 || g2.level2 !== ind.level2) {
      g2 = { level2: ind.level2, indices: [] };
      g1.level2Groups.push(g2);
    }
    g2.indices.push(i);
  });
  return groups;
}

/** The canonical slot prefix of family A: `指标1:`. */
export function slotPrefix(position: number): string {
  return `指标${position + 1}:`;
}
