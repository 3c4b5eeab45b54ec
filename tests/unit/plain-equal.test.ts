import { describe, expect, it } from 'vitest';
import { plainEqual } from '../../shared/model/plain-equal';

describe('plainEqual (deep equality of plain data)', () => {
  it('compares primitives by value', () => {
    expect(plainEqual(1, 1)).toBe(true);
    expect(plainEqual('a', 'a')).toBe(true);
    expect(plainEqual(null, null)).toBe(true);
    expect(plainEqual(NaN, NaN)).toBe(true);
    expect(plainEqual(0, -0)).toBe(true);
    expect(plainEqual(1, '1')).toBe(false);
    expect(plainEqual(null, undefined)).toBe(false);
    expect(plainEqual(null, {})).toBe(false);
    expect(plainEqual(0, null)).toBe(false);
  });

  it('compares arrays item by item, in order', () => {
    expect(plainEqual([1, [2, { a: 3 }]], [1, [2, { a: 3 }]])).toBe(true);
    expect(plainEqual([1, 2], [2, 1])).toBe(false);
    expect(plainEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(plainEqual([], {})).toBe(false);
    expect(plainEqual({ 0: 1, length: 1 }, [1])).toBe(false);
  });

  it('compares objects key by key, ignoring key order', () => {
    expect(plainEqual({ a: 1, b: { c: [1] } }, { b: { c: [1] }, a: 1 })).toBe(true);
    expect(plainEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(plainEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(plainEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(plainEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(plainEqual({ a: { b: null } }, { a: { b: 0 } })).toBe(false);
  });

  it('treats a key holding undefined as absent (as JSON and the project file do)', () => {
    expect(plainEqual({ a: 1, slotLabel: undefined }, { a: 1 })).toBe(true);
    expect(plainEqual({ a: 1 }, { a: 1, slotLabel: undefined })).toBe(true);
    expect(plainEqual({ a: undefined }, { b: undefined })).toBe(true);
    expect(plainEqual({ a: undefined }, { a: null })).toBe(false);
  });

  it('compares non-plain objects by identity only', () => {
    const d = new Date(0);
    expect(plainEqual(d, d)).toBe(true);
    expect(plainEqual(new Date(0), new Date(0))).toBe(false);
    expect(plainEqual(new Map(), new Map())).toBe(false);
    expect(plainEqual({ m: new Map() }, { m: new Map() })).toBe(false);
    expect(plainEqual(Object.create(null), {})).toBe(true);
  });
});
