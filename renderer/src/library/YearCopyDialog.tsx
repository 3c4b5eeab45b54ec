/**
 * 按上年新建: choose the new 预算年度, the whole project or the current table, keep or clear the
 * amounts; every year change (and every mention left for review) is listed before anything is made.
 */
import { useMemo, useState } from 'react';
import type { Project } from '../../../shared/model/types';
import { copyProjectToYear, type YearChange } from '../../../shared/year';
import { Modal } from '../dialogs/Modal';

export interface YearCopyChoice {
  readonly project: Project;
  readonly changes: readonly YearChange[];
  readonly toYear: number;
}

export interface YearCopyDialogProps {
  readonly project: Project;
  readonly tableIndex: number;
  readonly onDone: (choice: YearCopyChoice | null) => void;
}

/** The dialog; `onDone(null)` on cancel. */
export function YearCopyDialog({ project, tableIndex, onDone }: YearCopyDialogProps) {
  const from = project.meta.fiscalYear ?? new Date().getFullYear() - 1;
  const [toYear, setToYear] = useState(from + 1);
  const [scope, setScope] = useState<'project' | 'table'>('project');
  const [amounts, setAmounts] = useState<'keep' | 'clear'>('keep');
  const source = project.meta.fiscalYear == null ? { ...project, meta: { ...project.meta, fiscalYear: from } } : project;
  const result = useMemo(() => {
    if (!Number.isInteger(toYear) || toYear < 1990 || toYear > 2100 || toYear === from) return null;
    return copyProjectToYear(source, { toYear, amounts }, scope === 'table' ? [tableIndex] : undefined);
  }, [source, toYear, amounts, scope, tableIndex, from]);
  const changed = result?.changes.filter((c) => c.action === 'changed').length ?? 0;
  const review = result?.changes.filter((c) => c.action === 'review').length ?? 0;
  const tableName = project.tables[tableIndex]?.projectName || `第 ${tableIndex + 1} 张表`;
  return (
    <Modal
      title="按上年新建" testId="dialog-year-copy" onEscape={() => onDone(null)}
      buttons={<>
        <button type="button" disabled={!result} onClick={() => result && onDone({ project: result.project, changes: result.changes, toYear })}>新建</button>
        <button type="button" onClick={() => onDone(null)}>取消</button>
      </>}
    >
      <div className="year-copy">
        <div className="year-copy-options">
          <label htmlFor="year-copy-year">新预算年度</label>
          <span><input id="year-copy-year" type="number" value={toYear} onChange={(e) => setToYear(Number(e.target.value))} data-autofocus data-testid="year-copy-year" />（上年：{project.meta.fiscalYear ?? '未填'}）</span>
          <span>复制范围</span>
          <span>
            <label><input type="radio" checked={scope === 'project'} onChange={() => setScope('project')} /> 整个项目（{project.tables.length} 张表）</label>{'　'}
            <label><input type="radio" checked={scope === 'table'} onChange={() => setScope('table')} /> 仅当前表“{tableName}”</label>
          </span>
          <span>金额</span>
          <span>
            <label><input type="radio" checked={amounts === 'keep'} onChange={() => setAmounts('keep')} /> 保留上年金额</label>{'　'}
            <label><input type="radio" checked={amounts === 'clear'} onChange={() => setAmounts('clear')} data-testid="year-copy-clear" /> 清空金额</label>
          </span>
        </div>
        <div>{result ? `将修改 ${changed} 处年份${review ? `，另有 ${review} 处请核对` : ''}；指标全部保留。` : '请填写与上年不同的年份。'}</div>
        <ul className="year-copy-changes" data-testid="year-copy-changes">
          {result?.changes.map((c, i) => (
            <li key={i} className={c.action}>
              <span className="where">{c.where}{c.action === 'review' ? `（${c.reason}）` : ''}</span>
              {c.action === 'changed' ? <><del>{clip(c.before)}</del> → <ins>{clip(c.after)}</ins></> : <span>{clip(c.before)}</span>}
            </li>
          ))}
        </ul>
      </div>
    </Modal>
  );
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}
