import type { IndicatorValue, MoneyUnit, PerformanceTable, Project } from '../model/types';
import { formatNumber } from '../values/indicator-value';
import { convertMoney, moneyUnitLabel, toStoredAmount } from '../values/money';
import { moneyUnitOf } from '../values/units';
import { makeCommand, type Command } from './types';

function convertRecord<T extends object>(record: T | null, from: MoneyUnit, to: MoneyUnit, converted: Set<string>, prefix: string): T | null {
  if (!record) return record;
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'number') {
      out[key] = toStoredAmount(convertMoney(value, from, to), 8);
      converted.add(`${prefix}.${key}`);
    }
  }
  return out as T;
}

/**
 * Converts a 指标值 written in the table's old money word (`≤20万元`) to the new one
 * (`≤200000元`), exactly; the raw text keeps its operator spelling. Unit costs (`元/人`) and
 * values in other money words are left as written (they already name their unit).
 */
export function convertIndicatorMoney(value: IndicatorValue, from: MoneyUnit, to: MoneyUnit): IndicatorValue {
  const money = value.kind === 'quantitative' ? moneyUnitOf(value.unit) : null;
  const fromWord = moneyUnitLabel(from);
  const toWord = moneyUnitLabel(to);
  if (!money || money.kind !== 'total' || money.word !== fromWord || value.number == null) return value;
  const number = toStoredAmount(convertMoney(value.number, from, to), 8);
  const numberText = formatNumber(number);
  const re = new RegExp(`[-−]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(\\s*)${fromWord}`);
  const raw = re.test(value.raw)
    ? value.raw.replace(re, (_m, space: string) => `${numberText}${space}${toWord}`)
    : `${value.operator ?? ''}${numberText}${toWord}`;
  return { ...value, raw, number, unit: toWord };
}

/**
 * Converts every amount of a table (项目资金, 含本级, 当年预算情况) and every money 指标值 in the
 * old unit to another money unit, exactly (decimal.js). Irregular source texts of converted
 * amounts are dropped (the number is authoritative); unreadable ones are kept.
 */
export function convertTableMoneyUnit(table: PerformanceTable, to: MoneyUnit): PerformanceTable {
  const from = table.moneyUnit;
  if (from === to) return table;
  const converted = new Set<string>();
  const funds = convertRecord(table.funds, from, to, converted, 'funds')!;
  const ownLevelFunds = convertRecord(table.ownLevelFunds, from, to, converted, 'ownLevelFunds');
  const departmentBudget = convertRecord(table.departmentBudget, from, to, converted, 'departmentBudget');
  const amountTexts = Object.fromEntries(Object.entries(table.amountTexts).filter(([path]) => !converted.has(path)));
  const indicators = table.indicators.map((ind) => {
    const value = convertIndicatorMoney(ind.value, from, to);
    return value === ind.value ? ind : { ...ind, value };
  });
  return { ...table, moneyUnit: to, funds, ownLevelFunds, departmentBudget, amountTexts, indicators };
}

/** 金额单位换算 元 ↔ 万元 as one undoable step. Null when the unit is already `to`. */
export function convertMoneyUnitCommand(project: Project, tableIndex: number, to: MoneyUnit): Command | null {
  const table = project.tables[tableIndex];
  if (!table || table.moneyUnit === to) return null;
  return makeCommand('convert-money-unit', `金额单位换算为${moneyUnitLabel(to)}`,
    [{ type: 'replaceTable', index: tableIndex, table: convertTableMoneyUnit(table, to) }], tableIndex);
}
