import { forwardRef } from 'react';
import type { CellEdit } from '../../../shared/commands';
import type { LayoutCell, SheetLayout } from '../../../shared/layout/types';
import type { FamilyId, MoneyUnit, Project } from '../../../shared/model/types';
import type { Finding } from '../../../shared/validation/types';
import { GridView, type GridHandle, type GridSelection, type RowAction } from '../grid/GridView';
import { FindingsPanel } from './FindingsPanel';
import { PropertiesPanel } from './PropertiesPanel';
import { TableList } from './TableList';

export interface WorkspaceProps {
  readonly project: Project;
  readonly tableIndex: number;
  readonly layout: SheetLayout;
  readonly findings: readonly Finding[][];
  readonly selectedCell: LayoutCell | undefined;
  readonly meaning: string;
  readonly showPanel: boolean;
  readonly onSelectTable: (i: number) => void;
  readonly onAddTable: () => void;
  readonly onDuplicateTable: (i: number) => void;
  readonly onRenameTable: (i: number) => void;
  readonly onDeleteTable: (i: number) => void;
  readonly onMoveTable: (from: number, to: number) => void;
  readonly onEdits: (edits: CellEdit[]) => void;
  readonly onPaste: (row: number, col: number, block: string[][]) => void;
  readonly onRowAction: (action: RowAction, sel: GridSelection) => void;
  readonly onSelect: (sel: GridSelection) => void;
  readonly onPickFinding: (f: Finding) => void;
  readonly onFix: (f: Finding) => void;
  readonly onSetCell: (text: string) => void;
  readonly onChangeFamily: (f: FamilyId) => void;
  readonly onConvertMoney: (u: MoneyUnit) => void;
}

/** The editing screen: table list | grid | findings and properties. */
export const Workspace = forwardRef<GridHandle, WorkspaceProps>(function Workspace(p, gridRef) {
  const table = p.project.tables[p.tableIndex];
  return (
    <div className="workspace">
      <TableList
        tables={p.project.tables} findings={p.findings} current={p.tableIndex} onSelect={p.onSelectTable} onAdd={p.onAddTable}
        onDuplicate={p.onDuplicateTable} onRename={p.onRenameTable} onDelete={p.onDeleteTable} onMove={p.onMoveTable}
      />
      <main className="grid-area">
        {table ? (
          <GridView ref={gridRef} layout={p.layout} findings={p.findings[p.tableIndex] ?? []} onEdits={p.onEdits} onPaste={p.onPaste} onRowAction={p.onRowAction} onSelect={p.onSelect} />
        ) : <div className="empty-project">项目中没有表。请点击左侧“新建”添加一张表。</div>}
      </main>
      {p.showPanel && table && (
        <aside className="side-panels">
          <FindingsPanel tables={p.project.tables} findings={p.findings} current={p.tableIndex} onPick={p.onPickFinding} onFix={p.onFix} />
          <PropertiesPanel table={table} cell={p.selectedCell} meaning={p.meaning} onSetCell={p.onSetCell} onChangeFamily={p.onChangeFamily} onConvertMoney={p.onConvertMoney} />
        </aside>
      )}
    </div>
  );
});
