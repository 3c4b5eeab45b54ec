/**
 * Zip pre-scan and unpacking of an untrusted .docx with the maintained `fflate`: entry count,
 * declared sizes and compression ratio are checked from the central directory BEFORE anything is
 * inflated; only `word/document.xml` is inflated, and its actual size is checked again; a part
 * declaring a DTD is refused. Runs in the read worker (docx-worker.ts).
 */
import { strFromU8, unzipSync, type UnzipFileInfo } from 'fflate';
import type { ReadLimits } from '../xlsx/limits';
import { mb } from '../xlsx/xlsx-errors';
import { docxError } from './docx-errors';
import { partNameForMessage } from '../part-name';

const DOCUMENT_PART = 'word/document.xml';

/**
 * The XML text of the document part.
 * @throws UserError DOCX_TOO_LARGE, DOCX_ZIP_BOMB, DOCX_IS_XLSX, DOCX_NOT_WORD, DOCX_CORRUPT, DOCX_XML_DTD.
 */
export function unpackDocumentXml(data: Uint8Array, fileName: string, limits: ReadLimits): string {
  let entries = 0;
  let total = 0;
  let workbook = false;
  let found = false;
  const filter = (f: UnzipFileInfo): boolean => {
    entries++;
    if (entries > limits.maxEntries) throw docxError('DOCX_TOO_LARGE', fileName, `压缩包内超过 ${limits.maxEntries} 个部件`);
    const ratio = f.originalSize / Math.max(1, f.size);
    if (f.originalSize > limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) {
      throw docxError('DOCX_ZIP_BOMB', fileName, `部件 ${partNameForMessage(f.name)} 压缩比 ${Math.round(ratio)}:1，解压后 ${mb(f.originalSize)}`);
    }
    if (f.originalSize > limits.maxPartBytes) throw docxError('DOCX_TOO_LARGE', fileName, `部件 ${partNameForMessage(f.name)} 解压后 ${mb(f.originalSize)}，上限 ${mb(limits.maxPartBytes)}`);
    total += f.originalSize;
    if (total > limits.maxTotalBytes) throw docxError('DOCX_TOO_LARGE', fileName, `解压后共 ${mb(total)}，上限 ${mb(limits.maxTotalBytes)}`);
    if (f.name === 'xl/workbook.xml') workbook = true;
    const wanted = f.name === DOCUMENT_PART;
    if (wanted) found = true;
    return wanted;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter });
  } catch (e) {
    if ((e as { code?: unknown }).code && String((e as { code: unknown }).code).startsWith('DOCX_')) throw e;
    throw docxError('DOCX_CORRUPT', fileName, (e as Error).message.slice(0, 120));
  }
  if (!found) throw workbook ? docxError('DOCX_IS_XLSX', fileName) : docxError('DOCX_NOT_WORD', fileName, '压缩包中没有 word/document.xml');
  const part = files[DOCUMENT_PART];
  if (!part || part.length > limits.maxPartBytes) throw docxError('DOCX_TOO_LARGE', fileName, `word/document.xml 解压后超过 ${mb(limits.maxPartBytes)}`);
  const xml = strFromU8(part);
  // A DTD can only stand in the prolog, before the root element (however long comments make it).
  const prolog = xml.slice(0, Math.max(4096, xml.search(/<w:document\b/)));
  if (/<!DOCTYPE|<!ENTITY/i.test(prolog)) throw docxError('DOCX_XML_DTD', fileName);
  return xml;
}
