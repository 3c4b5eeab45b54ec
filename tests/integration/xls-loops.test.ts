/**
 * Issue 14: damaged .xls files that make SheetJS 0.20.3 loop (tests/helpers/xls-loops.ts; found
 * by mutating the .xls fixtures: a one-byte ExternSheet record, a property set or dictionary
 * announcing 2^32 entries). Without the pre-check (electron/services/xlsx/xls-guard.ts) the parse
 * child's 30 s time limit stopped them; now they end in well under that: the damaged workbook
 * stream refused with a Chinese message, a damaged property stream dropped and the sheets read.
 * What tells the two apart is the outcome (refused as damaged or read, never 「超时」), which a busy
 * machine does not change; the wall bound is only a sanity bound derived from the limit (the
 * limit plus a minute of process starts on a loaded machine).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasEnglishInternals } from '../../electron/services/internal-log';
import { DEFAULT_READ_LIMITS } from '../../electron/services/xlsx/limits';
import { readWorkbookBuffer, shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import { guardCfbWorkbook } from '../../electron/services/xlsx/xls-guard';
import { isUserError } from '../../shared/errors';
import { loopingXls } from '../helpers/xls-loops';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'jxmb.js');
const built = existsSync(join(ROOT, 'dist', 'electron', 'services', 'xlsx', 'xls-guard.js'));
const BUDGET_MS = DEFAULT_READ_LIMITS.timeoutMs + 60_000;
const dir = mkdtempSync(join(tmpdir(), 'jxmb-xls-loops-'));
afterAll(async () => {
  await shutdownReadWorker();
  rmSync(dir, { recursive: true, force: true });
});

describe('the pre-check of legacy .xls containers', () => {
  it('refuses the one-byte ExternSheet record in milliseconds, naming the file and saying what to do', () => {
    const t0 = Date.now();
    let err: unknown;
    try {
      guardCfbWorkbook(loopingXls('short-extern-sheet'), '坏表.xls');
    } catch (e) {
      err = e;
    }
    expect(Date.now() - t0).toBeLessThan(BUDGET_MS);
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/“坏表\.xls”已损坏.*工作表引用记录不完整.*另存为 \.xlsx/);
  });

  it.each(['property-count', 'dictionary-count'] as const)('drops a %s property stream and keeps the workbook stream', (kind) => {
    const input = loopingXls(kind);
    const out = guardCfbWorkbook(input, 'x.xls');
    expect(out).not.toBe(input);
    expect(out.length).toBeGreaterThan(0);
  });

  it('leaves an undamaged .xls untouched (the same bytes)', () => {
    const wb = loopingXls('property-count');
    const fixed = guardCfbWorkbook(wb, 'x.xls');
    expect(guardCfbWorkbook(fixed, 'x.xls')).toBe(fixed);
  });
});

describe('through the parse child, within the time limit', () => {
  it('the damaged workbook stream: XLSX_CORRUPT, Chinese, naming the file', async () => {
    const t0 = Date.now();
    const err = await readWorkbookBuffer(loopingXls('short-extern-sheet'), '坏表.xls').then(() => null, (e: Error & { code?: string }) => e);
    expect(Date.now() - t0).toBeLessThan(BUDGET_MS);
    expect(err?.code).toBe('XLSX_CORRUPT');
    expect(err?.message).toMatch(/“坏表\.xls”已损坏/);
    expect(hasEnglishInternals(err?.message ?? '')).toBe(false);
  }, 150_000);

  it.each(['property-count', 'dictionary-count'] as const)('%s: the sheets are read', async (kind) => {
    const t0 = Date.now();
    const wb = await readWorkbookBuffer(loopingXls(kind), '属性坏.xls');
    expect(Date.now() - t0).toBeLessThan(BUDGET_MS);
    expect(wb.sheets[0].rows[0][1]?.value).toBe('循环测试项目');
  }, 150_000);
});

describe.skipIf(!built)('jxmb inspect on them (compiled, npm run build:node)', () => {
  it.each([['short-extern-sheet', 2], ['property-count', 0], ['dictionary-count', 0]] as const)('%s: exit %i within the time limit', async (kind, exit) => {
    const file = join(dir, `${kind}.xls`);
    writeFileSync(file, loopingXls(kind));
    const t0 = Date.now();
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, 'inspect', file], { timeout: 120_000 }, (e, _out, stderr) => resolve({ code: e ? (e as { code?: number }).code ?? null : 0, stderr }));
    });
    expect(r.stderr).not.toMatch(/超时/);
    expect(r.code).toBe(exit);
    if (exit === 2) expect(r.stderr).toMatch(new RegExp(`^错误：文件“${kind}\\.xls”已损坏`));
    expect(Date.now() - t0).toBeLessThan(BUDGET_MS);
  }, 150_000);
});
