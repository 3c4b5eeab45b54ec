/**
 * Handsontable 18's core stylesheet, made cheaper to match (same look): the pure text transform,
 * applied at build time by handsontable-css-plugin.ts (this folder).
 *
 * The stylesheet mirrors every direction-dependent rule for right-to-left scripts with
 * `:lang(ae), :lang(ar), … :lang(yi)` lists (≈2,800 `:lang()` tests): `X:is(<list>)` for RTL,
 * `X:not(<list>)` for LTR. Every style recalculation matches those lists against the grid's cells,
 * and `:lang()` resolves each element's language through its ancestors; some of these rules are
 * also wrapped whole in `:is(…)`, which Chromium cannot file under a class or tag, so it tries
 * them on every element. In Chromium these tests are the largest part of the grid's style
 * recalculations (in the frame of every edit, row insert and table switch).
 *
 * The editor's document is `lang="zh-CN"` (renderer/index.html) and the grid never sets `lang`
 * or `dir`, so no RTL list can match: `:is(<list>)` becomes a class no element carries (the rule
 * is filed under it and never tried) and `:not(<list>)` becomes `:not(<that class>)` (always
 * true). Both keep the selector's specificity (one pseudo-class = one class), so the cascade
 * is unchanged. A rule whose whole selector is `:is(A, B, …)` with arguments of the same shape
 * (hence the same specificity) is written as the plain list `A, B, …`.
 */

/** A class no element carries: stands in for the RTL `:lang()` lists. */
export const NO_RTL_CLASS = 'jx-no-rtl';

/** A comma-separated list of `:lang(x)` tests (as in the minified file or CSSOM text). */
const LANG_LIST = String.raw`:lang\([^()]*\)(?:\s*,\s*:lang\([^()]*\))*`;
const NOT_LANGS = new RegExp(String.raw`:not\(\s*${LANG_LIST}\s*\)`, 'g');
const IS_LANGS = new RegExp(String.raw`:is\(\s*${LANG_LIST}\s*\)`, 'g');

/** Splits a selector list at its top-level commas (not those inside `(…)` or `[…]`). */
export function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

/** Index of the `)` closing the `(` at `open`, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Same shape (names replaced): same specificity, whatever the names. */
const shapeOf = (selector: string) => selector.replace(/\s+/g, ' ').replace(/[\w-]+/g, 'x');

/**
 * A whole selector `:is(A, B, …)` as the list `A, B, …` when all arguments have the same shape;
 * otherwise the selector unchanged.
 */
export function unwrapIs(selector: string): string {
  const s = selector.trim();
  if (!s.startsWith(':is(') || closingParen(s, 3) !== s.length - 1) return selector;
  const args = splitSelectorList(s.slice(4, -1));
  const shape = shapeOf(args[0]);
  return args.every((a) => a !== '' && shapeOf(a) === shape) ? args.join(',') : selector;
}

/**
 * The whole stylesheet text: every `:lang()` list replaced, and every rule whose selector is a
 * whole `:is(…)` of same-shaped arguments unwrapped. Rule preludes are found after `{`, `}` or
 * `;` (declarations never contain `:lang(` or start with `:is(`).
 */
export function leanHandsontableCss(css: string): string {
  const replaced = css.replace(NOT_LANGS, `:not(.${NO_RTL_CLASS})`).replace(IS_LANGS, `.${NO_RTL_CLASS}`);
  let out = '';
  let at = 0;
  const prelude = /(^|[{};])(\s*)(:is\()/g;
  for (let m = prelude.exec(replaced); m; m = prelude.exec(replaced)) {
    const open = m.index + m[1].length + m[2].length + 3;
    const close = closingParen(replaced, open);
    const brace = replaced.indexOf('{', close);
    if (close < 0 || brace < 0 || replaced.slice(close + 1, brace).trim() !== '') continue;
    const start = open - 3;
    out += replaced.slice(at, start) + unwrapIs(replaced.slice(start, close + 1));
    at = close + 1;
    prelude.lastIndex = close + 1;
  }
  return out + replaced.slice(at);
}
