import { cfbStreamNames, isCfb } from './cfb';
import type { ReadLimits } from './limits';
import { xlsxError, mb } from './xlsx-errors';
import { inflateEntry, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory';
import { partNameForMessage } from '../part-name';

/**
 * Decides what a file is by its CONTENT (never by its name): one of the spreadsheet formats
 * the reader understands (xlsx, xlsb, ods, xls, WPS et, SpreadsheetML 2003, HTML table), or a
 * specific Chinese rejection. The extension only refines a hint (.et). Cheap: reads the zip or
 * CFB directory and the first 4 KB, no compressed data except an ODS `mimetype`.
 */

/** A spreadsheet format the reader can parse. */
export type SpreadsheetFormat = 'xlsx' | 'xlsb' | 'ods' | 'xls' | 'et' | 'xml2003' | 'html';

export interface SniffResult {
  readonly format: SpreadsheetFormat;
  /** Zip entries (xlsx, xlsb, ods); empty for the other formats. */
  readonly entries: ZipEntry[];
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

/** The first bytes as text, BOM removed (UTF-8 or UTF-16). */
function headText(buf: Buffer): string {
  const head = buf.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2).toString('utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return head.subarray(3).toString('utf8');
  return head.toString('utf8');
}

/** True when the bytes look like text (no control characters except tab/CR/LF/FF). */
function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 4096);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

function sniffText(buf: Buffer, fileName: string): SpreadsheetFormat {
  const text = headText(buf).replace(/^[\s\u0000]+/, '');
  const lower = text.toLowerCase();
  const ext = extensionOf(fileName);
  if (lower.startsWith('<?xml') && lower.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml2003';
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|table|head|body|meta|style|div|tr|td)\b/.test(lower)
    || (lower.startsWith('<?xml') && /<html\b/.test(lower))) {
    return 'html';
  }
  if (/^mime-version:/i.test(text)) throw xlsxError('XLSX_HTML_AS_XLS', fileName);
  if (text.startsWith('{') || text.startsWith('[')) {
    if (ext === 'jxmb' || /"(meta|tables|formatVersion|format)"\s*:/.test(text)) throw xlsxError('XLSX_JXMB_AS_XLSX', fileName);
    throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, 'JSON 文本');
  }
  throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, 'CSV 或纯文本文件；若是 CSV，请在 Excel/WPS 中打开后另存为 .xlsx');
}

function sniffCfb(buf: Buffer, fileName: string): SpreadsheetFormat {
  const names = cfbStreamNames(buf);
  const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptionInfo') || has('EncryptedPackage')) throw xlsxError('XLSX_ENCRYPTED', fileName);
  if (has('WordDocument')) throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, '旧版 Word 文档 (.doc)');
  if (has('PowerPoint Document')) throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, '旧版 PowerPoint 文档 (.ppt)');
  const wps = names.some((n) => /^(et|wps|kso|kingsoft)/i.test(n)) || extensionOf(fileName) === 'et';
  if (wps) return 'et';
  return 'xls';
}

function zipError(e: unknown, fileName: string): never {
  if (e instanceof ZipFormatError) {
    if (e.reason === 'too-many-entries') throw xlsxError('XLSX_TOO_LARGE', fileName, e.message);
    throw xlsxError('XLSX_CORRUPT', fileName, e.message);
  }
  throw e;
}

/** Two entries with the same name (case-insensitive, as Excel compares part names) are refused by name. */
function checkDuplicates(entries: readonly ZipEntry[], fileName: string): void {
  const seen = new Set<string>();
  for (const e of entries) {
    const key = e.name.replace(/^\/+/, '').toLowerCase();
    if (seen.has(key)) throw xlsxError('XLSX_DUPLICATE_PART', fileName, partNameForMessage(e.name));
    seen.add(key);
  }
}

function classifyZip(buf: Buffer, entries: readonly ZipEntry[], fileName: string): SpreadsheetFormat {
  const byName = new Map(entries.map((e) => [e.name.replace(/^\/+/, '').toLowerCase(), e]));
  const mimetype = byName.get('mimetype');
  if (mimetype) {
    let mime = '';
    try { mime = inflateEntry(buf, mimetype, 256).toString('latin1').trim(); } catch { /* unreadable: keep '' */ }
    if (mime === ODS_MIME || mime.startsWith(`${ODS_MIME}-`)) { checkDuplicates(entries, fileName); return 'ods'; }
    if (mime.startsWith('application/vnd.oasis.opendocument')) throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, 'OpenDocument 文档');
  }
  const spreadsheet = byName.has('[content_types].xml') && (byName.has('xl/workbook.xml') || byName.has('xl/workbook.bin')
    || [...byName.keys()].some((n) => /(^|\/)workbook\d*\.(xml|bin)$/.test(n)));
  if (spreadsheet) {
    if (entries.some((e) => e.encrypted)) throw xlsxError('XLSX_ENCRYPTED', fileName);
    checkDuplicates(entries, fileName);
    return [...byName.keys()].some((n) => n.endsWith('workbook.bin')) ? 'xlsb' : 'xlsx';
  }
  if (byName.has('word/document.xml')) throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, 'Word 文档 (.docx)');
  if (byName.has('ppt/presentation.xml')) throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, 'PowerPoint 演示文稿');
  if (entries.some((e) => /\.(jxmb|json)$/i.test(e.name))) throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, 'zip 压缩包（里面可能有项目文件，请先解压）');
  throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, '普通 zip 压缩包');
}

/**
 * Tells the spreadsheet format of `buf`; throws a UserError for everything else (codes
 * XLSX_EMPTY_FILE, XLSX_ENCRYPTED, XLSX_HTML_AS_XLS (MHTML), XLSX_JXMB_AS_XLSX,
 * XLSX_NOT_SPREADSHEET, XLSX_UNKNOWN_FORMAT, XLSX_CORRUPT, XLSX_TOO_LARGE, XLSX_DUPLICATE_PART).
 */
export function sniffFormat(buf: Buffer, fileName: string, limits: Pick<ReadLimits, 'maxEntries' | 'maxFileBytes'>): SniffResult {
  if (buf.length === 0) throw xlsxError('XLSX_EMPTY_FILE', fileName);
  if (buf.length > limits.maxFileBytes) throw xlsxError('XLSX_TOO_LARGE', fileName, `${mb(buf.length)}，上限 ${mb(limits.maxFileBytes)}`);
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5 || buf[2] === 7)) {
    let entries: ZipEntry[];
    try { entries = readZipDirectory(buf, limits.maxEntries); } catch (e) { zipError(e, fileName); }
    return { format: classifyZip(buf, entries, fileName), entries };
  }
  if (isCfb(buf)) return { format: sniffCfb(buf, fileName), entries: [] };
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') throw xlsxError('XLSX_NOT_SPREADSHEET', fileName, 'PDF 文档');
  if (buf.subarray(0, 4096).every((b) => b === 0)) throw xlsxError('XLSX_CORRUPT', fileName, '文件内容全为空字节');
  if (looksLikeText(buf)) return { format: sniffText(buf, fileName), entries: [] };
  throw xlsxError('XLSX_UNKNOWN_FORMAT', fileName);
}

/**
 * The read host's check of an input: throws what sniffFormat throws and returns the zip entries
 * (empty for the non-zip formats).
 */
export function sniffXlsx(buf: Buffer, fileName: string, limits: Pick<ReadLimits, 'maxEntries' | 'maxFileBytes'>): ZipEntry[] {
  return sniffFormat(buf, fileName, limits).entries;
}
