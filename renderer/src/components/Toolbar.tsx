/** The toolbar under the menus: buttons for the most used file, print and validation actions. */

export interface ToolbarActions {
  readonly onNew: () => void;
  readonly onOpen: () => void;
  readonly onSave: () => void;
  readonly onImport: () => void;
  readonly onExport: () => void;
  readonly onPrint: () => void;
  readonly onValidate: () => void;
  readonly hasDocument: boolean;
}

/** 新建 · 打开 · 保存 · 导入Excel · 导出Excel · 打印 · 校验 */
export function Toolbar(a: ToolbarActions) {
  const button = (label: string, icon: string, onClick: () => void, disabled = false, title = label) => (
    <button className="tool-button" title={title} onClick={onClick} disabled={disabled} data-testid={`tool-${label}`}>
      <span className="tool-icon" aria-hidden="true">{icon}</span>{label}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar">
      {button('新建', '＋', a.onNew, false, '新建 (Ctrl+N)')}
      {button('打开', '…', a.onOpen, false, '打开 (Ctrl+O)')}
      {button('保存', '▣', a.onSave, !a.hasDocument, '保存 (Ctrl+S)')}
      <span className="tool-separator" />
      {button('导入Excel', '↓', a.onImport)}
      {button('导出Excel', '↑', a.onExport, !a.hasDocument)}
      {button('打印', '⎙', a.onPrint, !a.hasDocument, '打印 (Ctrl+P)')}
      <span className="tool-separator" />
      {button('校验', '✓', a.onValidate, !a.hasDocument)}
    </div>
  );
}
