/**
 * Issue 14, crash points of the atomic write, made deterministic: the process is "killed" (the
 * write never continues) in the middle of the backup copy, and temp files of dead writers are
 * removed by the next write, the next open and the next start.
 */
import { promises as fsp, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanOrphanTemps, writeFileAtomic } from '../../electron/services/atomic-write';
import { prepareUserData } from '../../electron/main/startup';
import { loadProjectFile, saveProjectFile } from '../../electron/services/project-file-service';
import { recoveryDir } from '../../electron/services/recovery-service';
import { createProject } from '../../shared/model/create';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'jxmb-atomic-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A pid that is not running (beyond pid_max on Linux). */
const DEAD_PID = 4_194_999;

describe('the .bak is replaced atomically', () => {
  it.each([
    ['hard link', false],
    ['copy fallback (no hard links on this volume)', true],
  ])('a kill during the backup (%s) leaves the earlier .bak complete', async (_name, noLinks) => {
    const dir = tmp();
    const file = join(dir, 'a.jxmb');
    const v0 = 'v0 '.repeat(100_000);
    const v1 = 'v1 '.repeat(100_000);
    writeFileSync(`${file}.bak`, v0);
    writeFileSync(file, v1);
    if (noLinks) vi.spyOn(fsp, 'link').mockRejectedValue(Object.assign(new Error('EPERM'), { code: 'EPERM' }));
    let frozen!: () => void;
    const reached = new Promise<void>((r) => { frozen = r; });
    // The "kill": the copy writes half of the file, then the process never runs again.
    vi.spyOn(fsp, 'copyFile').mockImplementation(async (src, dest) => {
      await fsp.writeFile(dest as string, (await fsp.readFile(src as string)).subarray(0, 1000));
      frozen();
      return new Promise<void>(() => undefined);
    });
    const write = writeFileAtomic(file, 'v2');
    if (noLinks) {
      await reached;
      expect(readFileSync(`${file}.bak`, 'utf8')).toBe(v0);
      expect(readFileSync(file, 'utf8')).toBe(v1);
    } else {
      await write;
      expect(readFileSync(`${file}.bak`, 'utf8')).toBe(v1);
      expect(readFileSync(file, 'utf8')).toBe('v2');
    }
  });
});

describe('orphaned temp files are cleaned', () => {
  const orphan = (dir: string, name: string) => {
    const f = join(dir, `.${name}.${DEAD_PID}.deadbeef.tmp`);
    writeFileSync(f, 'half a file');
    return f;
  };

  it('by the next save of the same file (its .bak temp too), not those of a live writer', async () => {
    const dir = tmp();
    const file = join(dir, '项目.jxmb');
    const a = orphan(dir, '项目.jxmb');
    const b = orphan(dir, '项目.jxmb.bak');
    const other = orphan(dir, '别的.jxmb');
    const live = join(dir, `.项目.jxmb.${process.pid}.cafebabe.tmp`);
    writeFileSync(live, 'being written');
    await saveProjectFile(file, createProject());
    expect(existsSync(a)).toBe(false);
    expect(existsSync(b)).toBe(false);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(live)).toBe(true);
  });

  it('by opening the file', async () => {
    const dir = tmp();
    const file = join(dir, 'p.jxmb');
    await saveProjectFile(file, createProject());
    const a = orphan(dir, 'p.jxmb');
    await loadProjectFile(file);
    expect(existsSync(a)).toBe(false);
  });

  it('in the recovery folder at the next start; the log folder is set in the user data', async () => {
    const userData = tmp();
    const rec = recoveryDir(userData);
    mkdirSync(rec, { recursive: true });
    orphan(rec, 'sess-1.jxmb-recovery');
    writeFileSync(join(rec, 'sess-2.jxmb-recovery'), 'kept');
    const { removedTemps } = await prepareUserData(userData);
    expect(removedTemps).toBe(1);
    expect(readdirSync(rec)).toEqual(['sess-2.jxmb-recovery']);
    expect(process.env.JXMB_LOG_FILE).toBe(join(userData, 'logs', 'jxmb.log'));
    delete process.env.JXMB_LOG_FILE;
  });

  it('cleanOrphanTemps ignores other files and missing folders', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'normal.tmp'), 'x');
    expect(await cleanOrphanTemps(dir)).toBe(0);
    expect(await cleanOrphanTemps(join(dir, 'missing'))).toBe(0);
  });
});
