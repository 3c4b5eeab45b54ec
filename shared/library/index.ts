/**
 * 指标库 (IndicatorLibrary): entry type, building from projects (cleaned by validation's fixes),
 * normalisation and dedup, search/suggest (name or 拼音 initials), value templates, merging,
 * library files. Pure; the built-in data is `builtin.json` beside this file (`builtin.ts`).
 */
export * from './types';
export * from './normalize';
export { entryKey, nameKey, normalizeName } from '../vocabulary/indicator-names';
export * from './categories';
export * from './clean';
export * from './build';
export * from './merge';
export * from './suggest';
export * from './template';
export * from './schema';
