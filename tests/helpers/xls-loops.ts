/**
 * Damaged legacy .xls files that make SheetJS 0.20.3 loop (issue 14), built from a small
 * workbook the library writes itself: a BIFF8 ExternSheet record one byte long (the count is
 * read past the record: NaN, `while (len-- !== 0)` never ends), a SummaryInformation property
 * set announcing 0xFFFFFFF0 properties (`for (i = 0; i != NumProps; ++i)`), and a
 * DocumentSummaryInformation whose user-defined set has a dictionary of 0xFFFFFFF0 entries
 * (`for (j = 0; j != cnt; ++j)`).
 */
import * as XLSX from '@e965/xlsx';

const CFB = XLSX.CFB as {
  read(data: Buffer, opts: { type: 'buffer' }): unknown;
  find(cfb: unknown, path: string): { content: Uint8Array } | null;
  write(cfb: unknown, opts: { type: 'buffer' }): Buffer;
  utils: { cfb_add(cfb: unknown, name: string, content: Buffer): unknown; cfb_del(cfb: unknown, name: string): boolean };
};

function baseXls(): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['项目名称', '循环测试项目'], ['年度资金总额', 100]]), '表1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

/** A property set stream: header, one set at offset 48 announcing `count` properties, no room for them. */
function propertySet(count: number): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt16LE(0xfffe, 0);
  b.writeUInt32LE(1, 24);
  Buffer.from('e0859ff2f94f6810ab9108002b27b3d9', 'hex').copy(b, 28);
  b.writeUInt32LE(48, 44);
  b.writeUInt32LE(16, 48);
  b.writeUInt32LE(count, 52);
  return b;
}

/**
 * DocumentSummaryInformation with two sets: an empty first set, and a user-defined second set
 * holding a dictionary (property 0) that announces `count` entries and a code page (property 1).
 */
function dictionarySets(count: number): Buffer {
  const b = Buffer.alloc(160);
  b.writeUInt16LE(0xfffe, 0);
  b.writeUInt32LE(2, 24);
  Buffer.from('02d5cdd59c2e1b10939708002b2cf9ae', 'hex').copy(b, 28);
  b.writeUInt32LE(68, 44);
  Buffer.from('05d5cdd59c2e1b10939708002b2cf9ae', 'hex').copy(b, 48);
  b.writeUInt32LE(76, 64);
  // Set 0 at 68: size 8, no properties.
  b.writeUInt32LE(8, 68);
  // Set 1 at 76: size, 2 properties: 0 (dictionary) at +24, 1 (code page) at +28.
  b.writeUInt32LE(40, 76);
  b.writeUInt32LE(2, 80);
  b.writeUInt32LE(0, 84);
  b.writeUInt32LE(24, 88);
  b.writeUInt32LE(1, 92);
  b.writeUInt32LE(28, 96);
  b.writeUInt32LE(count, 100);
  b.writeUInt16LE(2, 104);
  b.writeUInt16LE(1252, 108);
  return b;
}

/** The damaged file of the given kind (see the module comment). */
export function loopingXls(kind: 'short-extern-sheet' | 'property-count' | 'dictionary-count'): Buffer {
  const cfb = CFB.read(baseXls(), { type: 'buffer' });
  if (kind === 'short-extern-sheet') {
    const entry = CFB.find(cfb, '/Workbook')!;
    const stream = Buffer.from(entry.content);
    const bofEnd = 4 + stream.readUInt16LE(2);
    const record = Buffer.from([0x17, 0x00, 0x01, 0x00, 0x16]);
    entry.content = Buffer.concat([stream.subarray(0, bofEnd), record, stream.subarray(bofEnd)]);
    (entry as { size?: number }).size = entry.content.length;
  } else if (kind === 'property-count') {
    CFB.utils.cfb_del(cfb, '/\u0005SummaryInformation');
    CFB.utils.cfb_add(cfb, '/\u0005SummaryInformation', propertySet(0xfffffff0));
  } else {
    CFB.utils.cfb_del(cfb, '/\u0005DocumentSummaryInformation');
    CFB.utils.cfb_add(cfb, '/\u0005DocumentSummaryInformation', dictionarySets(0xfffffff0));
  }
  return CFB.write(cfb, { type: 'buffer' });
}
