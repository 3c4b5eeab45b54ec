/**
 * A1 references of spreadsheet cells, 0-based on the model side (`{row: 0, col: 27}` ↔ `AB1`):
 * the one conversion the readers, validation (finding cells) and the fill patcher share.
 */

/** Column letters of a 0-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column index of column letters (upper case): `A` → 0, `AB` → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** Converts 0-based row/col to an A1 reference (`{row: 0, col: 27}` → `AB1`). */
export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
