// `npm run test:budgets`: turns the durations the last `npm test` measured
// (test-output/test-timing.json, written by tests/summary-reporter.mts) into tests/timing/budgets.json,
// the budgets test time-outs are derived from (tests/timing/budget.ts). Run it after an `npm test`
// on an idle machine; durations are rounded up to 100 ms.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const timing = JSON.parse(readFileSync(join(root, 'test-output', 'test-timing.json'), 'utf8'));
const up = (ms) => Math.max(100, Math.ceil(ms / 100) * 100);
const budgets = Object.fromEntries(Object.entries(timing).map(([file, t]) => [file, { testMs: up(t.testMs), fileMs: up(t.fileMs) }]));
writeFileSync(join(root, 'tests', 'timing', 'budgets.json'), `${JSON.stringify(budgets, null, 2)}\n`);
console.log(`tests/timing/budgets.json: ${Object.keys(budgets).length} test files`);
