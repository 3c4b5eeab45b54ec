/** HTML escaping of cell text for the print and document HTML (typed markup prints as text). */

/**
 * Escapes text for HTML element content and attribute values: `& < > " '`. Markup typed into a
 * cell (`<img src=x onerror=…>`, `<p>`) therefore prints as the literal text.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes a cell text and turns its line breaks (`\n`, `\r\n`, `\r`) into `<br>`. */
export function cellTextToHtml(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeHtml)
    .join('<br>');
}
