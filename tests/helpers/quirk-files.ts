import { buildZip, type TestZipEntry } from './hostile-zip';

/**
 * Builders of workbooks with the real-Excel quirks of issue 14 (phonetic runs, whole-column
 * defined names, prefixed XML, absolute part paths, bad encodings, CRC and part errors, huge
 * attribute values, uncached formulas, date cells), for tests/integration/real-excel-quirks.test.ts.
 * Each is a complete, small xlsx written part by part, the way the various writers do it.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface QuirkSheet {
  readonly name: string;
  /** Full worksheet XML. */
  readonly xml: string | Buffer;
  /** Part name inside the zip (default `xl/worksheets/sheetN.xml`). */
  readonly part?: string;
  /** Relationship target written in the workbook rels (default relative to xl/). */
  readonly target?: string;
  /** Extra entries belonging to the sheet (rels, comments). */
  readonly extra?: readonly TestZipEntry[];
}

export interface QuirkBook {
  readonly sheets: readonly QuirkSheet[];
  readonly sharedStrings?: string | Buffer;
  readonly styles?: string;
  /** Inner XML placed after `<sheets>` in workbook.xml (definedNames). */
  readonly workbookExtra?: string;
  /** Root rels target of the workbook part (default `xl/workbook.xml`). */
  readonly workbookTarget?: string;
  /** Parts added as they are (to duplicate or add entries). */
  readonly extraEntries?: readonly TestZipEntry[];
  /** Sheets listed in workbook.xml whose part is not written. */
  readonly missingSheets?: readonly { name: string; target: string }[];
}

function contentTypes(book: QuirkBook): string {
  const sheets = book.sheets.map((s, i) => `<Override PartName="/${s.part ?? `xl/worksheets/sheet${i + 1}.xml`}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  const sst = book.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '';
  const styles = book.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : '';
  return `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets}${sst}${styles}<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`;
}

/** Builds the xlsx; see QuirkBook. */
export function quirkXlsx(book: QuirkBook): Buffer {
  const listed = [
    ...book.sheets.map((s, i) => ({ name: s.name, target: s.target ?? (s.part ? `/${s.part}` : `worksheets/sheet${i + 1}.xml`) })),
    ...(book.missingSheets ?? []),
  ];
  const sheetTags = listed.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = listed.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.target}"/>`);
  if (book.sharedStrings) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (book.styles) rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
  const entries: TestZipEntry[] = [
    { name: '[Content_Types].xml', data: contentTypes(book) },
    { name: '_rels/.rels', data: `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${book.workbookTarget ?? 'xl/workbook.xml'}"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetTags}</sheets>${book.workbookExtra ?? ''}</workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${XML_DECL}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>` },
  ];
  book.sheets.forEach((s, i) => {
    entries.push({ name: s.part ?? `xl/worksheets/sheet${i + 1}.xml`, data: s.xml });
    entries.push(...(s.extra ?? []));
  });
  if (book.sharedStrings) entries.push({ name: 'xl/sharedStrings.xml', data: book.sharedStrings });
  if (book.styles) entries.push({ name: 'xl/styles.xml', data: book.styles });
  entries.push(...(book.extraEntries ?? []));
  return buildZip(entries);
}

/** A worksheet around `rows` (inner XML of sheetData), `after` (merges…) and `before` (cols…). */
export function worksheet(rows: string, after = '', before = ''): string {
  return `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** A shared-string cell (`<c t="s">`). */
export function sstCell(ref: string, index: number): string {
  return `<c r="${ref}" t="s"><v>${index}</v></c>`;
}

/** A number cell with an optional style index. */
export function numCell(ref: string, n: number, style?: number): string {
  return `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${n}</v></c>`;
}

/** An inline-string cell. */
export function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A sharedStrings part from `<si>` inner XMLs. */
export function sharedStrings(items: readonly string[]): string {
  return `${XML_DECL}<sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<si>${i}</si>`).join('')}</sst>`;
}

