import { memo, useState } from 'react';
import type { PerformanceTable } from '../../../shared/model/types';
import type { Finding, Severity } from '../../../shared/validation/types';
import { severityLabel } from '../state/validation';

export interface FindingsPanelProps {
  readonly tables: readonly PerformanceTable[];
  readonly findings: readonly Finding[][];
  readonly current: number;
  readonly onPick: (f: Finding) => void;
  readonly onFix: (f: Finding) => void;
}

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** Findings grouped by table and severity with counts; click selects the cell; 修正 runs the fix (undoable). */
export const FindingsPanel = memo(function FindingsPanel({ tables, findings, current, onPick, onFix }: FindingsPanelProps) {
  const [onlyCurrent, setOnlyCurrent] = useState(true);
  const all = findings.flat();
  const count = (s: Severity) => all.filter((f) => f.severity === s).length;
  const shown = onlyCurrent ? [current] : tables.map((_, i) => i);
  return (
    <section className="findings-panel" aria-label="校验结果" data-testid="findings-panel">
      <div className="panel-title">
        校验结果
        <span className="counts">
          <span className="count error">错误 {count('error')}</span>
          <span className="count warning">警告 {count('warning')}</span>
          <span className="count info">提示 {count('info')}</span>
        </span>
      </div>
      <label className="only-current"><input type="checkbox" checked={onlyCurrent} onChange={(e) => setOnlyCurrent(e.target.checked)} />只看当前表</label>
      <div className="findings-scroll">
        {shown.map((t) => {
          const list = findings[t] ?? [];
          if (list.length === 0) return onlyCurrent ? <p key={t} className="muted">本表未发现问题。</p> : null;
          return (
            <div key={t} className="finding-table">
              {!onlyCurrent && <div className="finding-table-name">{t + 1}. {tables[t]?.projectName || '（未命名）'}</div>}
              {ORDER.map((s) => {
                const group = list.filter((f) => f.severity === s);
                if (group.length === 0) return null;
                return (
                  <div key={s} className={`finding-group ${s}`}>
                    <div className="finding-group-title">{severityLabel(s)}（{group.length}）</div>
                    <ul>
                      {group.map((f, i) => (
                        <li key={i} className="finding" onClick={() => onPick(f)} data-testid="finding">
                          <span className="rule-id">{f.ruleId}</span>
                          {f.cell && <span className="finding-cell">{f.cell}</span>}
                          <span className="finding-message">{f.message}</span>
                          {f.fix && <button className="fix-button" onClick={(e) => { e.stopPropagation(); onFix(f); }} title={f.fix.label}>修正</button>}
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </section>
  );
});
