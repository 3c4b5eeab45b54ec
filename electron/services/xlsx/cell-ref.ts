/** A1 references in both directions, 1-based, without Excel's bounds (callers check them). */
import { columnLetters as letters0 } from '../../../shared/layout/a1';

/** 1-based column number to letters (1 → `A`). */
const columnLetters = (col: number): string => letters0(col - 1);

/** Column letters to a 1-based number (`A` → 1, `XFD` → 16384); Infinity for more than 4 letters. */
export function columnNumber(letters: string): number {
  if (letters.length > 4) return Infinity;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** A 1-based inclusive rectangle. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses `A1` or `A1:C3` (with optional `$`), or null when malformed. */
export function parseRange(ref: string): Rect | null {
  const m = /^\$?([A-Z]{1,7})\$?(\d{1,10})(?::\$?([A-Z]{1,7})\$?(\d{1,10}))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const a = { col: columnNumber(m[1]), row: Number(m[2]) };
  const b = m[3] ? { col: columnNumber(m[3]), row: Number(m[4]) } : a;
  if (a.row < 1 || b.row < 1) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** `A1:C3`, or `A1` for a single cell. */
export function formatRange(r: Rect): string {
  const tl = `${columnLetters(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${columnLetters(r.right)}${r.bottom}`;
}

/** True when the rectangles share at least one cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
