/**
 * Recovery copies (autosave): while a document has unsaved edits, a copy of it is written to
 * `<userData>/recovery/<sessionId>.jxmb-recovery` shortly after edits stop — never over the
 * user's own file. A clean save or close discards it; after a crash or power cut the next
 * start lists what is left and offers to restore it.
 *
 * File format: one line of JSON header (`RecoveryHeader`), then the `.jxmb` text of the
 * project. Listing reads only the header, so it stays fast with large projects.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError, isUserError } from '../../shared/errors';
import { parseProjectFile, serializeProject, type ParsedProjectFile } from '../../shared/file/project-file';
import type { Project } from '../../shared/model/types';
import { writeFileAtomic } from './atomic-write';
import type { FileFingerprint } from './disk-change';
import { loggedCause } from './internal-log';

/** First bytes of every recovery file. */
const MAGIC = 'JXMB-RECOVERY ';
const EXTENSION = '.jxmb-recovery';
/** Bytes read to find the header line; headers are far smaller. */
const HEADER_READ_BYTES = 64 * 1024;

/** What a recovery file says about itself. */
export interface RecoveryHeader {
  readonly version: 1;
  /** Stable id of the editing session (one per open document window). */
  readonly sessionId: string;
  /** The user's file this is a copy of; null for a new, never saved document. */
  readonly originalPath: string | null;
  /** When the copy was written, ISO 8601. */
  readonly savedAt: string;
  /** Writer process and machine: a copy whose writer is still running is not a crash. */
  readonly pid: number;
  readonly host: string;
  /** Display title (project name or file name), for the restore prompt. */
  readonly title: string;
  /**
   * The original file as it was when opened or last saved in that session: after a restore,
   * saving still notices that another program changed the original meanwhile.
   */
  readonly base?: FileFingerprint;
}

/** A recovery copy found on disk. */
export interface RecoveryEntry extends RecoveryHeader {
  /** Absolute path of the recovery file. */
  readonly file: string;
  /** Byte size of the recovery file. */
  readonly size: number;
  /** True when the writer process is still alive on this machine (another open window). */
  readonly writerAlive: boolean;
}

/** The folder of recovery copies inside the user-data folder. */
export function recoveryDir(userDataDir: string): string {
  return path.join(userDataDir, 'recovery');
}

function assertSessionId(sessionId: string): void {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(sessionId)) throw new UserError('recovery-bad-id', `恢复副本编号无效：${sessionId}`);
}

/** A new random session id. */
export function newSessionId(): string {
  return randomUUID();
}

/** True when a process with this id exists (EPERM: exists but not ours). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface WriteRecoveryInput {
  readonly sessionId: string;
  readonly originalPath: string | null;
  readonly project: Project;
  readonly title?: string;
  /** Fingerprint of the original file at open / last save (see RecoveryHeader.base). */
  readonly base?: FileFingerprint;
  /** Clock for tests. */
  readonly now?: Date;
}

/**
 * Writes (or replaces) the recovery copy of a session atomically (temp file + fsync + rename),
 * so a crash during the write leaves the previous copy intact.
 * @returns the header written.
 */
export async function writeRecovery(dir: string, input: WriteRecoveryInput): Promise<RecoveryHeader> {
  assertSessionId(input.sessionId);
  const header: RecoveryHeader = {
    version: 1,
    sessionId: input.sessionId,
    originalPath: input.originalPath,
    savedAt: (input.now ?? new Date()).toISOString(),
    pid: process.pid,
    host: os.hostname(),
    title: input.title ?? defaultTitle(input.originalPath, input.project),
    ...(input.base ? { base: input.base } : {}),
  };
  await fs.mkdir(dir, { recursive: true });
  const text = `${MAGIC}${JSON.stringify(header)}\n${serializeProject(input.project)}`;
  await writeFileAtomic(path.join(dir, `${input.sessionId}${EXTENSION}`), text, { keepBackup: false });
  return header;
}

function defaultTitle(originalPath: string | null, project: Project): string {
  if (originalPath) return path.basename(originalPath);
  const first = project.tables[0]?.projectName?.trim();
  return first ? `未命名（${first}）` : '未命名项目';
}

