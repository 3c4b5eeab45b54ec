/**
 * The 指标值 helper in the 属性 panel: shows how a value is parsed and rewrites its operator or unit
 * from pick-lists (each one cell edit through `onSet`).
 */
import { useState } from 'react';
import type { IndicatorValue } from '../../../shared/model/types';
import { formatNumber, parseIndicatorValue } from '../../../shared/values/indicator-value';
import { isValidUnit } from '../../../shared/values/units';
import { COMMON_UNITS, VALUE_OPERATORS } from '../grid/pick-lists';

function describe(v: IndicatorValue): string {
  if (v.kind === 'empty') return '（空）';
  if (v.kind === 'qualitative') return `定性：${v.raw}`;
  return `定量：运算符 ${v.operator ?? '（无）'} · 数值 ${formatNumber(v.number ?? 0)} · 单位 ${v.unit || '（无）'}`;
}

/**
 * Shows how a 指标值 is understood and offers operator and unit pick-lists that rewrite the
 * value (one undoable command each); typing anything else in the cell stays possible.
 */
export function ValueHelper({ value, onSet }: { value: IndicatorValue; onSet: (text: string) => void }) {
  const [unit, setUnit] = useState('');
  const q = value.kind === 'quantitative';
  const compose = (op: string | null, u: string | null) => {
    const number = value.number == null ? '' : formatNumber(value.number);
    onSet(`${op ?? value.operator ?? ''}${number}${u ?? value.unit ?? ''}`);
  };
  return (
    <div className="value-helper" data-testid="value-helper">
      <div className="parsed" data-testid="value-parsed">{describe(value)}</div>
      {q && value.unit !== null && value.unit !== '' && !isValidUnit(value.unit) && <div className="warning-text">单位“{value.unit}”不是常用计量单位</div>}
      <div className="helper-row">
        <span>运算符</span>
        {VALUE_OPERATORS.map((op) => (
          <button key={op} disabled={!q} className={value.operator === op ? 'active' : ''} onClick={() => compose(op, null)}>{op}</button>
        ))}
      </div>
      <div className="helper-row">
        <span>单位</span>
        <select value={unit} disabled={!q} onChange={(e) => { setUnit(''); if (e.target.value) compose(null, e.target.value); }}>
          <option value="">选择常用单位…</option>
          {COMMON_UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
      </div>
      <div className="helper-row examples">
        <span>示例</span>
        {['≥95%', '≤10万元', '＝100%', '达到预期'].map((ex) => (
          <button key={ex} onClick={() => onSet(ex)} title="填入示例值">{ex}</button>
        ))}
      </div>
      <div className="muted small">也可以直接输入其他内容，例如 {JSON.stringify(parseIndicatorValue('不少于 10 次').raw)}。</div>
    </div>
  );
}
