import path from 'node:path';
import { scriptedDialogs, type Dialogs } from '../../electron/host/dialogs';
import { createIpcHandlers, type HandlerDeps, type IpcHandlers, type RecoveryStore } from '../../electron/host/ipc-handlers';
import { fillProjectFile } from '../../electron/services/fill/fill-service';
import { exportXlsxFile, importXlsxWithSource } from '../../electron/services/import-service';
import { writeDocument } from '../../electron/services/document-service';
import { writePrintPdf } from '../../electron/services/print-pdf-service';
import { loadProjectFile, saveProjectFile } from '../../electron/services/project-file-service';
import { UserLibraryService } from '../../electron/services/library/user-library-service';
import { RecentFilesService } from '../../electron/services/recent-files-service';
import { discardRecovery, listOrphanedRecoveries, readRecovery, writeRecovery } from '../../electron/services/recovery-service';
import { importReport } from '../../shared/xlsx/import-report';
import { tempDir } from './temp-dir';

/** A recovery store bound to a folder and a session id (the shape main.ts wires in Electron). */
export function recoveryStore(dir: string, sessionId: string): RecoveryStore {
  return {
    check: async () => (await listOrphanedRecoveries(dir)).map((e) => ({ sessionId: e.sessionId, originalPath: e.originalPath, title: e.title, savedAt: e.savedAt })),
    restore: async (id) => {
      const r = await readRecovery(dir, id);
      return { path: r.header.originalPath ?? '', project: r.project, warnings: r.warnings };
    },
    write: async (project, originalPath) => ({ savedAt: (await writeRecovery(dir, { sessionId, originalPath, project })).savedAt }),
    discard: (id) => discardRecovery(dir, id ?? sessionId),
  };
}

export interface E2eEnvironment {
  readonly dir: string;
  readonly dialogs: Dialogs & { readonly asked: string[] };
  readonly answers: Partial<Record<keyof Dialogs, (string | null)[]>>;
  readonly handlers: IpcHandlers;
  readonly deps: HandlerDeps;
  readonly closeRequests: number[];
}

/**
 * The same handler table Electron uses, over the real services, in a temporary user-data
 * folder; file pickers answer from `answers` (push paths before an action).
 */
export async function createE2eEnvironment(options: { sessionId?: string; recoveryDir?: string } = {}): Promise<E2eEnvironment> {
  const dir = tempDir('jxmb-e2e-');
  const answers: E2eEnvironment['answers'] = { openProject: [], saveProject: [], openXlsx: [], saveXlsx: [], savePdf: [], openLibrary: [], saveLibrary: [], saveDocument: [] };
  const dialogs = scriptedDialogs(answers);
  const recent = new RecentFilesService(dir);
  const closeRequests: number[] = [];
  const deps: HandlerDeps = {
    dialogs,
    loadProject: (p) => loadProjectFile(p),
    saveProject: saveProjectFile,
    importXlsx: async (p) => {
      const r = await importXlsxWithSource(p);
      return { project: r.project, warnings: [...importReport(r.warnings).lines] };
    },
    exportXlsx: (p, project, tables) => exportXlsxFile(project, p, tables ? { tables } : {}),
    fillXlsx: (p, project, options) => fillProjectFile(project, { output: p, ...options }),
    samplePath: path.resolve(__dirname, '../../resources/sample.jxmb'),
    recent: { list: async () => (await recent.list()).map((f) => ({ ...f, name: path.basename(f.path) })), add: async (p) => { await recent.add(p); } },
    recovery: recoveryStore(options.recoveryDir ?? path.join(dir, 'recovery'), options.sessionId ?? 'e2e-session'),
    confirmClose: () => { closeRequests.push(Date.now()); },
    // As in browser mode: PDF through Chromium (pdf-service); no system print dialog.
    exportPdf: (p, project, tables, settings) => writePrintPdf(p, project, tables, settings),
    library: new UserLibraryService(dir),
    exportDocument: async (p, project, options) => { await writeDocument(p, project, options); },
  };
  return { dir, dialogs, answers, handlers: createIpcHandlers(deps), deps, closeRequests };
}
