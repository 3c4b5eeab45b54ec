/**
 * Builds a 指标库 from projects: cleans every table with validation's own fixes, drops
 * placeholders and rows without a usable 指标值, and merges rows with the same 二级 and name.
 * Pure: the same projects in the same order give the same library.
 */
import { applyCleaningFixes } from './clean';
import type { Indicator, IndicatorValue, Project, ValueOperator } from '../model/types';
import { isPlaceholderText } from '../validation/placeholders';
import { formatIndicatorValue } from '../values/indicator-value';
import { categoryRank } from './categories';
import { sortEntries } from './merge';
import { entryKey, normalizeName } from '../vocabulary/indicator-names';
import { projectKindOf } from './normalize';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, type IndicatorLibrary, type InitialsOf, type LibraryEntry, type ProjectKind } from './types';

/** Longest name the library keeps: longer 三级指标 are sentences, not names (QUA-06 flags them too). */
export const MAX_ENTRY_NAME_LENGTH = 25;

/** One row of a cleaned table, as the library sees it. */
export interface Observation {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly value: IndicatorValue;
  /** True when validation reports no error or warning on the row's name or value after the fixes. */
  readonly good: boolean;
  readonly kind: ProjectKind;
}

/** True when a name can be a library entry: not empty, not a placeholder, short, one line. */
export function isUsableName(name: string): boolean {
  const n = normalizeName(name);
  return n !== '' && n.length <= MAX_ENTRY_NAME_LENGTH && !/[\r\n]/.test(n) && !isPlaceholderText(n) && !/^[\d\s.%]+$/.test(n);
}

/** The rows of table `tableIndex` of a project, after validation's fixes, with their verdict. */
export function observeTable(project: Project, tableIndex: number): Observation[] {
  const out: Observation[] = [];
  const { table, badRows } = applyCleaningFixes(project, tableIndex);
  const kind = projectKindOf(table.projectName, table.family === 'jx-department');
  table.indicators.forEach((ind: Indicator, i: number) => {
    if (categoryRank(ind.level1, ind.level2) < 0 || !isUsableName(ind.name) || ind.value.kind === 'empty') return;
    out.push({ level1: ind.level1, level2: ind.level2, name: normalizeName(ind.name), value: ind.value, good: !badRows.has(i), kind });
  });
  return out;
}

/** The rows of every table of a project (`observeTable` of each). */
export function observe(project: Project): Observation[] {
  return project.tables.flatMap((_, t) => observeTable(project, t));
}

/** The usual form of a group of good values: kind, operator and unit by majority (first seen wins ties). */
function usualForm(values: readonly IndicatorValue[]): { kind: 'quantitative' | 'qualitative'; operator: ValueOperator | null; unit: string; example: string } {
  const tally = new Map<string, { n: number; first: number; raws: Map<string, number> }>();
  values.forEach((v, i) => {
    const key = v.kind === 'quantitative' ? `q\u0000${v.operator ?? ''}\u0000${v.unit ?? ''}` : 't';
    let t = tally.get(key);
    if (!t) tally.set(key, (t = { n: 0, first: i, raws: new Map() }));
    t.n++;
    const raw = v.kind === 'quantitative' ? formatIndicatorValue(v) : v.raw.trim();
    t.raws.set(raw, (t.raws.get(raw) ?? 0) + 1);
  });
  const [key, best] = [...tally].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0];
  let example = '';
  let exampleCount = 0;
  for (const [raw, n] of best.raws) if (n > exampleCount) [example, exampleCount] = [raw, n];
  if (key === 't') return { kind: 'qualitative', operator: null, unit: '', example };
  const [, op, unit] = key.split('\u0000');
  return { kind: 'quantitative', operator: (op || null) as ValueOperator | null, unit, example };
}

/**
 * Merges observations into entries: one per 二级 + name key (`entryKey`); an entry needs at
 * least one good row, whose values give the usual form and the example. Sorted by category
 * (print order), count (descending), name (code points).
 */
export function entriesFromObservations(observations: readonly Observation[], initialsOf: InitialsOf): LibraryEntry[] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = entryKey(o.level2, o.name);
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  const entries: LibraryEntry[] = [];
  for (const list of groups.values()) {
    const good = list.filter((o) => o.good);
    if (good.length === 0) continue;
    const form = usualForm(good.map((o) => o.value));
    const first = good[0];
    entries.push({
      level1: first.level1, level2: first.level2, name: first.name, initials: initialsOf(first.name),
      valueKind: form.kind, operator: form.operator, unit: form.unit, example: form.example,
      projectKinds: [...new Set(list.map((o) => o.kind))].sort(), count: list.length,
    });
  }
  return sortEntries(entries);
}

/** Wraps entries in the library file shape. */
export function makeLibrary(entries: readonly LibraryEntry[]): IndicatorLibrary {
  return { format: LIBRARY_FORMAT, version: LIBRARY_FORMAT_VERSION, entries };
}

/**
 * Builds a library from projects (in the given order). `initialsOf` gives the 拼音 initials of
 * a name (electron/services/library/pinyin.ts in Node; the built-in data carries them precomputed).
 */
export function buildLibrary(projects: readonly Project[], initialsOf: InitialsOf): IndicatorLibrary {
  return makeLibrary(entriesFromObservations(projects.flatMap(observe), initialsOf));
}
