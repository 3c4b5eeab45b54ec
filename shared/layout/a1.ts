/**
 * A1 references of spreadsheet cells, 0-based on the model side (`{row: 0, col: 27}` ↔ `AB1`):
 * the one conversion the readers, validation (finding cells) and the fill patcher share.
 */

/** Column letters of a 0-based column index (bijective base 26): 0 → `A`, 25 → `Z`, 26 → `AA`. */
export function columnLetters(col: number): string {
  const last = String.fromCharCode(65 + (col % 26));
  return col < 26 ? last : columnLetters(Math.floor(col / 26) - 1) + last;
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
