import { z } from 'zod';
import { projectSchema } from '../file/schema';
import type { IndicatorLibrary } from '../library/types';
import { PROJECT_LIMITS } from '../limits';
import type { Project } from '../model/types';
import type { CHANNEL_METHODS, Channel, JxmbEvents } from './channels';
import type { IpcResult } from './result';

export * from './channels';

/**
 * THE typed contract between the renderer and the main process. The zod schemas below are the
 * single source of every channel's argument: main validates with them (electron/host/ipc-handlers.ts)
 * and the argument types are inferred from them; the result types are listed per channel; the
 * names (channel → `jxmb` method, events) are in channels.ts, which the preload compiles in.
 * Every channel takes ONE argument object (or none) and answers an IpcResult envelope.
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

/** A library file written or read by 指标库 › 导出 / 导入. */
export interface LibraryFileResult {
  readonly path: string;
  /** Entries written (export) or read (import). */
  readonly count: number;
}

/**
 * The project as IPC arguments carry it: validated by projectSchema, typed as the model's
 * Project (shared/file/project-file.ts checks at compile time that the two agree).
 */
const project = projectSchema as unknown as z.ZodType<Project>;
const path = z.string().min(1).max(PROJECT_LIMITS.pathChars);
const suggestedName = z.string().max(PROJECT_LIMITS.fileNameChars).optional();
const tableIndices = z.array(z.number().int().min(0)).max(PROJECT_LIMITS.tablesPerProject).optional();
const printSettings = z.object({
  /** 「隐藏空白指标行」: drop empty pre-printed slots (family A); default false. */
  hideEmptySlots: z.boolean().optional(),
  /** 「第 N 页 共 M 页」 at the foot of every page; default true. */
  pageNumbers: z.boolean().optional(),
  /** Signature lines (单位负责人 / 填表人 / 联系电话 / 日期) under each table; default false. */
  signature: z.boolean().optional(),
}).strict().optional();
const documentOptions = z.object({
  title: z.string().max(200).optional(),
  compiler: z.string().max(200).optional(),
  reviewer: z.string().max(200).optional(),
}).strict().optional();
const sessionId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);

/**
 * Print options the renderer chooses in 打印预览 (see shared/print PrintOptions): main builds the
 * print HTML itself from the validated project with these, the tables coming from `tableIndices`.
 */
export type PrintSettings = NonNullable<z.infer<typeof printSettings>>;

/** Cover lines of 导出绩效文本 (shared/document DocumentOptions); absent fields take the defaults. */
export type DocumentExportOptions = NonNullable<z.infer<typeof documentOptions>>;

