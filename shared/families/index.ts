/**
 * Registry of the built-in template families (A–E) and the lookups over it: by id or letter, the
 * definition behind a table (built-in or learned template), display names, and the fields a layout binds.
 */
import type { BuiltinFamilyId, FamilyId, PerformanceTable } from '../model/types';
import { HEBEI } from './hebei.family';
import { JX_2024 } from './jx-2024.family';
import { JX_DEPARTMENT } from './jx-department.family';
import { NX_2022 } from './nx-2022.family';
import { NX_2024 } from './nx-2024.family';
import type { FamilyDefinition } from './types';

export type * from './types';

/** Registry of all families, keyed by id (A–E of DOMAIN.md §1). */
export const FAMILIES: Readonly<Record<BuiltinFamilyId, FamilyDefinition>> = {
  'nx-2024': NX_2024,
  'nx-2022': NX_2022,
  hebei: HEBEI,
  'jx-2024': JX_2024,
  'jx-department': JX_DEPARTMENT,
};

/**
 * The definition of a built-in family. Throws on an unknown id or on `learned` (a learned
 * layout lives on its table: use `familyOf`). Ids are validated at the file boundary.
 */
export function getFamily(id: BuiltinFamilyId): FamilyDefinition {
  const family = (FAMILIES as Record<string, FamilyDefinition | undefined>)[id];
  if (!family) throw new Error(`unknown family: ${String(id)}`);
  return family;
}

/**
 * The layout definition of a table: its learned template (`family === 'learned'`), else the
 * built-in family. Throws when a learned table has lost its template (restore() prevents it).
 */
export function familyOf(table: Pick<PerformanceTable, 'family' | 'template'>): FamilyDefinition {
  if (table.family === 'learned') {
    if (!table.template) throw new Error('learned table without template');
    return table.template;
  }
  return getFamily(table.family);
}

/** The Chinese name of a family id (「自定义版式」 for a learned layout, whose own name is on its template). */
export function familyDisplayName(id: FamilyId): string {
  return id === 'learned' ? '自定义版式' : getFamily(id).displayName;
}

/** True for a table laid out by a learned template. */
export function isLearned(table: Pick<PerformanceTable, 'family'>): boolean {
  return table.family === 'learned';
}

/** Looks up a family by id or by its letter (A–E), case-insensitive; undefined when unknown. */
export function findFamily(idOrLetter: string): FamilyDefinition | undefined {
  const key = idOrLetter.trim();
  return (FAMILIES as Record<string, FamilyDefinition>)[key]
    ?? Object.values(FAMILIES).find((f) => f.letter === key.toUpperCase());
}

const BOUND = new WeakMap<FamilyDefinition, ReadonlySet<string>>();

/**
 * Every field a layout binds: header, heading and footer field paths (`funds.total`, `goal`,
 * `extras.项目概况` …) and the matrix column keys of every block (`name`, `value`, `weight` …).
 * Memoised per definition.
 */
export function boundFields(family: FamilyDefinition): ReadonlySet<string> {
  let out = BOUND.get(family);
  if (!out) {
    const set = new Set<string>();
    const specs = [...family.header, ...(family.footer ?? []), ...(family.blocks ?? []).flatMap((b) => b.heading)];
    for (const s of specs) if (s.field) set.add(s.field);
    for (const m of [family.matrix, ...(family.blocks ?? []).map((b) => b.matrix)]) for (const c of m.columns) set.add(c.key);
    BOUND.set(family, (out = set));
  }
  return out;
}
