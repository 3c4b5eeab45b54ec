import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ZodError } from 'zod';
import { UserError, isUserError } from '../../shared/errors';
import {
  ARG_SCHEMAS, CHANNELS, fail, ok,
  type Channel, type IpcContract, type IpcResult, type OpenedFile, type PrintSettings, type RecentFile, type RecoveryOffer, type DocumentExportOptions,
} from '../../shared/ipc';
import type { IndicatorLibrary } from '../../shared/library/types';
import type { Project } from '../../shared/model/types';
import type { Dialogs } from './dialogs';
import { schemaIssueDetail } from '../../shared/file/parse-messages';
import { loggedCause, sanitizeUserMessage } from '../services/internal-log';

/**
 * The IPC handler table: a plain Node module (no electron import) that validates arguments
 * with the shared zod schemas and calls the services. main.ts registers each entry with
 * `ipcMain.handle(channel, (event, args) => { checkSender(event); return handlers[channel](args) })`;
 * the browser tests bind the same table to `window.jxmb` through Playwright.
 */

/** Recent-files storage (a JSON file in userData in Electron; memory in tests). */
export interface RecentStore {
  list(): Promise<RecentFile[]>;
  add(filePath: string): Promise<void>;
}

/** Recovery copies of this session (electron/services/recovery-service.ts bound to a folder and session id). */
export interface RecoveryStore {
  /** Copies left by sessions that ended without saving, newest first. */
  check(): Promise<RecoveryOffer[]>;
  restore(sessionId: string): Promise<OpenedFile>;
  write(project: Project, originalPath: string | null): Promise<{ savedAt: string }>;
  /** Deletes a copy; this session's when no id is given. */
  discard(sessionId?: string): Promise<void>;
}

/** The user's own 指标库 (electron/services/library/user-library-service.ts). */
export interface LibraryStore {
  library(): Promise<IndicatorLibrary>;
  /** Learns from a project just saved to `filePath` (replaces what that file taught before). */
  learn(filePath: string, project: Project): Promise<void>;
  /** Writes the library file; the number of entries. */
  exportTo(filePath: string): Promise<number>;
  /** Adds a library file; the number of entries read. */
  importFrom(filePath: string): Promise<number>;
}

/** Everything the handlers call; services are injected so tests and Electron share the table. */
export interface HandlerDeps {
  readonly dialogs: Dialogs;
  /**
   * Reads a project. May open another path (an editable copy of a file locked elsewhere:
   * `path`), mark it read-only, or answer null when the user cancelled (lock prompt).
   */
  readonly loadProject: (
    filePath: string,
  ) => Promise<{ project: Project; warnings: readonly string[]; path?: string; readOnly?: boolean } | null>;
  readonly saveProject: (filePath: string, project: Project) => Promise<void>;
  /** Reads a project without taking the document lock (an uploaded copy in a temporary folder); default: loadProject. */
  readonly readProject?: (filePath: string) => Promise<{ project: Project; warnings: readonly string[] }>;
  readonly importXlsx: (filePath: string) => Promise<{ project: Project; warnings: readonly string[] }>;
  readonly exportXlsx: (filePath: string, project: Project, tableIndices?: readonly number[]) => Promise<void>;
  /** 回填 into a copy of the source (or `template`), written to `filePath`; answers the report lines. */
  readonly fillXlsx?: (filePath: string, project: Project, options: { template?: string; projectPath?: string }) => Promise<{ lines: readonly string[] }>;
  /** Absolute path of resources/sample.jxmb. */
  readonly samplePath: string;
  readonly recent?: RecentStore;
  readonly recovery?: RecoveryStore;
  /** Writes a PDF of the print layout (shared/print renderPrintHtml with these tables and options). */
  readonly exportPdf?: (filePath: string, project: Project, tableIndices?: readonly number[], options?: PrintSettings) => Promise<void>;
  /** 导出绩效文本: writes the document (shared/document) as PDF or .docx, by the path's extension. */
  readonly exportDocument?: (filePath: string, project: Project, options?: DocumentExportOptions) => Promise<void>;
  /** Prints the print layout through the system dialog; false when the user cancelled. */
  readonly print?: (project: Project, tableIndices?: readonly number[], options?: PrintSettings) => Promise<boolean>;
  /** Called when the renderer has resolved unsaved changes and the window may close. */
  readonly confirmClose?: () => void;
  readonly setDocumentState?: (state: { title: string; dirty: boolean }) => void;
  /** The user's 指标库; absent: library:get answers an empty library and saving learns nothing. */
  readonly library?: LibraryStore;
}

type Handler<C extends Channel> = (args: IpcContract[C]['args']) => Promise<IpcContract[C]['result']>;
type Implementations = { [C in Channel]: Handler<C> };

/** A validated, envelope-returning handler per channel. */
export type IpcHandlers = { readonly [C in Channel]: (rawArgs: unknown) => Promise<IpcResult<IpcContract[C]['result']>> };

