import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../../electron/services/xlsx/limits';
import { parseWorkbookBuffer } from '../../electron/services/xlsx/parse-workbook';
import { SHEETJS_VERSION } from '../../electron/services/xlsx/sheetjs-read';
import { sniffFormat } from '../../electron/services/xlsx/sniff';
import { buildCfb, buildZip } from '../helpers/hostile-zip';
import { phoneticRuns } from '../helpers/quirk-files';

/**
 * Format sniffing by content and the text formats (HTML tables saved as .xls, SpreadsheetML
 * 2003) in their real encodings, parsed in-process (the worker runs the same parseWorkbookBuffer).
 */

const L = resolveLimits();
const values = (buf: Buffer, name: string) => parseWorkbookBuffer(buf, name, L).sheets.map((s) => s.rows.map((r) => r.map((c) => c?.value ?? null)));

describe('the spreadsheet library', () => {
  it('is the pinned SheetJS 0.20.3 (sheetjs-read.ts relies on its dense sheets and !fullref)', () => {
    expect(SHEETJS_VERSION).toBe('0.20.3');
  });
});

describe('sniffFormat tells the format by content, whatever the name', () => {
  const cases: [string, Buffer, string, string][] = [
    ['xlsx named .xls', phoneticRuns(), 'a.xls', 'xlsx'],
    ['xlsb', buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: 'x' }]), 'a.xlsx', 'xlsb'],
    ['ods', buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }, { name: 'content.xml', data: '<x/>' }]), 'a.xls', 'ods'],
    ['BIFF8 xls', buildCfb(['Workbook', '\u0005SummaryInformation']), 'a.xlsx', 'xls'],
    ['WPS et by stream', buildCfb(['Workbook', 'ETExtData']), 'a.xls', 'et'],
    ['WPS et by name', buildCfb(['Workbook']), '表.et', 'et'],
    ['SpreadsheetML 2003', Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'), 'a.xls', 'xml2003'],
    ['HTML table', Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'a.xls', 'html'],
  ];
  it.each(cases)('%s', (_label, buf, name, format) => {
    expect(sniffFormat(buf, name, L).format).toBe(format);
  });

  it('CSV, MHTML and a .docx are still refused with a Chinese message naming the file', () => {
    expect(() => sniffFormat(Buffer.from('项目名称,金额\n道路,5\n'), '表.xls', L)).toThrow(/“表\.xls”不是 Excel 表格.*CSV/);
    expect(() => sniffFormat(Buffer.from('MIME-Version: 1.0\r\n'), '网页.xls', L)).toThrow(/“网页\.xls”.*网页/);
    expect(() => sniffFormat(buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w/>' }]), 'a.xlsx', L)).toThrow(/Word 文档/);
  });
});

describe('text formats in their real encodings', () => {
  const table = '<table><tr><td>项目名称</td><td>农村道路养护</td></tr><tr><td>年度资金总额</td><td>95%</td></tr></table>';

  it('HTML in GB2312 (declared by <meta>) reads as Chinese; cells are the text the page shows', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${table}</body></html>`;
    const bytes = encodeGb18030(html);
    expect(bytes.includes(Buffer.from('项目', 'utf8'))).toBe(false);
    expect(values(bytes, '导出.xls')).toEqual([[['项目名称', '农村道路养护'], ['年度资金总额', '95%']]]);
  });

  it('HTML in UTF-8 without any declaration, and in UTF-16 with a BOM', () => {
    const html = `<html><body>${table}</body></html>`;
    expect(values(Buffer.from(html, 'utf8'), 'a.xls')[0][0]).toEqual(['项目名称', '农村道路养护']);
    expect(values(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]), 'b.xls')[0][0]).toEqual(['项目名称', '农村道路养护']);
  });

  it('SpreadsheetML 2003: values, merges, column widths and number formats', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="p"><NumberFormat ss:Format="0%"/></Style></Styles>
<Worksheet ss:Name="项目表"><Table><Column ss:Width="75"/><Row><Cell ss:MergeAcross="1"><Data ss:Type="String">项目名称</Data></Cell><Cell><Data ss:Type="String">农村道路养护</Data></Cell></Row>
<Row><Cell ss:StyleID="p"><Data ss:Type="Number">0.25</Data></Cell></Row></Table></Worksheet></Workbook>`;
    const wb = parseWorkbookBuffer(Buffer.from(xml, 'utf8'), '表.xls', L);
    expect(wb.sheets[0].name).toBe('项目表');
    expect(wb.sheets[0].rows.map((r) => r.map((c) => c?.value ?? null))).toEqual([['项目名称', null, '农村道路养护'], [0.25, null, null]]);
    expect(wb.sheets[0].rows[1][0]?.numFmt).toBe('0%');
    expect(wb.sheets[0].merges).toEqual([{ row: 0, col: 0, rowspan: 1, colspan: 2 }]);
    expect(wb.sheets[0].colWidths[0]).toBeGreaterThan(0);
  });

  it('SpreadsheetML with a DOCTYPE/ENTITY declaration is refused', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>';
    expect(() => parseWorkbookBuffer(Buffer.from(xml), '表.xml', L)).toThrow(/DOCTYPE\/ENTITY/);
  });
});

/** GB18030 bytes of a string (Node has no encoder for it: the decoder's table is inverted for the characters used). */
function encodeGb18030(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(map.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}

describe('hostile spans in the text formats are bounded to the read limits', () => {
  const small = { ...L, maxRows: 40, maxCols: 8 };
  it('HTML colspan/rowspan of 1,000,000,000', () => {
    const html = '<html><body><table><tr><td colspan="1000000000" rowspan="1000000000">项目名称</td><td>x</td></tr></table></body></html>';
    const wb = parseWorkbookBuffer(Buffer.from(html), '表.xls', small);
    expect(wb.sheets[0].rows[0][0]?.value).toBe('项目名称');
    expect(wb.sheets[0].merges).toEqual([{ row: 0, col: 0, rowspan: 40, colspan: 8 }]);
  });

  it('SpreadsheetML MergeAcross/MergeDown/Index/Span of 1,000,000,000', () => {
    const xml = '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table><Column ss:Index="1" ss:Span="1000000000" ss:Width="30"/><Row><Cell ss:MergeAcross="1000000000" ss:MergeDown="1000000000"><Data ss:Type="String">项目</Data></Cell></Row><Row ss:Index="1000000000"><Cell ss:Index="1000000000"><Data ss:Type="String">z</Data></Cell></Row></Table></Worksheet></Workbook>';
    const wb = parseWorkbookBuffer(Buffer.from(xml), '表.xml', small);
    expect(wb.sheets[0].rows[0][0]?.value).toBe('项目');
    expect(wb.sheets[0].rows.length).toBeLessThanOrEqual(40);
    expect(JSON.stringify(wb.sheets[0].rows)).not.toContain('"z"');
  });
});

describe('size of the text formats', () => {
  it('an HTML workbook larger than one part may be is refused before parsing, naming the file', () => {
    const html = Buffer.from(`<html><body><table>${'<tr><td>项目</td></tr>'.repeat(2000)}</table></body></html>`);
    expect(() => parseWorkbookBuffer(html, '导出.xls', { ...L, maxPartBytes: 10_000 })).toThrow(/“导出\.xls”过大.*上限/);
  });
});
