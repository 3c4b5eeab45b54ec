/**
 * A1 references for the fill patcher: parsing and formatting cells and ranges, and moving them
 * when rows are inserted or deleted (a `RowShift`), in attributes (ref, sqref), defined names
 * and formulas. Formulas are never evaluated: references are found by a tokenizer that skips
 * string literals and function names.
 */
import { cellRef, columnIndex } from '../../../shared/layout/a1';

/** Rows inserted (`delta` > 0, before row `at`) or deleted (`delta` < 0, from row `at`). 0-based. */
export interface RowShift {
  readonly at: number;
  readonly delta: number;
}

/** `B3` → {row: 2, col: 1}; null when not a plain cell reference. */
export function parseCell(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

/** 0-based row/col → `B3`. */
export const formatCell = cellRef;

/** New row of a single row (null when deleted). */
export function shiftRow(row: number, s: RowShift): number | null {
  if (row < s.at) return row;
  if (s.delta > 0) return row + s.delta;
  const n = -s.delta;
  return row >= s.at + n ? row - n : null;
}

/** New first/last rows of a row span (a span crossing an insertion grows; null when wholly deleted). */
export function shiftSpan(first: number, last: number, s: RowShift): [number, number] | null {
  if (s.delta > 0) {
    if (first >= s.at) return [first + s.delta, last + s.delta];
    return last >= s.at ? [first, last + s.delta] : [first, last];
  }
  const n = -s.delta;
  const end = s.at + n;
  const f = first < s.at ? first : first >= end ? first - n : s.at;
  const l = last < s.at ? last : last >= end ? last - n : s.at - 1;
  return l < f ? null : [f, l];
}

const CELL_PART = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/;
const ROW_PART = /^(\$?)(\d+)$/;

/** Moves one reference token (`B3`, `$B$3:D9`, `$1:$3`, `A:C`); null when wholly deleted. */
export function shiftRefToken(token: string, s: RowShift): string | null {
  const [a, b] = token.split(':');
  const ma = CELL_PART.exec(a);
  if (ma) {
    const mb = b === undefined ? null : CELL_PART.exec(b);
    if (b !== undefined && !mb) return token;
    const first = Number(ma[4]) - 1;
    const last = mb ? Number(mb[4]) - 1 : first;
    const span = b === undefined ? (shiftRow(first, s) === null ? null : [shiftRow(first, s)!, shiftRow(first, s)!]) : shiftSpan(first, last, s);
    if (!span) return null;
    const left = `${ma[1]}${ma[2]}${ma[3]}${span[0] + 1}`;
    return mb ? `${left}:${mb[1]}${mb[2]}${mb[3]}${span[1] + 1}` : left;
  }
  const ra = ROW_PART.exec(a);
  const rb = b === undefined ? null : ROW_PART.exec(b);
  if (ra && rb) {
    const span = shiftSpan(Number(ra[2]) - 1, Number(rb[2]) - 1, s);
    return span ? `${ra[1]}${span[0] + 1}:${rb[1]}${span[1] + 1}` : null;
  }
  return token;
}

/** Moves a space-separated list of references (sqref); drops deleted ones; '' when none is left. */
export function shiftSqref(sqref: string, s: RowShift): string {
  return sqref.split(/\s+/).filter(Boolean).map((t) => shiftRefToken(t, s)).filter((t): t is string => t !== null).join(' ');
}

/** Result of moving the references of a formula. */
export interface ShiftedFormula {
  readonly text: string;
  /** A reference pointed into deleted rows (now `#REF!`): the formula needs a person. */
  readonly broken: boolean;
  readonly changed: boolean;
}

const SHEET_PREFIX = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u00a0-\uffff][\w.\u00a0-\uffff]*)!`;
const REF_BODY = String.raw`\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?\d+:\$?\d+`;
const TOKEN_RE = new RegExp(String.raw`"(?:[^"]|"")*"|(${SHEET_PREFIX})?(${REF_BODY})(?![\w(!])`, 'g');

function sheetOfPrefix(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * Moves the references of a formula (no leading `=`) that point at sheet `target`: qualified
 * references naming it, and unqualified ones when the formula lives on that sheet
 * (`onTarget`). String literals and function names (LOG10, ATAN2) are left alone.
 */
export function shiftFormula(formula: string, target: string, onTarget: boolean, s: RowShift): ShiftedFormula {
  let broken = false;
  let changed = false;
  const text = formula.replace(TOKEN_RE, (whole, prefix: string | undefined, body: string | undefined, offset: number) => {
    if (body === undefined) return whole;
    const before = offset > 0 ? formula[offset - 1] : '';
    if (/[\w.$]/.test(before)) return whole;
    const mine = prefix ? sheetOfPrefix(prefix) === target : onTarget;
    if (!mine) return whole;
    const moved = shiftRefToken(body, s);
    if (moved === null) {
      broken = true;
      changed = true;
      return `${prefix ?? ''}#REF!`;
    }
    if (moved !== body) changed = true;
    return `${prefix ?? ''}${moved}`;
  });
  return { text, broken, changed };
}

/** Quotes a sheet name for a formula or defined name when needed (`'2024 表'!`). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name) && !/^[A-Z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