/** A recent-files store in memory (tests, and the default until main.ts wires a file-backed one). */
export function memoryRecentStore(limit = 10): RecentStore {
  let items: RecentFile[] = [];
  return {
    list: async () => items.slice(),
    add: async (filePath) => {
      const entry = { path: filePath, name: path.basename(filePath), openedAt: new Date().toISOString() };
      items = [entry, ...items.filter((i) => i.path !== filePath)].slice(0, limit);
    },
  };
}

function baseName(suggested: string | undefined, project: Project, ext: string): string {
  const raw = suggested?.trim() || project.tables[0]?.projectName?.trim() || '绩效目标表';
  const safe = raw.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120);
  return safe.toLowerCase().endsWith(ext) ? safe : `${safe}${ext}`;
}

/**
 * Reads an uploaded file (base64) through a temporary copy that is removed afterwards. The result
 * has no path: nothing may be written back to a file the editor never saw on disk.
 */
async function readUpload(deps: HandlerDeps, args: { name: string; kind: 'project' | 'xlsx'; data: string }): Promise<OpenedFile> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jxmb-upload-'));
  const file = path.join(dir, path.basename(args.name).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'upload');
  try {
    await fs.writeFile(file, Buffer.from(args.data, 'base64'));
    if (args.kind === 'xlsx') return { path: '', ...(await deps.importXlsx(file)) };
    const loaded = deps.readProject ? await deps.readProject(file) : await deps.loadProject(file);
    if (!loaded) throw new UserError('cancelled', '已取消打开。');
    return { path: '', project: loaded.project, warnings: loaded.warnings };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function implementations(deps: HandlerDeps): Implementations {
  const recent = deps.recent ?? memoryRecentStore();
  const remember = async (filePath: string) => {
    try { await recent.add(filePath); } catch { /* the recent list is a convenience; never fail an open or save for it */ }
  };
  // the 指标库 learns from every save, in the background: it never delays or fails a save
  const learn = (filePath: string, project: Project) => void deps.library?.learn(filePath, project).catch(() => undefined);
  // The file the page's document belongs to, as main knows it: 保存 writes here and nowhere the
  // page names. Set by open / restore / save; cleared by whatever gives the page an untitled project.
  let documentPath: string | null = null;
  const opened = (file: OpenedFile): OpenedFile => {
    documentPath = file.path || null;
    return file;
  };
  const openProjectAt = async (filePath: string): Promise<OpenedFile | null> => {
    const loaded = await deps.loadProject(filePath);
    if (!loaded) return null;
    if (isSample(filePath)) return opened({ path: '', project: loaded.project, warnings: loaded.warnings });
    const actual = loaded.path ?? filePath;
    await remember(actual);
    return opened({ path: actual, project: loaded.project, warnings: loaded.warnings, ...(loaded.readOnly ? { readOnly: true } : {}) });
  };
  const saveAt = async (filePath: string, project: Project) => {
    await deps.saveProject(writable(filePath), project);
    documentPath = filePath;
    learn(filePath, project);
    await remember(filePath);
    return { path: filePath };
  };
  const saveAs = async (project: Project, suggestedName: string | undefined) => {
    const filePath = await deps.dialogs.saveProject(baseName(suggestedName, project, '.jxmb'));
    return filePath ? saveAt(filePath, project) : null;
  };
  // The installation folder (where the embedded sample lives) is never written: the sample opens
  // as an untitled copy (path ''), and no save may target that folder.
  // No sample (samplePath ''), no installation folder to guard: '' must not resolve to the working folder.
  const installDir = deps.samplePath ? path.dirname(path.resolve(deps.samplePath)) : null;
  const isSample = (filePath: string) => deps.samplePath !== '' && path.resolve(filePath) === path.resolve(deps.samplePath);
  const writable = (filePath: string) => {
    const dir = path.dirname(path.resolve(filePath));
    if (installDir !== null && (dir === installDir || dir.startsWith(installDir + path.sep))) {
      throw new UserError('install-folder', `不能保存到软件的安装文件夹（${installDir}）。请用“另存为”保存到其他位置，例如“文档”文件夹。`);
    }
    return filePath;
  };
  const unsupported = (what: string): Promise<never> => Promise.reject(new UserError('unsupported', `此版本暂不支持${what}。`));
  return {
    'project:open': async (args) => {
      const filePath = args?.path ?? (await deps.dialogs.openProject());
      return filePath ? openProjectAt(filePath) : null;
    },
    'project:openSample': async () => {
      const loaded = await deps.loadProject(deps.samplePath);
      if (!loaded) throw new UserError('cancelled', '已取消打开示例项目。');
      return opened({ path: '', project: loaded.project, warnings: loaded.warnings });
    },
    // 保存: to the document's own file; a document without one asks where, like 另存为.
    'project:save': async ({ project }) => (documentPath ? saveAt(documentPath, project) : saveAs(project, undefined)),
    'project:saveAs': async ({ project, suggestedName }) => saveAs(project, suggestedName),
    'xlsx:import': async (args) => {
      const filePath = args?.path ?? (await deps.dialogs.openXlsx());
      if (!filePath) return null;
      const { project, warnings } = await deps.importXlsx(filePath);
      // The imported project is unsaved: `path` names the workbook, not a file 保存 may write.
      documentPath = null;
      return { path: filePath, project, warnings };
    },
    'file:upload': async (args) => opened(await readUpload(deps, args)),
    'xlsx:export': async ({ project, tableIndices, suggestedName }) => {
      const filePath = await deps.dialogs.saveXlsx(baseName(suggestedName, project, '.xlsx'));
      if (!filePath) return null;
      await deps.exportXlsx(filePath, project, tableIndices);
      return { path: filePath };
    },
    'xlsx:fill': async ({ project, template, projectPath, suggestedName }) => {
      if (!deps.fillXlsx) return unsupported('回填');
      if (!template && !project.source) throw new UserError('FILL_NO_SOURCE', '此项目不是从 Excel 工作簿导入的，没有原表可回填；请用“回填到模板…”选择一个工作簿。');
      const templatePath = template ? await deps.dialogs.openXlsx() : undefined;
      if (template && !templatePath) return null;
      const sourceName = project.source?.fileName.replace(/\.[^.]+$/, '');
      const filePath = await deps.dialogs.saveXlsx(baseName(suggestedName ?? (sourceName ? `${sourceName}（回填）` : undefined), project, '.xlsx'));
      if (!filePath) return null;
      const report = await deps.fillXlsx(filePath, project, { template: templatePath ?? undefined, projectPath: projectPath ?? undefined });
      return { path: filePath, lines: report.lines };
    },
    'pdf:export': async ({ project, tableIndices, suggestedName, options }) => {
      if (!deps.exportPdf) return unsupported('导出PDF');
      const filePath = await deps.dialogs.savePdf(baseName(suggestedName, project, '.pdf'));
      if (!filePath) return null;
      await deps.exportPdf(filePath, project, tableIndices, options);
      return { path: filePath };
    },
    'document:export': async ({ project, format, suggestedName, options }) => {
      if (!deps.exportDocument) return unsupported('导出绩效文本');
      const filePath = await deps.dialogs.saveDocument(baseName(suggestedName, project, format === 'pdf' ? '.pdf' : '.docx'), format);
      if (!filePath) return null;
      await deps.exportDocument(filePath, project, options);
      return { path: filePath };
    },
    'print:tables': async ({ project, tableIndices, options }) =>
      (deps.print ? deps.print(project, tableIndices, options) : unsupported('打印')),
    'recent:list': async () => recent.list(),
    'recovery:check': async () => (deps.recovery ? deps.recovery.check() : []),
    'recovery:restore': async ({ sessionId }) => (deps.recovery ? opened(await deps.recovery.restore(sessionId)) : unsupported('恢复')),
    'recovery:write': async ({ project }) =>
      deps.recovery ? deps.recovery.write(project, documentPath) : { savedAt: new Date().toISOString() },
    'recovery:discard': async (args) => {
      await deps.recovery?.discard(args?.sessionId);
      return true;
    },
    'app:confirmClose': async () => {
      deps.confirmClose?.();
      return true;
    },
    'app:setDocumentState': async (state) => {
      deps.setDocumentState?.(state);
      return true;
    },
    'library:get': async () => (deps.library ? deps.library.library() : { format: 'jxmb-indicator-library', version: 1, entries: [] }),
    'library:export': async () => {
      if (!deps.library) return unsupported('导出指标库');
      const filePath = (await deps.dialogs.saveLibrary?.('指标库.json')) ?? null;
      return filePath ? { path: filePath, count: await deps.library.exportTo(filePath) } : null;
    },
    'library:import': async (args) => {
      if (!deps.library) return unsupported('导入指标库');
      const filePath = args?.path ?? (await deps.dialogs.openLibrary?.()) ?? null;
      return filePath ? { path: filePath, count: await deps.library.importFrom(filePath) } : null;
    },
  };
}

function toFailure(e: unknown): IpcResult<never> {
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    return fail('bad-args', `参数无效：${issue ? `${issue.path.join('.') || '(参数)'} ${schemaIssueDetail(issue)}` : '格式不符'}。请保存后重试；如仍出现，请把日志发给技术支持（${loggedCause('IPC 参数', e)}）`);
  }
  if (isUserError(e)) return fail(e.code, sanitizeUserMessage(e.message, `IPC ${e.code}`));
  return fail('internal', `操作未能完成（程序内部出错）：请重试；如仍出现，请把日志发给技术支持（${loggedCause('IPC', e)}）`);
}

/** Builds the handler table: each entry validates its argument, runs, and never rejects. */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const impl = implementations(deps);
  const table = {} as Record<Channel, (rawArgs: unknown) => Promise<IpcResult<unknown>>>;
  for (const channel of CHANNELS) {
    const schema = ARG_SCHEMAS[channel];
    const run = impl[channel] as (args: unknown) => Promise<unknown>;
    table[channel] = async (rawArgs) => {
      try {
        const args = schema.parse(rawArgs ?? undefined);
        return ok(await run(args));
      } catch (e) {
        return toFailure(e);
      }
    };
  }
  return table as unknown as IpcHandlers;
}

/** True when `channel` is one of the contract's channels (for main's sender/channel checks). */
export function isChannel(channel: string): channel is Channel {
  return (CHANNELS as string[]).includes(channel);
}
