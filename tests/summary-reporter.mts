// Prints one closing line `tests: N passed, N failed, N skipped` after vitest's own report,
// the plain form CI reads. Counts come from vitest's test cases.
// It also records each test file's measured durations in test-output/test-timing.json (the input
// of `npm run test:budgets`, tests/timing/) and names the slowest files and any test that used
// more than half of its time-out, so a slow-down shows before it becomes a failure.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { readBudgets, relativeTestPath, ROOT, timeoutsFor, type FileBudget } from './timing/budget.ts';

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;
  private readonly timing = new Map<string, { testMs: number; fileMs: number }>();
  private readonly nearLimit: string[] = [];

  private entry(moduleId: string): { testMs: number; fileMs: number } {
    const key = relativeTestPath(moduleId);
    let e = this.timing.get(key);
    if (!e) this.timing.set(key, (e = { testMs: 0, fileMs: 0 }));
    return e;
  }

  onTestCaseResult(testCase: TestCase): void {
    const state = testCase.result().state;
    if (state === 'passed') this.passed++;
    else if (state === 'failed') this.failed++;
    else this.skipped++;
    const ms = testCase.diagnostic()?.duration ?? 0;
    const e = this.entry(testCase.module.moduleId);
    e.testMs = Math.max(e.testMs, ms);
    const limit = testCase.options.timeout ?? 0;
    if (limit > 0 && ms > limit / 2) this.nearLimit.push(`${relativeTestPath(testCase.module.moduleId)} › ${testCase.name}: ${(ms / 1000).toFixed(1)} s of ${(limit / 1000).toFixed(0)} s`);
  }

  onTestModuleEnd(testModule: TestModule): void {
    this.entry(testModule.moduleId).fileMs = testModule.diagnostic().duration;
  }

  onTestRunEnd(_modules: unknown, unhandledErrors: readonly unknown[]): void {
    // Files of this run replace their earlier figures; files not run keep theirs.
    const timingFile = path.join(ROOT, 'test-output', 'test-timing.json');
    let earlier: Record<string, FileBudget> = {};
    try { earlier = JSON.parse(readFileSync(timingFile, 'utf8')) as Record<string, FileBudget>; } catch { /* first run */ }
    const timing = Object.fromEntries(Object.entries({ ...earlier, ...Object.fromEntries(this.timing) }).sort(([a], [b]) => a.localeCompare(b)));
    mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    writeFileSync(timingFile, `${JSON.stringify(timing, null, 2)}\n`);
    let budgets: Record<string, FileBudget> = {};
    try { budgets = readBudgets(); } catch { /* no budgets yet */ }
    const slowest = [...this.timing].sort((a, b) => b[1].fileMs - a[1].fileMs).slice(0, 5);
    process.stdout.write('\nslowest test files (measured · budget · time-out):\n');
    for (const [file, t] of slowest) {
      const b = budgets[file];
      process.stdout.write(`  ${file}: ${(t.fileMs / 1000).toFixed(1)} s · ${b ? `${(b.fileMs / 1000).toFixed(1)} s` : 'unmeasured'} · test ${(timeoutsFor(b).testTimeout / 1000).toFixed(0)} s\n`);
    }
    for (const n of this.nearLimit) process.stdout.write(`  over half its time-out: ${n}\n`);
    const failed = this.failed + unhandledErrors.length;
    process.stdout.write(`\ntests: ${this.passed} passed, ${failed} failed, ${this.skipped} skipped\n`);
  }
}
