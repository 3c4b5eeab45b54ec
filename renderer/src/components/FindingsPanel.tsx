/**
 * The 校验结果 side panel: findings of the current table or all tables by severity, with 修正
 * and 全部修正 buttons (per rule and per identical fix). Fixes are applied by the caller.
 */
import { memo, useMemo, useState } from 'react';
import type { PerformanceTable } from '../../../shared/model/types';
import { ruleById } from '../../../shared/validation';
import type { Finding, Severity } from '../../../shared/validation/types';
import { severityLabel } from '../state/validation';

export interface FindingsPanelProps {
  readonly tables: readonly PerformanceTable[];
  readonly findings: readonly Finding[][];
  readonly current: number;
  readonly onPick: (f: Finding) => void;
  readonly onFix: (f: Finding) => void;
  /** 「全部修正」: these findings' fixes as one undo step, named `label`. */
  readonly onFixAll: (list: readonly Finding[], label: string) => void;
}

/** Fixable findings of the whole project grouped by rule and by identical fix (same label). */
function fixGroups(all: readonly Finding[]) {
  const byRule = new Map<string, Finding[]>();
  const byFix = new Map<string, Finding[]>();
  for (const f of all) {
    if (!f.fix) continue;
    const rule = byRule.get(f.ruleId) ?? [];
    rule.push(f);
    byRule.set(f.ruleId, rule);
    const key = `${f.ruleId}\u0000${f.fix.label}`;
    const same = byFix.get(key) ?? [];
    same.push(f);
    byFix.set(key, same);
  }
  return { byRule: [...byRule].filter(([, list]) => list.length > 1), byFix };
}

const ruleTitle = (id: string) => ruleById(id)?.title ?? '同类问题';

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** Findings grouped by table and severity with counts; click selects the cell; 修正 runs the fix (undoable). */
export const FindingsPanel = memo(function FindingsPanel({ tables, findings, current, onPick, onFix, onFixAll }: FindingsPanelProps) {
  const [onlyCurrent, setOnlyCurrent] = useState(true);
  const all = useMemo(() => findings.flat(), [findings]);
  const groups = useMemo(() => fixGroups(all), [all]);
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
      {groups.byRule.length > 0 && (
        <div className="fix-all-bar" data-testid="fix-all-bar">
          {groups.byRule.map(([id, list]) => (
            <button key={id} className="fix-all-button" data-testid="fix-all-rule" title={`${id}：一步修正全部 ${list.length} 处（可撤销）`}
              onClick={() => onFixAll(list, `全部修正“${ruleTitle(id)}”`)}>
              全部修正：{ruleTitle(id)}（{list.length}）
            </button>
          ))}
        </div>
      )}
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
                        <li key={i} className="finding" onClick={() => onPick(f)} data-testid="finding" data-rule={f.ruleId} title={`${f.ruleId} ${ruleTitle(f.ruleId)}`}>
                          {f.cell && <span className="finding-cell">{f.cell}</span>}
                          <span className="finding-message">{f.message}</span>
                          {f.fix && <FixButtons f={f} same={groups.byFix.get(`${f.ruleId}\u0000${f.fix.label}`) ?? []} onFix={onFix} onFixAll={onFixAll} />}
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

/** 修正 (this finding) and, when other findings have the identical fix, 全部修正（N）. */
function FixButtons({ f, same, onFix, onFixAll }: { f: Finding; same: readonly Finding[]; onFix: (f: Finding) => void; onFixAll: FindingsPanelProps['onFixAll'] }) {
  const label = f.fix?.label ?? '';
  return (
    <>
      <button className="fix-button" onClick={(e) => { e.stopPropagation(); onFix(f); }} title={label}>修正</button>
      {same.length > 1 && (
        <button className="fix-button" data-testid="fix-all-same" title={`把 ${same.length} 处“${label}”一步修正（可撤销）`}
          onClick={(e) => { e.stopPropagation(); onFixAll(same, `全部修正：${label}`); }}>
          全部修正（{same.length}）
        </button>
      )}
    </>
  );
}
