/**
 * The one text measure of the product: how many lines a cell text wraps to in a box of a given
 * width, with the CJK serif fonts of the grid, the print stylesheet and the xlsx (宋体 family).
 * The layout's row heights (grid, docx) measure in Excel character units, print pagination in
 * mm at a font size; both go through `wrappedLinesEm`. Estimates err on the generous side (a
 * row taller than needed costs a little space; one shorter than its text would hide a line or
 * push a printed page over).
 */

/** Millimetres per typographic point. */
export const MM_PER_PT = 25.4 / 72;

/** Closing punctuation that may not start a line (kinsoku): it stays with the character before. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’%‰℃·…—,.;:?!)]}'].map((ch) => ch.codePointAt(0)!));
/** Opening punctuation that may not end a line: it moves with the character after. */
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{'].map((ch) => ch.codePointAt(0)!));

/**
 * Advance width of one character in em: full width for CJK, full-width forms and symbols
 * (≥ ≤ × — are full width in the CJK fonts), 0.62 em for ASCII (proportional Latin glyphs are
 * narrower; 0.62 covers digits and most letters), 0.35 em for a space.
 */
export function charWidthEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x20) return 0.35;
  if (code < 0x80) return 0.62;
  return 1;
}

/**
 * Number of lines `text` needs in a box `maxEm` em wide (em of the text's font size); explicit
 * line breaks start new lines; an empty text needs one line. A token wider than the box (a long
 * code or URL) breaks anywhere, as the stylesheet's `overflow-wrap: anywhere` does. Breaks
 * between CJK characters and ASCII words, keeping closing punctuation with the character before
 * and opening punctuation with the character after (kinsoku).
 */
export function wrappedLinesEm(text: string, maxEm: number): number {
  // One pass, no allocation: unbreakable tokens (a CJK character with its kinsoku neighbours, an
  // ASCII word, a space) are placed on the line as soon as the next token starts.
  let lines = 1;
  let used = 0;
  let pending = -1; // width of the token being read, -1 when none (paragraph start, after a space)
  let glueNext = false;
  let inWord = false;
  const place = (width: number): void => {
    if (used + width <= maxEm) {
      used += width;
      return;
    }
    if (used > 0) {
      lines += 1;
      used = 0;
    }
    if (width > maxEm) {
      const broken = Math.ceil(width / maxEm) - 1;
      lines += broken;
      used = width - broken * maxEm;
    } else {
      used = width;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (code === 0x0a || code === 0x0d) {
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      if (pending >= 0) place(pending);
      lines += 1;
      used = 0;
      pending = -1;
      glueNext = inWord = false;
      continue;
    }
    if (code === 0x20 || code === 0x09) {
      if (pending >= 0) place(pending);
      pending = -1;
      if (used > 0) used += 0.35;
      glueNext = inWord = false;
      continue;
    }
    const ascii = code < 0x80;
    const width = ascii ? 0.62 : 1;
    if (pending >= 0 && (glueNext || NO_LINE_START.has(code) || (ascii && inWord))) {
      pending += width;
    } else {
      if (pending >= 0) place(pending);
      pending = width;
    }
    glueNext = NO_LINE_END.has(code);
    inWord = ascii;
  }
  if (pending >= 0) place(pending);
  return lines;
}

/**
 * Number of lines `text` needs in a box `widthMm` wide at `fontPt` (print): `wrappedLinesEm`
 * with 4% slack for glyph rounding and justification differences between fonts.
 */
export function wrappedLineCount(text: string, widthMm: number, fontPt: number): number {
  const emMm = fontPt * MM_PER_PT;
  return wrappedLinesEm(text, Math.max((widthMm / emMm) * 0.96, 1));
}
