/**
 * The 表 list on the left: each table with its amount and worst finding, and the buttons that add,
 * copy, rename, delete and reorder tables (through callbacks).
 */
import { memo } from 'react';
import { familyOf } from '../../../shared/families';
import type { PerformanceTable } from '../../../shared/model/types';
import { formatNumber } from '../../../shared/values/indicator-value';
import { moneyUnitLabel } from '../../../shared/values/money';
import type { Finding } from '../../../shared/validation/types';
import { severityLabel, worstSeverity } from '../state/validation';

export interface TableListProps {
  readonly tables: readonly PerformanceTable[];
  readonly findings: readonly Finding[][];
  readonly current: number;
  readonly onSelect: (i: number) => void;
  readonly onAdd: () => void;
  readonly onDuplicate: (i: number) => void;
  readonly onRename: (i: number) => void;
  readonly onDelete: (i: number) => void;
  readonly onMove: (from: number, to: number) => void;
}

function amountOf(t: PerformanceTable): string {
  const n = t.departmentBudget ? t.departmentBudget.expenditureTotal : t.funds.total;
  return n == null ? '—' : `${formatNumber(n)} ${moneyUnitLabel(t.moneyUnit)}`;
}

/** The tables of the project: name, amount and worst finding; add / copy / rename / delete / reorder. */
export const TableList = memo(function TableList(p: TableListProps) {
  const n = p.tables.length;
  return (
    <nav className="table-list" aria-label="表列表">
      <div className="panel-title">表（{n}）</div>
      <div className="table-list-actions">
        <button onClick={p.onAdd} title="新建表">新建</button>
        <button onClick={() => p.onDuplicate(p.current)} disabled={n === 0} title="复制当前表">复制</button>
        <button onClick={() => p.onRename(p.current)} disabled={n === 0} title="重命名当前表">重命名</button>
        <button onClick={() => p.onDelete(p.current)} disabled={n === 0} title="删除当前表">删除</button>
        <button onClick={() => p.onMove(p.current, p.current - 1)} disabled={p.current <= 0} title="上移">↑</button>
        <button onClick={() => p.onMove(p.current, p.current + 1)} disabled={p.current >= n - 1} title="下移">↓</button>
      </div>
      <ol className="table-items" data-testid="table-list">
        {p.tables.map((t, i) => {
          const worst = worstSeverity(p.findings[i] ?? []);
          return (
            <li
              key={i} className={`table-item${i === p.current ? ' current' : ''}`} onClick={() => p.onSelect(i)}
              onDoubleClick={() => p.onRename(i)} title={`${familyOf(t).displayName}`} data-testid="table-item"
            >
              <span className={`status-dot ${worst ?? 'ok'}`} title={worst ? `最严重：${severityLabel(worst)}` : '未发现问题'} aria-label={worst ? severityLabel(worst) : '正常'} />
              <span className="table-index">{i + 1}.</span>
              <span className="table-name">{t.projectName || '（未命名）'}</span>
              <span className="table-amount">{amountOf(t)}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
