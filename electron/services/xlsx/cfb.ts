import * as CFB from 'cfb';

/**
 * Lists the stream and storage names of an OLE2 / Compound File Binary container (MS-CFB):
 * enough to tell an encrypted xlsx (EncryptionInfo + EncryptedPackage) from a legacy .xls
 * (Workbook / Book) or a WPS .et. Parsing is SheetJS's `cfb` package (the same version
 * @e965/xlsx bundles); a container it cannot parse falls back to a search for the known names.
 */

export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** True when the buffer starts with the CFB signature. */
export function isCfb(buf: Buffer): boolean {
  return buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC);
}

/** Entry names of the container (the root storage first), or null when it is malformed. */
function directoryNames(buf: Buffer): string[] | null {
  try {
    return CFB.read(buf, { type: 'buffer' }).FileIndex.map((e) => e.name).filter((n) => n !== '');
  } catch {
    return null;
  }
}

const KNOWN_STREAMS = ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book', 'WordDocument', 'PowerPoint Document', 'ETExtData', 'WpsCustomData'];

/**
 * Stream/storage names of a CFB container. Falls back to searching the known names as
 * UTF-16LE text when the directory cannot be read (a damaged or truncated file).
 */
export function cfbStreamNames(buf: Buffer): string[] {
  const names = directoryNames(buf);
  if (names && names.length > 1) return names;
  return KNOWN_STREAMS.filter((n) => buf.indexOf(Buffer.from(n, 'utf16le')) >= 0);
}
