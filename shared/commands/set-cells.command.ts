import { familyOf } from '../families';
import type { IndicatorListKey } from '../families/types';
import { indicatorRuns, level1RunOf, level2RunOf } from '../layout/indicator-runs';
import { blocksOf } from '../layout/matrix-block';
import { splitCoreMark } from '../vocabulary/lookup';
import { splitProjectDates } from '../vocabulary/project-dates';
import { bareValueText, composeValue } from '../vocabulary/split-value';
import type { CellBinding, SheetLayout } from '../layout/types';
import { getAtPath } from '../model/paths';
import type { PerformanceTable, Project } from '../model/types';
import { parseIndicatorValue } from '../values/indicator-value';
import { parseAmount } from '../values/amount';
import { applyMutations } from '../model/mutations';
import { makeCommand, type Command, type Mutation } from './types';

/** One cell commit: the binding of the edited cell and the text typed or pasted. */
export interface CellEdit {
  readonly binding: CellBinding;
  readonly text: string;
}

/** Prefix of a family-A slot typed by the user (`指标1:`, `指标 2：`), stripped from names. */
const SLOT_PREFIX_RE = /^指标\s*\d+\s*[:：]?\s*/;

/**
 * Mutations for an amount (元/万元, in the table's unit) or percent (0–100) field.
 * Readable input is stored as a number and any irregular source text is dropped (the editor
 * normalizes, FUND-06); unreadable input keeps its text in `amountTexts` so nothing is lost.
 */
function numberFieldMutations(table: PerformanceTable, t: number, path: string, kind: 'amount' | 'percent', text: string): Mutation[] {
  const trimmed = text.trim();
  let value: number | null;
  let keep: string | undefined;
  if (kind === 'amount') {
    const parsed = parseAmount(trimmed, table.moneyUnit);
    value = parsed.value;
    keep = parsed.unreadable ? trimmed : undefined;
  } else {
    const m = /^(-?\d+(?:\.\d+)?)\s*[%％]?$/.exec(trimmed);
    value = m ? Number(m[1]) : null;
    keep = !m && trimmed !== '' ? trimmed : undefined;
  }
  const mutations: Mutation[] = [];
  if (!Object.is(getAtPath(table, path), value)) mutations.push({ type: 'set', table: t, path, value });
  if (table.amountTexts[path] !== keep) {
    const texts: Record<string, string> = { ...table.amountTexts };
    if (keep === undefined) delete texts[path];
    else texts[path] = keep;
    mutations.push({ type: 'set', table: t, path: 'amountTexts', value: texts });
  }
  return mutations;
}

/** Indices of the consecutive run around `index` sharing its 一级 (and 二级 when `withLevel2`), in `list`. */
export function groupRun(table: PerformanceTable, index: number, withLevel2: boolean, list: IndicatorListKey = 'indicators'): number[] {
  const items = table[list] ?? [];
  if (items[index] === undefined) return [];
  const runs = indicatorRuns(items);
  const { start, end } = withLevel2 ? level2RunOf(runs, index) : level1RunOf(runs, index);
  return Array.from({ length: end - start }, (_, k) => start + k);
}

function indicatorMutations(table: PerformanceTable, t: number, binding: CellBinding, text: string): Mutation[] {
  const index = binding.indicatorIndex!;
  const list = binding.list ?? 'indicators';
  const ind = (table[list] ?? [])[index];
  if (!ind) return [];
  const at = (part: string) => `${list}.${index}.${part}`;
  const split = blocksOf(familyOf(table)).find((b) => b.list === list)?.matrix.splitValue === true;
  switch (binding.part) {
    case 'value': {
      const value = split ? composeValue(ind.nature ?? '', text, ind.measureUnit ?? '') : parseIndicatorValue(text);
      return ind.value.raw === value.raw ? [] : [{ type: 'set', table: t, path: at('value'), value }];
    }
    case 'nature':
    case 'measureUnit': {
      const part = binding.part;
      if ((ind[part] ?? '') === text) return [];
      const out: Mutation[] = [{ type: 'set', table: t, path: at(part), value: text }];
      if (!split) return out;
      const next = { ...ind, [part]: text };
      const value = composeValue(next.nature ?? '', bareValueText(ind), next.measureUnit ?? '');
      return value.raw === ind.value.raw ? out : [...out, { type: 'set', table: t, path: at('value'), value }];
    }
    case 'core': {
      const core = text.trim() !== '';
      return Boolean(ind.core) === core ? [] : [{ type: 'set', table: t, path: at('core'), value: core }];
    }
    case 'name': {
      const typed = familyOf(table).matrix.slotStyle ? text.replace(SLOT_PREFIX_RE, '') : text;
      const { core, name } = splitCoreMark(typed);
      const out: Mutation[] = ind.name === name ? [] : [{ type: 'set', table: t, path: at('name'), value: name }];
      return core && !ind.core ? [...out, { type: 'set', table: t, path: at('core'), value: true }] : out;
    }
    case 'level1':
    case 'level2': {
      const part = binding.part;
      const value = text.trim();
      return groupRun(table, index, part === 'level2', list)
        .filter((i) => table[list]![i][part] !== value)
        .map((i) => ({ type: 'set', table: t, path: `${list}.${i}.${part}`, value }));
    }
    default: {
      const part = binding.part ?? 'name';
      return (ind[part as 'description'] ?? '') === text ? [] : [{ type: 'set', table: t, path: at(part), value: text }];
    }
  }
}

/** Mutations for a 项目起止时间 cell: the text split into projectStart / projectEnd. */
function projectDatesMutations(table: PerformanceTable, t: number, text: string): Mutation[] {
  const { start, end } = splitProjectDates(text);
  const out: Mutation[] = [];
  if ((table.projectStart ?? '') !== start) out.push({ type: 'set', table: t, path: 'projectStart', value: start });
  if ((table.projectEnd ?? '') !== end) out.push({ type: 'set', table: t, path: 'projectEnd', value: end });
  return out;
}

/** Mutations for one cell commit against the current table (empty when nothing changes). */
export function cellEditMutations(table: PerformanceTable, t: number, edit: CellEdit): Mutation[] {
  const { binding, text } = edit;
  if (binding.indicatorIndex !== undefined) return indicatorMutations(table, t, binding, text);
  if (binding.path === 'projectDates') return projectDatesMutations(table, t, text);
  if (binding.kind === 'amount' || binding.kind === 'percent') return numberFieldMutations(table, t, binding.path, binding.kind, text);
  return getAtPath(table, binding.path) === text ? [] : [{ type: 'set', table: t, path: binding.path, value: text }];
}

/**
 * One undo step for one or many cell commits (typing, Delete on a range, a paste of a block).
 * Each edit sees the effect of the previous ones. Returns null when nothing would change.
 * Amounts are read in the table's money unit; 指标值 text is re-parsed with parseIndicatorValue.
 */
export function setCellsCommand(project: Project, tableIndex: number, edits: readonly CellEdit[], label?: string): Command | null {
  const mutations: Mutation[] = [];
  let current = project;
  for (const edit of edits) {
    const ms = cellEditMutations(current.tables[tableIndex], tableIndex, edit);
    if (ms.length === 0) continue;
    mutations.push(...ms);
    current = applyMutations(current, ms).project;
  }
  if (mutations.length === 0) return null;
  const text = label ?? (edits.length > 1 ? `编辑 ${edits.length} 个单元格` : '编辑单元格');
  return makeCommand('set-cells', text, mutations, tableIndex);
}
