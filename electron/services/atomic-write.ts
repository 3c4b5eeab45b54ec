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

/**
 * Writes a file atomically: a temp file in the same folder, fsync, the previous version copied
 * to `<file>.bak`, then rename over the target (retrying while Windows says EPERM/EBUSY),
 * then fsync of the folder. A crash at any point leaves either the old or the new file intact.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(filePath);
  const tmp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.keepBackup !== false) {
      try {
        await withRetry(() => fs.copyFile(filePath, `${filePath}.bak`));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
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
