import path from 'node:path';
import { UserError } from '../../shared/errors';
import type { Project } from '../../shared/model/types';
import { DiskChangeTracker, describeDiskChange, type FileFingerprint } from '../services/disk-change';
import {
  acquireLock,
  defaultLockEnvironment,
  describeOwner,
  makeEditableCopy,
  refreshLock,
  releaseLock,
  type HeldLock,
  type LockEnvironment,
  type LockInfo,
  type LockedOpenChoice,
} from '../services/lock-service';

/**
 * The file side of one editor window, as a plain Node module (no electron import) so the
 * Electron main process and the browser host share it and it is tested in Node:
 * - opening locks the file (`~$name.jxmb.lock`) and remembers its fingerprint;
 * - a file locked by someone else → the user chooses read-only, an editable copy, or cancel;
 * - saving checks that no other program changed the file since, and asks before overwriting;
 * - "save as" moves the lock to the new file; closing releases it.
 */

/** Questions the session asks the user (native dialogs in Electron, scripted in tests). */
export interface SessionPrompts {
  /** The file is open elsewhere: read-only, edit a copy, or cancel. */
  lockedChoice(filePath: string, ownerText: string, owner: LockInfo): Promise<LockedOpenChoice>;
  /** Another program changed (or deleted) the file: overwrite it anyway? */
  confirmOverwrite(filePath: string, message: string): Promise<boolean>;
}

/** Where the opened document actually lives and how it may be edited. */
export interface OpenDecision {
  /** The path to read and to report to the renderer (a copy's path for the copy choice). */
  readonly path: string;
  /** Opened read-only because another user/window has it: saving to this path is refused. */
  readonly readOnly: boolean;
}

export interface DocumentSessionOptions {
  readonly prompts: SessionPrompts;
  /** Files never locked (the embedded sample in the installation folder). */
  readonly unlockedPaths?: readonly string[];
  /** Folder for copies when the original folder is read-only (e.g. Documents). */
  readonly copyFallbackDir?: string;
  readonly lockEnvironment?: LockEnvironment;
}

const samePath = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase() : path.resolve(a) === path.resolve(b);