/** Argument schemas, per channel (validated in main before any service runs). */
export const ARG_SCHEMAS = {
  /** Open a `.jxmb` file (the given path, or a file picker). */
  'project:open': z.object({ path: path.optional() }).optional(),
  /** Open the embedded sample project (resources/sample.jxmb) as an untitled copy: `path` is '' (save asks for a new name). */
  'project:openSample': z.undefined().optional(),
  /**
   * 保存 (atomic) to the file main recorded for this window's document (opened, restored or last
   * saved there); the page never names the path. A document without a file asks where, as
   * 另存为 does.
   */
  'project:save': z.object({ project }).strict(),
  /** Ask for a path, then save. */
  'project:saveAs': z.object({ project, suggestedName }),
  /** Import an xlsx workbook (the given path, or a file picker); the result is an unsaved project. */
  'xlsx:import': z.object({ path: path.optional() }).optional(),
  /** Export tables (all when `tableIndices` is absent) to an xlsx chosen by the user. */
  'xlsx:export': z.object({ project, tableIndices, suggestedName }),
  /** Export tables (all when `tableIndices` is absent) as PDF of the print layout, with the 打印预览 options. */
  'pdf:export': z.object({ project, tableIndices, suggestedName, options: printSettings }),
  /**
   * Open a file the page picked or had dropped on it (browser mode has no native dialogs): `data`
   * is the file's bytes in base64, `kind` says how to read them. The file has no path on disk the
   * editor may write to, so the result's `path` is '' and 保存 asks 另存为.
   */
  'file:upload': z.object({ name: z.string().min(1).max(PROJECT_LIMITS.fileNameChars), kind: z.enum(['project', 'xlsx']), data: z.string().max(280_000_000) }),
  /**
   * 回填: write the project into a copy of its source workbook (保存回原表, `template` false) or of a
   * workbook the user picks (回填到模板…, `template` true), saved where the user chooses. A large
   * source not embedded in the project is looked for beside `projectPath`.
   */
  'xlsx:fill': z.object({ project, template: z.boolean(), projectPath: path.nullable().optional(), suggestedName }),
  /** Print tables through the system print dialog. */
  'print:tables': z.object({ project, tableIndices, options: printSettings }),
  /** 导出绩效文本: the whole document (cover, 目录, 第一部分, 第二部分) as PDF or .docx to a file chosen by the user. */
  'document:export': z.object({ project, format: z.enum(['pdf', 'docx']), suggestedName: z.string().max(255).optional(), options: documentOptions }),
  'recent:list': z.undefined().optional(),
  /** Recovery copies of sessions that ended without saving, newest first. */
  'recovery:check': z.undefined().optional(),
  /** Read a recovery copy back (the result is an unsaved project). */
  'recovery:restore': z.object({ sessionId }),
  /**
   * Autosave this session's recovery copy (the renderer calls it ~1 s after edits stop). The
   * original file it records is the host's open document, never a path from the page.
   */
  'recovery:write': z.object({ project }),
  /** Delete a recovery copy (this session's when no id is given): after save, clean close, or when declined. */
  'recovery:discard': z.object({ sessionId: sessionId.optional() }).optional(),
  /** The renderer has resolved unsaved changes (saved or discarded): main may close the window now. */
  'app:confirmClose': z.undefined().optional(),
  /** Window title and unsaved mark, so main can title the window and knows whether closing needs asking. */
  'app:setDocumentState': z.object({ title: z.string().max(PROJECT_LIMITS.titleChars), dirty: z.boolean() }),
  /** The user's own 指标库 (user-data folder; grown from every saved project and from imports). */
  'library:get': z.undefined().optional(),
  /** Export the user's library as a library file, where the host's save dialog says (no path from the page). */
  'library:export': z.undefined().optional(),
  /** Import a library file into the user's library (the given path, or a file picker). */
  'library:import': z.object({ path: path.optional() }).optional(),
} as const satisfies Record<Channel, z.ZodType>;

/** The argument of every channel, as its schema accepts it. */
export type IpcArgs = { [C in Channel]: z.infer<(typeof ARG_SCHEMAS)[C]> };

/** The result of every channel (inside the IpcResult envelope); `null`: the user cancelled a dialog. */
export interface IpcResults {
  'project:open': OpenedFile | null;
  'project:openSample': OpenedFile;
  'project:save': SavedFile | null;
  'project:saveAs': SavedFile | null;
  'xlsx:import': OpenedFile | null;
  'file:upload': OpenedFile;
  'xlsx:export': SavedFile | null;
  'pdf:export': SavedFile | null;
  'xlsx:fill': FilledFile | null;
  'document:export': SavedFile | null;
  /** False when the user cancelled the print dialog. */
  'print:tables': boolean;
  'recent:list': RecentFile[];
  'recovery:check': RecoveryOffer[];
  'recovery:restore': OpenedFile;
  'recovery:write': { savedAt: string };
  'recovery:discard': true;
  'app:confirmClose': true;
  'app:setDocumentState': true;
  'library:get': IndicatorLibrary;
  'library:export': LibraryFileResult | null;
  'library:import': LibraryFileResult | null;
}

/** Argument and result type of every channel. */
export type IpcContract = { [C in Channel]: { args: IpcArgs[C]; result: IpcResults[C] } };

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