/** styles.xml with cellXfs: 0 General, 1 `yyyy-mm-dd` (numFmt 164), 2 `#,##0.00` (built-in 4). */
export const DATE_STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** Rich text with a phonetic run in sharedStrings (as Excel writes CJK text) and an inline string with phoneticPr. */
export function phoneticRuns(): Buffer {
  const sst = sharedStrings([
    '<t>项目名称</t>',
    '<r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t>农村</t></r><r><rPr><b/><sz val="11"/></rPr><t>道路养护</t></r><rPh sb="0" eb="2"><t>ノウソン</t></rPh><phoneticPr fontId="1" type="noConversion"/>',
    '<t>绩效目标</t><rPh sb="0" eb="2"><t>セイカ</t></rPh><phoneticPr fontId="1"/>',
  ]);
  const rows = `<row r="1">${sstCell('A1', 0)}${sstCell('B1', 1)}</row><row r="2">${sstCell('A2', 2)}<c r="B2" t="inlineStr"><is><r><t>提高</t></r><r><t>通行能力</t></r><rPh sb="0" eb="1"><t>テイ</t></rPh><phoneticPr fontId="1"/></is></c></row>`;
  return quirkXlsx({ sheets: [{ name: '项目表', xml: worksheet(rows) }], sharedStrings: sst });
}

/** Whole-column autofilter and print-area names exactly as Excel writes them. */
export function wholeColumnNames(): Buffer {
  const names = '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">项目表!$A$1:$G$1048576</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">项目表!$A:$G</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">项目表!$1:$2</definedName><definedName name="全表">项目表!$1:$1048576</definedName></definedNames>';
  const rows = `<row r="1">${inlineCell('A1', '项目名称')}${inlineCell('B1', '农村道路养护')}</row>`;
  return quirkXlsx({ sheets: [{ name: '项目表', xml: worksheet(rows, '<autoFilter ref="A1:G1048576"/>') }], workbookExtra: names });
}

/** Worksheet and workbook XML with an `x:` namespace prefix, as OpenXML-SDK writers emit. */
export function prefixedXml(): Buffer {
  const rows = `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>项目名称</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>15.96</x:v></x:c></x:row>`;
  const xml = `${XML_DECL}<x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:cols><x:col min="1" max="1" width="20" customWidth="1"/></x:cols><x:sheetData>${rows}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>`;
  const sst = `${XML_DECL}<x:sst xmlns:x="${MAIN}" count="1" uniqueCount="1"><x:si><x:t>农村道路养护</x:t></x:si></x:sst>`;
  return quirkXlsx({ sheets: [{ name: '项目表', xml }], sharedStrings: sst });
}

/** Every part referenced by an absolute path (`/xl/...`), with a comment part, as Python and Java writers do. */
export function absolutePaths(): Buffer {
  const rows = `<row r="1">${inlineCell('A1', '项目名称')}${inlineCell('B1', '农村道路养护')}</row>`;
  const sheetRels = `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/comments" Target="/xl/comments1.xml"/></Relationships>`;
  const comments = `${XML_DECL}<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList><comment ref="B1" authorId="0"><text><t>请核对</t></text></comment></commentList></comments>`;
  return quirkXlsx({
    workbookTarget: '/xl/workbook.xml',
    sheets: [{ name: '项目表', xml: worksheet(rows), target: '/xl/worksheets/sheet1.xml', part: 'xl/worksheets/sheet1.xml',
      extra: [{ name: 'xl/worksheets/_rels/sheet1.xml.rels', data: sheetRels }, { name: 'xl/comments1.xml', data: comments }] }],
  });
}

/** sharedStrings with an invalid UTF-8 byte sequence in string 1, used by cell B2. */
export function invalidUtf8Strings(): Buffer {
  const before = Buffer.from(`${XML_DECL}<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>项目名称</t></si><si><t>林南`, 'utf8');
  const after = Buffer.from('仓镇</t></si></sst>', 'utf8');
  const sst = Buffer.concat([before, Buffer.from([0xff, 0xc3, 0x28]), after]);
  const rows = `<row r="1">${sstCell('A1', 0)}</row><row r="2">${inlineCell('A2', '单位名称')}${sstCell('B2', 1)}</row>`;
  return quirkXlsx({ sheets: [{ name: '项目表', xml: worksheet(rows) }], sharedStrings: sst });
}

