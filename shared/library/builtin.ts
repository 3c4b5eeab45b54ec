/**
 * The built-in 指标库: `builtin.json`, generated from the seed projects by `npm run build:library`
 * (scripts/build-library.ts; checked for drift by tests/unit/library/builtin-drift.test.ts).
 * Never edit the JSON by hand.
 */
import data from './builtin.json';
import type { IndicatorLibrary } from './types';

/** The built-in library (entries sorted, initials precomputed). */
export const BUILTIN_LIBRARY: IndicatorLibrary = data as IndicatorLibrary;
