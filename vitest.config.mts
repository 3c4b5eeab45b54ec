import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { readBudgets, relativeTestPath } from './tests/timing/budget.ts';

/**
 * Longest measured file first (tests/timing/budgets.json), files without a budget (new ones)
 * before all. With two workers, a long file that starts last leaves one worker running it alone:
 * vitest's own order needs its results cache (absent in a fresh clone, as in CI) and otherwise
 * runs larger files first, which put the 33-line kill -9 file (3 minutes) near the end.
 */
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const budgets = readBudgets();
    const ms = (file: TestSpecification) => budgets[relativeTestPath(file.moduleId)]?.fileMs ?? Number.POSITIVE_INFINITY;
    return [...files].sort((a, b) => ms(b) - ms(a));
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Fixtures built once and one shared Chromium for every e2e file (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    // Time-outs come from each file's measured budget (tests/timing/apply-budget.ts).
    setupFiles: ['tests/timing/apply-budget.ts'],
    // expect.poll waits for the app (a page, a child process); on a busy machine 1 s is too short.
    expect: { poll: { timeout: 30_000 } },
    pool: 'forks',
    // Two cores: run test files two at a time at most (e2e files launch Chromium/LibreOffice).
    maxWorkers: 2,
    // Longest files first (measured budgets), so neither worker is left alone with a long file at the end.
    sequence: { sequencer: LongestFirstSequencer },
    allowOnly: false,
    reporters: ['default', './tests/summary-reporter.mts'],
  },
});
