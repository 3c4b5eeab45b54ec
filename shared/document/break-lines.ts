/**
 * Explicit line breaking for short printed lines (目录 entries): the text is cut into lines by the
 * print engine's character widths (shared/print/text-measure.ts) at a width the browser never
 * needs to wrap again, so the number of printed lines is exactly the number computed here.
 */
import { MM_PER_PT, charWidthEm } from '../layout/text-measure';

/** Closing punctuation that may not start a line; it is pulled up to the line before. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’%‰·…,.;:?!)]}']);
/** Opening punctuation that may not end a line; it is pushed down to the next line. */
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

/**
 * Lines of `text` (one paragraph) in a box `widthMm` wide at `fontPt`, each at most 97 % of the
 * width by the engine's widths (1 em CJK, 0.62 em ASCII), with simple kinsoku: a closing mark
 * never starts a line and an opening mark never ends one. Always at least one line.
 */
export function breakLines(text: string, widthMm: number, fontPt: number): string[] {
  const maxEm = Math.max((widthMm / (fontPt * MM_PER_PT)) * 0.97, 2);
  const chars = [...text];
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  for (const ch of chars) {
    const w = charWidthEm(ch);
    if (used + w > maxEm && line.length > 0) {
      let carry: string[] = [];
      if (NO_LINE_START.has(ch) && line.length > 1) carry = line.splice(line.length - 1, 1);
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1])) carry = [...line.splice(line.length - 1, 1), ...carry];
      lines.push(line.join(''));
      line = carry;
      used = carry.reduce((a, c) => a + charWidthEm(c), 0);
    }
    line.push(ch);
    used += w;
  }
  lines.push(line.join(''));
  return lines;
}
