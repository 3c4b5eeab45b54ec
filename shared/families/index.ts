import type { FamilyId } from '../model/types';
import { HEBEI } from './hebei.family';
import { JX_2024 } from './jx-2024.family';
import { JX_DEPARTMENT } from './jx-department.family';
import { NX_2022 } from './nx-2022.family';
import { NX_2024 } from './nx-2024.family';
import type { FamilyDefinition } from './types';

export type * from './types';

/** Registry of all families, keyed by id (A–E of DOMAIN.md §1). */
export const FAMILIES: Readonly<Record<FamilyId, FamilyDefinition>> = {
  'nx-2024': NX_2024,
  'nx-2022': NX_2022,
  hebei: HEBEI,
  'jx-2024': JX_2024,
  'jx-department': JX_DEPARTMENT,
};

/** The definition of a family. Throws on an unknown id (ids are validated at the file boundary). */
export function getFamily(id: FamilyId): FamilyDefinition {
  const family = FAMILIES[id];
  if (!family) throw new Error(`unknown family: ${String(id)}`);
  return family;
}

/** Looks up a family by id or by its letter (A–E), case-insensitive; undefined when unknown. */
export function findFamily(idOrLetter: string): FamilyDefinition | undefined {
  const key = idOrLetter.trim();
  return (FAMILIES as Record<string, FamilyDefinition>)[key]
    ?? Object.values(FAMILIES).find((f) => f.letter === key.toUpperCase());
}
