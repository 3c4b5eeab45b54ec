/**
 * Lock files for open documents, so the same `.jxmb` opened twice (a second window, a second
 * instance, or another PC on a shared folder) is noticed. Beside `项目.jxmb` we create
 * `~$项目.jxmb.lock` (the Office convention, one name on every platform so two PCs agree)
 * holding JSON `LockInfo`. Creation is exclusive (`O_EXCL`), so two openers cannot both win.
 *
 * A lock is stale (left by a crash) when it was written on this machine by a process that is
 * gone, or when it is older than a day (the owner refreshes it hourly while open). A stale
 * lock is taken over. The second opener of a live lock chooses: read-only, or edit a copy.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeFsError } from './project-file-service';
import { isProcessAlive } from './recovery-service';
import { loggedCause } from './internal-log';

/** Who holds a lock. */
export interface LockInfo {
  /** Login name of the owner. */
  readonly user: string;
  /** Machine name of the owner. */
  readonly host: string;
  readonly pid: number;
  /** When the lock was taken or last refreshed, ISO 8601. */
  readonly time: string;
  /** Random token identifying this acquisition (so we only ever remove our own lock). */
  readonly token: string;
}

/** A lock this process holds. */
export interface HeldLock {
  readonly filePath: string;
  readonly lockPath: string;
  readonly info: LockInfo;
}

/** Result of trying to lock a document. */
export type AcquireResult =
  | { readonly status: 'acquired'; readonly lock: HeldLock; readonly tookOverStale: LockInfo | null }
  | {
      readonly status: 'locked';
      readonly owner: LockInfo;
      /** The owner is this very process (the file is already open in another window). */
      readonly ownedByThisProcess: boolean;
    }
  /** The folder refuses new files (read-only share, CD): open without a lock. */
  | { readonly status: 'unavailable'; readonly reason: string };

/** A lock older than this is stale even if its owner is on another machine. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** How often an owner should refresh its lock while the document stays open. */
export const REFRESH_EVERY_MS = 60 * 60 * 1000;

/** The lock-file path for a document: `~$<name>.lock` in the same folder. */
export function lockPathFor(filePath: string): string {
  return path.join(path.dirname(filePath), `~$${path.basename(filePath)}.lock`);
}

export interface LockEnvironment {
  readonly user: string;
  readonly host: string;
  readonly pid: number;
  readonly now: () => Date;
  readonly isAlive: (pid: number) => boolean;
}

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? '';
  }
}

/** The real environment: this process, this machine, the system clock. */
export function defaultLockEnvironment(): LockEnvironment {
  return { user: userName(), host: os.hostname(), pid: process.pid, now: () => new Date(), isAlive: isProcessAlive };
}

/** Why a lock is stale, or null when it is live. Chinese reason for logs and prompts. */
export function staleReason(info: LockInfo, env: LockEnvironment): string | null {
  const age = env.now().getTime() - new Date(info.time).getTime();
  if (Number.isNaN(age) || age > STALE_AFTER_MS) return '锁文件已超过一天未更新';
  if (info.host === env.host && info.pid !== env.pid && !env.isAlive(info.pid)) return '锁定它的程序已不在运行';
  return null;
}

/** Reads a lock file; null when missing or not a lock we understand. */
export async function readLock(lockPath: string): Promise<LockInfo | null> {
  try {
    const data = JSON.parse(await fs.readFile(lockPath, 'utf8')) as Partial<LockInfo>;
    if (typeof data.host !== 'string' || typeof data.pid !== 'number' || typeof data.time !== 'string') return null;
    return { user: String(data.user ?? ''), host: data.host, pid: data.pid, time: data.time, token: String(data.token ?? '') };
  } catch {
    return null;
  }
}

