/**
 * The editing screen's layout: table list, grid and the findings / properties panels, with the
 * callbacks they share (WorkspaceActions). State and actions are App's.
 */
import { forwardRef, memo } from 'react';
import type { CellEdit } from '../../../shared/commands';
import type { LayoutCell, SheetLayout } from '../../../shared/layout/types';
import type { FamilyId, MoneyUnit, Project } from '../../../shared/model/types';
import type { Finding } from '../../../shared/validation/types';
import { GridView, type GridHandle, type GridSelection, type GridViewProps, type RowAction } from '../grid/GridView';
import { FindingsPanel } from './FindingsPanel';
import { PropertiesPanel } from './PropertiesPanel';
import { TableList } from './TableList';

/** Callbacks of the editing screen; pass stable functions (useStableActions) so memoized parts skip re-rendering. */
export interface WorkspaceActions {
  readonly onSelectTable: (i: number) => void;
  readonly onAddTable: () => void;
  readonly onDuplicateTable: (i: number) => void;
  readonly onRenameTable: (i: number) => void;
  readonly onDeleteTable: (i: number) => void;
  readonly onMoveTable: (from: number, to: number) => void;
  readonly onEdits: (edits: CellEdit[]) => void;
  readonly onPaste: (row: number, col: number, block: string[][]) => void;
  readonly onBlankCell: GridViewProps['onBlankCell'];
  readonly onClear: GridViewProps['onClear'];
  readonly onFillDown: GridViewProps['onFillDown'];
  readonly onRefused: GridViewProps['onRefused'];
  readonly onColumnResize: GridViewProps['onColumnResize'];
  readonly onRowAction: (action: RowAction, sel: GridSelection) => void;
  readonly onSelect: (sel: GridSelection) => void;
  readonly onPickFinding: (f: Finding) => void;
  readonly onFix: (f: Finding) => void;
  readonly onFixAll: (list: readonly Finding[], label: string) => void;
  readonly onSetCell: (text: string) => void;
  readonly onChangeFamily: (f: FamilyId) => void;
  readonly onConvertMoney: (u: MoneyUnit) => void;
}

/** What the table list and the side panels show: the document as of the last painted frame (see useAfterPaint). */
export interface WorkspaceView {
  readonly project: Project;
  readonly tableIndex: number;
  readonly findings: readonly Finding[][];
  readonly selectedCell: LayoutCell | undefined;
  readonly meaning: string;
}

export interface WorkspaceProps {
  /** The grid: the current table's layout and findings (painted in the frame of the edit). */
  readonly layout: SheetLayout;
  readonly gridFindings: readonly Finding[];
  readonly view: WorkspaceView;
  readonly showPanel: boolean;
  /** The table list folded to a narrow strip. */
  readonly listCollapsed: boolean;
  readonly onToggleList: () => void;
  readonly onTogglePanel: () => void;
  readonly zoom: number;
  readonly actions: WorkspaceActions;
}

/** The editing screen: table list | grid | findings and properties. */
export const Workspace = memo(forwardRef<GridHandle, WorkspaceProps>(function Workspace(props, gridRef) {
  const { layout, gridFindings, view, showPanel, actions: a } = props;
  const table = view.project.tables[view.tableIndex];
  return (
    <div className="workspace">
      {props.listCollapsed ? (
        <button className="panel-rail" onClick={props.onToggleList} title="展开表列表" data-testid="expand-list">表 »</button>
      ) : (
      <div className="table-list-wrap">
      <button className="panel-collapse" onClick={props.onToggleList} title="收起表列表" data-testid="collapse-list">«</button>
      <TableList
        tables={view.project.tables} findings={view.findings} current={view.tableIndex} onSelect={a.onSelectTable} onAdd={a.onAddTable}
        onDuplicate={a.onDuplicateTable} onRename={a.onRenameTable} onDelete={a.onDeleteTable} onMove={a.onMoveTable}
      />
      </div>
      )}
      <main className="grid-area">
        <GridView ref={gridRef} layout={layout} findings={gridFindings} zoom={props.zoom} onEdits={a.onEdits} onPaste={a.onPaste} onRowAction={a.onRowAction} onSelect={a.onSelect}
          onBlankCell={a.onBlankCell} onClear={a.onClear} onFillDown={a.onFillDown} onRefused={a.onRefused} onColumnResize={a.onColumnResize}
        />
      </main>
      {!showPanel && <button className="panel-rail" onClick={props.onTogglePanel} title="展开校验和属性面板" data-testid="expand-panel">« 校验</button>}
      {showPanel && table && (
        <aside className="side-panels">
          <button className="panel-collapse right" onClick={props.onTogglePanel} title="收起校验和属性面板" data-testid="collapse-panel">»</button>
          <FindingsPanel tables={view.project.tables} findings={view.findings} current={view.tableIndex} onPick={a.onPickFinding} onFix={a.onFix} onFixAll={a.onFixAll} />
          <PropertiesPanel table={table} cell={view.selectedCell} meaning={view.meaning} onSetCell={a.onSetCell} onChangeFamily={a.onChangeFamily} onConvertMoney={a.onConvertMoney} />
        </aside>
      )}
    </div>
  );
}));
