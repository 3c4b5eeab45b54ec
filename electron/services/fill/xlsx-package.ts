/**
 * An xlsx package opened for patching: parts are inflated only when read, and when the package
 * is written again every part nobody changed is copied byte for byte (its compressed bytes,
 * method and CRC as they were), in the original order. Also the workbook's sheet list
 * (name → part) and relationship files, which the patcher needs to find a sheet's comments,
 * drawings and VML.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { UserError } from '../../../shared/errors';
import { assembleZip, type AssembledZipEntry } from '../xlsx/zip-writer';
import { entryData, inflateEntry, readZipDirectory, type ZipEntry } from '../xlsx/zip-directory';

const MAX_PART_BYTES = 64 * 1024 * 1024;

/** A relationship of a `.rels` part. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Target as written (relative to the source part's folder unless External). */
  readonly target: string;
  readonly external: boolean;
}

/** One sheet of the workbook, in tab order. */
export interface WorkbookSheet {
  readonly name: string;
  /** Part path, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
  readonly relId: string;
}

export class XlsxPackage {
  private readonly entries: ZipEntry[];
  private readonly changed = new Map<string, Buffer>();
  /** Parts added by the patcher, in creation order (written after the original ones). */
  private readonly added: string[] = [];

  constructor(private readonly buf: Buffer, private readonly fileName: string) {
    try {
      this.entries = readZipDirectory(buf, 10_000);
    } catch (e) {
      throw new UserError('FILL_BAD_PACKAGE', `无法打开“${fileName}”：${(e as Error).message}`);
    }
  }

  has(name: string): boolean {
    return this.changed.has(name) || this.entries.some((e) => e.name === name);
  }

  /** Names of every part (original order, then added ones). */
  names(): string[] {
    return [...this.entries.map((e) => e.name), ...this.added];
  }

  /** The text of a part (UTF-8), or null when absent. */
  read(name: string): string | null {
    const bytes = this.readBytes(name);
    return bytes === null ? null : bytes.toString('utf8');
  }

  readBytes(name: string): Buffer | null {
    const own = this.changed.get(name);
    if (own) return own;
    const entry = this.entries.find((e) => e.name === name);
    if (!entry) return null;
    try {
      return inflateEntry(this.buf, entry, MAX_PART_BYTES);
    } catch (e) {
      throw new UserError('FILL_BAD_PACKAGE', `“${this.fileName}”中的部件 ${name} 无法读取：${(e as Error).message}`);
    }
  }

  /** Replaces (or adds) a part. */
  write(name: string, data: string | Buffer): void {
    if (!this.has(name)) this.added.push(name);
    this.changed.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  /** True when a part was replaced or added. */
  isChanged(name: string): boolean {
    return this.changed.has(name);
  }

  /** The package as zip bytes: untouched parts copied as they were, changed ones deflated. */
  toBuffer(): Buffer {
    const out: AssembledZipEntry[] = [];
    for (const e of this.entries) {
      const data = this.changed.get(e.name);
      if (data) out.push(deflated(e.name, data));
      else out.push({ name: e.name, method: e.method as 0 | 8, crc: e.crc, compressed: entryData(this.buf, e), size: e.uncompressedSize });
    }
    for (const name of this.added) out.push(deflated(name, this.changed.get(name)!));
    return assembleZip(out);
  }

  /** Relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
  rels(part: string): Relationship[] {
    const xml = this.read(relsPath(part));
    if (!xml) return [];
    const out: Relationship[] = [];
    for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]);
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
    }
    return out;
  }

  /** The workbook part (from the root relationships; `xl/workbook.xml` by default). */
  workbookPart(): string {
    const rel = this.rels('').find((r) => r.type.endsWith('/officeDocument'));
    return rel ? resolveTarget('', rel.target) : 'xl/workbook.xml';
  }

  /** The sheets of the workbook in tab order (chartsheets and dialog sheets included, as they count for indices). */
  sheets(): WorkbookSheet[] {
    const wbPart = this.workbookPart();
    const xml = this.read(wbPart) ?? '';
    const rels = this.rels(wbPart);
    const out: WorkbookSheet[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]);
      const relId = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.find((r) => r.id === relId);
      out.push({ name: decodeXml(a.name ?? ''), part: rel ? resolveTarget(wbPart, rel.target) : '', relId });
    }
    return out;
  }
}

function deflated(name: string, data: Buffer): AssembledZipEntry {
  return { name, method: 8, crc: crc32(data), compressed: deflateRawSync(data, { level: 6 }), size: data.length };
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; '' → `_rels/.rels`. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Attributes of a start tag's attribute text (values XML-decoded only by the caller). */
export function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = m[3] ?? m[4] ?? '';
  return out;
}

/** Decodes the five XML entities and numeric references. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** Escapes text for element content or a double-quoted attribute. */
export function encodeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
