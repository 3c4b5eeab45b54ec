import type { ImportWarning } from '../../../shared/xlsx/raw';
import type { ReadLimits } from './limits';
import { attrOf, guardSheetXml } from './sheet-guard';
import { mb, xlsxError } from './xlsx-errors';
import { inflateEntry, ZipFormatError, type ZipEntry } from './zip-directory';
import { cellsAtOffsets, cellsUsingStrings, decodeXmlPart, invalidPartWarning, normalizePart, relsPartOf, resolveTarget, stringIndexesAt } from './zip-parts';
import { partNameForMessage } from '../part-name';

/**
 * Checks a zip-based workbook (xlsx, xlsb, ods) before the spreadsheet library sees it: entry
 * count, declared and ACTUAL uncompressed sizes (per part and in total), compression ratio,
 * CRC-32 of every part, DTD/entity declarations, text encodings (UTF-16 read, invalid UTF-8
 * reported with the cell named), sheets listed without a part (reported by name and dropped),
 * and guards every part that IS a worksheet by its content, wherever it is stored
 * (sheet-guard.ts). Throws UserError (XLSX_TOO_LARGE, XLSX_ZIP_BOMB, XLSX_XML_DTD, XLSX_CORRUPT).
 */

export interface PrescanPart {
  readonly name: string;
  readonly data: Buffer;
}

export interface PrescanResult {
  /** Every part, inflated, in archive order; edited parts hold their new bytes. */
  readonly parts: readonly PrescanPart[];
  /** True when a part was edited (the caller must hand `parts` on instead of the original file). */
  readonly changed: boolean;
  readonly warnings: ImportWarning[];
}

function checkDeclared(entries: readonly ZipEntry[], fileName: string, limits: ReadLimits): void {
  let total = 0;
  for (const e of entries) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) {
      throw xlsxError('XLSX_ZIP_BOMB', fileName, `部件 ${partNameForMessage(e.name)} 压缩比 ${Math.round(ratio)}:1，解压后 ${mb(e.uncompressedSize)}`);
    }
    if (e.uncompressedSize > limits.maxPartBytes) {
      throw xlsxError('XLSX_TOO_LARGE', fileName, `部件 ${partNameForMessage(e.name)} 解压后 ${mb(e.uncompressedSize)}，上限 ${mb(limits.maxPartBytes)}`);
    }
    total += e.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    throw xlsxError('XLSX_TOO_LARGE', fileName, `解压后共 ${mb(total)}，上限 ${mb(limits.maxTotalBytes)}`);
  }
}

function inflateAll(buf: Buffer, entries: readonly ZipEntry[], fileName: string, limits: ReadLimits): PrescanPart[] {
  const parts: PrescanPart[] = [];
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const budget = Math.min(limits.maxPartBytes, limits.maxTotalBytes - total);
    let data: Buffer;
    try {
      data = inflateEntry(buf, e, budget);
    } catch (err) {
      if (err instanceof ZipFormatError && err.reason === 'too-large') {
        throw xlsxError('XLSX_ZIP_BOMB', fileName, `部件 ${partNameForMessage(e.name)} 声明解压后 ${mb(e.uncompressedSize)}，实际超过 ${mb(budget)}`);
      }
      if (err instanceof ZipFormatError) throw xlsxError('XLSX_CORRUPT', fileName, err.message);
      throw err;
    }
    if (data.length > limits.ratioCheckMinBytes && data.length / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
      throw xlsxError('XLSX_ZIP_BOMB', fileName, `部件 ${partNameForMessage(e.name)} 实际压缩比 ${Math.round(data.length / Math.max(1, e.compressedSize))}:1`);
    }
    total += data.length;
    parts.push({ name: e.name, data });
  }
  return parts;
}

const DTD_MARKERS = ['<!DOCTYPE', '<!ENTITY', '<!doctype', '<!entity'].map((s) => Buffer.from(s, 'latin1'));
const isXmlPart = (name: string): boolean => /\.(xml|rels|vml)$/i.test(name) || name === 'mimetype';

