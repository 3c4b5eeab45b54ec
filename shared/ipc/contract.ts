import { z } from 'zod';
import { projectSchema } from '../file/schema';
import type { IndicatorLibrary } from '../library/types';
import { PROJECT_LIMITS } from '../limits';
import type { Project } from '../model/types';
import type { IpcResult } from './result';

/**
 * THE typed contract between the renderer and the main process: one channel map from which
 * the preload bridge (the renderer's `jxmb` global), the main-side handlers (electron/host/ipc-handlers.ts)
 * and the browser-test binding are all typed. Every channel takes ONE argument object (or
 * none), validated in main with the zod schema below, and answers an IpcResult envelope.
 * Dialog-driven channels answer `null` when the user cancels.
 */

/** A file opened from disk (`.jxmb` or xlsx import): the project and what restore/import changed. */
export interface OpenedFile {
  /**
   * Absolute path of the file read (for xlsx: the workbook; the project itself is unsaved); ''
   * when there is no file the editor may write back to (the embedded sample, an uploaded file).
   */
  readonly path: string;
  readonly project: Project;
  /** Chinese warnings from restore() or import recognition; empty when clean. */
  readonly warnings: readonly string[];
  /**
   * True when the file is open elsewhere (lock file of another user, PC or window) and the user
   * chose read-only: saving to `path` is refused, 另存为 works. Absent means editable.
   */
  readonly readOnly?: boolean;
}

/** A file written to disk. */
export interface SavedFile {
  readonly path: string;
}

/** A filled workbook (回填) and the report of what was kept, changed and reported (Chinese lines). */
export interface FilledFile {
  readonly path: string;
  readonly lines: readonly string[];
}

/** An entry of the recent-files list (文件 › 最近打开). */
export interface RecentFile {
  readonly path: string;
  /** File name shown in the list. */
  readonly name: string;
  /** ISO 8601 time it was last opened or saved. */
  readonly openedAt: string;
}

/** A recovery copy left by a session that ended without saving (crash, power loss). */
export interface RecoveryOffer {
  readonly sessionId: string;
  /** The user's file it is a copy of; null when the document was never saved. */
  readonly originalPath: string | null;
  readonly title: string;
  /** ISO 8601 time of the copy. */
  readonly savedAt: string;
}

/**
 * Print options the renderer chooses in 打印预览 (see shared/print PrintOptions): main builds the
 * print HTML itself from the validated project with these, the tables coming from `tableIndices`.
 */
export interface PrintSettings {
  /** 「隐藏空白指标行」: drop empty pre-printed slots (family A); default false. */
  readonly hideEmptySlots?: boolean;
  /** 「第 N 页 共 M 页」 at the foot of every page; default true. */
  readonly pageNumbers?: boolean;
  /** Signature lines (单位负责人 / 填表人 / 联系电话 / 日期) under each table; default false. */
  readonly signature?: boolean;
}

/** A library file written or read by 指标库 › 导出 / 导入. */
export interface LibraryFileResult {
  readonly path: string;
  /** Entries written (export) or read (import). */
  readonly count: number;
}

const path = z.string().min(1).max(PROJECT_LIMITS.pathChars);
const tableIndices = z.array(z.number().int().min(0)).max(PROJECT_LIMITS.tablesPerProject).optional();
const printSettings = z.object({
  hideEmptySlots: z.boolean().optional(),
  pageNumbers: z.boolean().optional(),
  signature: z.boolean().optional(),
}).strict().optional();
const documentOptions = z.object({
  title: z.string().max(200).optional(),
  compiler: z.string().max(200).optional(),
  reviewer: z.string().max(200).optional(),
}).strict().optional();
const sessionId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);

/** Argument schemas, per channel (validated in main before any service runs). */
export const ARG_SCHEMAS = {
  'project:open': z.object({ path: path.optional() }).optional(),
  'project:openSample': z.undefined().optional(),
  'project:save': z.object({ project: projectSchema }).strict(),
  'project:saveAs': z.object({ project: projectSchema, suggestedName: z.string().max(PROJECT_LIMITS.fileNameChars).optional() }),
  'xlsx:import': z.object({ path: path.optional() }).optional(),
  'xlsx:export': z.object({ project: projectSchema, tableIndices, suggestedName: z.string().max(PROJECT_LIMITS.fileNameChars).optional() }),
  'pdf:export': z.object({ project: projectSchema, tableIndices, suggestedName: z.string().max(PROJECT_LIMITS.fileNameChars).optional(), options: printSettings }),
  'file:upload': z.object({ name: z.string().min(1).max(PROJECT_LIMITS.fileNameChars), kind: z.enum(['project', 'xlsx']), data: z.string().max(280_000_000) }),
  'xlsx:fill': z.object({ project: projectSchema, template: z.boolean(), projectPath: path.nullable().optional(), suggestedName: z.string().max(PROJECT_LIMITS.fileNameChars).optional() }),
  'print:tables': z.object({ project: projectSchema, tableIndices, options: printSettings }),
  'document:export': z.object({ project: projectSchema, format: z.enum(['pdf', 'docx']), suggestedName: z.string().max(255).optional(), options: documentOptions }),
  'recent:list': z.undefined().optional(),
  'recovery:check': z.undefined().optional(),
  'recovery:restore': z.object({ sessionId }),
  'recovery:write': z.object({ project: projectSchema, path: path.nullable() }),
  'recovery:discard': z.object({ sessionId: sessionId.optional() }).optional(),
  'app:confirmClose': z.undefined().optional(),
  'app:setDocumentState': z.object({ title: z.string().max(PROJECT_LIMITS.titleChars), dirty: z.boolean() }),
  'library:get': z.undefined().optional(),
  'library:export': z.object({ path: path.optional() }).optional(),
  'library:import': z.object({ path: path.optional() }).optional(),
} as const;

