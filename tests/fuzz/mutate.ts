/**
 * Seeded mutations of input files for the fuzz run (tests/fuzz/run-fuzz.ts): byte-level damage
 * of any file, part-level damage inside zip packages (xlsx, docx: hostile numbers, duplicated or
 * deleted elements, long or invalid text, namespace prefixes, DOCTYPE, dropped or duplicated
 * parts, wrong CRCs) and value-level damage of `.jxmb` JSON. Same seed, same bytes.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { buildZip, type TestZipEntry } from '../helpers/hostile-zip';

/** Deterministic PRNG (mulberry32). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

/** Entries of a zip read from its central directory (no checks: bases are our own files). */
export function unzipAll(buf: Buffer): { name: string; data: Buffer }[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28);
    const elen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nlen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nlen + elen + clen;
  }
  return out;
}

const HOSTILE_NUMBERS = ['4294967296', '-1', '0', '99999999999', '1e308', 'NaN', '2147483648', '16385', '1048577', '-2147483649', '1.5', ''];
const HOSTILE_TEXT = [
  '单位：483001', '单位：万元', '=SUM(A1:A9)', '\u0000\u0001', '\uFFFF\uD800', '𠮷'.repeat(500), 'x'.repeat(40_000),
  '项目名称'.repeat(5_000), '<![CDATA[x]]>', '&amp;&lt;&#0;&#xFFFFFFFF;', '2024-01-01T00:00:00Z', '١٢٣',
];
const HOSTILE_REFS = ['A:XFD', 'A1:XFD1048576', '$A$1:$G$1048576', 'A0', 'ZZZZ1', 'A1:A0', 'XFE1', '1:1048576', 'A1048577'];

/** One text-level mutation of an XML part. */
function mutateXml(rng: Rng, xml: string): string | Buffer {
  const at = () => rng.int(Math.max(1, xml.length));
  switch (rng.int(12)) {
    case 0: // hostile number in some attribute or value
      return xml.replace(/(="|>)(\d+)(["<])/g, (m, a, _n, b) => (rng.next() < 0.15 ? `${a}${rng.pick(HOSTILE_NUMBERS)}${b}` : m));
    case 1: { // duplicate an element
      const tags = [...xml.matchAll(/<(row|c|mergeCells|mergeCell|col|si|sheet|definedName|Relationship|Override|w:p)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g)];
      if (tags.length === 0) return xml;
      const t = rng.pick(tags);
      const copies = rng.pick([1, 2, 50, 1000]);
      return xml.slice(0, t.index! + t[0].length) + t[0].repeat(copies) + xml.slice(t.index! + t[0].length);
    }
    case 2: { // delete a span
      const a = at();
      return xml.slice(0, a) + xml.slice(a + rng.int(200));
    }
    case 3: // hostile text content
      return xml.replace(/>([^<>]{1,200})</g, (m) => (rng.next() < 0.1 ? `>${rng.pick(HOSTILE_TEXT)}<` : m));
    case 4: // cell type changes
      return xml.replace(/ t="(\w+)"/g, (m) => (rng.next() < 0.3 ? ` t="${rng.pick(['s', 'n', 'd', 'e', 'b', 'str', 'inlineStr', 'zz'])}"` : m));
    case 5: // hostile ranges
      return xml.replace(/(ref|sqref|r)="([A-Z]+\d+(:[A-Z]+\d+)?)"/g, (m, k) => (rng.next() < 0.2 ? `${k}="${rng.pick(HOSTILE_REFS)}"` : m));
    case 6: // namespace prefix on the root element's default namespace
      return xml.replace(/<(\/?)(worksheet|sheetData|row|c|v|workbook|sheets|sheet|sst|si|t)\b/g, '<$1x:$2').replace(/xmlns="/, 'xmlns:x="');
    case 7: // DOCTYPE / entity
      return xml.replace(/\?>/, '?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>');
    case 8: // single-quoted attributes
      return xml.replace(/="([^"]*)"/g, "='$1'");
    case 9: { // invalid UTF-8 bytes in the middle
      const b = Buffer.from(xml, 'utf8');
      const p = rng.int(b.length);
      return Buffer.concat([b.subarray(0, p), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xe6, 0x9e]), b.subarray(p)]);
    }
    case 10: // UTF-16 re-encoding with BOM
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')]);
    default: { // huge col / dimension attributes
      return xml.replace(/<(col|dimension|sheetFormatPr|pageSetup)\b([^>]*)/g, (_m, tag, attrs) => `<${tag}${String(attrs).replace(/="[^"]*"/, `="${rng.pick(HOSTILE_NUMBERS)}"`)}`);
    }
  }
}

