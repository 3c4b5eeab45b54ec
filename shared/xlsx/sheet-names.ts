/**
 * Worksheet names Excel accepts: at most 31 characters, none of []:*?/\, not starting or
 * ending with an apostrophe, not 'History', unique ignoring case.
 */

export const MAX_SHEET_NAME = 31;

/** Cuts a text to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A legal (not yet unique) sheet name from free text; `fallback` when nothing is left. */
export function legalSheetName(text: string, fallback: string): string {
  let name = text
    .replace(/[\u0000-\u001f\u007f[\]:*?/\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  name = cut(name, MAX_SHEET_NAME).trim().replace(/'+$/, '');
  if (name === '') name = fallback;
  if (name.toLowerCase() === 'history') name = `${name}表`;
  return name;
}

/** Allocates unique legal sheet names: a taken name gets 「(2)」, 「(3)」… within 31 characters. */
export class SheetNamer {
  private readonly taken = new Set<string>();

  /** The next unique name for `text` (`fallback` when `text` has no usable characters). */
  next(text: string, fallback: string): string {
    const base = legalSheetName(text, fallback);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = `${cut(base, MAX_SHEET_NAME - suffix.length).trim()}${suffix}`;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}
