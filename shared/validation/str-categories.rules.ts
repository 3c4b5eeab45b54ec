import type { FamilyDefinition } from '../families/types';
import { indicatorRuns, positionInRun } from '../layout/indicator-runs';
import type { Indicator, PerformanceTable } from '../model/types';
import { moneyUnitOf } from '../values/units';
import type { ModelPath } from '../model/paths';
import type { IndicatorFacts, TableFacts } from './facts';
import { setPathsFix } from './fixes';
import { firstSeen, type Rule, type RuleFinding } from './rule';
import type { Fix } from './types';
import { compact, tableName } from './text';

/** STR-08, STR-10..STR-13: categories, slot numbering, canonical names and order, duplicates (DOMAIN.md §3.1). */

/** Matrix header words that must not appear as data (S0 l.225, l.237). */
const HEADER_WORDS = new Set(['一级指标', '二级指标', '三级指标', '指标值', '绩效指标', '名称', '绩效指标描述', '指标值确定依据', '年度绩效指标']);

/** Longest header word: a text longer than this without blanks cannot be one. */
const MAX_HEADER_WORD = Math.max(...[...HEADER_WORDS].map((w) => w.length));
const BLANK = /\s/;

/** First characters of the header words. */
const HEADER_FIRST = new Set([...HEADER_WORDS].map((w) => w[0]));

/** True when the text, blanks removed, is a matrix header word. */
function isHeaderWord(text: string): boolean {
  const first = text.length > 0 && !BLANK.test(text[0]) ? text[0] : text.trimStart()[0];
  return first !== undefined && HEADER_FIRST.has(first) && (text.length <= MAX_HEADER_WORD || BLANK.test(text)) && HEADER_WORDS.has(compact(text));
}

/** The first index of every 一级 run (`level1`) or 二级 run (`level2`) of the indicators. */
function runStarts(indicators: readonly Indicator[], key: 'level1' | 'level2'): number[] {
  return indicatorRuns(indicators)[key].map((run) => run.start);
}

/** STR-08: 二级 under the wrong 一级, unknown categories, header words or a 成本 row in data cells. */
export const STR_08: Rule = {
  id: 'STR-08', severity: 'error', families: 'all', title: '指标层级错误或表头混入数据',
  check: (table, ctx) => {
    const out: RuleFinding[] = [];
    const where = tableName(table, ctx.tableIndex);
    for (const i of runStarts(table.indicators, 'level1')) {
      const f = ctx.facts.indicators[i];
      if (f.level1Def) continue;
      const l1Names = ctx.family.categories.map((c) => c.name).join('、');
      const text = f.indicator.level1.trim();
      const what = HEADER_WORDS.has(compact(text)) ? `表头文字“${text}”混入了一级指标列` : text ? `“${text}”不是本版式的一级指标` : '一级指标为空';
      out.push({ path: `indicators.${i}.level1`, message: `${where}：${what}；一级指标应为 ${l1Names} 之一` });
    }
    for (const i of runStarts(table.indicators, 'level2')) {
      const f = ctx.facts.indicators[i];
      const text = f.indicator.level2.trim();
      if (!f.level2Def) {
        if (!f.level1Def) continue;
        const allowed = f.level1Def.level2.map((d) => d.name).join('、');
        const what = HEADER_WORDS.has(compact(text)) ? `表头文字“${text}”混入了二级指标列` : text ? `二级指标“${text}”不属于本版式` : '二级指标为空';
        out.push({ path: `indicators.${i}.level2`, message: `${where}：${what}；“${f.level1Def.name}”下应为 ${allowed}` });
      } else if (f.level1Def && f.level2Parent !== f.level1Def) {
        out.push({ path: `indicators.${i}.level2`, message: `${where}：二级指标“${text}”应属于一级指标“${f.level2Parent?.name}”，不应放在“${f.level1Def.name}”下` });
      }
    }
    for (const f of ctx.facts.indicators) {
      const { name, value } = f.indicator;
      if (isHeaderWord(name) || isHeaderWord(value.raw)) {
        out.push({ path: `indicators.${f.index}.name`, message: `${where}的“${f.label}”一行是表头文字，不是指标；请删除该行` });
      } else if (f.expects && f.expects !== 'money' && /成本/.test(name) && value.kind === 'quantitative' && moneyUnitOf(value.unit)?.kind === 'total') {
        out.push({ path: `indicators.${f.index}.level2`, message: `${where}的成本类指标“${name.trim()}”（${value.raw.trim()}）放在了“${f.indicator.level2}”下；应移到成本指标下` });
      }
    }
    return out;
  },
};

/** `指标2: 指标2:` → `指标2:2` style comparisons: blanks removed, full-width colon folded. */
const normalizeSlot = (label: string) => compact(label).replace(/：/g, ':');

/** STR-10: slot labels 「指标N:」 unique and sequential within each 二级 (family A); fix renumbers. */
export const STR_10: Rule = {
  id: 'STR-10', severity: 'warning', families: ['nx-2024'], title: '指标序号重复或不连续',
  check: (table, ctx) => {
    const found: (readonly [ModelPath, string])[] = [];
    const labelled: (readonly [ModelPath, undefined])[] = [];
    const runs = indicatorRuns(table.indicators);
    table.indicators.forEach((ind, i) => {
      if (ind.slotLabel === undefined) return;
      labelled.push([`indicators.${i}.slotLabel`, undefined]);
      const position = positionInRun(runs, i);
      const expected = `指标${position + 1}:`;
      if (normalizeSlot(ind.slotLabel) === expected) return;
      found.push([`indicators.${i}.name`, `${tableName(table, ctx.tableIndex)}的“${ind.level1}›${ind.level2}”中第 ${position + 1} 行序号写作“${ind.slotLabel.trim()}”，应为“${expected}”`]);
    });
    return withOneFix(found, () => setPathsFix('重新编排“指标N:”序号', ctx.tableIndex, labelled));
  },
};

