/**
 * HTML and LaTeX remnants in imported text (QUA-10, VAL-01): `<p>…</p>`, `<b>年度绩效目标</b>`,
 * `&nbsp;`, `$\leq 1000000$ 元`, `$\geq 90\%$` (seeds S0 l.11, S3 l.41, l.205).
 */
import { stripLatex } from './indicator-value';

const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/;
const HTML_ENTITY = /&(?:nbsp|lt|gt|amp|quot|#\d+);/;
const LATEX = /\$[^$]*\$|\\(?:geq?|leq?|geqslant|leqslant|%)/;

/** True when the text contains HTML tags or entities (QUA-10). */
export function hasHtmlMarkup(text: string): boolean {
  return HTML_TAG.test(text) || HTML_ENTITY.test(text);
}

/** True when the text contains LaTeX remnants such as `$\leq 20\%$` (VAL-01, QUA-10). */
export function hasLatexMarkup(text: string): boolean {
  return LATEX.test(text);
}

/** True when the text contains HTML or LaTeX remnants (QUA-10). */
export function hasMarkup(text: string): boolean {
  return hasHtmlMarkup(text) || hasLatexMarkup(text);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"' };

/**
 * Removes HTML tags (block tags such as `</p> <p>` become a line break), decodes the common
 * entities and rewrites LaTeX operators to plain glyphs: `$\geq 90\%$` → `≥90%`. Other text
 * is kept as written (leading/trailing blanks trimmed). QUA-10 / VAL-01 auto-fix.
 */
export function stripMarkup(text: string): string {
  let out = text
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(new RegExp(HTML_TAG.source, 'g'), '')
    .replace(/&(nbsp|lt|gt|amp|quot);/g, (_, e: string) => ENTITIES[e])
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)));
  if (hasLatexMarkup(out)) out = stripLatex(out.replace(/\\%/g, '%'));
  return out.replace(/[ \t]+\n/g, '\n').trim();
}