/** One zip-level mutation (xlsx, docx); falls back to byte damage when the base is not a zip. */
function mutateZip(rng: Rng, buf: Buffer): Buffer {
  let entries: { name: string; data: Buffer }[];
  try {
    entries = unzipAll(buf);
  } catch {
    return mutateBytes(rng, buf);
  }
  const list: TestZipEntry[] = entries.map((e) => ({ name: e.name, data: e.data }));
  const rounds = 1 + rng.int(3);
  for (let r = 0; r < rounds; r++) {
    const i = rng.int(list.length);
    const e = list[i];
    const op = rng.int(10);
    if (op === 0) list.splice(i, 1);
    else if (op === 1) list.push({ ...e });
    else if (op === 2) list[i] = { ...e, name: rng.pick([`/${e.name}`, e.name.toUpperCase(), `${e.name}x`, e.name.replace(/\//g, '\\')]) };
    else if (op === 3) list[i] = { ...e, crc: (crc32(e.data as Buffer) ^ 0x5a5a) >>> 0 };
    else {
      const text = (e.data as Buffer).toString('utf8');
      list[i] = { name: e.name, data: mutateXml(rng, text) };
    }
  }
  return buildZip(list);
}

/** Byte-level damage of any file. */
export function mutateBytes(rng: Rng, buf: Buffer): Buffer {
  const b = Buffer.from(buf);
  switch (rng.int(4)) {
    case 0:
      for (let k = 1 + rng.int(20); k > 0; k--) b[rng.int(b.length)] ^= 1 << rng.int(8);
      return b;
    case 1:
      return b.subarray(0, rng.int(b.length));
    case 2: {
      const p = rng.int(b.length);
      const junk = Buffer.alloc(1 + rng.int(4096));
      for (let i = 0; i < junk.length; i++) junk[i] = rng.int(256);
      return Buffer.concat([b.subarray(0, p), junk, b.subarray(p)]);
    }
    default: {
      const p = rng.int(b.length);
      b.fill(rng.pick([0, 0xff, 0x20]), p, Math.min(b.length, p + rng.int(8192)));
      return b;
    }
  }
}

function walk(rng: Rng, node: unknown, depth: number): unknown {
  if (Array.isArray(node) && node.length > 0 && rng.next() < 0.7) {
    const i = rng.int(node.length);
    const copy = [...node];
    copy[i] = walk(rng, node[i], depth + 1);
    return copy;
  }
  if (node && typeof node === 'object' && !Array.isArray(node) && rng.next() < 0.75) {
    const keys = Object.keys(node);
    if (keys.length > 0) {
      const k = rng.pick(keys);
      const copy = { ...(node as Record<string, unknown>) };
      if (rng.next() < 0.1) delete copy[k];
      else copy[k] = walk(rng, copy[k], depth + 1);
      return copy;
    }
  }
  return rng.pick<() => unknown>([
    () => null, () => -1, () => 1e308, () => 'NaN', () => '', () => [], () => ({}), () => true,
    () => 'x'.repeat(rng.pick([3_000, 100_000, 5_000_000])), () => '单位：483001', () => '1e9999',
    () => Array.from({ length: JSON.stringify(node ?? null).length < 2_000 ? 2_000 : 20 }, () => node), () => JSON.parse('['.repeat(3000) + ']'.repeat(3000)) as unknown,
    () => String(node), () => Number(node), () => ({ __proto__: { polluted: 1 } }),
  ])();
}

/** One value-level mutation of a `.jxmb` text (or text damage). */
export function mutateJxmb(rng: Rng, text: string): Buffer {
  if (rng.next() < 0.2) return mutateBytes(rng, Buffer.from(text, 'utf8'));
  const doc = JSON.parse(text) as unknown;
  let out = doc;
  for (let k = 1 + rng.int(3); k > 0; k--) out = walk(rng, out, 0);
  return Buffer.from(JSON.stringify(out, null, rng.next() < 0.5 ? 2 : 0), 'utf8');
}

/** A mutation of `base` of the given kind. */
export function mutate(rng: Rng, kind: 'xlsx' | 'docx' | 'jxmb', base: Buffer): Buffer {
  if (kind === 'jxmb') return mutateJxmb(rng, base.toString('utf8'));
  return rng.next() < 0.2 ? mutateBytes(rng, base) : mutateZip(rng, base);
}