/** Findings (path, message) sharing one fix, made only when there is a finding. */
function withOneFix(found: readonly (readonly [ModelPath, string])[], makeFix: () => Fix): RuleFinding[] {
  if (found.length === 0) return [];
  const fix = makeFix();
  return found.map(([path, message]) => ({ path, message, fix }));
}

const LEVEL_KEYS = ['level1', 'level2'] as const;

/** The canonical name of a row's 一级 or 二级 when it is written otherwise; undefined when canonical or unknown. */
function canonicalName(f: IndicatorFacts, key: 'level1' | 'level2'): string | undefined {
  const def = key === 'level1' ? f.level1Def : f.level2Def;
  return def && f.indicator[key] !== def.name ? def.name : undefined;
}

/** STR-11: canonical 一级/二级 names (synonyms, blanks, 「(必填)」 annotations); fix renames. */
export const STR_11: Rule = {
  id: 'STR-11', severity: 'warning', families: 'all', title: '指标类别名称不规范',
  check: (table, ctx) => {
    const found: (readonly [ModelPath, string])[] = [];
    const renames: (readonly [ModelPath, string])[] = [];
    const seen = new Set<string>();
    for (const f of ctx.facts.indicators) {
      for (const key of LEVEL_KEYS) {
        const canonical = canonicalName(f, key);
        if (canonical === undefined) continue;
        const path = `indicators.${f.index}.${key}`;
        renames.push([path, canonical]);
        const written = f.indicator[key];
        if (seen.has(`${key}:${written}`)) continue;
        seen.add(`${key}:${written}`);
        found.push([path, `${tableName(table, ctx.tableIndex)}的${key === 'level1' ? '一级' : '二级'}指标“${written.trim()}”不是规范名称，应写作“${canonical}”`]);
      }
    }
    return withOneFix(found, () => setPathsFix('改为规范的指标类别名称', ctx.tableIndex, renames));
  },
};

/** Sort key of every row in the family's canonical order; unknown rows keep the key of the row before. */
function orderKeys(family: FamilyDefinition, facts: TableFacts): number[] {
  let last = 0;
  return facts.indicators.map((f) => {
    const parent = f.level2Parent ?? f.level1Def;
    if (!parent) return last;
    const l1 = family.categories.indexOf(parent);
    const l2 = f.level2Def && f.level2Parent === parent ? parent.level2.indexOf(f.level2Def) : last >= l1 * 100 && last < (l1 + 1) * 100 ? last % 100 : 0;
    last = l1 * 100 + l2;
    return last;
  });
}

/** Stable sort of the rows into the canonical order (the STR-12 fix). */
export function canonicalOrder(table: PerformanceTable, family: FamilyDefinition, facts: TableFacts): readonly Indicator[] {
  const keys = orderKeys(family, facts);
  return table.indicators.map((ind, i) => ({ ind, key: keys[i], i })).sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.ind);
}

/** STR-12: 一级 and 二级 in the family's print order (S2: 可持续影响 before 社会效益); fix reorders. */
export const STR_12: Rule = {
  id: 'STR-12', severity: 'warning', families: 'all', title: '指标类别顺序不规范',
  check: (table, ctx) => {
    const keys = orderKeys(ctx.family, ctx.facts);
    let max = -1;
    const bad = keys.findIndex((k) => {
      const out = k < max;
      max = Math.max(max, k);
      return out;
    });
    if (bad < 0) return [];
    const f = ctx.facts.indicators[bad];
    const before = ctx.facts.indicators.slice(0, bad).reverse().find((g) => keys[g.index] > keys[bad]);
    return [{
      path: `indicators.${bad}.level2`,
      message: `${tableName(table, ctx.tableIndex)}的“${f.indicator.level1}›${f.indicator.level2}”应排在“${before?.indicator.level1 ?? ''}›${before?.indicator.level2 ?? ''}”之前；本版式顺序为 ${ctx.family.categories.map((c) => `${c.name}（${c.level2.map((d) => d.name).join('、')}）`).join('，')}`,
      fix: setPathsFix('按规范顺序排列指标', ctx.tableIndex, [['indicators', canonicalOrder(table, ctx.family, ctx.facts)]]),
    }];
  },
};

/** STR-13: the same 三级 name and value twice in one table (S1 l.250/l.253). */
export const STR_13: Rule = {
  id: 'STR-13', severity: 'warning', families: 'all', title: '重复的三级指标',
  check: (table, ctx) => {
    // compact name → rows with that name, earliest first (names rarely repeat: no key strings, no map per row)
    const firstOf = new Map<string, number>();
    const laterOf = new Map<string, number[]>();
    const out: RuleFinding[] = [];
    for (let i = 0; i < table.indicators.length; i++) {
      const ind = table.indicators[i];
      const name = compact(ind.name);
      if (name === '') continue;
      const head = firstSeen(firstOf, name, i);
      if (head === undefined) continue;
      const value = compact(ind.value.raw);
      const later = laterOf.get(name);
      const first = [head, ...(later ?? [])].find((r) => compact(table.indicators[r].value.raw) === value);
      if (first === undefined) {
        if (later) later.push(i);
        else laterOf.set(name, [i]);
        continue;
      }
      out.push({ path: `indicators.${i}.name`, message: `${tableName(table, ctx.tableIndex)}中指标“${ind.name.trim()}：${ind.value.raw.trim()}”重复出现（与“${table.indicators[first].level1}›${table.indicators[first].level2}”下的一行相同）；请删除重复行` });
    }
    return out;
  },
};
