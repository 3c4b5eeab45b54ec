/**
 * Structural checks of a legacy .xls / WPS .et container (OLE2 / CFB) before SheetJS parses it,
 * run in the parse child. Some damage makes SheetJS 0.20.3 loop until the child's time limit
 * stops it (issue 14); those inputs are caught here in milliseconds instead:
 * - an ExternSheet record (0x0017) too short to hold its count: the library reads the count past
 *   the record (NaN) and `while (len-- !== 0)` never ends → the file is refused (the workbook
 *   stream itself is damaged);
 * - a property set (SummaryInformation, DocumentSummaryInformation) announcing more properties
 *   (or dictionary entries) than its stream can hold: the library's `for (i = 0; i != NumProps;
 *   ++i)` runs up to 2^32 times → only that stream is dropped (document properties are not needed to read the
 *   sheets; SheetJS already ignores a property set it cannot read), the sheets are read.
 * Containers the library's CFB reader cannot open are left to the library (its own message).
 */
import * as XLSX from '@e965/xlsx';
import { xlsxError } from './xlsx-errors';

interface CfbEntry {
  readonly name: string;
  readonly content?: Uint8Array;
}

interface CfbContainer {
  readonly FileIndex: CfbEntry[];
  readonly FullPaths: string[];
}

/** SheetJS's own CFB reader (the structure the library parses), typed as far as used here. */
const CFB = XLSX.CFB as {
  read(data: Buffer, opts: { type: 'buffer' }): CfbContainer;
  write(cfb: CfbContainer, opts: { type: 'buffer' }): Buffer;
  utils: { cfb_del(cfb: CfbContainer, name: string): boolean };
};

const EXTERN_SHEET = 0x0017;
const BOF = 0x0809;
const PROPERTY_STREAMS = ['\u0005SummaryInformation', '\u0005DocumentSummaryInformation'];

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

/** True when a BIFF8 ExternSheet record of the globals is shorter than its 2-byte count. */
function hasShortExternSheet(stream: Uint8Array): boolean {
  let biff8 = false;
  for (let p = 0; p + 4 <= stream.length;) {
    const type = u16(stream, p);
    const length = u16(stream, p + 2);
    // BOF: version 0x0600 is BIFF8 (the only version whose ExternSheet carries a count).
    if (type === BOF && length >= 2) biff8 = u16(stream, p + 4) === 0x0600;
    if (type === EXTERN_SHEET && biff8 && length < 2) return true;
    p += 4 + length;
  }
  return false;
}

/**
 * True when a property set stream announces more properties than it can hold (each takes
 * 8 bytes of id and offset), or a dictionary (property 0) more entries than fit (each at least
 * 8 bytes; the library loops `for (j = 0; j != cnt; ++j)` too), or a header lies past the end
 * ([MS-OLEPS] 2.17–2.21).
 */
function propertySetBroken(stream: Uint8Array): boolean {
  if (stream.length < 48) return false;
  const sets = u32(stream, 24);
  if (sets !== 1 && sets !== 2) return false;
  for (let k = 0; k < sets; k++) {
    const offsetAt = 28 + k * 20 + 16;
    if (offsetAt + 4 > stream.length) return true;
    const offset = u32(stream, offsetAt);
    if (offset + 8 > stream.length) return true;
    const count = u32(stream, offset + 4);
    if (count > (stream.length - offset - 8) / 8) return true;
    for (let i = 0; i < count; i++) {
      if (u32(stream, offset + 8 + i * 8) !== 0) continue;
      const at = offset + u32(stream, offset + 12 + i * 8);
      if (at + 4 > stream.length || u32(stream, at) > (stream.length - at - 4) / 8) return true;
    }
  }
  return false;
}

/**
 * The bytes to hand SheetJS for a CFB workbook: `buf` itself, or a copy without a damaged
 * property set stream. Throws XLSX_CORRUPT (naming the file) for a damaged workbook stream
 * that would make the library loop.
 */
export function guardCfbWorkbook(buf: Buffer, fileName: string): Buffer {
  let cfb: CfbContainer;
  try {
    cfb = CFB.read(buf, { type: 'buffer' });
  } catch {
    return buf;
  }
  const stream = (name: string) => cfb.FileIndex.find((e, i) => e.name === name && /^[^/]*\/[^/]*$/.test(cfb.FullPaths[i]))?.content;
  const workbook = stream('Workbook') ?? stream('Book');
  if (workbook && hasShortExternSheet(workbook)) {
    throw xlsxError('XLSX_CORRUPT', fileName, '工作簿中的工作表引用记录不完整');
  }
  const broken = PROPERTY_STREAMS.filter((name) => {
    const content = stream(name);
    return content !== undefined && propertySetBroken(content);
  });
  if (broken.length === 0) return buf;
  for (const name of broken) CFB.utils.cfb_del(cfb, `/${name}`);
  return CFB.write(cfb, { type: 'buffer' });
}
