/**
 * The 最近打开的文件 list: `<userData>/recent-files.json`, newest first, at most
 * `MAX_RECENT_FILES` entries. Files that no longer exist are pruned when the list is read.
 * A missing or corrupt list file is an empty list (never an error at start-up).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';

/** Most files kept in the list. */
export const MAX_RECENT_FILES = 10;

/** One entry of the list. */
export interface RecentFile {
  /** Absolute path. */
  readonly path: string;
  /** When it was last opened or saved, ISO 8601. */
  readonly openedAt: string;
}

interface RecentFilesDocument {
  readonly version: 1;
  readonly files: readonly RecentFile[];
}

/** The list file inside the user-data folder. */
export function recentFilesPath(userDataDir: string): string {
  return path.join(userDataDir, 'recent-files.json');
}

/** Paths compare case-insensitively on Windows and macOS (default file systems), exactly elsewhere. */
function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  const na = path.resolve(a);
  const nb = path.resolve(b);
  return platform === 'win32' || platform === 'darwin' ? na.toLowerCase() === nb.toLowerCase() : na === nb;
}

function isRecentFile(x: unknown): x is RecentFile {
  const r = x as RecentFile;
  return !!r && typeof r.path === 'string' && r.path.length > 0 && typeof r.openedAt === 'string';
}

async function readList(file: string): Promise<RecentFile[]> {
  try {
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<RecentFilesDocument>;
    return Array.isArray(doc.files) ? doc.files.filter(isRecentFile).slice(0, MAX_RECENT_FILES) : [];
  } catch {
    return [];
  }
}

async function writeList(file: string, files: readonly RecentFile[]): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const doc: RecentFilesDocument = { version: 1, files };
  await writeFileAtomic(file, `${JSON.stringify(doc, null, 2)}\n`, { keepBackup: false });
}

async function exists(filePath: string): Promise<boolean> {
  try {
    return (await fs.stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/**
 * The recent-files list of one user-data folder. Calls are serialized, so a quick
 * open-then-save never loses an entry to interleaved read-modify-write.
 */
export class RecentFilesService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly userDataDir: string,
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private serialized<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private get file(): string {
    return recentFilesPath(this.userDataDir);
  }

  /** The list, newest first, without files that no longer exist (pruned on disk too). */
  list(): Promise<RecentFile[]> {
    return this.serialized(async () => {
      const files = await readList(this.file);
      const kept: RecentFile[] = [];
      for (const f of files) if (await exists(f.path)) kept.push(f);
      if (kept.length !== files.length) await writeList(this.file, kept).catch(() => undefined);
      return kept;
    });
  }

  /** Puts a file at the top (opened or saved now); drops the oldest beyond the maximum. */
  add(filePath: string): Promise<RecentFile[]> {
    return this.serialized(async () => {
      const abs = path.resolve(filePath);
      const files = (await readList(this.file)).filter((f) => !samePath(f.path, abs, this.platform));
      const next = [{ path: abs, openedAt: this.now().toISOString() }, ...files].slice(0, MAX_RECENT_FILES);
      await writeList(this.file, next);
      return next;
    });
  }

  /** Removes one file (e.g. after it failed to open). */
  remove(filePath: string): Promise<RecentFile[]> {
    return this.serialized(async () => {
      const next = (await readList(this.file)).filter((f) => !samePath(f.path, filePath, this.platform));
      await writeList(this.file, next);
      return next;
    });
  }

  /** Empties the list (菜单 文件 › 最近打开 › 清除列表). */
  clear(): Promise<void> {
    return this.serialized(() => writeList(this.file, []));
  }
}
