import { isUtf8 } from 'node:buffer';
import type { ImportWarning } from '../../../shared/xlsx/raw';

/**
 * Part-level helpers of the zip pre-scan: OOXML part-name resolution (relationship targets,
 * relative or absolute, ECMA-376 Part 2 §9.3), and text encodings of XML parts (UTF-16 is
 * transcoded to UTF-8; invalid UTF-8 is replaced by U+FFFD and reported).
 */

/** Part name without a leading slash, `.` and `..` resolved (`/xl/./a/../b.xml` → `xl/b.xml`). */
export function normalizePart(name: string): string {
  const out: string[] = [];
  for (const seg of name.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** Where the relationships of `part` are stored (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the part that owns the relationship ('' for the package root). */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try { t = decodeURIComponent(target); } catch { /* keep as written */ }
  if (t.startsWith('/')) return normalizePart(t);
  const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  return normalizePart(dir + t);
}

/** Text of an XML part (UTF-8 or UTF-16 by BOM or first bytes). */
function isUtf16(data: Buffer): 'le' | 'be' | null {
  if (data.length < 2) return null;
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0x3c && data[1] === 0x00)) return 'le';
  if ((data[0] === 0xfe && data[1] === 0xff) || (data[0] === 0x00 && data[1] === 0x3c)) return 'be';
  return null;
}

export interface DecodedPart {
  /** The part as UTF-8 bytes (the input itself when nothing changed). */
  readonly data: Buffer;
  readonly changed: boolean;
  /** Byte offsets (in the ORIGINAL data) of invalid UTF-8 sequences, at most a few. */
  readonly invalidAt: readonly number[];
}

/** Offsets of the first invalid UTF-8 sequences (at most `max`). */
function invalidOffsets(data: Buffer, max: number): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < data.length && out.length < max) {
    const b = data[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > data.length || !isUtf8(data.subarray(i, i + len))) {
      out.push(i);
      i++;
      continue;
    }
    i += len;
  }
  return out;
}

/**
 * Brings an XML part to valid UTF-8: UTF-16 is transcoded (and its declaration rewritten),
 * invalid UTF-8 sequences become U+FFFD and their offsets are returned for reporting.
 */
export function decodeXmlPart(data: Buffer): DecodedPart {
  const wide = isUtf16(data);
  if (wide) {
    const body = data[0] === 0xff || data[0] === 0xfe ? data.subarray(2) : data;
    const le = wide === 'le' ? body : Buffer.from(body.subarray(0, body.length & ~1)).swap16();
    const text = le.toString('utf16le').replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])utf-16(le|be)?(["'])/i, '$1UTF-8$3');
    return { data: Buffer.from(text, 'utf8'), changed: true, invalidAt: [] };
  }
  if (isUtf8(data)) return { data, changed: false, invalidAt: [] };
  const invalidAt = invalidOffsets(data, 20);
  return { data: Buffer.from(data.toString('utf8'), 'utf8'), changed: true, invalidAt };
}

/** Indexes (0-based) of the `<si>` items of a sharedStrings part that contain the given byte offsets. */
export function stringIndexesAt(data: Buffer, offsets: readonly number[]): Set<number> {
  const out = new Set<number>();
  const head = data.toString('latin1');
  const re = /<(?:[\w.-]+:)?si[\s>/]/g;
  const starts: number[] = [];
  for (let m = re.exec(head); m; m = re.exec(head)) starts.push(m.index);
  for (const off of offsets) {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= off) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (found >= 0) out.add(found);
  }
  return out;
}

/** Cells of a worksheet XML that use one of the given shared strings (`t="s"` with `<v>k</v>`), as A1 refs. */
export function cellsUsingStrings(xml: string, indexes: ReadonlySet<number>, max: number): string[] {
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?c\b([^>]*?)>\s*(?:<(?:[\w.-]+:)?f\b[\s\S]*?<\/(?:[\w.-]+:)?f>\s*)?<(?:[\w.-]+:)?v>\s*(\d+)\s*</g;
  for (let m = re.exec(xml); m && out.length < max; m = re.exec(xml)) {
    if (!/\st\s*=\s*["']s["']/.test(m[1]) || !indexes.has(Number(m[2]))) continue;
    const ref = /\sr\s*=\s*["']([A-Za-z]+\d+)["']/.exec(m[1])?.[1];
    if (ref) out.push(ref);
  }
  return out;
}

/**
 * A1 refs of the cells (`<c r="…">`) whose XML contains the given byte offsets of a worksheet
 * part (the last cell start within 64 KB before the offset); offsets in no cell are skipped.
 */
export function cellsAtOffsets(data: Buffer, offsets: readonly number[]): string[] {
  const out: string[] = [];
  for (const off of offsets) {
    const from = Math.max(0, off - 65_536);
    const window = data.toString('latin1', from, off);
    let ref: string | undefined;
    for (const m of window.matchAll(/<(?:[\w.-]+:)?c\b[^>]*?\sr\s*=\s*["']([A-Za-z]+\d+)["']/g)) ref = m[1];
    const closed = ref !== undefined && /<\/(?:[\w.-]+:)?c>|<(?:[\w.-]+:)?c\b[^>]*\/>\s*$/.test(window.slice(window.lastIndexOf(ref)));
    if (ref && !closed && !out.includes(ref)) out.push(ref);
  }
  return out;
}

/** The warning for a part with invalid UTF-8 outside the strings of cells. */
export function invalidPartWarning(part: string): ImportWarning {
  return { message: `文件中的部件 ${part} 含有无效的文字编码（文件可能损坏），无法识别的字符已替换为“\uFFFD”：请核对导入结果` };
}
