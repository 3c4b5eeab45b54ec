import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two cores: run test files two at a time at most (e2e files launch Chromium/LibreOffice).
    maxWorkers: 2,
    allowOnly: false,
    reporters: ['default', './tests/summary-reporter.mts'],
  },
});
