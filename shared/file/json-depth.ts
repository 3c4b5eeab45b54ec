/**
 * The nesting depth of a JSON text, measured without parsing it: a cheap check run before
 * JSON.parse on untrusted `.jxmb` text, so that a file of millions of `[` or `{"a":` (which
 * JSON.parse would turn into gigabytes of nested objects) is refused at once (issue 14).
 */

/** Deepest nesting a `.jxmb` may have (a saved project has about 10 levels). */
export const MAX_PROJECT_JSON_DEPTH = 100;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * True when `text` opens more than `max` objects/arrays inside each other at some point
 * (brackets inside strings do not count). Linear in the length; stops at the first excess.
 * Says nothing about validity: malformed text within the limit is left to JSON.parse.
 */
export function jsonNestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i);
      if (i < 0) return false;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** Index of the quote closing the string opened at `open`, or -1 when it never closes. */
function stringEnd(text: string, open: number): number {
  for (let j = open + 1; ; j++) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let slashes = 0;
    while (text.charCodeAt(j - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return j;
  }
}
