/**
 * Deep equality of plain data (the Project model, mutations, fixes): what the project file and
 * IPC can carry. Owns the one definition of "the same data" used by commands and cleaning.
 */

/**
 * True when `a` and `b` are the same plain data: equal primitives (NaN equals NaN, 0 equals -0),
 * arrays of equal items in the same order, or objects with equal values under the same keys
 * (key order ignored). A key whose value is `undefined` counts as absent, as it does in JSON and
 * in the project file. Functions, Maps, Dates and class instances are compared by identity only
 * (they are not plain data). Cycles are not supported (plain data has none).
 */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  const arrayA = Array.isArray(a);
  if (arrayA !== Array.isArray(b)) return false;
  if (arrayA) {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!plainEqual(x[i], y[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  let defined = 0;
  for (const key in a) {
    const va = a[key];
    if (va === undefined) continue;
    defined++;
    if (!Object.prototype.hasOwnProperty.call(b, key) || !plainEqual(va, b[key])) return false;
  }
  for (const key in b) if (b[key] !== undefined) defined--;
  return defined === 0;
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
