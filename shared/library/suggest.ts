/**
 * Search and suggestions over 指标库 entries: by name substring, by 拼音 initials
 * (「mydzb」 → 满意度指标), optionally within one 二级. Pure and fast enough to run per keystroke
 * (a linear scan; a library holds thousands of entries, not millions).
 */
import { CATEGORY_INITIALS } from './categories';
import { nameKey } from '../vocabulary/indicator-names';
import type { LibraryEntry } from './types';

/** Options of `suggest`. */
export interface SuggestOptions {
  /** Only entries of this 二级 (canonical name, e.g. 服务对象满意度指标). */
  readonly level2?: string;
  /** Most results (default 8). */
  readonly limit?: number;
}

/** A match with its score (lower is better) for sorting. */
interface Scored {
  readonly entry: LibraryEntry;
  readonly score: number;
  readonly order: number;
}

const LATIN_QUERY = /^[a-z0-9]+$/;

/** Name keys per entries array, computed once (a keystroke scans keys, it does not normalise names). */
const KEYS = new WeakMap<readonly LibraryEntry[], readonly string[]>();

function keysOf(entries: readonly LibraryEntry[]): readonly string[] {
  let keys = KEYS.get(entries);
  if (!keys) KEYS.set(entries, (keys = entries.map((e) => nameKey(e.name))));
  return keys;
}

function categoryStarts(category: string, query: string): boolean {
  return category.startsWith(query) || (CATEGORY_INITIALS[category]?.startsWith(query) ?? false);
}

/**
 * How well `entry` matches a normalised query (`key`: the entry's `nameKey`, when known): 0 name starts with it, 1 name contains it,
 * 2 initials start with it, 3 initials contain it, 4 its 一级 or 二级 name (or their initials,
 * 「mydzb」 → 满意度指标) starts with it (two characters at least); -1 no match. A Latin query
 * (letters and digits only) is tried against the initials as well as the name.
 */
export function matchScore(entry: LibraryEntry, query: string, key: string = nameKey(entry.name)): number {
  if (query === '') return 1;
  const name = key;
  const at = name.indexOf(query);
  if (at === 0) return 0;
  if (at > 0) return 1;
  if (LATIN_QUERY.test(query)) {
    const i = entry.initials.indexOf(query);
    if (i === 0) return 2;
    if (i > 0) return 3;
  }
  return query.length >= 2 && (categoryStarts(entry.level2, query) || categoryStarts(entry.level1, query)) ? 4 : -1;
}

/**
 * Entries matching `text` (see `matchScore`), best first: score, then count (descending), then
 * library order. Blank text lists the entries of the 二级 by count. Never throws.
 */
export function suggest(entries: readonly LibraryEntry[], text: string, options: SuggestOptions = {}): LibraryEntry[] {
  const query = nameKey(text ?? '');
  const limit = options.limit ?? 8;
  const found: Scored[] = [];
  const keys = keysOf(entries);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (options.level2 && entry.level2 !== options.level2) continue;
    const score = matchScore(entry, query, keys[i]);
    if (score >= 0) found.push({ entry, score, order: i });
  }
  found.sort((a, b) => a.score - b.score || b.entry.count - a.entry.count || a.order - b.order);
  return found.slice(0, limit).map((s) => s.entry);
}

/** Entries of one 二级, in library order (the 指标库 panel's browse list). */
export function entriesOf(entries: readonly LibraryEntry[], level1: string, level2: string): LibraryEntry[] {
  return entries.filter((e) => e.level1 === level1 && e.level2 === level2);
}
