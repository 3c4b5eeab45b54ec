import { constants, crc32, deflateRawSync } from 'node:zlib';
import { assembleZip } from '../../electron/services/xlsx/zip-writer';

/**
 * Tiny writers for building hostile files in tests: a zip writer that can lie about sizes and
 * take pre-compressed data, and a minimal OLE2/CFB container writer.
 */

export interface TestZipEntry {
  readonly name: string;
  /** Uncompressed data (compressed here unless `store`). */
  readonly data?: Buffer | string;
  /** Already raw-deflated data; `uncompressedSize` and `crc` must then be given. */
  readonly deflated?: Buffer;
  readonly store?: boolean;
  readonly uncompressedSize?: number;
  readonly crc?: number;
  /** Declared uncompressed size written to the headers (to lie), default the real one. */
  readonly declaredSize?: number;
}

/** Builds a zip from entries; see TestZipEntry for the knobs (sizes may lie). */
export function buildZip(entries: readonly TestZipEntry[]): Buffer {
  return assembleZip(entries.map((e) => {
    const raw = e.data === undefined ? undefined : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const size = e.uncompressedSize ?? raw!.length;
    return {
      name: e.name,
      method: e.store ? 0 : 8,
      crc: e.crc ?? crc32(raw!),
      compressed: e.deflated ?? (e.store ? raw! : deflateRawSync(raw!)),
      size: e.declaredSize ?? size,
    };
  }));
}

/**
 * Raw deflate of `chunks` MB of zeros without allocating them: one MB of zeros deflated with a
 * full flush is a self-contained block sequence that can be repeated, then a final empty block.
 */
export function deflatedZeros(megabytes: number): { deflated: Buffer; size: number; crc: number } {
  const mbZeros = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(mbZeros, { finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(mbZeros, crc);
  const parts = new Array<Buffer>(megabytes).fill(block);
  return { deflated: Buffer.concat([...parts, final]), size: megabytes * 1024 * 1024, crc };
}

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function dirEntry(name: string, type: number, child = NOSTREAM, right = NOSTREAM): Buffer {
  const e = Buffer.alloc(128);
  const n = Buffer.from(`${name}\u0000`, 'utf16le');
  n.copy(e, 0);
  e.writeUInt16LE(n.length, 0x40);
  e[0x42] = type;
  e[0x43] = 1;
  e.writeUInt32LE(NOSTREAM, 0x44);
  e.writeUInt32LE(right, 0x48);
  e.writeUInt32LE(child, 0x4c);
  e.writeUInt32LE(ENDOFCHAIN, 0x74);
  return e;
}

/** A minimal CFB (OLE2) container whose directory lists the given (empty) streams. */
export function buildCfb(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(ENDOFCHAIN, 0x3c);
  header.writeUInt32LE(ENDOFCHAIN, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 0x4c + i * 4);
  const dirSectors = Math.ceil((streams.length + 1) / 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  for (let s = 0; s < dirSectors; s++) fat.writeUInt32LE(s === dirSectors - 1 ? ENDOFCHAIN : s + 2, (s + 1) * 4);
  const entries = [dirEntry('Root Entry', 5, streams.length ? 1 : NOSTREAM)];
  streams.forEach((name, i) => entries.push(dirEntry(name, 2, NOSTREAM, i + 2 <= streams.length ? i + 2 : NOSTREAM)));
  const dir = Buffer.alloc(dirSectors * 512);
  entries.forEach((e, i) => e.copy(dir, i * 128));
  return Buffer.concat([header, fat, dir]);
}
