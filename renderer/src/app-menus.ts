/**
 * The menu structure (文件 / 编辑 / 插入 / 视图 / 帮助 and their shortcuts) built from the handlers App
 * passes in, and the 快捷键 help text. What each item does is App's and the action hooks' business.
 */
import type { RecentFile } from '../../shared/ipc';
import type { MenuDefinition } from './components/menu-types';

/** Everything the menus can trigger. */
export interface MenuHandlers {
  newProject(): void; open(path?: string): void; openSample(): void; save(): void; saveAs(): void;
  importXlsx(): void; exportXlsx(): void; fillSource(): void; fillTemplate(): void; exportPdf(): void; print(): void; close(): void;
  exportDocument(): void; editDepartment(): void;
  undo(): void; redo(): void; paste(): void; find(): void; replace(): void;
  insertAbove(): void; insertBelow(): void; deleteRows(): void; moveUp(): void; moveDown(): void;
  addTable(): void; duplicateTable(): void; renameTable(): void; deleteTable(): void; changeFamily(): void;
  convertMoney(): void; validate(): void; togglePanel(): void; prevTable(): void; nextTable(): void;
  shortcuts(): void; about(): void;
  libraryPanel(): void; newFromLastYear(): void; importLibrary(): void; exportLibrary(): void;
}

/** 文件 / 编辑 / 插入 / 视图 / 帮助 with their accelerators. */
export function buildMenus(h: MenuHandlers, opts: { hasDocument: boolean; canUndo: string | null; canRedo: string | null; recent: readonly RecentFile[] }): MenuDefinition[] {
  const doc = !opts.hasDocument;
  return [
    { label: '文件', items: [
      { label: '新建…', shortcut: 'Ctrl+N', action: h.newProject },
      { label: '打开…', shortcut: 'Ctrl+O', action: () => h.open() },
      { label: '最近打开', submenu: opts.recent.map((r) => ({ label: r.name, action: () => h.open(r.path) })) },
      { label: '打开示例', action: h.openSample },
      { label: '按上年新建…', action: h.newFromLastYear, disabled: doc, testId: 'menu-year-copy' },
      'separator',
      { label: '保存', shortcut: 'Ctrl+S', action: h.save, disabled: doc, testId: 'menu-save' },
      { label: '另存为…', shortcut: 'Ctrl+Shift+S', action: h.saveAs, disabled: doc },
      'separator',
      { label: '导入Excel或绩效文本…', action: h.importXlsx },
      { label: '导出Excel…', action: h.exportXlsx, disabled: doc },
      { label: '保存回原表…', action: h.fillSource, disabled: doc, testId: 'menu-fill-source' },
      { label: '回填到模板…', action: h.fillTemplate, disabled: doc, testId: 'menu-fill-template' },
      { label: '导出PDF…', action: h.exportPdf, disabled: doc },
      { label: '导出绩效文本…', action: h.exportDocument, disabled: doc, testId: 'menu-export-document' },
      { label: '打印…', shortcut: 'Ctrl+P', action: h.print, disabled: doc },
      'separator',
      { label: '导入指标库…', action: h.importLibrary },
      { label: '导出我的指标库…', action: h.exportLibrary },
      'separator',
      { label: '退出', action: h.close },
    ] },
    { label: '编辑', items: [
      { label: opts.canUndo ? `撤销 ${opts.canUndo}` : '撤销', shortcut: 'Ctrl+Z', action: h.undo, disabled: !opts.canUndo, testId: 'menu-undo' },
      { label: opts.canRedo ? `重做 ${opts.canRedo}` : '重做', shortcut: 'Ctrl+Y', action: h.redo, disabled: !opts.canRedo, testId: 'menu-redo' },
      'separator',
      { label: '粘贴', shortcut: 'Ctrl+V', action: h.paste, disabled: doc, testId: 'menu-paste' },
      'separator',
      { label: '查找…', shortcut: 'Ctrl+F', action: h.find, disabled: doc },
      { label: '替换…', shortcut: 'Ctrl+H', action: h.replace, disabled: doc, testId: 'menu-replace' },
      'separator',
      { label: '删除指标行', shortcut: 'Ctrl+-', action: h.deleteRows, disabled: doc },
      { label: '上移指标行', shortcut: 'Alt+Shift+↑', action: h.moveUp, disabled: doc },
      { label: '下移指标行', shortcut: 'Alt+Shift+↓', action: h.moveDown, disabled: doc },
      'separator',
      { label: '重命名当前表…', action: h.renameTable, disabled: doc },
      { label: '删除当前表…', action: h.deleteTable, disabled: doc },
      { label: '更改版式…', action: h.changeFamily, disabled: doc },
      { label: '部门整体绩效目标…', action: h.editDepartment, disabled: doc, testId: 'menu-department' },
      { label: '金额单位换算（元 ↔ 万元）', action: h.convertMoney, disabled: doc },
    ] },
    { label: '插入', items: [
      { label: '在上方插入指标行', shortcut: 'Ctrl+Shift+Alt+=', action: h.insertAbove, disabled: doc },
      { label: '在下方插入指标行', shortcut: 'Ctrl+Shift+=', action: h.insertBelow, disabled: doc },
      'separator',
      { label: '新建表…', action: h.addTable },
      { label: '复制当前表', action: h.duplicateTable, disabled: doc },
    ] },
    { label: '视图', items: [
      { label: '校验全部', shortcut: 'F7', action: h.validate, disabled: doc },
      { label: '显示/隐藏校验面板', action: h.togglePanel, disabled: doc },
      { label: '指标库', shortcut: 'F9', action: h.libraryPanel, disabled: doc, testId: 'menu-library' },
      'separator',
      { label: '上一张表', shortcut: 'Ctrl+PageUp', action: h.prevTable, disabled: doc },
      { label: '下一张表', shortcut: 'Ctrl+PageDown', action: h.nextTable, disabled: doc },
    ] },
    { label: '帮助', items: [
      { label: '快捷键', action: h.shortcuts },
      { label: '关于', action: h.about },
    ] },
  ];
}

/** The 快捷键 help text. */
export const SHORTCUT_HELP = [
  'Ctrl+N 新建　Ctrl+O 打开　Ctrl+S 保存　Ctrl+Shift+S 另存为　Ctrl+P 打印',
  'Ctrl+Z 撤销　Ctrl+Y 重做　Ctrl+F 查找　Ctrl+H 替换　F7 校验全部',
  'Enter 下移　Shift+Enter 上移　Tab 右移（行尾换行）　Shift+Tab 左移；F2 或直接输入 编辑；Esc 取消编辑',
  'Delete 清除　Ctrl+D 向下填充　Ctrl+滚轮 缩放表格',
  'Ctrl+Shift+= 在下方插入指标行（选几行插几行）　Ctrl+- 删除指标行　Alt+Shift+↑/↓ 组内上移/下移',
  'Ctrl+C / Ctrl+V 与 Excel、WPS 互相复制粘贴',
];
