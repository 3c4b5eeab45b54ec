/**
 * Merging 指标库 entries from several sources (the built-in library, the user's projects, an
 * imported township library): one entry per 二级 + name, counts added. Pure.
 */
import { categoryRank } from './categories';
import { entryKey } from '../vocabulary/indicator-names';
import type { LibraryEntry, ProjectKind } from './types';

function compareEntries(a: LibraryEntry, b: LibraryEntry): number {
  return categoryRank(a.level1, a.level2) - categoryRank(b.level1, b.level2) || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Sorts entries the way a library keeps them: category print order, count (descending), name (code points). */
export function sortEntries(entries: readonly LibraryEntry[]): LibraryEntry[] {
  return entries.slice().sort(compareEntries);
}

/**
 * Merges lists of entries. Entries with the same 二级 and name key become one: counts add up,
 * project kinds are united, and the usual form (operator, unit, example, initials) is the one of
 * the part with the larger count (the earlier list on a tie). Result sorted (`sortEntries`).
 */
export function mergeEntries(...lists: readonly (readonly LibraryEntry[])[]): LibraryEntry[] {
  const byKey = new Map<string, LibraryEntry>();
  for (const list of lists) {
    for (const e of list) {
      const key = entryKey(e.level2, e.name);
      const old = byKey.get(key);
      if (!old) {
        byKey.set(key, e);
        continue;
      }
      const lead = e.count > old.count ? e : old;
      const kinds = [...new Set<ProjectKind>([...old.projectKinds, ...e.projectKinds])].sort();
      byKey.set(key, { ...lead, projectKinds: kinds, count: old.count + e.count });
    }
  }
  return sortEntries([...byKey.values()]);
}

/**
 * The usual 计量单位 per 二级 + 三级指标 name (`entryKey`; the same name can be a count under
 * 数量指标 and money under 成本指标): the most frequent unit by count (entries without a unit do not
 * vote). QUA-13 reads it from `ValidationSettings.usualUnits`.
 */
export function usualUnits(entries: readonly LibraryEntry[]): ReadonlyMap<string, { unit: string; name: string }> {
  const votes = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  for (const e of entries) {
    if (e.valueKind !== 'quantitative' || e.unit === '') continue;
    const key = entryKey(e.level2, e.name);
    if (!names.has(key)) names.set(key, e.name);
    let m = votes.get(key);
    if (!m) votes.set(key, (m = new Map()));
    m.set(e.unit, (m.get(e.unit) ?? 0) + e.count);
  }
  const out = new Map<string, { unit: string; name: string }>();
  for (const [key, m] of votes) {
    let best = '';
    let n = 0;
    for (const [unit, c] of m) if (c > n) [best, n] = [unit, c];
    out.set(key, { unit: best, name: names.get(key)! });
  }
  return out;
}
