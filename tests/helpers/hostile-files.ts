import { serializeProject } from '../../shared/file/project-file';
import { createProject } from '../../shared/model/create';
import { buildCfb, buildZip, deflatedZeros, type TestZipEntry } from './hostile-zip';

/** Builders of hostile and not-quite-xlsx inputs for tests/integration/hostile-files.test.ts. */

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="绩效目标表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A one-sheet xlsx around the given `<sheetData>` inner XML and extra sheet XML after it. */
export function sheetXml(rows: string, after = '', before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
${before}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** An inline-string cell. */
export function textCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A minimal xlsx whose only worksheet part is `sheet` (raw entry for bombs, or XML text). */
export function minimalXlsx(sheet: string | Omit<TestZipEntry, 'name'>): Buffer {
  const sheetEntry: TestZipEntry = typeof sheet === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: sheet } : { name: 'xl/worksheets/sheet1.xml', ...sheet };
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    sheetEntry,
  ]);
}

/** ~2 KB: one value and one merge over the whole sheet (exceljs alone expands 17 billion cells). */
export function wholeSheetMerge(): Buffer {
  return minimalXlsx(sheetXml(`<row r="1">${textCell('A1', '项目名称')}</row>`, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>', ''));
}

/** ~1 MB that inflates to ~1 GB of zeros; `lie` declares a tiny size in the headers. */
export function zipBomb(lie: boolean): Buffer {
  const zeros = deflatedZeros(1024);
  return minimalXlsx({ deflated: zeros.deflated, uncompressedSize: zeros.size, crc: zeros.crc, declaredSize: lie ? 4096 : zeros.size });
}

/** Two overlapping merges (A1:B2 then B2:C3) and values. */
export function overlappingMerges(): Buffer {
  const rows = `<row r="1">${textCell('A1', '项目名称')}${textCell('D1', '其他')}</row><row r="3">${textCell('A3', '第三行')}</row>`;
  return minimalXlsx(sheetXml(rows, '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'));
}

/** Cells and a merge past Excel's grid (XFE1, A1048577). */
export function refsBeyondLimits(): Buffer {
  const rows = `<row r="1">${textCell('A1', '项目名称')}${textCell('XFE1', '越界列')}</row><row r="1048577">${textCell('A1048577', '越界行')}</row>`;
  return minimalXlsx(sheetXml(rows, '<mergeCells count="1"><mergeCell ref="B1:ZZZZ9"/></mergeCells>'));
}

/** Billion laughs: nested entity definitions in a DOCTYPE. */
export function billionLaughs(): Buffer {
  const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
  return minimalXlsx(sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>`, '', `<!DOCTYPE worksheet [${lol}]>`));
}

/** An OOXML file encrypted by Excel/WPS (CFB with EncryptionInfo + EncryptedPackage). */
export function encryptedXlsx(): Buffer {
  return buildCfb(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']);
}

/** A legacy BIFF8 .xls (CFB with a Workbook stream). */
export function legacyXls(): Buffer {
  return buildCfb(['Workbook', '\u0005SummaryInformation']);
}

/** HTML saved with an .xls name (UTF-8 BOM + markup), as many systems export. */
export function htmlAsXls(): Buffer {
  return Buffer.from('\uFEFF<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"></head><body><table><tr><td>项目名称</td></tr></table></body></html>', 'utf8');
}

/** An OpenDocument spreadsheet (.ods): stored `mimetype` first. */
export function odsFile(): Buffer {
  return buildZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
    { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content/>' },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0"?><manifest:manifest/>' },
  ]);
}

/** A project file (.jxmb JSON) handed in as if it were xlsx. */
export function jxmbAsXlsx(): Buffer {
  return Buffer.from(serializeProject(createProject({ fiscalYear: 2024 })), 'utf8');
}

/** Deterministic pseudo-random bytes that start with no known signature. */
export function randomBytes(length = 8192, seed = 12345): Buffer {
  const buf = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    buf[i] = (x >> 16) & 0xff;
  }
  buf[0] = 0x9c;
  buf[1] = 0x01;
  return buf;
}