/** Argument and result type of every channel. */
export interface IpcContract {
  /** Open a `.jxmb` file (the given path, or a file picker). */
  'project:open': { args: { path?: string } | undefined; result: OpenedFile | null };
  /** Open the embedded sample project (resources/sample.jxmb) as an untitled copy: `path` is '' (save asks for a new name). */
  'project:openSample': { args: undefined; result: OpenedFile };
  /**
   * 保存 (atomic) to the file main recorded for this window's document (opened, restored or last
   * saved there); the page never names the path. A document without a file asks where, as
   * 另存为 does; null when the user cancels.
   */
  'project:save': { args: { project: Project }; result: SavedFile | null };
  /** Ask for a path, then save. */
  'project:saveAs': { args: { project: Project; suggestedName?: string }; result: SavedFile | null };
  /** Import an xlsx workbook (the given path, or a file picker); the result is an unsaved project. */
  'xlsx:import': { args: { path?: string } | undefined; result: OpenedFile | null };
  /**
   * Open a file the page picked or had dropped on it (browser mode has no native dialogs): `data`
   * is the file's bytes in base64, `kind` says how to read them. The file has no path on disk the
   * editor may write to, so the result's `path` is '' and 保存 asks 另存为.
   */
  'file:upload': { args: { name: string; kind: 'project' | 'xlsx'; data: string }; result: OpenedFile };
  /** Export tables (all when `tableIndices` is absent) to an xlsx chosen by the user. */
  'xlsx:export': { args: { project: Project; tableIndices?: number[]; suggestedName?: string }; result: SavedFile | null };
  /** Export tables (all when `tableIndices` is absent) as PDF of the print layout, with the 打印预览 options. */
  'pdf:export': { args: { project: Project; tableIndices?: number[]; suggestedName?: string; options?: PrintSettings }; result: SavedFile | null };
  /**
   * 回填: write the project into a copy of its source workbook (保存回原表, `template` false) or of a
   * workbook the user picks (回填到模板…, `template` true), saved where the user chooses. A large
   * source not embedded in the project is looked for beside `projectPath`.
   */
  'xlsx:fill': { args: { project: Project; template: boolean; projectPath?: string | null; suggestedName?: string }; result: FilledFile | null };
  /** 导出绩效文本: the whole document (cover, 目录, 第一部分, 第二部分) as PDF or .docx to a file chosen by the user. */
  'document:export': { args: { project: Project; format: 'pdf' | 'docx'; suggestedName?: string; options?: DocumentExportOptions }; result: SavedFile | null };
  /** Print tables through the system print dialog; false when the user cancelled. */
  'print:tables': { args: { project: Project; tableIndices?: number[]; options?: PrintSettings }; result: boolean };
  'recent:list': { args: undefined; result: RecentFile[] };
  /** Recovery copies of sessions that ended without saving, newest first. */
  'recovery:check': { args: undefined; result: RecoveryOffer[] };
  /** Read a recovery copy back (the result is an unsaved project). */
  'recovery:restore': { args: { sessionId: string }; result: OpenedFile };
  /** Autosave this session's recovery copy (the renderer calls it ~1 s after edits stop). */
  'recovery:write': { args: { project: Project; path: string | null }; result: { savedAt: string } };
  /** Delete a recovery copy (this session's when no id is given): after save, clean close, or when declined. */
  'recovery:discard': { args: { sessionId?: string } | undefined; result: true };
  /** The renderer has resolved unsaved changes (saved or discarded): main may close the window now. */
  'app:confirmClose': { args: undefined; result: true };
  /** Window title and unsaved mark, so main can title the window and knows whether closing needs asking. */
  'app:setDocumentState': { args: { title: string; dirty: boolean }; result: true };
  /** The user's own 指标库 (user-data folder; grown from every saved project and from imports). */
  'library:get': { args: undefined; result: IndicatorLibrary };
  /** Export the user's library as a library file (the given path, or a save dialog). */
  'library:export': { args: { path?: string } | undefined; result: LibraryFileResult | null };
  /** Import a library file into the user's library (the given path, or a file picker). */
  'library:import': { args: { path?: string } | undefined; result: LibraryFileResult | null };
}

