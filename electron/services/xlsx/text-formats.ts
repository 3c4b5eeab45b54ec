import { isUtf8 } from 'node:buffer';
import type { ReadLimits } from './limits';
import { xlsxError } from './xlsx-errors';

/**
 * Decodes the text-based spreadsheet formats (HTML tables saved as .xls, SpreadsheetML 2003)
 * to a string before parsing: the encoding comes from the BOM, else the declared charset
 * (`<meta charset=gb2312>`, `<?xml encoding="GBK"?>`), else UTF-8, else GB18030 (what Chinese
 * finance systems write without saying so). SpreadsheetML with DTD/ENTITY declarations is refused.
 * Span and index attributes are bounded to the read limits before the library sees them: it
 * walks spans cell by cell, so `colspan="1000000000"` would otherwise hang it.
 */

function declaredCharset(head: string): string | null {
  const meta = /<meta\b[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  const decl = /<\?xml\b[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  return decl ? decl[1].toLowerCase() : null;
}

function decodeWith(label: string, data: Buffer): string | null {
  try {
    return new TextDecoder(label).decode(data);
  } catch {
    return null;
  }
}

/** Caps the numeric attributes of the text formats that the library expands one by one. */
export function boundSpans(text: string, format: 'html' | 'xml2003', limits: Pick<ReadLimits, 'maxRows' | 'maxCols'>): string {
  const cap = (all: string, name: string, n: string, max: number) => (Number(n) > max ? all.replace(n, String(max)) : all);
  if (format === 'html') {
    return text.replace(/\b(colspan|rowspan)\s*=\s*["']?\s*(\d+)/gi, (all, name: string, n: string) =>
      cap(all, name, n, name.toLowerCase() === 'colspan' ? limits.maxCols : limits.maxRows));
  }
  return text.replace(/<(?:[\w.-]+:)?(Row|Cell|Column)\b[^>]*>/g, (tag, el: string) =>
    tag.replace(/\b(?:[\w.-]+:)?(MergeAcross|MergeDown|Index|Span)\s*=\s*["'](\d+)["']/g, (all, name: string, n: string) => {
      const rows = name === 'MergeDown' || (name === 'Index' && el === 'Row');
      return cap(all, name, n, (rows ? limits.maxRows : limits.maxCols) + 1);
    }));
}

/** The file as text (see the module comment). Throws UserError XLSX_XML_DTD for SpreadsheetML with a DTD. */
export function decodeText(buf: Buffer, fileName: string, format: 'html' | 'xml2003', limits: Pick<ReadLimits, 'maxRows' | 'maxCols'>): string {
  let text: string;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) text = buf.subarray(3).toString('utf8');
  else if (buf[0] === 0xff && buf[1] === 0xfe) text = buf.subarray(2).toString('utf16le');
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1))).swap16().toString('utf16le');
  else {
    const charset = declaredCharset(buf.subarray(0, 4096).toString('latin1'));
    const declared = charset && !/^utf-?8$/.test(charset) ? decodeWith(charset === 'gb2312' || charset === 'gbk' ? 'gb18030' : charset, buf) : null;
    text = declared ?? (isUtf8(buf) ? buf.toString('utf8') : decodeWith('gb18030', buf) ?? buf.toString('utf8'));
  }
  if (format === 'xml2003' && /<!(DOCTYPE|ENTITY)/i.test(text)) throw xlsxError('XLSX_XML_DTD', fileName, '（表格正文）');
  return boundSpans(text, format, limits);
}
