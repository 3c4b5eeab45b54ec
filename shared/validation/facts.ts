import type Decimal from 'decimal.js';
import { familyOf } from '../families';
import type { FamilyDefinition, Level1Definition, Level2Definition, ValueExpectation } from '../families/types';
import { indicatorRuns } from '../layout/indicator-runs';
import type { Indicator, PerformanceTable } from '../model/types';
import { extractMoneyMentions } from '../values/money-mentions';
import { convertMoney } from '../values/money';
import { moneyUnitOf, type MoneyWord } from '../values/units';
import { isPlaceholderText } from './placeholders';
import { compact } from './text';

/**
 * Per-table analysis shared by all rules, computed once per table per validation run: the
 * category of every indicator resolved against the family tree (canonical names, aliases,
 * annotations stripped), and the money items of its 成本 rows.
 */

/** A category label compared without blanks and without 「(必填…)」 annotations (STR-11). */
export function normalizeCategory(text: string): string {
  const compacted = compact(text);
  return compacted.includes('必填') ? compacted.replace(/[（(][^）)]*必填[^）)]*[）)]/g, '') : compacted;
}

/** Analysis of one indicator row. */
export interface IndicatorFacts {
  readonly index: number;
  readonly indicator: Indicator;
  /** The family 一级 the row's level1 names (by name or alias), if any. */
  readonly level1Def: Level1Definition | undefined;
  /** The family 二级 the row's level2 names, searched under level1Def first, then anywhere. */
  readonly level2Def: Level2Definition | undefined;
  /** The 一级 that level2Def belongs to (differs from level1Def when misplaced: STR-08). */
  readonly level2Parent: Level1Definition | undefined;
  /** Expected value kind of the 二级 (VAL-05), or null when the 二级 is unknown. */
  readonly expects: ValueExpectation | null;
  /** Name or value written. */
  readonly filled: boolean;
  /** 「产出指标›数量指标›配备监控设备」, for messages. */
  readonly label: string;
}

/** Money amount of one 成本 row (COST-01..04), converted exactly to the table's unit. */
export interface CostItem {
  readonly index: number;
  /** In the table's money unit. */
  readonly amount: Decimal;
  /** As written: number + word, e.g. `3.58万元`. */
  readonly written: string;
  readonly word: MoneyWord;
  readonly operator: Indicator['value']['operator'];
  /** A unit cost or rate (`元/台`, 「每人每年 2.5 万元」, names with 每/单价/标准): not summed by COST-01. */
  readonly perUnit: boolean;
  /** Where the amount came from: the quantitative value, a mention in 定性 text, or a bare number with the unit in the name. */
  readonly source: 'value' | 'mention' | 'nameUnit';
  /** Denominator of a unit cost (`台` of `元/台`), when written. */
  readonly per?: string;
}

export interface TableFacts {
  readonly family: FamilyDefinition;
  readonly indicators: readonly IndicatorFacts[];
  /** The rows with a value (not blank), in row order: what the VAL rules check. */
  readonly valued: readonly IndicatorFacts[];
  /** 成本 rows: 二级 expecting money (A–C 成本指标; D every 二级 under 成本指标). */
  readonly costIndices: readonly number[];
  /** Money items of the 成本 rows, in row order. */
  readonly costItems: readonly CostItem[];
  /** The 绩效目标 is only a template placeholder (`1.目标内容1`): STR-02 reports it, QUA-01 leaves it to STR-02. */
  readonly goalIsPlaceholder: boolean;
}

/**
 * Facts of a table, computed afresh (cheap: one pass over the rows). Validation computes them once
 * per table per run and hands them to every rule; they are not kept after the run (a cache per
 * table object kept them alive, so every garbage collection had to copy them).
 */
export function tableFacts(table: PerformanceTable): TableFacts {
  return computeFacts(table);
}

function findLevel1(family: FamilyDefinition, text: string): Level1Definition | undefined {
  const n = normalizeCategory(text);
  return family.categories.find((d) => d.name === n || d.aliases?.includes(n));
}

function findLevel2(defs: readonly Level2Definition[], n: string): Level2Definition | undefined {
  return defs.find((d) => d.name === n) ?? defs.find((d) => d.aliases?.includes(n));
}

function resolveLevel2(family: FamilyDefinition, l1: Level1Definition | undefined, text: string) {
  const n = normalizeCategory(text);
  const own = l1 ? findLevel2(l1.level2, n) : undefined;
  if (own) return { def: own, parent: l1 };
  for (const parent of family.categories) {
    const def = findLevel2(parent.level2, n);
    if (def) return { def, parent };
  }
  return { def: undefined, parent: undefined };
}