function checkDtd(parts: readonly PrescanPart[], fileName: string): void {
  for (const p of parts) {
    if (!isXmlPart(p.name) && !/^\s*<|^\ufeff/.test(p.data.subarray(0, 64).toString('utf8'))) continue;
    if (DTD_MARKERS.some((m) => p.data.indexOf(m) >= 0)) throw xlsxError('XLSX_XML_DTD', fileName, partNameForMessage(p.name));
  }
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function relationships(parts: ReadonlyMap<string, PrescanPart>, source: string): Relationship[] {
  const rels = parts.get(relsPartOf(source).toLowerCase());
  if (!rels) return [];
  const out: Relationship[] = [];
  for (const tag of rels.data.toString('utf8').match(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attrOf(tag, 'Id');
    const target = attrOf(tag, 'Target');
    if (!id || !target || attrOf(tag, 'TargetMode') === 'External') continue;
    out.push({ id, type: attrOf(tag, 'Type') ?? '', target: resolveTarget(source, decodeEntities(target)) });
  }
  return out;
}

interface SheetEntry {
  readonly name: string;
  readonly part: string;
  readonly tag: string;
}

/** The workbook part and its sheets (name → part), resolved as OOXML says. */
function workbookSheets(parts: ReadonlyMap<string, PrescanPart>): { workbook: string | null; sheets: SheetEntry[] } {
  const office = relationships(parts, '').find((r) => r.type.endsWith('/officeDocument'));
  const workbook = office && parts.has(office.target.toLowerCase()) ? office.target : parts.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  if (!workbook || !workbook.toLowerCase().endsWith('.xml')) return { workbook: null, sheets: [] };
  const targets = new Map(relationships(parts, workbook).map((r) => [r.id, r.target]));
  const sheets: SheetEntry[] = [];
  for (const tag of parts.get(workbook.toLowerCase())!.data.toString('utf8').match(/<(?:[\w.-]+:)?sheet\b[^>]*>/g) ?? []) {
    const rid = /\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
    const target = rid ? targets.get(rid[1] ?? rid[2]) : undefined;
    if (target) sheets.push({ name: decodeEntities(attrOf(tag, 'name') ?? target), part: target, tag });
  }
  return { workbook, sheets };
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, ent: string) => {
    const map: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return map[ent.toLowerCase()] ?? all;
  });
}

const looksLikeWorksheet = (data: Buffer): boolean => /<(?:[\w.-]+:)?worksheet\b/.test(data.subarray(0, 4096).toString('utf8'));

/**
 * Bounds the repeat counts of an OpenDocument body (`table:number-columns-repeated`,
 * `table:number-rows-repeated`): the library repeats cells one by one, and nothing past the read
 * limits is read anyway, so a count is cut to the limit (a hostile 1,000,000,000 cannot hang it).
 */
