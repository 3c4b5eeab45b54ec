/**
 * Clipboard contents → a block of plain cell texts. Excel and WPS put an HTML table on the
 * clipboard (line breaks inside a cell as `<br style="mso-data-placement:same-cell">`, `&nbsp;`,
 * styles and classes); every cell becomes its plain text, a merged source cell counts once (as
 * a merged target cell does), and cells covered by a source rowspan are kept as '' so the
 * columns of later lines stay aligned. Plain text is read as Excel's TSV (quoted cells may hold
 * tabs, line breaks and "").
 */

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Plain text of an HTML cell: <br> and block ends are line breaks, other whitespace collapses. */
function cellText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      out += (n.nodeValue ?? '').replace(/[\t\r\n ]+/g, ' ');
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (n as Element).tagName;
    if (tag === 'BR') { out += '\n'; return; }
    if (tag === 'STYLE' || tag === 'SCRIPT') return;
    n.childNodes.forEach(walk);
    if (BLOCK_TAGS.has(tag) && !out.endsWith('\n')) out += '\n';
  };
  node.childNodes.forEach(walk);
  return out.replace(/\u00a0/g, ' ').split('\n').map((line) => line.trim()).join('\n').replace(/^\n+|\n+$/g, '');
}

/** The first table of clipboard HTML as rows of texts, or null when the HTML holds no table. */
export function blockFromHtml(html: string): string[][] | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const table = doc.querySelector('table');
  if (!table) return null;
  const rows: string[][] = [];
  // Remaining rowspan per column position (in the block's own, merge-once columns).
  const pending: number[] = [];
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    if (tr.closest('table') !== table) continue;
    const line: string[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((pending[col] ?? 0) > 0) { pending[col]--; line.push(''); col++; }
    };
    for (const td of Array.from(tr.children)) {
      if (td.tagName !== 'TD' && td.tagName !== 'TH') continue;
      skipCovered();
      line.push(cellText(td));
      const span = Number(td.getAttribute('rowspan') ?? '1');
      if (span > 1) pending[col] = span - 1;
      col++;
    }
    skipCovered();
    rows.push(line);
  }
  return rows.length > 0 ? rows : null;
}

/** Excel's TSV: tab-separated, CR/LF line ends, "quoted" cells with "" for a quote; a final line break is dropped. */
export function blockFromText(text: string): string[][] {
  const rows: string[][] = [];
  let line: string[] = [];
  let cell = '';
  let i = 0;
  const src = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i <= src.length) {
    const ch = src[i];
    if (cell === '' && ch === '"' && src.indexOf('"', i + 1) > 0) {
      // A quoted cell: up to the closing quote followed by a tab, a line break or the end.
      let j = i + 1;
      let quoted = '';
      for (; j < src.length; j++) {
        if (src[j] === '"' && src[j + 1] === '"') { quoted += '"'; j++; continue; }
        if (src[j] === '"') break;
        quoted += src[j];
      }
      const after = src[j + 1];
      if (j < src.length && (after === undefined || after === '\t' || after === '\n')) { cell = quoted; i = j + 1; continue; }
    }
    if (ch === undefined || ch === '\n') { line.push(cell); rows.push(line); line = []; cell = ''; i++; continue; }
    if (ch === '\t') { line.push(cell); cell = ''; i++; continue; }
    cell += ch;
    i++;
  }
  return rows;
}

/** The block of a paste: the HTML table when there is one (Excel, WPS, web pages), else the text. */
export function blockFromClipboard(data: { html?: string; text?: string }): string[][] {
  const fromHtml = data.html ? blockFromHtml(data.html) : null;
  return fromHtml ?? blockFromText(data.text ?? '');
}

/** Reads the system clipboard (menu 粘贴); null when the browser refuses. */
export async function readClipboardBlock(): Promise<string[][] | null> {
  try {
    if (navigator.clipboard.read) {
      const items = await navigator.clipboard.read();
      for (const item of items) {
        const html = item.types.includes('text/html') ? await (await item.getType('text/html')).text() : undefined;
        const text = item.types.includes('text/plain') ? await (await item.getType('text/plain')).text() : undefined;
        if (html || text) return blockFromClipboard({ html, text });
      }
    }
    return blockFromText(await navigator.clipboard.readText());
  } catch {
    return null;
  }
}
