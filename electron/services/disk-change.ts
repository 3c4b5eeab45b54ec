/**
 * Detects that another program changed a document on disk since we opened or saved it
 * (a colleague on a shared folder, a sync tool, the user in a second editor). We remember
 * a fingerprint (mtime, size, SHA-256 of the bytes) at open and after each save; before
 * overwriting we compare. The hash is the truth: a `touch` or a sync tool that rewrites the
 * same bytes is not a change, and a same-size rewrite within the file system's mtime
 * granularity still is.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** What we know about a file's content at one moment. */
export interface FileFingerprint {
  /** Modification time, ms since epoch. */
  readonly mtimeMs: number;
  /** Size in bytes. */
  readonly size: number;
  /** SHA-256 of the content, hex. */
  readonly sha256: string;
}

/** Result of comparing the file on disk with what we remembered. */
export type DiskChange =
  | { readonly changed: false }
  | { readonly changed: true; readonly reason: 'modified'; readonly current: FileFingerprint }
  | { readonly changed: true; readonly reason: 'deleted' };

/** Fingerprint of bytes we just wrote or read (no second read of the file for the hash). */
export function fingerprintOf(bytes: string | Uint8Array, stat: { mtimeMs: number; size: number }): FileFingerprint {
  return { mtimeMs: stat.mtimeMs, size: stat.size, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Reads a file's fingerprint.
 * @returns null when the file does not exist.
 */
export async function fingerprintFile(filePath: string): Promise<FileFingerprint | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(filePath, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const stat = await handle.stat();
    const bytes = await handle.readFile();
    return fingerprintOf(bytes, stat);
  } finally {
    await handle.close();
  }
}

/**
 * Compares the file now with a remembered fingerprint. When size differs the file is not
 * read; otherwise it is hashed (documents are at most a few MB).
 */
export async function checkDiskChange(filePath: string, known: FileFingerprint): Promise<DiskChange> {
  let stat: { mtimeMs: number; size: number };
  try {
    stat = await fs.stat(filePath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { changed: true, reason: 'deleted' };
    throw e;
  }
  if (stat.size !== known.size) {
    return { changed: true, reason: 'modified', current: { mtimeMs: stat.mtimeMs, size: stat.size, sha256: '' } };
  }
  const current = await fingerprintFile(filePath);
  if (!current) return { changed: true, reason: 'deleted' };
  return current.sha256 === known.sha256 ? { changed: false } : { changed: true, reason: 'modified', current };
}

/** Chinese question for the overwrite prompt, naming the file and when it changed. */
export function describeDiskChange(filePath: string, change: DiskChange): string {
  const name = path.basename(filePath);
  if (!change.changed) return '';
  if (change.reason === 'deleted') return `“${name}”在您打开后已被其他程序删除或移走。仍要保存到原位置吗？`;
  const d = new Date(change.current.mtimeMs);
  const p = (n: number) => String(n).padStart(2, '0');
  const when = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  return `“${name}”在您打开后已被其他程序修改（${when}）。保存将覆盖对方的修改。仍要覆盖吗？`;
}

/**
 * Remembers the fingerprint of each open document (by path) for one process. Call
 * `remember` after open and after save; `check` before save.
 */
export class DiskChangeTracker {
  private readonly known = new Map<string, FileFingerprint>();

  private key(filePath: string): string {
    return path.resolve(filePath);
  }

  /** Takes the fingerprint of the file as it is on disk now. */
  async remember(filePath: string): Promise<void> {
    const fp = await fingerprintFile(filePath);
    if (fp) this.known.set(this.key(filePath), fp);
    else this.known.delete(this.key(filePath));
  }

  /** Stores a fingerprint computed elsewhere (e.g. from the bytes just written). */
  set(filePath: string, fingerprint: FileFingerprint): void {
    this.known.set(this.key(filePath), fingerprint);
  }

  /** The remembered fingerprint, if any. */
  get(filePath: string): FileFingerprint | undefined {
    return this.known.get(this.key(filePath));
  }

  /** Compares with what we remembered; a file we never saw (new "save as" target) is unchanged. */
  async check(filePath: string): Promise<DiskChange> {
    const known = this.known.get(this.key(filePath));
    if (!known) return { changed: false };
    return checkDiskChange(filePath, known);
  }

  /** Forgets a document (window closed). */
  forget(filePath: string): void {
    this.known.delete(this.key(filePath));
  }
}