function guardOds(parts: PrescanPart[], changed: boolean, warnings: ImportWarning[], limits: ReadLimits): PrescanResult {
  let edited = changed;
  const out = parts.map((p) => {
    if (!/(^|\/)content\.xml$/i.test(p.name)) return p;
    const xml = p.data.toString('utf8');
    const next = xml.replace(/(number-(columns|rows)-repeated\s*=\s*["'])(\d+)(["'])/g, (all, pre: string, kind: string, n: string, post: string) => {
      const max = kind === 'columns' ? limits.maxCols : limits.maxRows;
      return Number(n) > max ? `${pre}${max}${post}` : all;
    });
    if (next === xml) return p;
    edited = true;
    return { name: p.name, data: Buffer.from(next, 'utf8') };
  });
  return { parts: out, changed: edited, warnings };
}

/** Runs all checks and guards on a zip's entries (already sniffed); see the module comment. */
export function prescanZip(buf: Buffer, entries: readonly ZipEntry[], fileName: string, limits: ReadLimits, xlsx: boolean): PrescanResult {
  checkDeclared(entries, fileName, limits);
  const inflated = inflateAll(buf, entries, fileName, limits);
  checkDtd(inflated, fileName);
  const warnings: ImportWarning[] = [];
  let changed = false;
  let badStrings = new Set<number>();
  const badCells = new Map<string, string[]>();
  const parts = inflated.map((p) => {
    if (!isXmlPart(p.name)) return p;
    const dec = decodeXmlPart(p.data);
    if (!dec.changed) return p;
    changed = true;
    if (dec.invalidAt.length) {
      if (/(^|\/)sharedStrings\d*\.xml$/i.test(p.name)) badStrings = stringIndexesAt(p.data, dec.invalidAt);
      else {
        const cells = looksLikeWorksheet(dec.data) ? cellsAtOffsets(p.data, dec.invalidAt) : [];
        if (cells.length) badCells.set(normalizePart(p.name).toLowerCase(), cells);
        else warnings.push(invalidPartWarning(p.name));
      }
    }
    return { name: p.name, data: dec.data };
  });
  if (!xlsx) return guardOds(parts, changed, warnings, limits);
  const byName = new Map(parts.map((p) => [normalizePart(p.name).toLowerCase(), p]));
  const { workbook, sheets } = workbookSheets(byName);
  const nameOf = new Map(sheets.map((s) => [s.part.toLowerCase(), s.name]));
  const edits = new Map<string, Buffer>();
  const missing = sheets.filter((s) => !byName.has(s.part.toLowerCase()));
  if (workbook && missing.length) {
    let xml = byName.get(workbook.toLowerCase())!.data.toString('utf8');
    for (const s of missing) {
      warnings.push({ sheet: s.name, message: `工作簿中列出的工作表「${s.name}」缺少其内容部件 ${s.part}（文件不完整或已损坏），该表无法读取：请在 Excel 或 WPS 中打开原文件检查该表后另存，再导入` });
      xml = xml.replace(s.tag, '');
    }
    edits.set(workbook.toLowerCase(), Buffer.from(xml, 'utf8'));
  }
  for (const p of parts) {
    const key = normalizePart(p.name).toLowerCase();
    if (!looksLikeWorksheet(p.data)) continue;
    const sheet = nameOf.get(key) ?? p.name;
    const xml = p.data.toString('utf8');
    const bad = [...(badStrings.size ? cellsUsingStrings(xml, badStrings, 5) : []), ...(badCells.get(key) ?? [])];
    for (const ref of bad.slice(0, 5)) {
      warnings.push({ sheet, cell: ref, message: `工作表「${sheet}」单元格 ${ref} 的文字含有无效编码（文件可能损坏），无法识别的字符已替换为“\uFFFD”：请核对该单元格，必要时重新输入` });
    }
    const result = guardSheetXml(xml, sheet, limits);
    warnings.push(...result.warnings);
    if (result.xml !== null) edits.set(key, Buffer.from(result.xml, 'utf8'));
  }
  const renames = relocateSheets(byName, workbook, sheets, edits);
  if (edits.size === 0 && renames.size === 0) return { parts, changed, warnings };
  return {
    parts: parts.map((p) => {
      const key = normalizePart(p.name).toLowerCase();
      return { name: renames.get(key) ?? p.name, data: edits.get(key) ?? p.data };
    }),
    changed: true,
    warnings,
  };
}

/**
 * Writes every worksheet relationship target in the canonical absolute form (`/xl/...`), which
 * the library resolves whatever the writer used (`../xl/…`, `./…`, `/xl/…`), and moves worksheets
 * stored outside `xl/` (legal OOXML; the library only looks under `xl/`) to `xl/worksheets/`.
 * Returns old → new part names of the moved sheets.
 */
function relocateSheets(byName: ReadonlyMap<string, PrescanPart>, workbook: string | null, sheets: readonly SheetEntry[], edits: Map<string, Buffer>): Map<string, string> {
  const renames = new Map<string, string>();
  if (!workbook) return renames;
  const relsKey = relsPartOf(workbook).toLowerCase();
  const rels = byName.get(relsKey);
  if (!rels) return renames;
  const present = sheets.filter((s) => byName.has(s.part.toLowerCase()));
  present.filter((s) => !s.part.toLowerCase().startsWith('xl/')).forEach((s, i) => renames.set(s.part.toLowerCase(), `xl/worksheets/relocated-${i + 1}.xml`));
  const canonical = new Map(present.map((s) => [s.part.toLowerCase(), `/${renames.get(s.part.toLowerCase()) ?? s.part}`]));
  const before = (edits.get(relsKey) ?? rels.data).toString('utf8');
  const xml = before.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g, (tag) => {
    const target = attrOf(tag, 'Target');
    if (!target || attrOf(tag, 'TargetMode') === 'External') return tag;
    const want = canonical.get(resolveTarget(workbook, decodeEntities(target)).toLowerCase());
    const escaped = want?.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    return escaped && escaped !== target ? tag.replace(/\sTarget\s*=\s*(?:"[^"]*"|'[^']*')/, ` Target="${escaped}"`) : tag;
  });
  if (xml === before) return renames;
  edits.set(relsKey, Buffer.from(xml, 'utf8'));
  return renames;
}
