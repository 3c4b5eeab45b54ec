/**
 * Reads the indicator matrix (一级 › 二级 › 三级 + 指标值, DOMAIN.md §1) of a table: columns are
 * found by their header labels, merged 一级/二级 cells apply to every row they cover, family A's
 * 「指标N:」 prefixes are split off and its spacer rows skipped.
 */
import type { FamilyDefinition, MatrixColumnKey } from '../families/types';
import { groupIndicators, slotPrefix } from '../layout/layout';
import type { Indicator } from '../model/types';
import { formatNumber, parseIndicatorValue } from '../values/indicator-value';
import type { GridCell } from './grid';
import { isSpacerText, looseLabel, normalizeCategory, splitSlotPrefix } from '../vocabulary/label-normalize';
import { columnKeyOf, isMatrixHeaderRow, splitCoreMark } from '../vocabulary/lookup';
import { type ReadContext, quote, warnCell } from './read-context';

/** The column (view index) of every matrix field found in the header row. */
export type MatrixColumns = Partial<Record<MatrixColumnKey, number>>;

/** True when a row of texts is a matrix header (vocabulary: 一级, 二级 and 三级 or 指标值, in any spelling). */
export function isMatrixHeaderTexts(texts: readonly string[]): boolean {
  return isMatrixHeaderRow(texts);
}

/** The distinct anchors intersecting a view row, left to right. */
export function rowCells(ctx: ReadContext, row: number): GridCell[] {
  const out: GridCell[] = [];
  for (let c = 0; c < ctx.grid.colCount; c++) {
    const cell = ctx.grid.at(row, c);
    if (cell && !out.includes(cell)) out.push(cell);
  }
  return out;
}

/** Maps the header row: known labels → columns; side labels (绩效指标 / 名称 / 年度绩效指标) consumed; others reported. */
export function readMatrixHeader(ctx: ReadContext, family: FamilyDefinition, row: number): MatrixColumns {
  const columns: MatrixColumns = {};
  const side = family.matrix.sideLabel;
  const sideTexts = new Set(['绩效指标', '名称', '年度绩效指标', side?.text ?? '', side?.headerText ?? ''].map(looseLabel));
  for (const cell of rowCells(ctx, row)) {
    const label = looseLabel(cell.text);
    const key = columnKeyOf(cell.text);
    if (key && columns[key] === undefined && family.matrix.columns.some((c) => c.key === key)) {
      columns[key] = cell.col;
      ctx.consumed.add(cell);
    } else if (label === '' || sideTexts.has(label)) {
      ctx.consumed.add(cell);
    } else {
      warnCell(ctx, cell, `${ctx.tableName}：指标表头「${quote(cell.text)}」无法识别，该列未导入`, 'column-lost');
      ctx.consumed.add(cell);
    }
  }
  return columns;
}

interface RowRead {
  /** View row the indicator was read from. */
  readonly row: number;
  readonly level1: string;
  readonly level2: string;
  readonly nameText: string;
  readonly description: string;
  readonly basis: string;
  readonly valueRaw: string;
}

/** Text of a 指标值 cell: numbers as written, or as a percent when the cell has a % format (0.95 → 95%). */
export function valueText(cell: GridCell | null): string {
  if (!cell) return '';
  if (typeof cell.value === 'number' && cell.numFmt?.includes('%')) return `${formatNumber(cell.value * 100)}%`;
  return cell.text;
}

/** The indicators of a matrix body and the view row each was read from (parallel arrays). */
export interface MatrixBodyRead {
  readonly indicators: Indicator[];
  readonly rows: number[];
}

/**
 * Reads the body rows `fromRow..toRow` into indicators. Family A (`slotStyle`): a row whose 三级
 * cell has no 「指标N:」 prefix and only blanks or dots and whose 指标值 is blank is a spacer
 * (not an indicator); an empty pre-printed slot (「指标2:」 alone) is an indicator with name ''.
 * `slotLabel` is kept only when the printed prefix differs from the canonical 「指标<n>:」.
 */
