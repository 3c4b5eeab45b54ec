import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';

/**
 * The application menu 文件 / 编辑 / 插入 / 视图 / 帮助 as a template (no electron runtime
 * import: main.ts builds it with Menu.buildFromTemplate). Document commands go to the
 * renderer as `menu:command` events (shared/ipc); clipboard, zoom and window items use
 * Electron roles.
 */

export interface MenuActions {
  /** Send a command to the focused editor window. */
  readonly send: (command: MenuCommand) => void;
  /** Open a recent file in the focused window (or a new one). */
  readonly openRecent: (filePath: string) => void;
  readonly clearRecent: () => void;
  readonly newWindow: () => void;
  readonly about: () => void;
  /** Recent files, newest first. */
  readonly recent: readonly string[];
  readonly isMac: boolean;
  /** Show 开发者工具 (development builds only). */
  readonly devTools: boolean;
}

function item(label: string, command: MenuCommand, send: MenuActions['send'], accelerator?: string): MenuItemConstructorOptions {
  return { label, accelerator, click: () => send(command) };
}

function recentSubmenu(a: MenuActions): MenuItemConstructorOptions[] {
  if (a.recent.length === 0) return [{ label: '（无）', enabled: false }];
  return [
    ...a.recent.map((p, i): MenuItemConstructorOptions => ({
      // An ampersand would be read as a mnemonic marker on Windows.
      label: `${i + 1}  ${path.basename(p).replace(/&/g, '&&')}`,
      toolTip: p,
      click: () => a.openRecent(p),
    })),
    { type: 'separator' },
    { label: '清除列表', click: a.clearRecent },
  ];
}

/** The full menu template. */
export function buildMenuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const s = a.send;
  const file: MenuItemConstructorOptions = {
    label: '文件(&F)',
    submenu: [
      item('新建(&N)', 'file:new', s, 'CmdOrCtrl+N'),
      { label: '新建窗口', accelerator: 'CmdOrCtrl+Shift+N', click: a.newWindow },
      item('打开(&O)…', 'file:open', s, 'CmdOrCtrl+O'),
      { label: '最近打开(&R)', submenu: recentSubmenu(a) },
      item('按上年新建…', 'file:newFromLastYear', s),
      { type: 'separator' },
      item('保存(&S)', 'file:save', s, 'CmdOrCtrl+S'),
      item('另存为(&A)…', 'file:saveAs', s, 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      item('导入 Excel(&I)…', 'file:importXlsx', s),
      item('导出 Excel(&E)…', 'file:exportXlsx', s),
      item('保存回原表(&B)…', 'file:fillSource', s),
      item('回填到模板(&T)…', 'file:fillTemplate', s),
      item('导出 PDF…', 'file:exportPdf', s),
      item('导出绩效文本(&D)…', 'file:exportDocument', s),
      { type: 'separator' },
      item('导入指标库…', 'file:importLibrary', s),
      item('导出我的指标库…', 'file:exportLibrary', s),
      { type: 'separator' },
      item('打印(&P)…', 'file:print', s, 'CmdOrCtrl+P'),
      { type: 'separator' },
      a.isMac ? { label: '关闭窗口', role: 'close' } : { label: '退出(&X)', role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '编辑(&E)',
    submenu: [
      item('撤销(&U)', 'edit:undo', s, 'CmdOrCtrl+Z'),
      item('重做(&R)', 'edit:redo', s, a.isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { label: '剪切(&T)', role: 'cut' },
      { label: '复制(&C)', role: 'copy' },
      { label: '粘贴(&P)', role: 'paste' },
      { label: '全选(&A)', role: 'selectAll' },
      { type: 'separator' },
      item('查找(&F)…', 'edit:find', s, 'CmdOrCtrl+F'),
      item('部门整体绩效目标…', 'edit:department', s),
      item('替换(&H)…', 'edit:replace', s, 'CmdOrCtrl+H'),
      { type: 'separator' },
      item('删除指标行', 'edit:deleteIndicator', s),
    ],
  };
  const insert: MenuItemConstructorOptions = {
    label: '插入(&I)',
    submenu: [
      item('在上方插入指标行', 'insert:indicatorAbove', s),
      item('在下方插入指标行', 'insert:indicatorBelow', s, 'CmdOrCtrl+Enter'),
      { type: 'separator' },
      item('新建项目表(&T)', 'insert:table', s),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '视图(&V)',
    submenu: [
      item('校验结果面板', 'view:validationPanel', s, 'F8'),
      item('打印预览', 'view:printPreview', s),
      item('指标库（F9）', 'view:libraryPanel', s),
      { type: 'separator' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      { label: '实际大小', role: 'resetZoom' },
      { type: 'separator' },
      { label: '全屏', role: 'togglefullscreen' },
      ...(a.devTools ? [{ type: 'separator' } as const, { label: '开发者工具', role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '帮助(&H)',
    submenu: [{ label: '关于绩效目标表编辑器', click: a.about }],
  };
  const menus = [file, edit, insert, view, help];
  // macOS puts the app menu first; the mnemonics (&F) are Windows/Linux only.
  if (a.isMac) {
    for (const m of menus) m.label = m.label!.replace(/\(&\w\)/, '');
    return [{ label: '绩效目标表编辑器', role: 'appMenu' }, ...menus];
  }
  return menus;
}
