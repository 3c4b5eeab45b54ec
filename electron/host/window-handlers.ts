import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/errors';
import type { OpenedFile, RecentFile as IpcRecentFile, RecoveryOffer } from '../../shared/ipc';
import type { Project } from '../../shared/model/types';
import { loadProjectFileIsolated, saveProjectFile } from '../services/project-file-service';
import { RecentFilesService } from '../services/recent-files-service';
import {
  discardRecovery,
  listOrphanedRecoveries,
  newSessionId,
  readRecovery,
  recoveryDir,
  writeRecovery,
} from '../services/recovery-service';
import type { Dialogs } from './dialogs';
import { DocumentSession, selectTables, type SessionPrompts } from './document-session';
import { createIpcHandlers, type HandlerDeps, type IpcHandlers, type LibraryStore, type RecentStore, type RecoveryStore } from './ipc-handlers';

/**
 * Wires E's handler table (ipc-handlers.ts) to the real services for ONE editor window:
 * its DocumentSession (lock + disk-change checks), its recovery session id, the shared
 * recent-files list. A plain Node module: Electron main (main.ts) and the browser host
 * (electron/dev/browser-host.ts) both build their windows' handlers with it.
 */

/** Process-wide settings for every window. */
export interface AppEnvironment {
  /** The user-data folder (recovery copies, recent files, settings). */
  readonly userDataDir: string;
  /** Absolute path of the embedded sample project. */
  readonly samplePath: string;
  /** Folder for editable copies when the original folder is read-only (e.g. Documents). */
  readonly documentsDir?: string;
}

/** Per-window hooks into the window system (Electron BrowserWindow or a browser page). */
export interface WindowHooks {
  readonly dialogs: Dialogs;
  readonly prompts: SessionPrompts;
  readonly confirmClose?: () => void;
  readonly setDocumentState?: (state: { title: string; dirty: boolean }) => void;
  readonly print?: HandlerDeps['print'];
  readonly exportPdf?: HandlerDeps['exportPdf'];
  /** 导出绩效文本; default: electron/services/document-service.ts (PDF through a Chromium-family browser). */
  readonly exportDocument?: HandlerDeps['exportDocument'];
  /** Called after the recent list changed (main rebuilds the 最近打开 menu). */
  readonly recentChanged?: () => void;
}

/** What a window owns besides its handlers. */
export interface WindowContext {
  readonly sessionId: string;
  readonly session: DocumentSession;
  readonly handlers: IpcHandlers;
  /** Release the lock and discard this window's recovery copy (clean close). */
  dispose(options?: { keepRecovery?: boolean }): Promise<void>;
}

/** A recent store over the JSON file in user data, in the contract's shape. */
export function fileRecentStore(service: RecentFilesService, changed?: () => void): RecentStore {
  return {
    list: async (): Promise<IpcRecentFile[]> =>
      (await service.list()).map((f) => ({ path: f.path, name: path.basename(f.path), openedAt: f.openedAt })),
    add: async (filePath) => {
      await service.add(filePath);
      changed?.();
    },
  };
}

/** Sessions of the windows open in this process (their recovery copies are not crashes). */
const liveSessions = new Set<string>();

function recoveryStore(env: AppEnvironment, sessionId: string, session: DocumentSession): RecoveryStore {
  const dir = recoveryDir(env.userDataDir);
  return {
    check: async (): Promise<RecoveryOffer[]> =>
      (await listOrphanedRecoveries(dir, liveSessions)).map((e) => ({ sessionId: e.sessionId, originalPath: e.originalPath, title: e.title, savedAt: e.savedAt })),
    restore: async (id): Promise<OpenedFile> => {
      const restored = await readRecovery(dir, id);
      const original = restored.header.originalPath;
      let openedPath = original ?? '';
      let readOnly = false;
      if (original && (await exists(original))) {
        const decision = await session.adopt(original, restored.header.base);
        if (!decision) throw new UserError('cancelled', '已取消恢复。');
        openedPath = decision.path;
        readOnly = decision.readOnly;
      }
      // The restored edits now live in this session; its own copy replaces the old one.
      await writeRecovery(dir, { sessionId, originalPath: original, project: restored.project, base: restored.header.base });
      await discardRecovery(dir, id);
      return { path: openedPath, project: restored.project, warnings: restored.warnings, ...(readOnly ? { readOnly: true } : {}) };
    },
    write: async (project: Project, originalPath: string | null) => {
      const header = await writeRecovery(dir, { sessionId, originalPath, project, base: originalPath ? session.fingerprint() : undefined });
      return { savedAt: header.savedAt };
    },
    discard: (id) => discardRecovery(dir, id ?? sessionId),
  };
}