/** UTF-16LE string with BOM, its declaration rewritten to UTF-16. */
function utf16(xml: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
}

/** The worksheet and sharedStrings parts written in UTF-16 (legal XML; some old writers do it). */
export function utf16Parts(): Buffer {
  const rows = `<row r="1">${sstCell('A1', 0)}${inlineCell('B1', '农村道路养护')}</row>`;
  return quirkXlsx({ sheets: [{ name: '项目表', xml: utf16(worksheet(rows)) }], sharedStrings: utf16(sharedStrings(['<t>项目名称</t>'])) });
}

/** A normal workbook whose stored sharedStrings has one flipped byte (its CRC no longer matches). */
export function flippedByte(): Buffer {
  const sst = sharedStrings(['<t>项目名称</t>', '<t>林南仓</t>']);
  const rows = `<row r="1">${sstCell('A1', 0)}${sstCell('B1', 1)}</row>`;
  const zip = quirkXlsxWith([{ name: '项目表', xml: worksheet(rows) }], sst);
  const at = zip.indexOf(Buffer.from('林南仓', 'utf8'));
  zip[at] ^= 0x01;
  return zip;
}

/** A workbook whose sharedStrings part is STORED (uncompressed), so its bytes can be edited in place. */
function quirkXlsxWith(sheets: readonly QuirkSheet[], sst: string): Buffer {
  const listed = sheets.map((s, i) => ({ name: s.name, target: `worksheets/sheet${i + 1}.xml` }));
  const entries: TestZipEntry[] = [
    { name: '[Content_Types].xml', data: contentTypes({ sheets, sharedStrings: sst }) },
    { name: '_rels/.rels', data: `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${listed.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${XML_DECL}<Relationships xmlns="${PKG_REL}">${listed.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.target}"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>` },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
    { name: 'xl/sharedStrings.xml', data: sst, store: true },
  ];
  return buildZip(entries);
}

/** Two zip entries named xl/worksheets/sheet1.xml with different content. */
export function duplicatePart(): Buffer {
  const first = worksheet(`<row r="1">${inlineCell('A1', '项目名称')}${inlineCell('B1', '甲项目')}</row>`);
  const second = worksheet(`<row r="1">${inlineCell('A1', '项目名称')}${inlineCell('B1', '乙项目')}</row>`);
  return quirkXlsx({ sheets: [{ name: '项目表', xml: first }], extraEntries: [{ name: 'xl/worksheets/sheet1.xml', data: second }] });
}

/** Two sheets listed in workbook.xml; the second one's part is absent from the zip. */
export function missingSheetPart(): Buffer {
  const rows = `<row r="1">${inlineCell('A1', '项目名称')}${inlineCell('B1', '农村道路养护')}</row>`;
  return quirkXlsx({ sheets: [{ name: '项目表', xml: worksheet(rows) }], missingSheets: [{ name: '第二个项目', target: 'worksheets/sheet2.xml' }] });
}

/** `<col>` elements with huge min/max values (double- and single-quoted). */
export function hugeColumns(): Buffer {
  const cols = "<cols><col min=\"1\" max=\"4294967296\" width=\"12\" customWidth=\"1\"/><col min='4294967296' max='4294967297' width='9'/><col min=\"2\" max='99999999999' width=\"30\"/></cols>";
  const rows = `<row r="1">${inlineCell('A1', '项目名称')}${inlineCell('B1', '农村道路养护')}</row>`;
  return quirkXlsx({ sheets: [{ name: '项目表', xml: worksheet(rows, '', cols) }] });
}

/**
 * Sheets that try to slip past the pre-scan guard: single-quoted attributes, a second
 * `<mergeCells>` block, a sheet stored at an unusual path, a row far past the read limit.
 */
