/**
 * The runs of consecutive indicators sharing a 一级 (and inside them a 二级): the one scan of
 * the indicator order that layout, cell location, commands, printing, import and validation
 * share. Also owns family A's canonical slot prefix 「指标N:」, numbered within a 二级 run.
 */

/** What a run is made of: the 一级 and 二级 texts of a row (an Indicator, or a row being read). */
export interface RunItem {
  readonly level1: string;
  readonly level2: string;
}

/** A run of consecutive items with the same 一级 and 二级 texts: items `start` … `end - 1`. */
export interface Level2Run {
  readonly level2: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** A run of consecutive items with the same 一级 text, split into its 二级 runs. */
export interface Level1Run {
  readonly level1: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly level2Runs: readonly Level2Run[];
}

/** The runs of a list of items, with the run of every item. */
export interface IndicatorRuns {
  /** 一级 runs in order. */
  readonly level1: readonly Level1Run[];
  /** All 二级 runs in order (the level2Runs of every 一级 run, concatenated). */
  readonly level2: readonly Level2Run[];
  /** For item i: the index of its 二级 run in `level2` (also: how many 二级 runs end before it). */
  readonly level2Of: Int32Array;
  /** For item i: the index of its 一级 run in `level1`. */
  readonly level1Of: Int32Array;
}

const memo = new WeakMap<readonly RunItem[], IndicatorRuns>();

/**
 * The consecutive 一级 / 二级 runs of `items`: a new 一级 run starts when the 一级 text
 * changes; a new 二级 run starts when the 一级 or the 二级 text changes (texts compared exactly,
 * so the same 二级 under another 一级 is another run). The order is kept: grouping never
 * reorders (STR-12 reports order). An empty list has no runs.
 * Memoised per array object: pass only arrays whose items' 一级/二级 no longer change (model
 * arrays never do: tables are replaced, never mutated).
 */
export function indicatorRuns(items: readonly RunItem[]): IndicatorRuns {
  const hit = memo.get(items);
  if (hit) return hit;
  const level1: { level1: string; start: number; end: number; level2Runs: Level2Run[] }[] = [];
  const level2: { level2: string; start: number; end: number }[] = [];
  const level2Of = new Int32Array(items.length);
  const level1Of = new Int32Array(items.length);
  let l1: (typeof level1)[number] | undefined;
  let l2: (typeof level2)[number] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!l1 || l1.level1 !== item.level1) {
      l1 = { level1: item.level1, start: i, end: i, level2Runs: [] };
      level1.push(l1);
      l2 = undefined;
    }
    if (!l2 || l2.level2 !== item.level2) {
      l2 = { level2: item.level2, start: i, end: i };
      level2.push(l2);
      l1.level2Runs.push(l2);
    }
    l1.end = l2.end = i + 1;
    level2Of[i] = level2.length - 1;
    level1Of[i] = level1.length - 1;
  }
  const runs: IndicatorRuns = { level1, level2, level2Of, level1Of };
  memo.set(items, runs);
  return runs;
}

/** The 二级 run of item `index` (which must exist). */
export function level2RunOf(runs: IndicatorRuns, index: number): Level2Run {
  return runs.level2[runs.level2Of[index]];
}

/** Position of item `index` within its 二级 run (0 for the first row). */
export function positionInRun(runs: IndicatorRuns, index: number): number {
  return index - level2RunOf(runs, index).start;
}

/** The 一级 run of item `index` (which must exist). */
export function level1RunOf(runs: IndicatorRuns, index: number): Level1Run {
  return runs.level1[runs.level1Of[index]];
}

/** The canonical slot prefix of family A: `指标1:` for position 0 of a 二级 run. */
export function slotPrefix(position: number): string {
  return `指标${position + 1}:`;
}