/** One window's document: its path, lock and on-disk fingerprint. */
export class DocumentSession {
  private lock: HeldLock | null = null;
  /** Lock taken by beforeOpen for a file not yet read. */
  private pendingLock: HeldLock | null = null;
  private current: string | null = null;
  private readOnlyPath: string | null = null;
  private readonly tracker = new DiskChangeTracker();
  private refreshTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: DocumentSessionOptions) {}

  /** The path of the open document, if any. */
  get path(): string | null {
    return this.current;
  }

  /** The remembered fingerprint of the open document (stored in recovery copies). */
  fingerprint(): FileFingerprint | undefined {
    return this.current ? this.tracker.get(this.current) : undefined;
  }

  private isUnlocked(filePath: string): boolean {
    return (this.options.unlockedPaths ?? []).some((p) => samePath(p, filePath));
  }

  /**
   * Decides how to open `filePath` before it is read: locks it, or asks what to do when it
   * is locked elsewhere. Returns null when the user cancelled.
   */
  async beforeOpen(filePath: string): Promise<OpenDecision | null> {
    if (this.current && samePath(this.current, filePath) && this.lock) return { path: filePath, readOnly: false };
    if (this.isUnlocked(filePath)) return { path: filePath, readOnly: false };
    const result = await acquireLock(filePath, this.options.lockEnvironment ?? defaultLockEnvironment());
    if (result.status === 'acquired') {
      this.pendingLock = result.lock;
      return { path: filePath, readOnly: false };
    }
    if (result.status === 'unavailable') return { path: filePath, readOnly: false };
    const choice = await this.options.prompts.lockedChoice(filePath, describeOwner(result.owner), result.owner);
    if (choice === 'cancel') return null;
    if (choice === 'readOnly') return { path: filePath, readOnly: true };
    const copy = await makeEditableCopy(filePath, this.options.copyFallbackDir);
    return this.beforeOpen(copy);
  }

  /**
   * Confirms that `decision.path` was read successfully: it becomes this window's document
   * (the previous one's lock is released) and its fingerprint is remembered.
   */
  async afterOpen(decision: OpenDecision): Promise<void> {
    const newLock = this.pendingLock;
    this.pendingLock = null;
    if (this.current && !samePath(this.current, decision.path)) await this.releaseCurrent();
    if (newLock) this.setLock(newLock);
    this.current = decision.path;
    this.readOnlyPath = decision.readOnly ? decision.path : null;
    await this.tracker.remember(decision.path);
  }

  /** The read failed: drop a lock taken for it. */
  async openFailed(): Promise<void> {
    if (this.pendingLock) await releaseLock(this.pendingLock);
    this.pendingLock = null;
  }

  /** Opens a file through `read`, with locking and fingerprinting around it. Null: cancelled. */
  async open<T>(filePath: string, read: (actualPath: string) => Promise<T>): Promise<{ decision: OpenDecision; value: T } | null> {
    const decision = await this.beforeOpen(filePath);
    if (!decision) return null;
    let value: T;
    try {
      value = await read(decision.path);
    } catch (e) {
      await this.openFailed();
      throw e;
    }
    await this.afterOpen(decision);
    return { decision, value };
  }

  /**
   * Saves through `write` after the checks: refuses a file opened read-only; asks before
   * overwriting a file another program changed; for a new path ("save as") locks it first.
   * @throws UserError `save-read-only`, `save-locked`, `save-cancelled` (the user declined).
   */
  async save(filePath: string, write: () => Promise<void>): Promise<void> {
    if (this.readOnlyPath && samePath(this.readOnlyPath, filePath)) {
      throw new UserError('save-read-only', `“${path.basename(filePath)}”正由他人编辑，已以只读方式打开。请用「另存为」保存到其他文件。`);
    }
    const isCurrent = this.current !== null && samePath(this.current, filePath);
    if (isCurrent || this.tracker.get(filePath)) {
      const change = await this.tracker.check(filePath);
      if (change.changed && !(await this.options.prompts.confirmOverwrite(filePath, describeDiskChange(filePath, change)))) {
        throw new UserError('save-cancelled', `未保存：“${path.basename(filePath)}”已被其他程序修改，您选择了不覆盖。可用「另存为」保存到其他文件。`);
      }
    }
    let newLock: HeldLock | null = null;
    if (!isCurrent && !this.isUnlocked(filePath)) {
      const result = await acquireLock(filePath, this.options.lockEnvironment ?? defaultLockEnvironment());
      if (result.status === 'locked') {
        throw new UserError('save-locked', `无法保存到“${path.basename(filePath)}”：该文件正由${describeOwner(result.owner)}打开。`);
      }
      if (result.status === 'acquired') newLock = result.lock;
    }
    try {
      await write();
    } catch (e) {
      if (newLock) await releaseLock(newLock);
      throw e;
    }
    if (!isCurrent) {
      await this.releaseCurrent();
      if (newLock) this.setLock(newLock);
      this.current = filePath;
      this.readOnlyPath = null;
    }
    await this.tracker.remember(filePath);
  }

  /** Adopts a path without reading it (a restored recovery copy of that file). */
  async adopt(filePath: string, base?: FileFingerprint): Promise<OpenDecision | null> {
    const decision = await this.beforeOpen(filePath);
    if (!decision) return null;
    await this.afterOpen(decision);
    if (base && decision.path === filePath) this.tracker.set(filePath, base);
    return decision;
  }

  private setLock(lock: HeldLock): void {
    this.lock = lock;
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.refreshTimer = setInterval(() => void refreshLock(lock), 60 * 60 * 1000);
    this.refreshTimer.unref?.();
  }

  private async releaseCurrent(): Promise<void> {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.refreshTimer = null;
    if (this.lock) await releaseLock(this.lock).catch(() => undefined);
    if (this.current) this.tracker.forget(this.current);
    this.lock = null;
    this.current = null;
    this.readOnlyPath = null;
  }

  /** The window closes: release the lock. */
  async close(): Promise<void> {
    await this.openFailed();
    await this.releaseCurrent();
  }
}

/** Project narrowed to some tables (export of a selection). */
export function selectTables(project: Project, tableIndices?: readonly number[]): Project {
  if (!tableIndices) return project;
  const tables = tableIndices.map((i) => {
    const t = project.tables[i];
    if (!t) throw new UserError('bad-args', `没有第 ${i + 1} 张表。`);
    return t;
  });
  return { ...project, tables };
}
