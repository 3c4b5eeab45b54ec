/**
 * Moves what other parts of the package hold about a sheet's rows when rows are inserted or
 * deleted there: cell comments (commentsN.xml refs and the legacy VML note anchors), drawing
 * anchors (pictures, shapes, charts), the workbook's defined names (print areas, print titles,
 * named ranges) and formulas of other sheets that point at the sheet.
 */
import type { FillNotice } from '../../../shared/fill/edits';
import { parseCell, formatCell, type RowShift, shiftFormula, shiftRow } from './refs';
import { dropCachedValue, type SheetXml } from './sheet-xml';
import { decodeXml, encodeXml, resolveTarget, type WorkbookSheet, type XlsxPackage } from './xlsx-package';

/** Parts related to a sheet, by relationship type. */
export function sheetRelatedParts(pkg: XlsxPackage, sheetPart: string, kind: 'comments' | 'vmlDrawing' | 'drawing' | 'table'): string[] {
  return pkg.rels(sheetPart)
    .filter((r) => !r.external && r.type.endsWith(`/${kind}`))
    .map((r) => resolveTarget(sheetPart, r.target))
    .filter((p) => pkg.has(p));
}

function shiftComments(pkg: XlsxPackage, part: string, s: RowShift): void {
  const xml = pkg.read(part);
  if (xml === null) return;
  const next = xml.replace(/<(\w+:)?comment\b[^>]*?\sref="([^"]+)"[\s\S]*?<\/(?:\w+:)?comment>/g, (whole, _p: string | undefined, ref: string) => {
    const cell = parseCell(ref);
    if (!cell) return whole;
    const row = shiftRow(cell.row, s);
    if (row === null) return '';
    return row === cell.row ? whole : whole.replace(`ref="${ref}"`, `ref="${formatCell(row, cell.col)}"`);
  });
  if (next !== xml) pkg.write(part, next);
}

function shiftVml(pkg: XlsxPackage, part: string, s: RowShift): void {
  const xml = pkg.read(part);
  if (xml === null) return;
  const next = xml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    const rowM = /<x:Row>(\d+)<\/x:Row>/.exec(shape);
    if (rowM && shiftRow(Number(rowM[1]), s) === null) return '';
    let out = shape.replace(/<x:Row>(\d+)<\/x:Row>/, (_w, r: string) => `<x:Row>${shiftRow(Number(r), s)}</x:Row>`);
    out = out.replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (w, text: string) => {
      const n = text.split(',').map((t) => Number(t.trim()));
      if (n.length !== 8 || n.some((v) => !Number.isFinite(v))) return w;
      n[2] = shiftRow(n[2], s) ?? s.at;
      n[6] = Math.max(n[2], shiftRow(n[6], s) ?? s.at);
      return `<x:Anchor>\n    ${n.join(', ')}</x:Anchor>`;
    });
    return out;
  });
  if (next !== xml) pkg.write(part, next);
}

function shiftDrawing(pkg: XlsxPackage, part: string, s: RowShift): void {
  const xml = pkg.read(part);
  if (xml === null) return;
  const next = xml.replace(/(<(?:\w+:)?row>)(\d+)(<\/(?:\w+:)?row>)/g, (_w, a: string, r: string, b: string) => `${a}${shiftRow(Number(r), s) ?? s.at}${b}`);
  if (next !== xml) pkg.write(part, next);
}

/** Moves comments, VML notes and drawing anchors of the sheet; reports table objects (not moved). */
export function shiftSheetParts(pkg: XlsxPackage, sheet: WorkbookSheet, s: RowShift, notices: FillNotice[]): void {
  for (const part of sheetRelatedParts(pkg, sheet.part, 'comments')) shiftComments(pkg, part, s);
  for (const part of sheetRelatedParts(pkg, sheet.part, 'vmlDrawing')) shiftVml(pkg, part, s);
  for (const part of sheetRelatedParts(pkg, sheet.part, 'drawing')) shiftDrawing(pkg, part, s);
  if (sheetRelatedParts(pkg, sheet.part, 'table').length > 0) {
    notices.push({ level: 'warning', sheet: sheet.name, message: `工作表「${sheet.name}」含有“表格”对象，插入或删除行后其范围未调整，请在 Excel 中核对` });
  }
}

/** Moves the defined names (print area, print titles, named ranges) that point at the sheet. */
export function shiftDefinedNames(workbookXml: string, sheetName: string, s: RowShift, notices: FillNotice[]): string {
  return workbookXml.replace(/(<(?:\w+:)?definedName\b[^>]*>)([^<]*)(<\/(?:\w+:)?definedName>)/g, (w, open: string, text: string, close: string) => {
    const moved = shiftFormula(decodeXml(text), sheetName, false, s);
    if (!moved.changed) return w;
    if (moved.broken) notices.push({ level: 'warning', sheet: sheetName, message: `名称 ${/name="([^"]*)"/.exec(open)?.[1] ?? ''} 引用的行已删除，请在 Excel 中核对` });
    return `${open}${encodeXml(moved.text)}${close}`;
  });
}

/** Moves references to `sheetName` in the formulas of another sheet. */
export function shiftForeignFormulas(other: SheetXml, otherName: string, sheetName: string, s: RowShift, notices: FillNotice[]): void {
  for (const r of other.rows) {
    for (const c of r.cells) {
      if (c.body === null || !c.body.includes('!')) continue;
      const body = c.body.replace(/(<(?:\w+:)?f\b[^>]*>)([^<]*)(<\/(?:\w+:)?f>)/, (w, a: string, f: string, b: string) => {
        const moved = shiftFormula(decodeXml(f), sheetName, false, s);
        if (!moved.changed) return w;
        if (moved.broken) notices.push({ level: 'warning', sheet: otherName, cell: formatCell(r.index, c.col), message: `工作表「${otherName}」${formatCell(r.index, c.col)} 的公式引用了已删除的行，请核对` });
        return `${a}${encodeXml(moved.text)}${b}`;
      });
      if (body !== c.body) {
        c.body = dropCachedValue(body);
        r.original = null;
        other.formulasMoved++;
      }
    }
  }
}

/** Moves the series and label references of charts (`<c:f>Sheet!$B$2:$B$9</c:f>`) that point at the sheet. */
export function shiftChartRefs(pkg: XlsxPackage, sheetName: string, s: RowShift): void {
  for (const part of pkg.names().filter((n) => /^xl\/charts\/chart[^/]*\.xml$/.test(n))) {
    const xml = pkg.read(part);
    if (xml === null || !xml.includes(`${sheetName}`)) continue;
    const next = xml.replace(/(<(?:\w+:)?f>)([^<]*)(<\/(?:\w+:)?f>)/g, (w, a: string, f: string, b: string) => {
      const moved = shiftFormula(decodeXml(f), sheetName, false, s);
      return moved.changed ? `${a}${encodeXml(moved.text)}${b}` : w;
    });
    if (next !== xml) pkg.write(part, next);
  }
}
