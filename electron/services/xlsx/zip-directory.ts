import { crc32, inflateRawSync } from 'node:zlib';
import { partNameForMessage } from '../part-name';

/**
 * A minimal reader of a zip's central directory (PKWARE APPNOTE §4.3), so untrusted archives
 * can be checked before any library touches them. Only reads: no extraction to disk.
 */

/** One entry of the central directory. Sizes are as declared (they may lie). */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflate; anything else is rejected when inflating. */
  readonly method: number;
  /** General purpose flag bit 0: traditional / AES encryption. */
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** CRC-32 of the uncompressed data, from the central directory (checked by inflateEntry). */
  readonly crc: number;
}

/** Why a zip could not be read; the caller turns it into a user message. */
export class ZipFormatError extends Error {
  constructor(
    readonly reason: 'no-directory' | 'bad-directory' | 'bad-entry' | 'unsupported-method' | 'too-many-entries' | 'too-large' | 'bad-crc',
    message: string,
  ) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const U32_MAX = 0xffffffff;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  return -1;
}

interface DirectoryLocation {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
}

function locateDirectory(buf: Buffer): DirectoryLocation {
  const eocd = findEocd(buf);
  if (eocd < 0) throw new ZipFormatError('no-directory', '文件末尾缺少 zip 目录，可能下载或复制不完整');
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || size === U32_MAX || offset === U32_MAX) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIG) {
    const rec = u64(buf, eocd - 20 + 8);
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== ZIP64_EOCD_SIG) throw new ZipFormatError('bad-directory', 'ZIP64 目录损坏');
    count = u64(buf, rec + 32);
    size = u64(buf, rec + 40);
    offset = u64(buf, rec + 48);
  }
  if (offset + size > buf.length) throw new ZipFormatError('bad-directory', 'zip 目录超出文件末尾，文件不完整');
  return { count, offset, size };
}

/** Reads the zip64 extra field (id 0x0001) for entries whose 32-bit fields are saturated. */
function zip64Sizes(extra: Buffer, comp: number, uncomp: number, local: number): [number, number, number] {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number => {
        if (p + 8 > at + 4 + len || p + 8 > extra.length) throw new ZipFormatError('bad-entry', 'ZIP64 扩展字段损坏');
        const v = u64(extra, p);
        p += 8;
        return v;
      };
      if (uncomp === U32_MAX) uncomp = next();
      if (comp === U32_MAX) comp = next();
      if (local === U32_MAX) local = next();
      break;
    }
    at += 4 + len;
  }
  return [comp, uncomp, local];
}

/**
 * Lists the entries of a zip from its central directory. Throws ZipFormatError when there is
 * no directory (truncated file), it is malformed, or it has more than `maxEntries` entries.
 */
export function readZipDirectory(buf: Buffer, maxEntries: number): ZipEntry[] {
  const { count, offset, size } = locateDirectory(buf);
  if (count > maxEntries) throw new ZipFormatError('too-many-entries', `压缩包内有 ${count} 个部件，超过上限 ${maxEntries}`);
  const entries: ZipEntry[] = [];
  let p = offset;
  const end = offset + size;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CD_SIG) throw new ZipFormatError('bad-directory', 'zip 目录项损坏');
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > end) throw new ZipFormatError('bad-directory', 'zip 目录项超出目录范围');
    const name = buf.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    const extra = buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    const [compressedSize, uncompressedSize, localHeaderOffset] = zip64Sizes(
      extra, buf.readUInt32LE(p + 20), buf.readUInt32LE(p + 24), buf.readUInt32LE(p + 42),
    );
    entries.push({ name, method: buf.readUInt16LE(p + 10), encrypted: (flags & 1) !== 0, compressedSize, uncompressedSize, localHeaderOffset, crc: buf.readUInt32LE(p + 16) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry (located through its local header). */
export function entryData(buf: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_SIG) throw new ZipFormatError('bad-entry', `部件 ${partNameForMessage(entry.name)} 的本地头损坏`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  if (stop > buf.length) throw new ZipFormatError('bad-entry', `部件 ${partNameForMessage(entry.name)} 的数据不完整`);
  return buf.subarray(start, stop);
}

/** Throws ZipFormatError('bad-crc') when the data does not match the entry's CRC-32. */
function checkCrc(entry: ZipEntry, data: Buffer): Buffer {
  if ((crc32(data) >>> 0) !== (entry.crc >>> 0)) throw new ZipFormatError('bad-crc', `部件 ${partNameForMessage(entry.name)} 的校验和不符，内容已损坏`);
  return data;
}

/**
 * Inflates one entry, producing at most `maxBytes` bytes whatever the entry declares
 * (zlib stops and this throws ZipFormatError('too-large') as soon as the limit is passed),
 * and checks its CRC-32 (ZipFormatError('bad-crc')).
 */
export function inflateEntry(buf: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const data = entryData(buf, entry);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipFormatError('too-large', `部件 ${partNameForMessage(entry.name)} 解压后超过限制`);
    return checkCrc(entry, data);
  }
  if (entry.method !== 8) throw new ZipFormatError('unsupported-method', `部件 ${partNameForMessage(entry.name)} 使用了不支持的压缩方式 ${entry.method}`);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw new ZipFormatError('too-large', `部件 ${partNameForMessage(entry.name)} 解压后超过限制`);
    }
    throw new ZipFormatError('bad-entry', `部件 ${partNameForMessage(entry.name)} 的压缩数据损坏`);
  }
  return checkCrc(entry, out);
}
