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
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’%‰℃·…—,.;:?!)]}']);
/** Opening punctuation that may not end a line: it moves with the character after. */
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

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

interface Token {
  readonly width: number;
  readonly space: boolean;
}

/** Splits one paragraph into unbreakable tokens: a CJK character, an ASCII word, or a space. */
function tokenize(paragraph: string): Token[] {
  const tokens: { width: number; space: boolean }[] = [];
  let glueNext = false;
  let inWord = false;
  for (const ch of paragraph) {
    const w = charWidthEm(ch);
    const last = tokens[tokens.length - 1];
    if (ch === ' ' || ch === '\t') {
      tokens.push({ width: 0.35, space: true });
      inWord = false;
      glueNext = false;
      continue;
    }
    const ascii = ch.charCodeAt(0) < 0x80;
    const glue = last !== undefined && !last.space && (glueNext || NO_LINE_START.has(ch) || (ascii && inWord));
    if (glue) last.width += w;
    else tokens.push({ width: w, space: false });
    glueNext = NO_LINE_END.has(ch);
    inWord = ascii;
  }
  return tokens;
}

/**
 * Number of lines `text` needs in a box `maxEm` em wide (em of the text's font size); explicit
 * line breaks start new lines; an empty text needs one line. A token wider than the box (a long
 * code or URL) breaks anywhere, as the stylesheet's `overflow-wrap: anywhere` does. Breaks
 * between CJK characters and ASCII words, keeping closing punctuation with the character before
 * and opening punctuation with the character after (kinsoku).
 */
export function wrappedLinesEm(text: string, maxEm: number): number {
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    lines += 1;
    let used = 0;
    for (const token of tokenize(paragraph)) {
      if (token.space) {
        if (used > 0) used += token.width;
        continue;
      }
      if (used + token.width <= maxEm) {
        used += token.width;
        continue;
      }
      if (used > 0) {
        lines += 1;
        used = 0;
      }
      if (token.width > maxEm) {
        lines += Math.ceil(token.width / maxEm) - 1;
        used = token.width - (Math.ceil(token.width / maxEm) - 1) * maxEm;
      } else {
        used = token.width;
      }
    }
  }
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
