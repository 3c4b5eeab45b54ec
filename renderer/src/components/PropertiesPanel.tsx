/**
 * The 属性 side panel: what the selected cell is (with the 指标值 helper) and the table's 版式 and
 * 金额单位 controls. Changes go out through callbacks; nothing is edited here.
 */
import { memo } from 'react';
import { FAMILIES, familyOf } from '../../../shared/families';
import type { LayoutCell } from '../../../shared/layout/types';
import { FAMILY_IDS, type FamilyId, type IndicatorValue, type MoneyUnit, type PerformanceTable } from '../../../shared/model/types';
import { ValueHelper } from './ValueHelper';

export interface PropertiesPanelProps {
  readonly table: PerformanceTable;
  readonly cell: LayoutCell | undefined;
  readonly meaning: string;
  readonly onSetCell: (text: string) => void;
  readonly onChangeFamily: (f: FamilyId) => void;
  readonly onConvertMoney: (u: MoneyUnit) => void;
}

/** Properties of the selected cell (with the 指标值 helper) and of the table (版式, 金额单位). */
export const PropertiesPanel = memo(function PropertiesPanel({ table, cell, meaning, onSetCell, onChangeFamily, onConvertMoney }: PropertiesPanelProps) {
  const ind = cell?.binding?.indicatorIndex !== undefined ? table.indicators[cell.binding.indicatorIndex] : undefined;
  const value: IndicatorValue | undefined = cell?.binding?.part === 'value' ? ind?.value : undefined;
  return (
    <section className="properties-panel" aria-label="属性" data-testid="properties-panel">
      <div className="panel-title">属性</div>
      <dl className="props">
        <dt>单元格</dt><dd>{meaning || '（未选择）'}</dd>
        {cell && <><dt>可编辑</dt><dd>{cell.binding ? '是' : '否（标签）'}</dd></>}
        {cell?.text && cell.text.length > 20 && <><dt>字数</dt><dd>{[...cell.text].length}</dd></>}
      </dl>
      {value && <ValueHelper value={value} onSet={onSetCell} />}
      <div className="panel-subtitle">本表</div>
      <dl className="props">
        <dt>版式</dt>
        <dd>
          <select value={table.family} onChange={(e) => onChangeFamily(e.target.value as FamilyId)} data-testid="family-select" aria-label="版式">
            {table.template && <option value="learned">{table.template.displayName}</option>}
            {FAMILY_IDS.map((id) => <option key={id} value={id}>{FAMILIES[id].letter} · {FAMILIES[id].displayName}</option>)}
          </select>
        </dd>
        <dt>金额单位</dt>
        <dd>
          <select value={table.moneyUnit} onChange={(e) => onConvertMoney(e.target.value as MoneyUnit)} data-testid="unit-select" aria-label="金额单位">
            <option value="wanYuan">万元</option>
            <option value="yuan">元</option>
          </select>
          <div className="muted small">更改单位时，金额和以该单位填写的指标值会精确换算。</div>
        </dd>
        <dt>指标行</dt><dd>{table.indicators.filter((i) => i.name || i.value.raw).length} / {table.indicators.length}（已填 / 全部）</dd>
        <dt>地区</dt><dd>{familyOf(table).region}</dd>
      </dl>
    </section>
  );
});