export function readMatrixBody(ctx: ReadContext, family: FamilyDefinition, columns: MatrixColumns, fromRow: number, toRow: number): MatrixBodyRead {
  const rows: SlotRow[] = [];
  const slotStyle = family.matrix.slotStyle;
  let prev: RowRead | null = null;
  let prevL1: GridCell | null = null;
  // The side label (绩效指标 merged down the matrix) stands left of the 一级 column.
  const sideCol = family.matrix.sideLabel && columns.level1 !== undefined ? columns.level1 - 1 : -1;
  // A region with no merge at all lost its merges (CSV-like exports, PDF conversions): fill down.
  const fillDown = !ctx.grid.anchors.some((a) => a.merged);
  for (let r = fromRow; r <= toRow; r++) {
    const cellOf = (key: MatrixColumnKey): GridCell | null => {
      const c = columns[key];
      if (c === undefined) return null;
      const cell = ctx.grid.at(r, c);
      if (cell) ctx.consumed.add(cell);
      return cell;
    };
    const l1 = cellOf('level1');
    const l2 = cellOf('level2');
    // An empty 一级 / 二级 cell continues the group above only when merges were lost;
    // a 二级 only inside the same 一级.
    const sameLevel1 = l1 === null ? fillDown : l1 === prevL1;
    const read: RowRead = {
      row: r,
      level1: l1 ? normalizeCategory(l1.text) : fillDown ? prev?.level1 ?? '' : '',
      level2: l2 ? normalizeCategory(l2.text) : fillDown && sameLevel1 ? prev?.level2 ?? '' : '',
      nameText: cellOf('name')?.text ?? '',
      description: cellOf('description')?.text ?? '',
      basis: cellOf('basis')?.text ?? '',
      valueRaw: valueText(cellOf('value')),
    };
    prev = read;
    if (l1) prevL1 = l1;
    consumeSide(ctx, r, sideCol, family);
    if (!slotStyle) {
      rows.push({ ...read, prefix: null });
      continue;
    }
    const { prefix, name } = splitSlotPrefix(read.nameText);
    const spacer = prefix === '' && isSpacerText(read.nameText) && read.valueRaw.trim() === '' && read.description === '' && read.basis === '';
    rows.push({ ...read, nameText: spacer ? '' : name, prefix: spacer ? null : prefix });
  }
  const kept = slotStyle ? dropSpacers(rows) : rows;
  return { indicators: toIndicators(kept, slotStyle), rows: kept.map((r) => r.row) };
}

/** The side label column (绩效指标 merged down the matrix) is layout, not data; other text there is reported. */
function consumeSide(ctx: ReadContext, r: number, sideCol: number, family: FamilyDefinition): void {
  if (sideCol < 0) return;
  const cell = ctx.grid.at(r, sideCol);
  if (!cell || ctx.consumed.has(cell)) return;
  const label = looseLabel(cell.text);
  if (label === '' || label === looseLabel(family.matrix.sideLabel?.text ?? '') || label === '绩效指标') ctx.consumed.add(cell);
}

type SlotRow = RowRead & { prefix: string | null };

/**
 * Family A: removes spacer rows (prefix null). A 二级 whose rows are all spacers keeps one
 * empty slot (prefix ''), so the category is not lost.
 */
function dropSpacers(rows: readonly SlotRow[]): SlotRow[] {
  const out: SlotRow[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j].level1 === rows[i].level1 && rows[j].level2 === rows[i].level2) j++;
    const group = rows.slice(i, j).filter((r) => r.prefix !== null);
    out.push(...(group.length > 0 ? group : [{ ...rows[i], prefix: '' }]));
    i = j;
  }
  return out;
}

function toIndicators(rows: readonly SlotRow[], slotStyle: boolean): Indicator[] {
  const indicators: Indicator[] = rows.map((r) => {
    const { core, name } = splitCoreMark(r.nameText);
    const ind: Indicator = { level1: r.level1, level2: r.level2, name, description: r.description, basis: r.basis, value: parseIndicatorValue(r.valueRaw) };
    return core ? { ...ind, core } : ind;
  });
  if (!slotStyle) return indicators;
  for (const g1 of groupIndicators(indicators)) {
    for (const g2 of g1.level2Groups) {
      g2.indices.forEach((index, position) => {
        const prefix = rows[index].prefix ?? '';
        if (prefix !== slotPrefix(position)) indicators[index] = { ...indicators[index], slotLabel: prefix };
      });
    }
  }
  return indicators;
}

/** Reports a matrix row that has a value but is outside any known column (STR-09 shows up as this). */
export function reportMatrixGaps(ctx: ReadContext, columns: MatrixColumns): void {
  if (columns.level1 === undefined || columns.level2 === undefined) warnCell(ctx, null, `${ctx.tableName}：指标表缺少「一级指标」或「二级指标」列`);
  if (columns.value === undefined) warnCell(ctx, null, `${ctx.tableName}：指标表缺少「指标值」列`);
}
