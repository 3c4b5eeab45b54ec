/**
 * The editor's 指标库: the built-in library (shared/library/builtin.json, bundled) merged with the
 * user's own (from main, `library:get`), the validation settings that switch QUA-13 on with the
 * library's usual units, and a React subscription for the panel.
 */
import { useSyncExternalStore } from 'react';
import { mergeEntries, usualUnits } from '../../../shared/library/merge';
import type { LibraryEntry } from '../../../shared/library/types';
import { BUILTIN_LIBRARY } from '../../../shared/library/builtin';
import type { ValidationSettings } from '../../../shared/validation';

/** What the editor searches: every entry, and how many came from the user's own library. */
export interface LibrarySnapshot {
  readonly entries: readonly LibraryEntry[];
  readonly builtinCount: number;
  readonly userCount: number;
}

let snapshot: LibrarySnapshot = { entries: BUILTIN_LIBRARY.entries, builtinCount: BUILTIN_LIBRARY.entries.length, userCount: 0 };
let settings: ValidationSettings = { usualUnits: usualUnits(snapshot.entries) };
const listeners = new Set<() => void>();

/** The current library (a new object after each change). */
export function librarySnapshot(): LibrarySnapshot {
  return snapshot;
}

/** Validation settings carrying the library's usual units (QUA-13); a new object after each change. */
export function librarySettings(): ValidationSettings {
  return settings;
}

/** Replaces the user's part of the library. */
export function setUserEntries(user: readonly LibraryEntry[]): void {
  const entries = user.length === 0 ? BUILTIN_LIBRARY.entries : mergeEntries(BUILTIN_LIBRARY.entries, user);
  snapshot = { entries, builtinCount: BUILTIN_LIBRARY.entries.length, userCount: user.length };
  settings = { usualUnits: usualUnits(entries) };
  for (const l of listeners) l();
}

/** Loads the user's library from main (no-op without the desktop bridge; failures keep the built-in one). */
export async function refreshUserLibrary(): Promise<void> {
  const bridge = window.jxmb;
  if (!bridge?.getUserLibrary) return;
  try {
    const result = await bridge.getUserLibrary();
    if (result.ok) setUserEntries(result.value.entries);
  } catch {
    /* the built-in library stays */
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The library, re-rendering on change. */
export function useLibrary(): LibrarySnapshot {
  return useSyncExternalStore(subscribe, librarySnapshot);
}
