/**
 * Issue 14, process-level limits: the xlsx parse runs in a child process bounded in resident
 * memory, wall time and bytes read; hostile inputs end in a Chinese message, never in an abort
 * of the host (exit 134), a hang, or English internals; the Electron main process parses nothing
 * itself.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors';
import { loadProjectFile, loadProjectFileIsolated } from '../../electron/services/project-file-service';
import { serializeProject } from '../../shared/file/project-file';
import type { Project } from '../../shared/model/types';
import { loadInput } from '../../electron/services/load-input';
import { childStats, readWorkbookBuffer, readWorkbookFile, shutdownReadWorker } from '../../electron/services/xlsx/read-workbook';
import { hasEnglishInternals } from '../../electron/services/internal-log';
import { sstBomb } from '../helpers/sst-bomb';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'jxmb-limits-'));
afterAll(async () => {
  await shutdownReadWorker();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    expect(isUserError(e), `not a UserError: ${String((e as Error)?.stack ?? e)}`).toBe(true);
    return e as { code: string; message: string };
  }
  throw new Error('accepted');
}

const LIMIT_MB = 1536;

describe('the shared-string bomb', () => {
  it('is about 200 KB with one 25,000-character string used by 100,000 cells', () => {
    const buf = sstBomb();
    expect(buf.length).toBeGreaterThan(150_000);
    expect(buf.length).toBeLessThan(300_000);
  });

  it('ends in a Chinese error naming the file, with the host and the child under 1.5 GB', async () => {
    childStats.peakRssMb = 0;
    const err = await failure(readWorkbookBuffer(sstBomb(), 'bomb.xlsx'));
    expect(err.code).toMatch(/XLSX_TOO_LARGE|XLSX_PARSE_OUT_OF_MEMORY/);
    expect(err.message).toContain('bomb.xlsx');
    expect(hasEnglishInternals(err.message)).toBe(false);
    expect(process.memoryUsage.rss() / 1048576).toBeLessThan(LIMIT_MB);
    expect(childStats.peakRssMb).toBeLessThan(LIMIT_MB);
  });

  it('a child killed past its resident-memory limit gives 「内存不足」 and the next read works', async () => {
    // Large enough that the parse needs more than 150 MB resident, far below the heap limit.
    const err = await failure(readWorkbookBuffer(sstBomb({ stringLength: 2_000, cells: 60_000 }), 'rss.xlsx', { maxRssMb: 150, maxResultBytes: 1e12 }));
    expect(err.code).toBe('XLSX_PARSE_OUT_OF_MEMORY');
    expect(err.message).toMatch(/“rss\.xlsx”.*内存不足/);
    const ok = await readWorkbookBuffer(sstBomb({ stringLength: 10, cells: 10 }), 'small.xlsx');
    expect(ok.sheets[0].rows[0][0]?.value).toBe('项目名称项目名称项目');
  });
});

describe('reads are bounded by bytes read, not by stat', () => {
  const zero = join(dir, 'endless.xlsx');
  const zeroJxmb = join(dir, 'endless.jxmb');
  symlinkSync('/dev/zero', zero);
  symlinkSync('/dev/zero', zeroJxmb);

  it.each([
    ['xlsx reader', () => readWorkbookFile(zero)],
    ['project loader', () => loadProjectFile(zeroJxmb)],
    ['inspect input', () => loadInput(zeroJxmb)],
  ])('a link to /dev/zero fails fast with a message (%s)', async (_name, run) => {
    const t0 = Date.now();
    const err = await failure(run());
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(err.message).toMatch(/不是普通文件/);
    expect(err.message).toMatch(/endless\.(xlsx|jxmb)/);
  });

  it.skipIf(process.platform === 'win32')('a FIFO with no writer fails fast instead of blocking the open', async () => {
    const fifo = join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const err = await failure(readWorkbookFile(fifo));
    expect(err.message).toMatch(/“pipe\.xlsx”.*不是普通文件/);
  });

  it('a file larger than the limit is refused after reading at most the limit', async () => {
    const big = join(dir, 'big.xlsx');
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024, 0x50));
    const err = await failure(readWorkbookFile(big, { maxFileBytes: 1024 * 1024 }));
    expect(err.code).toBe('XLSX_TOO_LARGE');
  });
});

const CLI = join(ROOT, 'bin', 'jxmb.js');
const built = existsSync(join(ROOT, 'dist', 'electron', 'services', 'xlsx', 'parse-child.js'));

describe.skipIf(!built || !existsSync('/usr/bin/time'))('the CLI on the bomb (compiled, npm run build:node)', () => {
  it('exits 2 with a Chinese message, no abort, under 1.5 GB and 30 s', async () => {
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, sstBomb());
    const t0 = Date.now();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile('/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, CLI, 'inspect', file], { timeout: 120_000 }, (e, _out, err) => {
        resolve({ code: e ? (e as { code?: number }).code ?? null : 0, stderr: err });
      });
    });
    expect(Date.now() - t0).toBeLessThan(30_000 + 10_000);
    expect(code).toBe(2);
    const maxRssKb = Number(/MAXRSS (\d+)/.exec(stderr)?.[1]);
    expect(maxRssKb / 1024).toBeLessThan(LIMIT_MB);
    const message = stderr.replace(/MAXRSS \d+\s*$/, '').replace(/Command exited with non-zero status \d+\n/, '');
    expect(message).toMatch(/^错误：.*bomb\.xlsx/);
    expect(hasEnglishInternals(message)).toBe(false);
  });
});

describe('the Electron main process parses nothing untrusted itself', () => {
  // Its own code (electron/main) and the window host it runs (electron/host).
  const dirs = [join(ROOT, 'electron', 'main'), join(ROOT, 'electron', 'host')];
  const sources = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(join(d, f), 'utf8')] as const));

  it('imports no parser directly (exceljs, parse-workbook, read-worker, zip parsing)', () => {
    for (const [file, text] of sources) {
      expect(text, file).not.toMatch(/from '[^']*(exceljs|parse-workbook|read-worker|exceljs-to-raw|zip-prescan|zip-directory|cfb)'/);
      expect(text, file).not.toMatch(/require\('[^']*(exceljs|parse-workbook|read-worker)'\)/);
    }
  });

  it('opens .jxmb projects through the parse child (loadProjectFileIsolated), never loadProjectFile', () => {
    for (const [file, text] of sources) expect(text, file).not.toMatch(/\bloadProjectFile\(/);
    expect(sources.find(([f]) => f === 'window-handlers.ts')?.[1]).toMatch(/loadProjectFileIsolated/);
  });

  it('a .jxmb parsed in the child gives the same project, and the same Chinese message when broken', async () => {
    const seed = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'seeds', 's1.project.json'), 'utf8')) as Project;
    const file = join(dir, '项目.jxmb');
    writeFileSync(file, serializeProject(seed));
    expect(await loadProjectFileIsolated(file)).toEqual(await loadProjectFile(file));
    const broken = join(dir, '坏.jxmb');
    writeFileSync(broken, serializeProject(seed).slice(0, 5000));
    const a = await failure(loadProjectFileIsolated(broken));
    const b = await failure(loadProjectFile(broken));
    expect({ code: a.code, message: a.message }).toEqual({ code: b.code, message: b.message });
    expect(a.message).toMatch(/“坏\.jxmb”.*已损坏/);
  });

  it('the xlsx reader host runs the parse in a child process, not a worker thread of the caller', () => {
    const hostSource = readFileSync(join(ROOT, 'electron', 'services', 'xlsx', 'read-workbook.ts'), 'utf8');
    expect(hostSource).not.toMatch(/node:worker_threads/);
    expect(hostSource).toMatch(/parse-process/);
  });
});

