/**
 * vitest setup file: gives the test file about to run the time-outs of its measured budget
 * (tests/timing/budget.ts).
 */
import { expect, vi } from 'vitest';
import { readBudgets, relativeTestPath, timeoutsFor } from './budget';

const file = expect.getState().testPath;
if (file) vi.setConfig(timeoutsFor(readBudgets()[relativeTestPath(file)]));
