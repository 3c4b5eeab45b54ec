/**
 * vitest file order: longest measured file first (tests/timing/budgets.json), files without a
 * budget (new ones) before all. With two workers, a long file that starts last makes a tail that
 * one worker runs alone: vitest's own order needs its results cache (absent in a fresh clone, as
 * in CI) and otherwise runs larger files first, which put the 33-line kill -9 file (3½ minutes)
 * near the end.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { readBudgets, relativeTestPath } from './budget';

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const budgets = readBudgets();
    const ms = (file: TestSpecification) => budgets[relativeTestPath(file.moduleId)]?.fileMs ?? Number.POSITIVE_INFINITY;
    return [...files].sort((a, b) => ms(b) - ms(a));
  }
}