/** Every channel name. */
export type Channel = keyof IpcContract;

/** The method name of each channel on the renderer's `jxmb` global. */
export const CHANNEL_METHODS = {
  'project:open': 'openProject',
  'project:openSample': 'openSample',
  'project:save': 'saveProject',
  'project:saveAs': 'saveProjectAs',
  'xlsx:import': 'importXlsx',
  'xlsx:export': 'exportXlsx',
  'file:upload': 'uploadFile',
  'pdf:export': 'exportPdf',
  'xlsx:fill': 'fillXlsx',
  'print:tables': 'printTables',
  'document:export': 'exportDocument',
  'recent:list': 'listRecent',
  'recovery:check': 'checkRecovery',
  'recovery:restore': 'restoreRecovery',
  'recovery:write': 'writeRecovery',
  'recovery:discard': 'discardRecovery',
  'app:confirmClose': 'confirmClose',
  'app:setDocumentState': 'setDocumentState',
  'library:get': 'getUserLibrary',
  'library:export': 'exportLibrary',
  'library:import': 'importLibrary',
} as const satisfies { readonly [C in Channel]: string };

/** All channel names, in a stable order. */
export const CHANNELS = Object.keys(CHANNEL_METHODS) as Channel[];

/**
 * Menu commands main sends to the renderer (菜单 文件 / 编辑 / 插入 / 视图 / 帮助 and their
 * accelerators). Clipboard, zoom, full screen, dev tools and 关于 are handled in main.
 */
export const MENU_COMMANDS = [
  'file:new', 'file:open', 'file:save', 'file:saveAs', 'file:importXlsx', 'file:exportXlsx', 'file:fillSource', 'file:fillTemplate', 'file:exportPdf', 'file:print', 'file:exportDocument',
  'edit:undo', 'edit:redo', 'edit:find', 'edit:replace', 'edit:deleteIndicator', 'edit:department',
  'insert:indicatorAbove', 'insert:indicatorBelow', 'insert:table',
  'view:validationPanel', 'view:printPreview',
  'file:newFromLastYear', 'file:importLibrary', 'file:exportLibrary', 'view:libraryPanel',
] as const;

/** One menu command id, e.g. `file:save` (Ctrl+S). */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Cover lines of 导出绩效文本 (shared/document DocumentOptions); absent fields take the defaults. */
export interface DocumentExportOptions {
  readonly title?: string;
  readonly compiler?: string;
  readonly reviewer?: string;
}

/** Settings main passes to the renderer at start (read from the user-data settings file). */
export interface JxmbConfig {
  /** Handsontable licence key from settings; null: use the build-time key (JXMB_HOT_LICENSE). */
  readonly handsontableLicenseKey: string | null;
  /**
   * True when 打印 reaches the system print dialog (Electron). False or absent (browser mode,
   * test bindings): the editor offers 导出PDF instead and tells the user to print the PDF.
   */
  readonly directPrint?: boolean;
}

/** Events main sends to the renderer. */
export interface JxmbEvents {
  /** The user asked to close the window (title-bar ×, Alt+F4): the renderer asks about unsaved changes, then calls confirmClose(). */
  'app:closeRequested': undefined;
  /** The OS asked to open a file (double-click, second instance). */
  'file:openRequested': { path: string };
  /** A menu item or its accelerator was used. */
  'menu:command': { command: MenuCommand };
}

/** Event names, for the preload's allow-list. */
export const EVENT_CHANNELS: readonly (keyof JxmbEvents)[] = ['app:closeRequested', 'file:openRequested', 'menu:command'];

type MethodName<C extends Channel> = (typeof CHANNEL_METHODS)[C];
type ChannelOfMethod<M extends string> = { [C in Channel]: MethodName<C> extends M ? C : never }[Channel];

/** The API object the renderer's `jxmb` global exposes (built by the preload from CHANNEL_METHODS). */
export type JxmbApi = {
  readonly [M in MethodName<Channel>]: undefined extends IpcContract[ChannelOfMethod<M>]['args']
    ? (args?: IpcContract[ChannelOfMethod<M>]['args']) => Promise<IpcResult<IpcContract[ChannelOfMethod<M>]['result']>>
    : (args: IpcContract[ChannelOfMethod<M>]['args']) => Promise<IpcResult<IpcContract[ChannelOfMethod<M>]['result']>>;
} & {
  /** Subscribes to an event from main; returns the unsubscribe function. */
  readonly on: <E extends keyof JxmbEvents>(event: E, listener: (payload: JxmbEvents[E]) => void) => () => void;
  /** Settings from main (absent in test bindings that do not provide them). */
  readonly config?: JxmbConfig;
  /**
   * 'upload' in browser mode: the host has no native file dialogs, so 打开 and 导入Excel use the
   * page's file picker and send the file with uploadFile. Absent: the host's dialogs pick paths.
   */
  readonly filePicker?: 'upload';
};
