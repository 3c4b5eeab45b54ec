/**
 * The xlsx package patcher of fill (回填): applies a list of FillEdits to a copy of an xlsx
 * package, touching only the parts it must. Untouched parts are copied byte for byte; a touched
 * sheet keeps the text of every row it did not change. Row insertion and deletion move the
 * sheet's cells, formulas, merges, row heights, validations, conditional formats, hyperlinks,
 * page breaks, and the package's comments, VML notes, drawing anchors, defined names and other
 * sheets' references to it. Formulas are never evaluated or added; a formula cell that an edit
 * would overwrite is reported and kept.
 */
import type { FillEdit, FillNotice } from '../../../shared/fill/edits';
import { cloneSheet } from './clone-sheet';
import { shiftChartRefs, shiftDefinedNames, shiftForeignFormulas, shiftSheetParts } from './package-shift';
import { formatCell, type RowShift } from './refs';
import { deleteRows, insertRows, merge, rangeRef, setCellValue, unmerge } from './sheet-edit';
import { SheetXml } from './sheet-xml';
import { XlsxPackage, type WorkbookSheet } from './xlsx-package';
import { UserError } from '../../../shared/errors';

/** What the patcher produced. */
export interface PatchResult {
  readonly data: Buffer;
  readonly notices: FillNotice[];
  /** Number of cells whose value was written. */
  readonly cellsWritten: number;
}

class Patcher {
  private readonly cache = new Map<string, { sheet: SheetXml; original: string }>();
  readonly notices: FillNotice[] = [];
  cellsWritten = 0;
  private sheets: WorkbookSheet[];

  constructor(readonly pkg: XlsxPackage) {
    this.sheets = pkg.sheets();
  }

  private sheetAt(index: number): WorkbookSheet {
    const s = this.sheets[index];
    if (!s || !s.part) throw new UserError('FILL_BAD_EDIT', `回填目标中没有第 ${index + 1} 个工作表`);
    return s;
  }

  private parsed(part: string): SheetXml {
    let entry = this.cache.get(part);
    if (!entry) {
      const original = this.pkg.read(part);
      if (original === null) throw new UserError('FILL_BAD_PACKAGE', `工作簿缺少部件 ${part}`);
      entry = { sheet: SheetXml.parse(original), original };
      this.cache.set(part, entry);
    }
    return entry.sheet;
  }

  apply(edit: FillEdit): void {
    const target = this.sheetAt(edit.sheet);
    const sheet = this.parsed(target.part);
    const onBroken = (cell: string) => this.notices.push({ level: 'warning', sheet: target.name, cell, message: `工作表「${target.name}」${cell} 的公式引用了已删除的行，请核对` });
    switch (edit.kind) {
      case 'setCell': {
        const outcome = setCellValue(sheet, edit.row, edit.col, edit.value);
        if (outcome === 'written') this.cellsWritten++;
        if (outcome === 'formula') {
          const cell = formatCell(edit.row, edit.col);
          this.notices.push({ level: 'warning', sheet: target.name, cell, message: `工作表「${target.name}」${cell} 是公式单元格，未改写（应为「${String(edit.value ?? '')}」），请手工核对` });
        }
        return;
      }
      case 'insertRows':
        if (edit.count > 0) this.afterShift(target, insertRows(sheet, edit.at, edit.count, edit.styleFrom, target.name, onBroken));
        return;
      case 'deleteRows':
        if (edit.count > 0) this.afterShift(target, deleteRows(sheet, edit.at, edit.count, target.name, onBroken));
        return;
      case 'merge':
        merge(sheet, edit.range);
        return;
      case 'unmerge':
        unmerge(sheet, edit.range);
        return;
      case 'cloneSheet':
        this.clone(edit.sheet, edit.name, edit.position, sheet);
        return;
    }
  }