/** IndicatorFacts with the message label built only when a message needs it. */
class RowFacts implements IndicatorFacts {
  readonly expects: ValueExpectation | null;
  /** Declared in the constructor, so that the getter does not give the instance a second hidden class. */
  private labelText: string | undefined = undefined;
  /**
   * The first instance made, kept for the life of the process. V8 holds the hidden class of a
   * class's instances only through them (the transitions from the constructor's map are weak);
   * facts do not outlive a validation run, so each full GC collected the class and threw away the
   * optimised code of every rule that had read a row: the next 1,000-table run took twice as long
   * (tests/bench/validation.bench.mjs, 'after a full GC').
   */
  private static anchor: RowFacts | undefined;
  constructor(
    readonly index: number,
    readonly indicator: Indicator,
    readonly level1Def: Level1Definition | undefined,
    readonly level2Def: Level2Definition | undefined,
    readonly level2Parent: Level1Definition | undefined,
    readonly filled: boolean,
  ) {
    this.expects = level2Def?.expects ?? null;
    RowFacts.anchor ??= this;
  }

  get label(): string {
    if (this.labelText === undefined) {
      const { level1, level2, name } = this.indicator;
      this.labelText = `${level1 || '（无一级）'}›${level2 || '（无二级）'}›${name.trim() || '（无名称）'}`;
    }
    return this.labelText;
  }
}

function computeFacts(table: PerformanceTable): TableFacts {
  const family = familyOf(table);
  const indicators: IndicatorFacts[] = [];
  const valued: IndicatorFacts[] = [];
  // rows come in runs of one 一级/二级: resolve a label once per run (the result depends on the texts only)
  for (const run1 of indicatorRuns(table.indicators).level1) {
    const level1Def = findLevel1(family, run1.level1);
    for (const run2 of run1.level2Runs) {
      const { def, parent } = resolveLevel2(family, level1Def, run2.level2);
      for (let index = run2.start; index < run2.end; index++) {
        const indicator = table.indicators[index];
        const hasValue = indicator.value.raw.trim() !== '';
        const row = new RowFacts(index, indicator, level1Def, def, parent, hasValue || indicator.name.trim() !== '');
        indicators.push(row);
        if (hasValue) valued.push(row);
      }
    }
  }
  const costIndices: number[] = [];
  const costItems: CostItem[] = [];
  for (const f of indicators) {
    if (f.expects !== 'money' || f.level2Parent !== (f.level1Def ?? f.level2Parent)) continue;
    costIndices.push(f.index);
    costItems.push(...costItemsOf(table, f.index));
  }
  return { family, indicators, valued, costIndices, costItems, goalIsPlaceholder: isPlaceholderText(table.goal) };
}

/** Names of 成本 rows that state a rate rather than a total (每个村…, 单价, 补助标准). */
const PER_UNIT_NAME = /每[个人户村年月天日台次]|单价|标准|人均|户均|单台|单个|单位成本|平均/;
/** Unit written in the name: 「落实社区工作者公积金 (万元)」 + bare `8.28` (S1 l.186). */
const NAME_UNIT = /[（(]\s*(万元|元)\s*[）)]\s*$/;

/** Money items of one 成本 row (none when it states no money). */
export function costItemsOf(table: PerformanceTable, index: number): CostItem[] {
  const ind = table.indicators[index];
  const v = ind.value;
  const perUnitName = PER_UNIT_NAME.test(ind.name);
  const to = table.moneyUnit;
  if (v.kind === 'quantitative' && v.number != null) {
    const unit = (v.unit ?? '').replace(/\s+/g, '').replace(/^万(?=$|\/)/, '万元');
    const money = moneyUnitOf(unit);
    if (money) {
      const per = money.kind === 'unitCost' ? unit.slice(unit.indexOf('/') + 1) : undefined;
      return [{
        index, amount: convertMoney(v.number, money.word, to), written: `${v.number}${money.word}${per ? `/${per}` : ''}`,
        word: money.word, operator: v.operator, perUnit: money.kind === 'unitCost' || perUnitName, source: 'value', per,
      }];
    }
    const nameUnit = unit === '' ? NAME_UNIT.exec(ind.name) : null;
    if (nameUnit) {
      const word = nameUnit[1] as MoneyWord;
      return [{ index, amount: convertMoney(v.number, word, to), written: `${v.number}${word}`, word, operator: v.operator, perUnit: perUnitName, source: 'nameUnit' }];
    }
    return [];
  }
  if (v.kind !== 'qualitative') return [];
  return extractMoneyMentions(v.raw).map((m) => ({
    index, amount: convertMoney(m.amount, m.word, to), written: m.text.replace(/\s+/g, ''), word: m.word,
    operator: null, perUnit: m.perUnit || perUnitName, source: 'mention' as const,
  }));
}
