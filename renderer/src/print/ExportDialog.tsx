/**
 * 导出PDF / 导出Excel: the same choices as 打印 (打印范围 当前表 / 全部表 / 选择表, and for the PDF the
 * print options), in a dialog; the settings are shared with 打印预览.
 */
import { Modal } from '../dialogs/Modal';
import { PrintOptionsPanel, type PrintChoiceProps } from './PrintOptionsPanel';
import { selectedTables } from './print-settings';

export interface ExportDialogProps extends PrintChoiceProps {
  readonly kind: 'pdf' | 'xlsx';
  readonly onExport: () => void;
  readonly onCancel: () => void;
}

export function ExportDialog(p: ExportDialogProps) {
  const title = p.kind === 'pdf' ? '导出PDF' : '导出Excel';
  const tables = selectedTables(p.settings, p.currentTable, p.project.tables.length);
  return (
    <Modal
      title={title} testId={`dialog-export-${p.kind}`} onEscape={p.onCancel}
      buttons={<>
        <button className="primary" data-autofocus onClick={p.onExport} disabled={tables.length === 0} data-testid="export-confirm">{title}（{tables.length} 张表）</button>
        <button onClick={p.onCancel}>取消</button>
      </>}
    >
      <PrintOptionsPanel
        project={p.project} currentTable={p.currentTable} settings={p.settings} onSettings={p.onSettings} tables={tables}
        title={title} tablesOnly={p.kind === 'xlsx'}
      >{null}</PrintOptionsPanel>
    </Modal>
  );
}