  private afterShift(target: WorkbookSheet, s: RowShift): void {
    shiftSheetParts(this.pkg, target, s, this.notices);
    shiftChartRefs(this.pkg, target.name, s);
    const wbPart = this.pkg.workbookPart();
    const wb = this.pkg.read(wbPart) ?? '';
    const next = shiftDefinedNames(wb, target.name, s, this.notices);
    if (next !== wb) this.pkg.write(wbPart, next);
    const quoted = `'${target.name.replace(/'/g, "''")}'!`;
    for (const other of this.sheets) {
      if (other === target || !other.part) continue;
      const cached = this.cache.get(other.part);
      const text = cached ? null : this.pkg.read(other.part);
      if (text !== null && !text.includes(`${target.name}!`) && !text.includes(quoted)) continue;
      shiftForeignFormulas(this.parsed(other.part), other.name, target.name, s, this.notices);
    }
  }

  private clone(index: number, name: string, position: number, sheet: SheetXml): void {
    if (position < 0 || position > this.sheets.length) throw new UserError('FILL_BAD_EDIT', `工作表位置 ${position + 1} 无效`);
    this.flush();
    cloneSheet(this.pkg, index, sheet.toString(), name, position, this.notices);
    this.cache.clear();
    this.sheets = this.pkg.sheets();
  }

  /** Formulas moved so far (in sheets flushed before a clone, and in the cached ones). */
  private formulasMoved = 0;

  /**
   * When formulas moved, asks Excel/WPS/LibreOffice to recalculate on open (`fullCalcOnLoad`):
   * their cached results were computed for the old rows. Nothing is evaluated here.
   */
  recalcOnLoad(): void {
    const moved = this.formulasMoved + [...this.cache.values()].reduce((n, e) => n + e.sheet.formulasMoved, 0);
    if (moved === 0) return;
    const wbPart = this.pkg.workbookPart();
    const xml = this.pkg.read(wbPart);
    if (xml === null || /fullCalcOnLoad="(?:1|true)"/.test(xml)) return;
    const next = /<(\w+:)?calcPr\b/.test(xml) ? xml.replace(/<((?:\w+:)?calcPr)\b/, '<$1 fullCalcOnLoad="1"') : withCalcPr(xml);
    this.pkg.write(wbPart, next);
    this.notices.push({ level: 'info', message: `有 ${moved} 个公式的引用随插入/删除的行移动，已设置为打开时重新计算` });
  }

  /** Writes every changed sheet back into the package. */
  flush(): void {
    for (const [part, { sheet, original }] of this.cache) {
      this.formulasMoved += sheet.formulasMoved;
      sheet.formulasMoved = 0;
      const text = sheet.toString();
      if (text !== original) this.pkg.write(part, text);
    }
  }
}

/** Adds `<calcPr fullCalcOnLoad="1"/>` where CT_Workbook puts it: after sheets, externalReferences and definedNames. */
function withCalcPr(xml: string): string {
  const prefix = /<(\w+:)?workbook\b/.exec(xml)?.[1] ?? '';
  let at = -1;
  for (const m of xml.matchAll(/<\/(?:\w+:)?(?:sheets|functionGroups|externalReferences|definedNames)>|<(?:\w+:)?functionGroups\b[^>]*\/>/g)) at = m.index + m[0].length;
  if (at < 0) return xml;
  return `${xml.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

/**
 * Applies the edits in order to a copy of the xlsx bytes `input` and returns the new package.
 * @throws UserError (FILL_BAD_PACKAGE) when the package cannot be opened, (FILL_BAD_EDIT) when an
 *   edit names a sheet that does not exist.
 */
export function patchXlsx(input: Buffer, fileName: string, edits: readonly FillEdit[]): PatchResult {
  const pkg = new XlsxPackage(input, fileName);
  const patcher = new Patcher(pkg);
  for (const edit of edits) patcher.apply(edit);
  patcher.recalcOnLoad();
  patcher.flush();
  return { data: pkg.toBuffer(), notices: patcher.notices, cellsWritten: patcher.cellsWritten };
}

export { rangeRef };
