import { describe, expect, it } from 'vitest';
import { cellRef, columnIndex, columnLetters } from '../../shared/layout/a1';

describe('A1 references (0-based)', () => {
  it('column letters and back at the letter boundaries', () => {
    const cases: [number, string][] = [[0, 'A'], [25, 'Z'], [26, 'AA'], [27, 'AB'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']];
    for (const [col, letters] of cases) {
      expect(columnLetters(col)).toBe(letters);
      expect(columnIndex(letters)).toBe(col);
    }
    for (let col = 0; col < 2000; col++) expect(columnIndex(columnLetters(col))).toBe(col);
  });

  it('cell references', () => {
    expect(cellRef(0, 0)).toBe('A1');
    expect(cellRef(0, 27)).toBe('AB1');
    expect(cellRef(41, 3)).toBe('D42');
  });
});
