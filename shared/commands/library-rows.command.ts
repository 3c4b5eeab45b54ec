/**
 * Inserting 指标库 entries as indicator rows (the 指标库 panel): ONE command for any number of
 * entries. Each entry goes under its 二级 when the table's family has it: into the first blank
 * row of that group, else as a new row after the group (or, when the table has no row of that
 * 二级 yet, before the first row of a later category). Pure.
 */
import { familyOf } from '../families';
import type { LibraryEntry } from '../library/types';
import { valueTemplate } from '../library/template';
import type { Indicator, Project } from '../model/types';
import { parseIndicatorValue } from '../values/indicator-value';
import { applyMutations } from '../model/mutations';
import { makeCommand, type Command, type Mutation } from './types';

/** Result of `insertLibraryEntriesCommand`: the command (null when nothing fits) and the entries left out. */
export interface LibraryInsert {
  readonly command: Command | null;
  /** Entries whose 二级 the table's family does not have (e.g. 经济成本指标 in a 河北 table). */
  readonly skipped: readonly LibraryEntry[];
  /** Index of the row of the first inserted entry (to select it), or null. */
  readonly firstIndex: number | null;
}

const isBlank = (ind: Indicator) => ind.name.trim() === '' && ind.value.kind === 'empty' && ind.value.raw.trim() === '';

/**
 * Rows for `entries` in table `tableIndex`: name and value template (`≥__%`) per entry, as one
 * undo step labelled 「从指标库插入 N 条指标」. Entries already in the table (same 二级 and
 * name) are inserted again only if asked twice; the caller filters duplicates if it wants.
 */
export function insertLibraryEntriesCommand(project: Project, tableIndex: number, entries: readonly LibraryEntry[]): LibraryInsert {
  const table = project.tables[tableIndex];
  if (!table) return { command: null, skipped: entries, firstIndex: null };
  const order: string[] = [];
  for (const l1 of familyOf(table).categories) for (const l2 of l1.level2) order.push(`${l1.name}\u0000${l2.name}`);
  const rank = (level1: string, level2: string) => order.indexOf(`${level1}\u0000${level2}`);
  const mutations: Mutation[] = [];
  const skipped: LibraryEntry[] = [];
  let current = project;
  let firstIndex: number | null = null;
  for (const entry of entries) {
    const r = rank(entry.level1, entry.level2);
    if (r < 0) {
      skipped.push(entry);
      continue;
    }
    const rows = current.tables[tableIndex].indicators;
    const row: Indicator = { level1: entry.level1, level2: entry.level2, name: entry.name, description: '', basis: '', value: parseIndicatorValue(valueTemplate(entry).text) };
    const blank = rows.findIndex((ind) => ind.level1 === entry.level1 && ind.level2 === entry.level2 && isBlank(ind));
    let m: Mutation;
    let at: number;
    if (blank >= 0) {
      at = blank;
      const slotLabel = rows[blank].slotLabel;
      m = { type: 'set', table: tableIndex, path: `indicators.${blank}`, value: slotLabel === undefined ? row : { ...row, slotLabel } };
    } else {
      let last = -1;
      rows.forEach((ind, i) => { if (ind.level1 === entry.level1 && ind.level2 === entry.level2) last = i; });
      at = last >= 0 ? last + 1 : rows.findIndex((ind) => rank(ind.level1, ind.level2) > r);
      if (at < 0) at = rows.length;
      m = { type: 'insertIndicators', table: tableIndex, index: at, indicators: [row] };
    }
    mutations.push(m);
    current = applyMutations(current, [m]).project;
    if (firstIndex === null) firstIndex = at;
  }
  if (mutations.length === 0) return { command: null, skipped, firstIndex: null };
  const n = mutations.length;
  return { command: makeCommand('insert-library-entries', `从指标库插入 ${n} 条指标`, mutations, tableIndex), skipped, firstIndex };
}
