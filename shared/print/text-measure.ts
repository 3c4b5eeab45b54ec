/**
 * Text measurement for print pagination: how many lines a cell text wraps to in a column of a
 * given width in mm, at a given font size, with the CJK serif fonts of the print stylesheet.
 * Estimates err on the generous side (a row printed taller than needed costs a little space;
 * one printed shorter than its text would push the page over).
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
 * Number of lines `text` needs in a box `widthMm` wide at `fontPt`; explicit line breaks
 * start new lines; an empty text needs one line. A token wider than the box (a long code or
 * URL) breaks anywhere, as the stylesheet's `overflow-wrap: anywhere` does.
 */
export function wrappedLineCount(text: string, widthMm: number, fontPt: number): number {
  const emMm = fontPt * MM_PER_PT;
  // 4% slack for glyph rounding and justification differences between fonts.
  const maxEm = Math.max((widthMm / emMm) * 0.96, 1);
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