async function exists(filePath: string): Promise<boolean> {
  try {
    return (await fs.stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/** Loads the xlsx services lazily: import-service is another engineer's module, not needed to start. */
function xlsxServices(): typeof import('../services/import-service') {
  return require('../services/import-service') as typeof import('../services/import-service');
}

/** Loads the fill service lazily (not needed to start). */
function fillService(): typeof import('../services/fill/fill-service') {
  return require('../services/fill/fill-service') as typeof import('../services/fill/fill-service');
}

/** The user's 指标库 of a user-data folder, loaded on first use (pinyin dictionary and validation stay out of start-up). */
function lazyUserLibrary(userDataDir: string): LibraryStore {
  const service = () => import('../services/library/user-library-service').then((m) => m.userLibraryFor(userDataDir));
  return {
    library: async () => (await service()).library(),
    learn: async (filePath, project) => (await service()).learn(filePath, project),
    exportTo: async (filePath) => (await service()).exportTo(filePath),
    importFrom: async (filePath) => (await service()).importFrom(filePath),
  };
}

/** Builds one window's handler table and document session. */
export function createWindowContext(env: AppEnvironment, hooks: WindowHooks, recent: RecentFilesService): WindowContext {
  const sessionId = newSessionId();
  liveSessions.add(sessionId);
  const session = new DocumentSession({ prompts: hooks.prompts, unlockedPaths: [env.samplePath], copyFallbackDir: env.documentsDir });
  const deps: HandlerDeps = {
    dialogs: hooks.dialogs,
    samplePath: env.samplePath,
    loadProject: async (filePath) => {
      const opened = await session.open(filePath, (actual) => loadProjectFileIsolated(actual));
      if (!opened) return null;
      return { ...opened.value, path: opened.decision.path, readOnly: opened.decision.readOnly };
    },
    saveProject: (filePath, project) => session.save(filePath, () => saveProjectFile(filePath, project)),
    readProject: (filePath) => loadProjectFileIsolated(filePath),
    importXlsx: async (filePath) => {
      const result = await xlsxServices().importXlsxWithSource(filePath, {});
      const { importReport } = await import('../../shared/xlsx/import-report');
      return { project: result.project, warnings: [...importReport(result.warnings).lines] };
    },
    exportXlsx: (filePath, project, tableIndices) => xlsxServices().exportXlsxFile(selectTables(project, tableIndices), filePath, {}),
    fillXlsx: (filePath, project, options) => fillService().fillProjectFile(project, { output: filePath, ...options }),
    recent: fileRecentStore(recent, hooks.recentChanged),
    recovery: recoveryStore(env, sessionId, session),
    print: hooks.print,
    exportPdf: hooks.exportPdf,
    exportDocument: hooks.exportDocument ?? (async (filePath, project, options) => {
      const { writeDocument } = await import('../services/document-service');
      await writeDocument(filePath, project, options);
    }),
    confirmClose: hooks.confirmClose,
    setDocumentState: hooks.setDocumentState,
    library: lazyUserLibrary(env.userDataDir),
  };
  const dir = recoveryDir(env.userDataDir);
  return {
    sessionId,
    session,
    handlers: createIpcHandlers(deps),
    dispose: async (options = {}) => {
      liveSessions.delete(sessionId);
      await session.close();
      if (!options.keepRecovery) await discardRecovery(dir, sessionId);
    },
  };
}
