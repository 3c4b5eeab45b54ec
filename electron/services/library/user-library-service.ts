/**
 * The user's own 指标库: `<userData>/indicator-library.json`, grown from every project the user
 * saves and from imported library files, exported as a library file to share (e.g. with a
 * township). Local only. Each saved file and each import is one source whose entries are
 * replaced when it is saved again (re-saving never inflates counts); the library is their merge.
 * Writes are atomic and serialised; a corrupt file is set aside (`.corrupt-<time>`), never lost.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError, isUserError } from '../../../shared/errors';
import {
  entriesFromObservations, libraryEntrySchema, makeLibrary, mergeEntries, observeTable, parseLibraryFile, serializeLibrary,
  type IndicatorLibrary, type LibraryEntry, type Observation,
} from '../../../shared/library';
import type { Project } from '../../../shared/model/types';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-write';
import { describeFsError } from '../project-file-service';
import { nameInitials } from './pinyin';

/** Format tag of the user-data file (not a library file: it keeps its sources apart). */
export const USER_LIBRARY_FORMAT = 'jxmb-user-indicator-library';

/** Most sources kept (oldest dropped first): a clerk's files over many years. */
export const MAX_SOURCES = 2000;

/** One contribution: a saved project file or an imported library. */
export interface LibrarySource {
  /** `file:<absolute path>` or `import:<file name>`. */
  readonly id: string;
  /** ISO 8601 time of the last update. */
  readonly updatedAt: string;
  readonly entries: readonly LibraryEntry[];
}

interface UserLibraryDocument {
  readonly format: typeof USER_LIBRARY_FORMAT;
  readonly version: 1;
  readonly sources: readonly LibrarySource[];
}

const documentSchema = z.object({
  format: z.literal(USER_LIBRARY_FORMAT),
  version: z.literal(1),
  sources: z.array(z.object({ id: z.string().min(1).max(5000), updatedAt: z.string().max(40), entries: z.array(libraryEntrySchema) })),
});

/** The file inside the user-data folder. */
export function userLibraryPath(userDataDir: string): string {
  return path.join(userDataDir, 'indicator-library.json');
}

/** The user's library service bound to one user-data folder (one instance per folder: `userLibraryFor`). */
export class UserLibraryService {
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();
  private cached: LibrarySource[] | null = null;

  constructor(userDataDir: string) {
    this.file = userLibraryPath(userDataDir);
  }

  /** Runs `op` after every earlier operation (reads and writes never interleave). */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async sources(): Promise<LibrarySource[]> {
    if (this.cached) return this.cached;
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return (this.cached = []);
      throw describeFsError(e, this.file, '读取');
    }
    try {
      this.cached = documentSchema.parse(JSON.parse(text)).sources as LibrarySource[];
    } catch {
      // corrupt or foreign: keep it aside for inspection and start a fresh library
      await fs.rename(this.file, `${this.file}.corrupt-${Date.now()}`).catch(() => undefined);
      this.cached = [];
    }
    return this.cached;
  }

  private async store(sources: LibrarySource[]): Promise<void> {
    const kept = sources.slice(-MAX_SOURCES);
    const doc: UserLibraryDocument = { format: USER_LIBRARY_FORMAT, version: 1, sources: kept };
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(doc)}\n`, { keepBackup: true });
    this.cached = kept;
  }

  private async replaceSource(id: string, entries: readonly LibraryEntry[]): Promise<void> {
    const rest = (await this.sources()).filter((s) => s.id !== id);
    if (entries.length > 0) rest.push({ id, updatedAt: new Date().toISOString(), entries });
    await this.store(rest);
  }

  /** The merged library of every source (empty when nothing was saved yet). */
  library(): Promise<IndicatorLibrary> {
    return this.serial(async () => makeLibrary(mergeEntries(...(await this.sources()).map((s) => s.entries))));
  }

  /**
   * Learns from a saved project: its entries replace what the same file contributed before.
   * Table by table, yielding to the event loop in between (main keeps answering other IPC while
   * a large project is analysed).
   */
  learn(filePath: string, project: Project): Promise<void> {
    return this.serial(async () => {
      const observations: Observation[] = [];
      for (let t = 0; t < project.tables.length; t++) {
        observations.push(...observeTable(project, t));
        await new Promise((resolve) => setImmediate(resolve));
      }
      await this.replaceSource(`file:${path.resolve(filePath)}`, entriesFromObservations(observations, nameInitials));
    });
  }

  /**
   * Writes the merged library to `filePath` as a library file; returns the number of entries.
   * @throws UserError naming the file when it cannot be written.
   */
  async exportTo(filePath: string): Promise<number> {
    const library = await this.library();
    try {
      await writeFileAtomic(filePath, serializeLibrary(library), { keepBackup: false });
    } catch (e) {
      throw describeFsError(e, filePath, '写入');
    }
    return library.entries.length;
  }

  /**
   * Adds a library file (another township's export, a `jxmb library build` output) as a source
   * named after the file (importing the same file name again replaces it). Returns the number of
   * entries read.
   * @throws UserError naming the file when it is unreadable or not a library file.
   */
  importFrom(filePath: string): Promise<number> {
    return this.serial(async () => {
      let text: string;
      try {
        text = await fs.readFile(filePath, 'utf8');
      } catch (e) {
        throw describeFsError(e, filePath, '读取');
      }
      let imported: IndicatorLibrary;
      try {
        imported = parseLibraryFile(text);
      } catch (e) {
        if (isUserError(e)) throw new UserError(e.code, `“${path.basename(filePath)}”：${e.message}`);
        throw e;
      }
      await this.replaceSource(`import:${path.basename(filePath)}`, imported.entries);
      return imported.entries.length;
    });
  }

  /** Resolves when every queued operation has finished (tests). */
  async idle(): Promise<void> {
    await this.queue;
  }
}

const services = new Map<string, UserLibraryService>();

/** The one service of a user-data folder (windows of one app share it, so writes stay serialised). */
export function userLibraryFor(userDataDir: string): UserLibraryService {
  const key = path.resolve(userDataDir);
  let s = services.get(key);
  if (!s) services.set(key, (s = new UserLibraryService(key)));
  return s;
}
