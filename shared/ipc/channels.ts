/**
 * The names of the IPC contract: channel → method of the renderer's `jxmb` global, the menu
 * commands and the events main sends. Plain constants without zod, so the preload (a sandboxed
 * script, bundled at build time) compiles this file in; contract.ts adds the argument schemas
 * and result types of the same channels.
 */

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
} as const;

/** Every channel name, e.g. `project:save`. */
export type Channel = keyof typeof CHANNEL_METHODS;

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

/** Events main sends to the renderer. */
export interface JxmbEvents {
  /** The user asked to close the window (title-bar ×, Alt+F4): the renderer asks about unsaved changes, then calls confirmClose(). */
  'app:closeRequested': undefined;
  /** The OS asked to open a file (double-click, second instance). */
  'file:openRequested': { path: string };
  /** A menu item or its accelerator was used. */
  'menu:command': { command: MenuCommand };
}

const EVENTS = {
  'app:closeRequested': true,
  'file:openRequested': true,
  'menu:command': true,
} as const satisfies Record<keyof JxmbEvents, true>;

/** Event names, for the preload's allow-list. */
export const EVENT_CHANNELS = Object.keys(EVENTS) as (keyof JxmbEvents)[];

/** Internal handshake of the preload (not part of window.jxmb): a listener is ready, so main delivers the events it queued. */
export const SUBSCRIBED_CHANNEL = 'jxmb:subscribed';