async function createExclusive(lockPath: string, info: LockInfo): Promise<void> {
  const handle = await fs.open(lockPath, 'wx');
  try {
    await handle.writeFile(`${JSON.stringify(info)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function lockFileAge(lockPath: string, env: LockEnvironment): Promise<number> {
  try {
    return env.now().getTime() - (await fs.stat(lockPath)).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Tries to lock a document for editing.
 * - no lock file: creates it → `acquired`;
 * - a stale lock: replaces it → `acquired` with `tookOverStale`;
 * - a live lock (another user, PC, process or window): → `locked` with the owner;
 * - the folder is read-only: → `unavailable` (the caller may open without a lock).
 */
export async function acquireLock(filePath: string, env: LockEnvironment = defaultLockEnvironment()): Promise<AcquireResult> {
  const lockPath = lockPathFor(filePath);
  let tookOverStale: LockInfo | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const info: LockInfo = { user: env.user, host: env.host, pid: env.pid, time: env.now().toISOString(), token: randomBytes(8).toString('hex') };
    try {
      await createExclusive(lockPath, info);
      return { status: 'acquired', lock: { filePath, lockPath, info }, tookOverStale };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') return { status: 'unavailable', reason: `无法创建锁文件（${loggedCause(`锁文件 ${lockPath}`, e)}）` };
    }
    const owner = await readLock(lockPath);
    if (!owner) {
      // Unreadable: maybe being written this very moment. Only an old unreadable lock is junk.
      if ((await lockFileAge(lockPath, env)) < 10_000) {
        await new Promise((r) => setTimeout(r, 50));
        const again = await readLock(lockPath);
        if (again) return locked(again, env);
        if ((await lockFileAge(lockPath, env)) < 10_000) {
          return locked({ user: '', host: '', pid: 0, time: env.now().toISOString(), token: '' }, env);
        }
      }
    } else if (!staleReason(owner, env)) {
      return locked(owner, env);
    } else {
      tookOverStale = owner;
    }
    await fs.rm(lockPath, { force: true });
  }
  return { status: 'unavailable', reason: '锁文件反复被其他程序改动' };
}

function locked(owner: LockInfo, env: LockEnvironment): AcquireResult {
  return { status: 'locked', owner, ownedByThisProcess: owner.host === env.host && owner.pid === env.pid };
}

/** Rewrites the lock's time so other PCs do not take it for stale. False when it is no longer ours. */
export async function refreshLock(lock: HeldLock, env: LockEnvironment = defaultLockEnvironment()): Promise<boolean> {
  const current = await readLock(lock.lockPath);
  if (!current || current.token !== lock.info.token) return false;
  const info = { ...lock.info, time: env.now().toISOString() };
  try {
    await fs.writeFile(lock.lockPath, `${JSON.stringify(info)}\n`);
    return true;
  } catch {
    return false;
  }
}

/** Removes the lock if it is still ours (a stale-lock takeover by someone else is left alone). */
export async function releaseLock(lock: HeldLock): Promise<void> {
  const current = await readLock(lock.lockPath);
  if (current && current.token === lock.info.token) await fs.rm(lock.lockPath, { force: true });
}

/** Chinese description of a lock owner for the prompt: 「张三（电脑 PC-01）自 2025-03-01 14:05 起」. */
export function describeOwner(owner: LockInfo): string {
  if (!owner.host) return '另一个程序';
  const d = new Date(owner.time);
  const p = (n: number) => String(n).padStart(2, '0');
  const when = Number.isNaN(d.getTime()) ? '' : `，自 ${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())} 起`;
  return `${owner.user || '未知用户'}（电脑 ${owner.host}）${when}`;
}

/** What the second opener of a locked file chose. */
export type LockedOpenChoice = 'readOnly' | 'copy' | 'cancel';

/**
 * A free path for an editable copy beside the original: `项目（副本）.jxmb`,
 * `项目（副本 2）.jxmb`, … (never an existing file).
 */
export async function copyPathFor(filePath: string): Promise<string> {
  const dir = path.dirname(filePath);
  const ext = path.extname(filePath);
  const stem = path.basename(filePath, ext);
  for (let n = 1; n < 1000; n++) {
    const candidate = path.join(dir, `${stem}（副本${n === 1 ? '' : ` ${n}`}）${ext}`);
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
  return path.join(dir, `${stem}（副本 ${Date.now()}）${ext}`);
}

/**
 * Copies a locked document for editing (the "copy" choice). Falls back to `fallbackDir`
 * (e.g. Documents) when the original folder is read-only.
 * @returns the path of the new copy.
 * @throws UserError naming the file when neither folder accepts the copy.
 */
export async function makeEditableCopy(filePath: string, fallbackDir?: string): Promise<string> {
  const target = await copyPathFor(filePath);
  try {
    await fs.copyFile(filePath, target, fsConstants.COPYFILE_EXCL);
    return target;
  } catch (e) {
    if (!fallbackDir || (e as NodeJS.ErrnoException).code === 'ENOENT') throw describeFsError(e, filePath, '读取');
    const alt = await copyPathFor(path.join(fallbackDir, path.basename(filePath)));
    try {
      await fs.copyFile(filePath, alt, fsConstants.COPYFILE_EXCL);
    } catch (e2) {
      throw describeFsError(e2, alt, '写入');
    }
    return alt;
  }
}
