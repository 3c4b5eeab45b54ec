/**
 * Test time-outs from measured budgets (issue 13): every test file's slowest test and its whole
 * duration were measured on an idle 2-core machine (tests/timing/budgets.json, refreshed by
 * `npm run test:budgets` after an idle `npm test`). A file's time-outs are that budget times
 * MARGIN, never below FLOOR_MS, so a machine busy enough to make a test ten times slower still
 * passes, and a test that hangs still ends.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** How many times its measured duration a test may take before it times out. */
export const MARGIN = 10;
/** The smallest time-out, ms: start-up noise of a process or a browser page dominates below it. */
export const FLOOR_MS = 30_000;
/** Time-out of a file that has no measured budget yet (a new file), ms. */
export const UNMEASURED_MS = 120_000;

/** Per test file (path relative to the repo, with /): slowest test and whole file, ms. */
export interface FileBudget {
  readonly testMs: number;
  readonly fileMs: number;
}

export const ROOT = path.resolve(__dirname, '..', '..');
export const BUDGETS_FILE = path.join(__dirname, 'budgets.json');

export function readBudgets(): Record<string, FileBudget> {
  return JSON.parse(readFileSync(BUDGETS_FILE, 'utf8')) as Record<string, FileBudget>;
}

/** The test and hook time-outs for a test file, ms. */
export function timeoutsFor(budget: FileBudget | undefined): { testTimeout: number; hookTimeout: number } {
  if (!budget) return { testTimeout: UNMEASURED_MS, hookTimeout: UNMEASURED_MS };
  return {
    testTimeout: Math.max(FLOOR_MS, Math.ceil(budget.testMs * MARGIN)),
    // A hook (browser start, fixture build) is bounded by the whole file's measured time.
    hookTimeout: Math.max(FLOOR_MS, Math.ceil(budget.fileMs * MARGIN)),
  };
}

/** Repo-relative path with forward slashes. */
export function relativeTestPath(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}
