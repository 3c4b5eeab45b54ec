/**
 * Atomic file writes and the clean-up of what a killed writer leaves behind. Used by project
 * save, xlsx export, autosave (recovery copies) and the PDF export.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Errors Windows raises while an antivirus or indexer holds the file for a moment. */
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);

async function withRetry<T>(op: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await op();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!TRANSIENT.has(code) || i >= attempts - 1) throw e;
      await new Promise((r) => setTimeout(r, 25 * 2 ** i));
    }
  }
}

export interface AtomicWriteOptions {
  /** Keep the previous content as `<file>.bak` (default true). */
  readonly keepBackup?: boolean;
}

/** Temp names: `.<target name>.<pid>.<random>.tmp` next to the target (same file system). */
const TEMP_RE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** A temp file whose writer is alive is removed anyway after this long (pid reused). */
const STALE_MS = 24 * 3600 * 1000;

function tempPath(filePath: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files of writers that are gone (killed, crashed, power cut) from `dir`; with
 * `target` only those of that file and its `.bak`. Never throws; returns how many were removed.
 * Called at start for the recovery folder and before each atomic write for the target's folder.
 */
export async function cleanOrphanTemps(dir: string, target?: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  const own = target ? new Set([path.basename(target), `${path.basename(target)}.bak`]) : null;
  let removed = 0;
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m || (own && !own.has(m[1]))) continue;
    const file = path.join(dir, name);
    try {
      const alive = isProcessAlive(Number(m[2]));
      if (alive && Date.now() - (await fs.stat(file)).mtimeMs < STALE_MS) continue;
      await fs.rm(file, { force: true });
      removed++;
    } catch {
      // raced with another clean-up, or no permission: leave it
    }
  }
  return removed;
}

async function writeTemp(tmp: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(tmp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Makes `<file>.bak` the current content of `file`, atomically: a hard link (or, where links
 * are not possible, a synced copy) under a temp name, renamed over the old `.bak`. A kill at any
 * moment leaves the old `.bak` or the new one, never a partial file. No-op when `file` is absent.
 */
async function backUp(filePath: string): Promise<void> {
  const bak = `${filePath}.bak`;
  const tmp = tempPath(bak);
  try {
    await fs.link(filePath, tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    try {
      await withRetry(() => fs.copyFile(filePath, tmp));
      const h = await fs.open(tmp, 'r+');
      try {
        await h.sync();
      } finally {
        await h.close();
      }
    } catch (e2) {
      await fs.rm(tmp, { force: true });
      if ((e2 as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e2;
    }
  }
  try {
    await withRetry(() => fs.rename(tmp, bak));
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes a file atomically: a temp file in the same folder, fsync, the previous version kept as
 * `<file>.bak` (itself replaced atomically), then rename over the target (retrying while Windows
 * says EPERM/EBUSY), then fsync of the folder. A crash at any point leaves the old or the new
 * file intact, and a complete `.bak`; temp files of killed writers are removed by the next write.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(filePath);
  await cleanOrphanTemps(dir, filePath);
  const tmp = tempPath(filePath);
  try {
    await writeTemp(tmp, data);
    if (options.keepBackup !== false) await backUp(filePath);
    await withRetry(() => fs.rename(tmp, filePath));
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const h = await fs.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Some file systems refuse to fsync a folder; the rename is still atomic.
  }
}
