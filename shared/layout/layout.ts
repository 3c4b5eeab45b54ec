import { getFamily } from '../families';
import type { FamilyDefinition, HeaderCellSpec, MatrixColumnKey } from '../families/types';
import { getAtPath } from '../model/paths';
import type { Indicator, PerformanceTable, ProjectMeta } from '../model/types';
import { formatNumber } from '../values/indicator-value';
import { moneyUnitLabel } from '../values/money';
import { estimateRowHeights } from './row-height';
import type { CellBinding, Level1Group, LayoutCell, Merge, SheetLayout } from './types';

/** Project facts a layout needs (title tokens). */
export type LayoutContext = Pick<ProjectMeta, 'fiscalYear' | 'unitCode' | 'unitName'>;

/** Optional switches of `layout()`. */
export interface LayoutOptions {
  /**
   * Family A only: emit the blank spacer row that ends every 二级 (default true). The printer
   * turns it off for 「隐藏空白指标行」.
   */
  readonly spacerRows?: boolean;
}

/** A run of consecutive indicators sharing a 一级, split into runs sharing a 二级. */
export interface IndicatorGroup {
  readonly level1: string;
  readonly level2Groups: readonly { readonly level2: string; readonly indices: readonly number[] }[];
}

/**
 * Groups indicators into consecutive 一级 runs and, inside them, consecutive 二级 runs.
 * The order of the model is kept: grouping never reorders (STR-12 reports order).
 */
export function groupIndicators(indicators: readonly Indicator[]): IndicatorGroup[] {
  const groups: { level1: string; level2Groups: { level2: string; indices: number[] }[] }[] = [];
  indicators.forEach((ind, i) => {
    let g1 = groups[groups.length - 1];
    if (!g1 || g1.level1 !== ind.level1) {
      g1 = { level1: ind.level1, level2Groups: [] };
      groups.push(g1);
    }
    let g2 = g1.level2Groups[g1.level2Groups.length - 1];
    if (!g2 || g2.level2 !== ind.level2) {
      g2 = { level2: ind.level2, indices: [] };
      g1.level2Groups.push(g2);
    }
    g2.indices.push(i);
  });
  return groups;
}

/** The canonical slot prefix of family A: `指标1:`. */
export function slotPrefix(position: number): string {
  return `指标${position + 1}:`;
}

/** Text of an amount or percent field as shown and printed (source text wins when irregular). */
function fieldText(table: PerformanceTable, spec: HeaderCellSpec): { text: string; number?: number | null; editText?: string } {
  const path = spec.field as string;
  const value = getAtPath(table, path);
  if (spec.style === 'amount' || spec.style === 'percent') {
    const number = typeof value === 'number' ? value : null;
    const irregular = table.amountTexts[path];
    const plain = number == null ? '' : spec.style === 'percent' ? `${formatNumber(number)}%` : formatNumber(number);
    return irregular !== undefined ? { text: irregular, number, editText: irregular } : { text: plain, number };
  }
  return { text: typeof value === 'string' ? value : '' };
}

/** The title of a table as printed. */
export function tableTitle(table: PerformanceTable, ctx: LayoutContext): string {
  return resolveTokens(table.title || getFamily(table.family).defaultTitle, table, ctx);
}

function resolveTokens(text: string, table: PerformanceTable, ctx: LayoutContext): string {
  return text
    .replace(/\{year\}/g, ctx.fiscalYear == null ? '    ' : String(ctx.fiscalYear))
    .replace(/\{unit\}/g, moneyUnitLabel(table.moneyUnit))
    .replace(/\{unitCode\}/g, ctx.unitCode)
    .replace(/\{unitName\}/g, ctx.unitName)
    .replace(/\{projectName\}/g, table.projectName);
}

function level2Label(family: FamilyDefinition, level1: string, level2: string): string {
  const def = family.categories.find((c) => c.name === level1)?.level2.find((d) => d.name === level2);
  return def?.annotation ? `${level2}${def.annotation}` : level2;
}

function headerCells(family: FamilyDefinition, table: PerformanceTable, ctx: LayoutContext): LayoutCell[] {
  const variant = table.ownLevelGoal === null ? 'merged' : 'split';
  const cells: LayoutCell[] = [];
  for (const spec of family.header) {
    if (spec.goalVariant && spec.goalVariant !== variant) continue;
    const base = { row: spec.r, col: spec.c, rowspan: spec.rs ?? 1, colspan: spec.cs ?? 1, style: spec.style };
    if (spec.field) {
      const kind = spec.style === 'amount' ? 'amount' : spec.style === 'percent' ? 'percent' : 'text';
      const binding: CellBinding = { path: spec.field, kind };
      cells.push({ ...base, ...fieldText(table, spec), role: 'field', binding });
    } else {
      const text = spec.text === '{title}' ? tableTitle(table, ctx) : resolveTokens(spec.text ?? '', table, ctx);
      cells.push({ ...base, text, role: spec.style === 'title' || spec.style === 'subtitle' ? 'title' : 'label' });
    }
  }
  return cells;
}

