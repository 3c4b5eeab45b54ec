import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './tests/timing/sequencer';

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
