/**
 * Lists the stream and storage names of an OLE2 / Compound File Binary container (MS-CFB):
 * enough to tell an encrypted xlsx (EncryptionInfo + EncryptedPackage) from a legacy .xls
 * (Workbook / Book) or a WPS .et. Reads only the header, the FAT and the directory chain.
 */

export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const MAX_REG_SECTOR = 0xfffffffa;

/** True when the buffer starts with the CFB signature. */
export function isCfb(buf: Buffer): boolean {
  return buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC);
}

function readFat(buf: Buffer, shift: number): Uint32Array | null {
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((buf.length - sectorSize) / sectorSize);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + i * 4);
    if (s <= MAX_REG_SECTOR) fatSectors.push(s);
  }
  let difat = buf.readUInt32LE(0x44);
  for (let guard = 0; difat <= MAX_REG_SECTOR && guard < sectorCount; guard++) {
    const at = (difat + 1) * sectorSize;
    if (at + sectorSize > buf.length) break;
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const s = buf.readUInt32LE(at + i * 4);
      if (s <= MAX_REG_SECTOR) fatSectors.push(s);
    }
    difat = buf.readUInt32LE(at + sectorSize - 4);
  }
  const perSector = sectorSize / 4;
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, k) => {
    const at = (s + 1) * sectorSize;
    if (at + sectorSize > buf.length) return;
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = buf.readUInt32LE(at + i * 4);
  });
  return fat;
}

/** Names from the directory chain, or null when the container is malformed. */
function walkDirectory(buf: Buffer): string[] | null {
  if (buf.length < 512) return null;
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const fat = readFat(buf, shift);
  if (!fat) return null;
  const names: string[] = [];
  let sector = buf.readUInt32LE(0x30);
  const seen = new Set<number>();
  while (sector !== END_OF_CHAIN && sector <= MAX_REG_SECTOR) {
    if (seen.has(sector)) return names.length ? names : null;
    seen.add(sector);
    const at = (sector + 1) * sectorSize;
    if (at + sectorSize > buf.length) break;
    for (let e = 0; e < sectorSize / 128; e++) {
      const entry = at + e * 128;
      const nameBytes = Math.min(buf.readUInt16LE(entry + 0x40), 64);
      const type = buf[entry + 0x42];
      if (type === 0 || nameBytes < 2) continue;
      names.push(buf.toString('utf16le', entry, entry + nameBytes - 2));
    }
    if (sector >= fat.length) break;
    sector = fat[sector];
  }
  return names;
}

const KNOWN_STREAMS = ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book', 'WordDocument', 'PowerPoint Document', 'ETExtData', 'WpsCustomData'];

/**
 * Stream/storage names of a CFB container. Falls back to searching the known names as
 * UTF-16LE text when the directory cannot be walked (a damaged or truncated file).
 */
export function cfbStreamNames(buf: Buffer): string[] {
  const names = walkDirectory(buf);
  if (names && names.length > 1) return names;
  return KNOWN_STREAMS.filter((n) => buf.indexOf(Buffer.from(n, 'utf16le')) >= 0);
}
