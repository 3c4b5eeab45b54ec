/**
 * 部门整体绩效目标 (family F) editor: the three sections as multi-line fields, 二、分项绩效目标 as
 * text or as a simple table editor (部门职责 › 工作任务 › 绩效指标 / 指标值, merged like the print),
 * rows added and removed per duty, task and indicator, the DEP findings below. Every commit (a
 * field left, a button) is one command of shared/commands/department.command.ts: one undo step.
 */
import { useEffect, useState } from 'react';
import {
  insertDepartmentDutyCommand, insertDepartmentIndicatorCommand, insertDepartmentTaskCommand, removeDepartmentDutyCommand,
  removeDepartmentIndicatorCommand, removeDepartmentTaskCommand, setDepartmentCellCommand, setDepartmentItemGoalsModeCommand,
  setDepartmentSectionCommand, type Command,
} from '../../../shared/commands';
import {
  DEPARTMENT_SECTION_HEADINGS, DEPARTMENT_TABLE_HEADER, departmentCellText, departmentTableRows, emptyDepartment,
  type DepartmentColumn, type DepartmentSectionKey,
} from '../../../shared/model/department';
import type { Project } from '../../../shared/model/types';
import { validateDepartment } from '../../../shared/validation/department.rules';

export interface DepartmentEditorProps {
  readonly project: Project;
  readonly run: (command: Command | null) => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  readonly onClose: () => void;
}

/** A text field that keeps its draft while focused and commits when left (Ctrl+Enter too). */
function CommitField({ value, onCommit, multiline, testId, label, minRows = 3 }: { value: string; onCommit: (v: string) => void; multiline?: boolean; testId: string; label: string; minRows?: number }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => { if (draft !== value) onCommit(draft); };
  const common = {
    value: draft, 'aria-label': label, 'data-testid': testId,
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || !multiline)) { e.preventDefault(); commit(); }
      if (e.key === 'Escape') { e.stopPropagation(); setDraft(value); }
    },
  };
  return multiline
    ? <textarea {...common} rows={Math.max(minRows, draft.split('\n').length + (minRows > 1 ? 1 : 0))} onChange={(e) => setDraft(e.target.value)} />
    : <input {...common} onChange={(e) => setDraft(e.target.value)} />;
}

function DutyTable({ project, run }: { project: Project; run: DepartmentEditorProps['run'] }) {
  const duties = project.department?.itemGoals ?? [];
  const rows = departmentTableRows(duties);
  const cols: DepartmentColumn[] = ['duty', 'task', 'indicator', 'value'];
  return (
    <table className="department-table" data-testid="department-table">
      <thead><tr>{DEPARTMENT_TABLE_HEADER.map((h) => <th key={h}>{h}</th>)}<th>行操作</th></tr></thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={`${row.duty}-${row.task}-${row.indicator}`}>
            {cols.map((column) => {
              const span = column === 'duty' ? row.dutySpan : column === 'task' ? row.taskSpan : 1;
              if (span === 0) return null;
              const ref = { duty: row.duty, task: row.task, indicator: row.indicator, column };
              return (
                <td key={column} rowSpan={span > 1 ? span : undefined}>
                  <CommitField
                    value={departmentCellText(duties, row, column)} multiline={column !== 'value'} minRows={column === 'indicator' ? 1 : 2} label={`${column}-${r + 1}`}
                    testId={`department-cell-${r}-${column}`} onCommit={(v) => run(setDepartmentCellCommand(project, ref, v))}
                  />
                  {column === 'duty' && (
                    <span className="department-row-actions">
                      <button title="在下方插入部门职责" onClick={() => run(insertDepartmentDutyCommand(project, row.duty + 1))}>＋职责</button>
                      <button title="删除此部门职责" onClick={() => run(removeDepartmentDutyCommand(project, row.duty))}>－职责</button>
                    </span>
                  )}
                  {column === 'task' && (
                    <span className="department-row-actions">
                      <button title="在下方插入工作任务" onClick={() => run(insertDepartmentTaskCommand(project, row.duty, row.task + 1))}>＋任务</button>
                      <button title="删除此工作任务" onClick={() => run(removeDepartmentTaskCommand(project, row.duty, row.task))}>－任务</button>
                    </span>
                  )}
                </td>
              );
            })}
            <td>
              <span className="department-row-actions">
              <button data-testid={`department-add-indicator-${r}`} title="在下方插入绩效指标" onClick={() => run(insertDepartmentIndicatorCommand(project, row.duty, row.task, row.indicator + 1))}>＋指标</button>
              <button title="删除此绩效指标" onClick={() => run(removeDepartmentIndicatorCommand(project, row.duty, row.task, row.indicator))}>－指标</button>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DepartmentEditor(p: DepartmentEditorProps) {
  const doc = p.project.department ?? emptyDepartment();
  const findings = validateDepartment(p.project.department ? p.project : { ...p.project, department: doc });
  const section = (key: DepartmentSectionKey) => (
    <CommitField
      multiline value={doc[key]} label={DEPARTMENT_SECTION_HEADINGS[key]} testId={`department-${key}`}
      onCommit={(v) => p.run(setDepartmentSectionCommand(p.project, key, v))}
    />
  );
  return (
    <div className="print-preview-backdrop">
      <div
        className="print-preview department-editor" role="dialog" aria-modal="true" aria-label="部门整体绩效目标" data-testid="department-editor" tabIndex={-1}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); p.onClose(); } }}
      >
        <div className="department-body">
          <div className="department-toolbar">
            <span className="print-title">部门整体绩效目标（第一部分）</span>
            <button onClick={p.onUndo} disabled={!p.undoLabel} data-testid="department-undo">{p.undoLabel ? `撤销 ${p.undoLabel}` : '撤销'}</button>
            <button onClick={p.onRedo} disabled={!p.redoLabel} data-testid="department-redo">{p.redoLabel ? `重做 ${p.redoLabel}` : '重做'}</button>
            <button onClick={p.onClose} data-testid="department-close">关闭</button>
          </div>
          <p className="muted small">每行一段，按“1.”“2.”编号；离开输入框即保存为一步操作，可撤销。</p>
          <h3>{DEPARTMENT_SECTION_HEADINGS.overallGoal}</h3>
          {section('overallGoal')}
          <h3>
            {DEPARTMENT_SECTION_HEADINGS.itemGoalsText}
            <label className="department-mode"><input type="radio" checked={doc.itemGoals === null} data-testid="department-mode-text" onChange={() => p.run(setDepartmentItemGoalsModeCommand(p.project, 'text'))} />文字</label>
            <label className="department-mode"><input type="radio" checked={doc.itemGoals !== null} data-testid="department-mode-table" onChange={() => p.run(setDepartmentItemGoalsModeCommand(p.project, 'table'))} />表格（部门职责 › 工作任务 › 绩效指标）</label>
          </h3>
          {doc.itemGoals === null ? section('itemGoalsText') : <DutyTable project={p.project} run={p.run} />}
          <h3>{DEPARTMENT_SECTION_HEADINGS.safeguards}</h3>
          {section('safeguards')}
          <h3>校验</h3>
          {findings.length === 0
            ? <p className="muted" data-testid="department-findings">未发现问题。</p>
            : <ul className="department-findings" data-testid="department-findings">{findings.map((f, i) => <li key={i} className={f.severity}>{f.ruleId} {f.message}</li>)}</ul>}
        </div>
      </div>
    </div>
  );
}