function indicatorText(family: FamilyDefinition, ind: Indicator, key: MatrixColumnKey, slot: number): { text: string; editText?: string } {
  switch (key) {
    case 'level1': return { text: ind.level1 };
    case 'level2': return { text: level2Label(family, ind.level1, ind.level2), editText: ind.level2 };
    case 'description': return { text: ind.description };
    case 'basis': return { text: ind.basis };
    case 'value': return { text: ind.value.raw };
    case 'name': {
      if (!family.matrix.slotStyle) return { text: ind.name };
      const prefix = ind.slotLabel ?? slotPrefix(slot);
      return { text: ind.name ? `${prefix} ${ind.name}` : prefix, editText: ind.name };
    }
  }
}

/**
 * Lays out one table in its family's official form.
 *
 * Header cells come from the family data; the matrix follows: the matrix header row, then one
 * row per indicator, 一级 cells merged over their group, 二级 cells merged over theirs (family A
 * adds one blank spacer row at the end of every 二级 and prints 「指标N:」 before each name).
 * `options.spacerRows: false` omits family A's spacer rows.
 * Pure; the result depends only on `table`, `ctx` and `options`.
 */
export function layout(table: PerformanceTable, ctx: LayoutContext, options: LayoutOptions = {}): SheetLayout {
  const family = getFamily(table.family);
  const colCount = family.colWidths.length;
  // The table's own widths (dragged in the editor) when they fit the family's columns.
  const colWidths = table.columnWidths?.length === colCount ? table.columnWidths : family.colWidths;
  const cells = headerCells(family, table, ctx);
  const headerRow = family.headerRowCount;
  const { matrix } = family;
  const side = matrix.sideLabel;
  const level1Col = matrix.columns.find((c) => c.key === 'level1')!;
  const level2Col = matrix.columns.find((c) => c.key === 'level2')!;
  const rowColumns = matrix.columns.filter((c) => c.key !== 'level1' && c.key !== 'level2');

  if (side?.headerText !== undefined) {
    cells.push({ row: headerRow, col: side.c, rowspan: 1, colspan: 1, text: side.headerText, role: 'label', style: 'label' });
  }
  for (const col of matrix.columns) {
    cells.push({ row: headerRow, col: col.c, rowspan: 1, colspan: col.cs ?? 1, text: col.header, role: 'label', style: 'label' });
  }

  const rowIndicators: (number | null)[] = new Array(headerRow + 1).fill(null);
  const level1Groups: Level1Group[] = [];
  let row = headerRow + 1;
  for (const g1 of groupIndicators(table.indicators)) {
    const start1 = row;
    for (const g2 of g1.level2Groups) {
      const start2 = row;
      g2.indices.forEach((index, position) => {
        const ind = table.indicators[index];
        for (const col of rowColumns) {
          const part = col.key;
          const binding: CellBinding = {
            path: `indicators.${index}.${part}`,
            kind: part === 'value' ? 'indicatorValue' : 'text',
            indicatorIndex: index,
            part,
          };
          const style = part === 'value' ? 'textCenter' : 'text';
          cells.push({ row, col: col.c, rowspan: 1, colspan: col.cs ?? 1, ...indicatorText(family, ind, part, position), role: 'indicator', style, binding });
        }
        rowIndicators.push(index);
        row++;
      });
      if (matrix.slotStyle && options.spacerRows !== false) {
        for (const col of rowColumns) {
          cells.push({ row, col: col.c, rowspan: 1, colspan: col.cs ?? 1, text: '', role: 'spacer', style: 'spacer' });
        }
        rowIndicators.push(null);
        row++;
      }
      const first = g2.indices[0];
      cells.push({
        row: start2, col: level2Col.c, rowspan: row - start2, colspan: 1,
        ...indicatorText(family, table.indicators[first], 'level2', 0),
        role: 'indicator', style: 'textCenter',
        binding: { path: `indicators.${first}.level2`, kind: 'text', indicatorIndex: first, part: 'level2' },
      });
    }
    const first = g1.level2Groups[0].indices[0];
    cells.push({
      row: start1, col: level1Col.c, rowspan: row - start1, colspan: 1, text: g1.level1,
      role: 'indicator', style: 'vertical',
      binding: { path: `indicators.${first}.level1`, kind: 'text', indicatorIndex: first, part: 'level1' },
    });
    level1Groups.push({ level1: g1.level1, startRow: start1, endRow: row - 1 });
  }
  const rowCount = Math.max(row, headerRow + 1);
  if (side) {
    const startRow = side.headerText !== undefined ? headerRow + 1 : headerRow;
    if (rowCount > startRow) {
      cells.push({ row: startRow, col: side.c, rowspan: rowCount - startRow, colspan: 1, text: side.text, role: 'label', style: 'vertical' });
    }
  }

  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const merges: Merge[] = cells
    .filter((c) => c.rowspan > 1 || c.colspan > 1)
    .map(({ row: r, col, rowspan, colspan }) => ({ row: r, col, rowspan, colspan }));
  return {
    family: table.family,
    moneyUnit: table.moneyUnit,
    rowCount,
    colCount,
    colWidths,
    rowHeights: estimateRowHeights(cells, colWidths, rowCount),
    cells,
    merges,
    matrixHeaderRow: headerRow,
    rowIndicators,
    level1Groups,
    orientation: family.orientation,
    title: tableTitle(table, ctx),
  };
}