async function readHeader(file: string): Promise<{ header: RecoveryHeader; size: number } | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return null;
  }
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(Math.min(size, HEADER_READ_BYTES));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8');
    const nl = head.indexOf('\n');
    if (!head.startsWith(MAGIC) || nl < 0) return null;
    const header = JSON.parse(head.slice(MAGIC.length, nl)) as RecoveryHeader;
    if (header.version !== 1 || typeof header.sessionId !== 'string' || typeof header.savedAt !== 'string') return null;
    return { header, size };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * Lists the recovery copies in `dir`, newest first. Unreadable or foreign files are skipped
 * (never deleted: a user may want to inspect them); a missing folder gives an empty list.
 */
export async function listRecoveries(dir: string): Promise<RecoveryEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const host = os.hostname();
  const entries: RecoveryEntry[] = [];
  for (const name of names) {
    if (!name.endsWith(EXTENSION)) continue;
    const file = path.join(dir, name);
    const read = await readHeader(file);
    if (!read) continue;
    const { header, size } = read;
    const writerAlive = header.host === host && header.pid !== process.pid && isProcessAlive(header.pid);
    entries.push({ ...header, file, size, writerAlive });
  }
  return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/**
 * Recovery copies left behind by a crash: the writer is gone (not a live process on this
 * machine). Copies written by this process are orphans only when `liveSessionIds` is given
 * and does not hold their session (a window whose page crashed and was reloaded).
 * These are what the start-up prompt offers.
 */
export async function listOrphanedRecoveries(dir: string, liveSessionIds?: ReadonlySet<string>): Promise<RecoveryEntry[]> {
  const host = os.hostname();
  return (await listRecoveries(dir)).filter((e) => {
    if (e.writerAlive) return false;
    if (e.host === host && e.pid === process.pid) return liveSessionIds !== undefined && !liveSessionIds.has(e.sessionId);
    return true;
  });
}

/** A restored recovery copy: the project, its header and any restore() warnings. */
export interface RestoredRecovery extends ParsedProjectFile {
  readonly header: RecoveryHeader;
}

/**
 * Reads a recovery copy back as a project.
 * @throws UserError `recovery-missing` or `recovery-corrupt` (Chinese message naming the copy).
 */
export async function readRecovery(dir: string, sessionId: string): Promise<RestoredRecovery> {
  assertSessionId(sessionId);
  const file = path.join(dir, `${sessionId}${EXTENSION}`);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UserError('recovery-missing', '找不到该恢复副本，它可能已被删除。');
  }
  const nl = text.indexOf('\n');
  if (!text.startsWith(MAGIC) || nl < 0) throw new UserError('recovery-corrupt', `恢复副本“${path.basename(file)}”已损坏。`);
  try {
    const header = JSON.parse(text.slice(MAGIC.length, nl)) as RecoveryHeader;
    const parsed = parseProjectFile(text.slice(nl + 1));
    return { header, ...parsed };
  } catch (e) {
    const reason = isUserError(e) ? e.message : loggedCause(`恢复副本 ${file}`, e);
    throw new UserError('recovery-corrupt', `恢复副本“${path.basename(file)}”无法读取：${reason}`);
  }
}

/** Deletes a recovery copy (after a save, a clean close, or when the user declines it). */
export async function discardRecovery(dir: string, sessionId: string): Promise<void> {
  assertSessionId(sessionId);
  await fs.rm(path.join(dir, `${sessionId}${EXTENSION}`), { force: true });
}

/** Local time of a recovery copy for the prompt, e.g. 「2025-03-01 14:05:09」. */
export function formatRecoveryTime(savedAt: string): string {
  const d = new Date(savedAt);
  if (Number.isNaN(d.getTime())) return savedAt;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * Debounces autosave: `touch()` after every edit; `write` runs once edits have stopped for
 * `delayMs` (about a second). At most one write runs at a time; a touch during a write
 * schedules one more. `flush()` writes now if something is pending; `cancel()` drops it.
 */
export class AutosaveScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private pending = false;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly delayMs = 1000,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** Call after each edit: (re)starts the quiet-period timer. */
  touch(): void {
    this.pending = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Writes now if an edit is pending; resolves when the write (and any queued one) is done. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.running) await this.running;
    if (!this.pending) return;
    this.pending = false;
    this.running = this.write()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }

  /** Drops a pending write (after the document was saved or closed). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = false;
  }
}
