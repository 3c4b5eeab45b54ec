/**
 * Issue 14: every `jxmb` command reads a `.jxmb` through the parse child (bounded in memory and
 * time, electron/services/xlsx/limits.ts), as the editor does: a hostile project file ends in
 * exit 2 with a Chinese message naming the file, quickly and under the memory limit, instead of
 * parsing in the CLI's own process (50 MB of nesting took 28 s and 2.9 GB there).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasEnglishInternals } from '../../electron/services/internal-log';
import { readLibraryInput } from '../../electron/services/library/library-inputs';
import { loadInput } from '../../electron/services/load-input';
import { DEFAULT_READ_LIMITS } from '../../electron/services/xlsx/limits';
import { childStats, parseProjectInChild, shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import { isUserError } from '../../shared/errors';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'jxmb.js');
const built = existsSync(join(ROOT, 'dist', 'electron', 'services', 'xlsx', 'parse-child.js'));
const dir = mkdtempSync(join(tmpdir(), 'jxmb-cli-jxmb-'));
afterAll(async () => {
  await shutdownReadWorker();
  rmSync(dir, { recursive: true, force: true });
});

const LIMIT_MB = 1536;

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    expect(isUserError(e), String((e as Error)?.stack ?? e)).toBe(true);
    return e as { code: string; message: string };
  }
  throw new Error('accepted');
}

/** Runs the compiled CLI under /usr/bin/time: exit code, stderr without time's line, peak RSS of the CLI and its parse child. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string; maxRssMb: number; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile('/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, CLI, ...args], { timeout: 180_000, maxBuffer: 1 << 26 }, (e, _out, err) => {
      const maxRssMb = Number(/MAXRSS (\d+)/.exec(err)?.[1]) / 1024;
      const stderr = err.replace(/MAXRSS \d+\s*$/, '').replace(/Command exited with non-zero status \d+\n/, '');
      resolve({ code: e ? (e as { code?: number }).code ?? null : 0, stderr, maxRssMb, ms: Date.now() - t0 });
    });
  });
}

describe.skipIf(!built || !existsSync('/usr/bin/time'))('hostile .jxmb through the compiled CLI (npm run build:node)', () => {
  const nested = join(dir, '嵌套.jxmb');
  writeFileSync(nested, `{"format":"jxmb-project","version":2,"project":${'['.repeat(50_000_000)}`);
  const zero = join(dir, '无尽.jxmb');
  symlinkSync('/dev/zero', zero);

  it.each(['inspect', 'validate'])('%s: 50 MB of nesting → exit 2, a Chinese message naming the file, under 1.5 GB and the time limit', async (command) => {
    const r = await runCli([command, nested]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：.*“嵌套\.jxmb”.*嵌套超过 100 层.*请选择本软件保存的 \.jxmb 项目文件/);
    expect(hasEnglishInternals(r.stderr)).toBe(false);
    expect(r.maxRssMb).toBeLessThan(LIMIT_MB);
    expect(r.ms).toBeLessThan(DEFAULT_READ_LIMITS.timeoutMs + 30_000);
  }, 200_000);

  it.each(['inspect', 'validate'])('%s: a link to /dev/zero → exit 2 at once, naming the file', async (command) => {
    const r = await runCli([command, zero]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：.*“无尽\.jxmb”.*不是普通文件.*请选择/);
    expect(r.ms).toBeLessThan(30_000);
  }, 200_000);
});

describe('the services behind the commands parse .jxmb in the parse child', () => {
  it('loadInput (inspect, validate, export, fill, pdf, doc): the host sees the child working', async () => {
    childStats.peakRssMb = 0;
    const loaded = await loadInput(join(ROOT, 'resources', 'sample.jxmb'));
    expect(loaded.kind).toBe('jxmb');
    expect(loaded.project.tables.length).toBeGreaterThan(0);
    expect(childStats.peakRssMb).toBeGreaterThan(0);
  });

  it('library build inputs: a nested file is refused naming it; a plain seed project still reads, in the child', async () => {
    const file = join(dir, '库输入.jxmb');
    writeFileSync(file, `{"meta":${'['.repeat(1_000)}`);
    const err = await failure(readLibraryInput(file));
    expect(err.message).toMatch(/“库输入\.jxmb”.*嵌套超过/);
    childStats.peakRssMb = 0;
    const seed = join(dir, 's0.project.json');
    writeFileSync(seed, readFileSync(join(ROOT, 'tests', 'fixtures', 'seeds', 's0.project.json')));
    expect((await readLibraryInput(seed)).project.tables.length).toBeGreaterThan(0);
    expect(childStats.peakRssMb).toBeGreaterThan(0);
  });

  it('a .jxmb the child does not finish in time: the project wording (no advice to save as .xlsx)', async () => {
    const bytes = readFileSync(join(ROOT, 'resources', 'sample.jxmb'));
    const err = await failure(parseProjectInChild(bytes, '慢.jxmb', { timeoutMs: 1 }));
    expect(err.code).toBe('PROJECT_READ_TIMEOUT');
    expect(err.message).toMatch(/读取项目文件“慢\.jxmb”超时.*请确认选择的是 \.jxmb 项目文件/);
    expect(err.message).not.toMatch(/xlsx/);
  });
});
