/**
 * The options column of 打印预览 and the export dialogs: 打印范围 (当前表 / 全部表 / 选择表),
 * 隐藏空白指标行, page numbers and signature lines. It edits PreviewSettings only.
 */
import type { ReactNode } from 'react';
import type { Project } from '../../../shared/model/types';
import { hasEmptySlotOption, type PreviewSettings, type TableScope } from './print-settings';

export interface PrintOptionsPanelProps {
  readonly project: Project;
  readonly currentTable: number;
  readonly settings: PreviewSettings;
  readonly onSettings: (s: PreviewSettings) => void;
  /** The tables the current settings print (for the 隐藏空白指标行 hint). */
  readonly tables: readonly number[];
  /** The action buttons, under the options. */
  readonly children: ReactNode;
  /** Heading (default 打印预览). */
  readonly title?: string;
  /** Only the table choice (导出Excel: the print options do not apply to a workbook). */
  readonly tablesOnly?: boolean;
}

const tableLabel = (project: Project, i: number) => `${i + 1}. ${project.tables[i]?.projectName.trim() || '（未命名）'}`;

/** The left column of 打印预览: 打印范围 (当前表 / 全部表 / 选择表) and the options. */
export function PrintOptionsPanel(p: PrintOptionsPanelProps) {
  const { project, settings: s } = p;
  const set = (patch: Partial<PreviewSettings>) => p.onSettings({ ...s, ...patch });
  const setScope = (scope: TableScope) => set({ scope, ...(scope === 'chosen' && s.chosen.length === 0 ? { chosen: [p.currentTable] } : {}) });
  const toggleChosen = (i: number, on: boolean) => set({ chosen: on ? [...s.chosen.filter((c) => c !== i), i] : s.chosen.filter((c) => c !== i) });
  const count = project.tables.length;
  const slots = hasEmptySlotOption(project, p.tables.length > 0 ? p.tables : project.tables.map((_, i) => i));
  const scopeRadio = (scope: TableScope, label: string) => (
    <label className="print-check">
      <input type="radio" name="print-scope" checked={s.scope === scope} onChange={() => setScope(scope)} data-testid={`print-scope-${scope}`} />
      {label}
    </label>
  );
  return (
    <aside className="print-options">
      <div className="print-title">{p.title ?? '打印预览'}</div>
      <fieldset>
        <legend>{p.tablesOnly ? '导出范围' : '打印范围'}</legend>
        {scopeRadio('current', `当前表（${tableLabel(project, p.currentTable)}）`)}
        {scopeRadio('all', `全部表（共 ${count} 张）`)}
        {scopeRadio('chosen', '选择表…')}
        {s.scope === 'chosen' && (
          <div className="print-table-choice" data-testid="print-table-choice">
            <div className="print-choice-actions">
              <button onClick={() => set({ chosen: project.tables.map((_, i) => i) })}>全选</button>
              <button onClick={() => set({ chosen: [] })}>全不选</button>
            </div>
            {project.tables.map((_, i) => (
              <label key={i} className="print-check">
                <input type="checkbox" checked={s.chosen.includes(i)} onChange={(e) => toggleChosen(i, e.target.checked)} />
                {tableLabel(project, i)}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {!p.tablesOnly && <fieldset>
        <legend>选项</legend>
        <label className="print-check" title="只适用于带预印空行的版式（A）：不打印没有填写的指标行">
          <input type="checkbox" checked={s.hideEmptySlots} onChange={(e) => set({ hideEmptySlots: e.target.checked })} data-testid="print-hide-empty" />
          隐藏空白指标行
        </label>
        {!slots && <div className="muted small print-hint">所选表的版式没有预印空行，此项不影响打印。</div>}
        <label className="print-check">
          <input type="checkbox" checked={s.pageNumbers} onChange={(e) => set({ pageNumbers: e.target.checked })} data-testid="print-page-numbers" />
          页码（第 N 页 共 M 页）
        </label>
        <label className="print-check">
          <input type="checkbox" checked={s.signature} onChange={(e) => set({ signature: e.target.checked })} data-testid="print-signature" />
          签字栏（单位负责人 / 填表人 / 联系电话 / 日期）
        </label>
      </fieldset>}
      {p.children}
    </aside>
  );
}
