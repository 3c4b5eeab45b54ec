import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { patchXlsx } from '../../electron/services/fill/patch-xlsx';
import { shiftFormula, shiftRefToken, shiftSqref } from '../../electron/services/fill/refs';
import { SheetXml } from '../../electron/services/fill/sheet-xml';
import { XlsxPackage } from '../../electron/services/fill/xlsx-package';

/**
 * The fill patcher on hand-written OOXML: reference shifting (cells, ranges, whole rows,
 * formulas with strings and function names), a sheet that round-trips to identical text when
 * untouched, and a package whose untouched parts keep their exact compressed bytes.
 */

describe('row shifts of references', () => {
  const ins = { at: 4, delta: 2 };
  const del = { at: 4, delta: -2 };
  it('moves cells at or below the insertion, grows ranges across it', () => {
    expect(shiftRefToken('B4', ins)).toBe('B4');
    expect(shiftRefToken('B5', ins)).toBe('B7');
    expect(shiftRefToken('$B$5:$D$9', ins)).toBe('$B$7:$D$11');
    expect(shiftRefToken('A2:C5', ins)).toBe('A2:C7');
    expect(shiftRefToken('$1:$3', ins)).toBe('$1:$3');
    expect(shiftRefToken('A:C', ins)).toBe('A:C');
  });
  it('drops deleted cells, shrinks ranges over deleted rows', () => {
    expect(shiftRefToken('B5', del)).toBeNull();
    expect(shiftRefToken('B7', del)).toBe('B5');
    expect(shiftRefToken('A2:C9', del)).toBe('A2:C7');
    expect(shiftRefToken('A5:C6', del)).toBeNull();
    expect(shiftSqref('A1 B5 C8:C9', del)).toBe('A1 C6:C7');
  });
  it('formulas: own and qualified references move, strings and function names do not', () => {
    expect(shiftFormula('SUM(B5:B9)+LOG10(A9)&"A9"', 'S', true, ins).text).toBe('SUM(B7:B11)+LOG10(A11)&"A9"');
    expect(shiftFormula("'表 1'!C9+Other!C9+C9", '表 1', false, ins).text).toBe("'表 1'!C11+Other!C9+C9");
    const broken = shiftFormula('B5*2', 'S', true, del);
    expect(broken).toEqual({ text: '#REF!*2', broken: true, changed: true });
  });
});

const SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C4"/>'
  + '<sheetData><row r="1" ht="30" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c></row>'
  + '<row r="2"><c r="A2" s="2"><v>5</v></c><c r="B2" s="3"><f>A2*2</f><v>10</v></c></row>'
  + '<row r="3" ht="20" customHeight="1"><c r="A3" s="2"/><c r="B3" s="4"/></row><row r="4"><c r="C4"><f>SUM(A2:A3)</f><v>5</v></c></row></sheetData>'
  + '<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="B4"><formula1>"是,否"</formula1></dataValidation></dataValidations>'
  + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

function pkg(sheet = SHEET): Buffer {
  const parts = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'表1\'!$A$1:$C$4</definedName></definedNames></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheet,
    'xl/styles.xml': '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, strToU8(data)])), { level: 6 }));
}

describe('sheet XML patching', () => {
  it('an untouched sheet serializes to the identical text', () => {
    expect(SheetXml.parse(SHEET).toString()).toBe(SHEET);
  });

  it('insertion moves rows, formulas, merges, validations and print areas; new rows copy the style row', () => {
    const out = new XlsxPackage(patchXlsx(pkg(), 't.xlsx', [{ kind: 'insertRows', sheet: 0, at: 2, count: 2, styleFrom: 2 }]).data, 't.xlsx');
    const xml = out.read('xl/worksheets/sheet1.xml')!;
    expect(xml).toContain('<row r="3" ht="20" customHeight="1"><c r="A3" s="2"/><c r="B3" s="4"/></row>');
    expect(xml).toContain('<row r="5" ht="20" customHeight="1"><c r="A5" s="2"/><c r="B5" s="4"/></row>');
    expect(xml).toContain('<c r="C6"><f>SUM(A2:A5)</f></c>');
    expect(xml).toContain('<mergeCell ref="A5:B5"/>');
    expect(xml).toContain('<mergeCell ref="A3:B3"/>');
    expect(xml).toContain('sqref="B6"');
    expect(xml).toContain('<row r="2"><c r="A2" s="2"><v>5</v></c><c r="B2" s="3"><f>A2*2</f><v>10</v></c></row>');
    expect(out.read('xl/workbook.xml')).toContain("'表1'!$A$1:$C$6");
    expect(out.read('xl/workbook.xml')).toContain('</definedNames><calcPr fullCalcOnLoad="1"/></workbook>');
  });

  it('a value keeps its cell style; a formula cell is reported, not written; untouched parts keep their bytes', () => {
    const input = pkg();
    const result = patchXlsx(input, 't.xlsx', [
      { kind: 'setCell', sheet: 0, row: 2, col: 1, value: '新值 & <文本>' },
      { kind: 'setCell', sheet: 0, row: 1, col: 1, value: 99 },
    ]);
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0].cell).toBe('B2');
    const out = new XlsxPackage(result.data, 't.xlsx');
    expect(out.read('xl/worksheets/sheet1.xml')).toContain('<c r="B3" s="4" t="inlineStr"><is><t>新值 &amp; &lt;文本&gt;</t></is></c>');
    const before = new XlsxPackage(input, 'a');
    for (const part of ['xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml']) {
      expect(out.readBytes(part)!.equals(before.readBytes(part)!)).toBe(true);
    }
    const raw = (b: Buffer, name: string) => b.subarray(b.indexOf(Buffer.from(name)) + name.length, b.indexOf(Buffer.from(name)) + name.length + 40);
    expect(raw(result.data, 'xl/styles.xml').equals(raw(input, 'xl/styles.xml'))).toBe(true);
  });

  it('chart series pointing below the insertion move with it', () => {
    const input = pkg();
    const withChart = new XlsxPackage(input, 'c');
    withChart.write('xl/charts/chart1.xml', "<c:chartSpace xmlns:c=\"x\"><c:ser><c:val><c:numRef><c:f>'表1'!$A$2:$A$3</c:f></c:numRef></c:val></c:ser><c:f>Other!$A$9</c:f></c:chartSpace>");
    const out = new XlsxPackage(patchXlsx(withChart.toBuffer(), 't.xlsx', [{ kind: 'insertRows', sheet: 0, at: 2, count: 2, styleFrom: 1 }]).data, 't.xlsx');
    expect(out.read('xl/charts/chart1.xml')).toContain("<c:f>'表1'!$A$2:$A$5</c:f>");
    expect(out.read('xl/charts/chart1.xml')).toContain('<c:f>Other!$A$9</c:f>');
  });

  it('cloning a sheet adds it to the workbook, its relationships, content types and local print area', () => {
    const out = new XlsxPackage(patchXlsx(pkg(), 't.xlsx', [{ kind: 'cloneSheet', sheet: 0, name: '项目二', position: 1 }]).data, 't.xlsx');
    expect(out.sheets().map((s) => s.name)).toEqual(['表1', '项目二']);
    expect(out.read('xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">项目二!$A$1:$C$4</definedName>');
    expect(out.read('[Content_Types].xml')).toContain('/xl/worksheets/sheet2.xml');
    expect(out.read('xl/worksheets/sheet2.xml')).toBe(SHEET);
  });
});
