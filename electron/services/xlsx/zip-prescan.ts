import type { ImportWarning } from '../../../shared/xlsx/raw';
import type { ReadLimits } from './limits';
import { guardSheetXml } from './sheet-guard';
import { sniffXlsx } from './sniff';
import { mb, xlsxError } from './xlsx-errors';
import { inflateEntry, ZipFormatError, type ZipEntry } from './zip-directory';

/**
 * Checks an xlsx archive before the xlsx library sees it: entry count, declared and ACTUAL
 * uncompressed sizes (per part and in total), compression ratio, DTD/entity declarations in XML
 * parts, and guards every worksheet part (sheet-guard.ts). Throws UserError (XLSX_TOO_LARGE,
 * XLSX_ZIP_BOMB, XLSX_XML_DTD, XLSX_CORRUPT, or any sniff code).
 */

export interface PrescanPart {
  readonly name: string;
  readonly data: Buffer;
}

export interface PrescanResult {
  /** Every part, inflated, in archive order; guarded worksheets hold their edited XML. */
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
      throw xlsxError('XLSX_ZIP_BOMB', fileName, `部件 ${e.name} 压缩比 ${Math.round(ratio)}:1，解压后 ${mb(e.uncompressedSize)}`);
    }
    if (e.uncompressedSize > limits.maxPartBytes) {
      throw xlsxError('XLSX_TOO_LARGE', fileName, `部件 ${e.name} 解压后 ${mb(e.uncompressedSize)}，上限 ${mb(limits.maxPartBytes)}`);
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
        throw xlsxError('XLSX_ZIP_BOMB', fileName, `部件 ${e.name} 声明解压后 ${mb(e.uncompressedSize)}，实际超过 ${mb(budget)}`);
      }
      if (err instanceof ZipFormatError) throw xlsxError('XLSX_CORRUPT', fileName, err.message);
      throw err;
    }
    if (data.length > limits.ratioCheckMinBytes && data.length / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
      throw xlsxError('XLSX_ZIP_BOMB', fileName, `部件 ${e.name} 实际压缩比 ${Math.round(data.length / Math.max(1, e.compressedSize))}:1`);
    }
    total += data.length;
    parts.push({ name: e.name, data });
  }
  return parts;
}

const DTD_MARKERS = ['<!DOCTYPE', '<!ENTITY', '<!doctype', '<!entity'].map((s) => Buffer.from(s, 'latin1'));

function checkDtd(parts: readonly PrescanPart[], fileName: string): void {
  for (const p of parts) {
    if (!/\.(xml|rels|vml)$/i.test(p.name)) continue;
    if (DTD_MARKERS.some((m) => p.data.indexOf(m) >= 0)) throw xlsxError('XLSX_XML_DTD', fileName, p.name);
  }
}

function decodeXmlAttr(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, ent: string) => {
    const map: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return map[ent.toLowerCase()] ?? all;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXmlAttr(m[1]) : undefined;
}

/** Worksheet part name → sheet name, from xl/workbook.xml and its relationships. */
export function worksheetNames(parts: readonly PrescanPart[]): Map<string, string> {
  const find = (n: string): string => parts.find((p) => p.name.replace(/^\/+/, '') === n)?.data.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const tag of find('xl/_rels/workbook.xml.rels').match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const names = new Map<string, string>();
  for (const tag of find('xl/workbook.xml').match(/<sheet\b[^>]*>/g) ?? []) {
    const rid = attr(tag, 'r:id') ?? /\s[\w]+:id="([^"]*)"/.exec(tag)?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (target) names.set(target, attr(tag, 'name') ?? target);
  }
  return names;
}

/** Runs all checks and guards; see the module comment. */
export function prescanXlsx(buf: Buffer, fileName: string, limits: ReadLimits): PrescanResult {
  const entries = sniffXlsx(buf, fileName, limits);
  checkDeclared(entries, fileName, limits);
  const parts = inflateAll(buf, entries, fileName, limits);
  checkDtd(parts, fileName);
  const sheetNames = worksheetNames(parts);
  const warnings: ImportWarning[] = [];
  let changed = false;
  const guarded = parts.map((p) => {
    const isSheet = sheetNames.has(p.name.replace(/^\/+/, '')) || /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(p.name);
    if (!isSheet) return p;
    const sheet = sheetNames.get(p.name.replace(/^\/+/, '')) ?? p.name;
    const result = guardSheetXml(p.data.toString('utf8'), sheet, limits);
    warnings.push(...result.warnings);
    if (result.xml === null) return p;
    changed = true;
    return { name: p.name, data: Buffer.from(result.xml, 'utf8') };
  });
  return { parts: guarded, changed, warnings };
}
