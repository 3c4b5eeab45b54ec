/**
 * Reads a 绩效文本 PDF back with poppler (pdftotext, page by page): the 目录 numbers as printed
 * after each entry, the page each entry's target starts on, and the 「— N —」 footer of that page.
 * Used to check that the 目录 tells the truth, for our PDF and for the .docx rendered by LibreOffice.
 */
import { execFileSync } from 'node:child_process';

/** Text of every page, blanks removed inside lines, lines kept (pdftotext separates pages with form feeds). */
export function pdfPageLines(file: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f').map((p) => p.split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean).join('\n'));
  if (pages[pages.length - 1] === '') pages.pop();
  return pages;
}

/** Text of every page, all whitespace removed. */
export function pdfPages(file: string): string[] {
  return pdfPageLines(file).map((p) => p.replace(/\n/g, ''));
}

/** Index in `text` just after `key`, matching across line breaks, searching from `from`; -1 when absent. */
function endOfMatch(text: string, key: string, from: number): number {
  for (let start = from; start < text.length; start++) {
    let i = start;
    let k = 0;
    while (k < key.length && i < text.length) {
      if (text[i] === '\n' && k > 0) {
        i++;
        continue;
      }
      if (text[i] !== key[k]) break;
      i++;
      k++;
    }
    if (k === key.length) return i;
  }
  return -1;
}

/** The printed footer number of a page, or null. */
export function footerNumber(page: string): number | null {
  const m = /—(\d+)—/.exec(page);
  return m ? Number(m[1]) : null;
}

/** One 目录 entry as found in the PDF. */
export interface TocCheck {
  readonly text: string;
  /** The number the 目录 prints after the entry. */
  readonly tocPage: number;
  /** The footer number of the first body page holding the entry's text. */
  readonly startPage: number | null;
}

/**
 * For each entry text (in 目录 order; `pageLines` from `pdfPageLines`): the number printed at the end of
 * its (last) line in the 目录 pages and the
 * footer number of the first body page (a page with a footer) that contains it, searching from
 * the page where the previous entry started.
 * @throws Error when an entry is missing from the 目录.
 */
export function checkToc(pageLines: readonly string[], entries: readonly string[], targetText: (entry: string) => string = (e) => e): TocCheck[] {
  const pages = pageLines.map((p) => p.replace(/\n/g, ''));
  const firstBody = pages.findIndex((p) => footerNumber(p) !== null);
  const toc = pageLines.slice(0, firstBody).join('\n');
  let at = toc.indexOf('目');
  let from = firstBody;
  return entries.map((entry) => {
    const key = entry.replace(/\s+/g, '');
    const end = endOfMatch(toc, key, at);
    if (end < 0) throw new Error(`目录中没有“${entry}”`);
    at = end;
    const m = /^[.…·\n]*?(\d+)(?=\n|$)/.exec(toc.slice(at));
    const tocPage = m ? Number(m[1]) : NaN;
    const target = targetText(entry).replace(/\s+/g, '');
    let startPage: number | null = null;
    for (let p = from; p < pages.length; p++) {
      if (pages[p].includes(target)) {
        startPage = footerNumber(pages[p]);
        from = p;
        break;
      }
    }
    return { text: entry, tocPage, startPage };
  });
}