export function guardBypasses(): Buffer {
  const rows = `<row r='1'>${inlineCell('A1', '项目名称')}</row><row r='900000'><c r='A900000' t='inlineStr'><is><t>远处</t></is></c></row>`;
  const merges = "<mergeCells count='1'><mergeCell ref='A1:XFD1048576'/></mergeCells><mergeCells count=\"1\"><mergeCell ref=\"B1:XFD1000000\"/></mergeCells>";
  const odd = worksheet(`<row r="1">${inlineCell('A1', '单位名称')}</row>`, '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>');
  return quirkXlsx({ sheets: [
    { name: '项目表', xml: worksheet(rows, merges) },
    { name: '另一表', xml: odd, part: 'custom/data/table1.xml', target: '/custom/data/table1.xml' },
  ] });
}

/** A SUM formula without a cached value (D5) and one with (D6). */
export function uncachedFormula(): Buffer {
  const rows = `<row r="5">${inlineCell('A5', '年度资金总额')}<c r="D5"><f>SUM(D6:D8)</f></c></row><row r="6"><c r="D6"><f>1+1</f><v>2</v></c></row>`;
  return quirkXlsx({ sheets: [{ name: '项目表', xml: worksheet(rows) }] });
}

/** A date-typed number (45292 = 2024-01-01 with format yyyy-mm-dd) in B1 and an amount with #,##0.00 in B2. */
export function dateCell(): Buffer {
  const rows = `<row r="1">${inlineCell('A1', '年度资金总额')}${numCell('B1', 45292, 1)}</row><row r="2">${numCell('B2', 2024.5, 2)}</row>`;
  return quirkXlsx({ sheets: [{ name: '项目表', xml: worksheet(rows) }], styles: DATE_STYLES });
}

/** A shared-string bomb: one 25,000-character string used by `cells` cells (about 245 KB zipped for 100,000). */
export function sharedStringBomb(cells = 100_000): Buffer {
  const sst = sharedStrings([`<t>${'绩'.repeat(25_000)}</t>`]);
  const rows: string[] = [];
  for (let r = 1; r <= cells / 20; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 20; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}" t="s"><v>0</v></c>`;
    rows.push(`${row}</row>`);
  }
  return quirkXlsx({ sheets: [{ name: '项目表', xml: worksheet(rows.join('')) }], sharedStrings: sst });
}

/** An OpenDocument spreadsheet whose one non-empty cell repeats 1,000,000,000 columns and 100,000,000 rows. */
export function odsRepeatBomb(): Buffer {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="项目表"><table:table-row><table:table-cell office:value-type="string"><text:p>项目名称</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>农村道路养护</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="100000000"><table:table-cell table:number-columns-repeated="1000000000" office:value-type="string"><text:p>重复</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  return buildZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
    { name: 'content.xml', data: content },
    { name: 'styles.xml', data: '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>' },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>' },
  ]);
}

/** Worksheet relationships written relative in the other legal ways: `../xl/worksheets/…` and `./worksheets/…`. */
export function relativePaths(): Buffer {
  const one = worksheet(`<row r="1">${inlineCell('A1', '项目名称')}${inlineCell('B1', '甲项目')}</row>`);
  const two = worksheet(`<row r="1">${inlineCell('A1', '项目名称')}${inlineCell('B1', '乙项目')}</row>`);
  return quirkXlsx({ sheets: [
    { name: '表一', xml: one, part: 'xl/worksheets/sheet1.xml', target: '../xl/worksheets/sheet1.xml' },
    { name: '表二', xml: two, part: 'xl/worksheets/sheet2.xml', target: './worksheets/sheet2.xml' },
  ] });
}

/** An inline string with an invalid UTF-8 sequence in cell C3 of the worksheet itself. */
export function invalidUtf8Inline(): Buffer {
  const head = Buffer.from(worksheet(`<row r="1">${inlineCell('A1', '项目名称')}</row><row r="3">${inlineCell('B3', '单位')}<c r="C3" t="inlineStr"><is><t>官厅@@</t></is></c></row>`), 'utf8');
  const at = head.indexOf(Buffer.from('@@'));
  head[at] = 0xe5;
  head[at + 1] = 0x28;
  return quirkXlsx({ sheets: [{ name: '项目表', xml: head }] });
}
