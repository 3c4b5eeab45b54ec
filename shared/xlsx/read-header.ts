/**
 * Reads the header block of a family table (DOMAIN.md §1) by its labels: every field of the
 * family's header spec is found next to (right of, or below) its label, wherever the label is
 * in the sheet, so extra blank rows/columns, titles and shifted tables do not matter.
 */
import type { FamilyDefinition, HeaderCellSpec, HeaderFieldPath } from '../families/types';
import type { MoneyUnit } from '../model/types';
import type { GridCell } from './grid';
import { labelMatches, moneyUnitInLabel, normalizeLabel } from '../vocabulary/label-normalize';
import { type ReadContext, quote, warnCell } from './read-context';

/** How a field is found from its label: the cell right of the label (dr rows down), or the cell below it. */
export interface FieldLocator {
  readonly field: HeaderFieldPath;
  readonly label: HeaderCellSpec;
  readonly relation: 'right' | 'below';
  /** Row offset from the label's top row, for `right`. */
  readonly dr: number;
  readonly style: HeaderCellSpec['style'];
}

const NON_LABEL_STYLES = new Set(['title', 'subtitle', 'unitLine', 'unitLineRight']);

function isLabelSpec(s: HeaderCellSpec): boolean {
  return !s.field && !!s.text && !NON_LABEL_STYLES.has(s.style);
}

/** The header specs of a family for one goal variant (family A has two). */
export function headerSpecs(family: FamilyDefinition, variant: 'split' | 'merged'): HeaderCellSpec[] {
  return family.header.filter((s) => !s.goalVariant || s.goalVariant === variant);
}

/**
 * Derives, from the family's header spec, where each field sits relative to its label.
 * Preference: the label on the same row to the left, then the label above (split goals,
 * 资金支出计划 months, 年度绩效目标 heading), then a taller label to the left (资金用途).
 */
export function fieldLocators(specs: readonly HeaderCellSpec[]): FieldLocator[] {
  const labels = specs.filter(isLabelSpec);
  const out: FieldLocator[] = [];
  for (const f of specs) {
    if (!f.field) continue;
    const left = (sameRow: boolean) => labels.find((l) => l.c + (l.cs ?? 1) === f.c && (sameRow ? l.r === f.r : l.r < f.r && f.r < l.r + (l.rs ?? 1)));
    const above = labels.find((l) => l.c === f.c && l.r + (l.rs ?? 1) === f.r);
    const label = left(true) ?? above ?? left(false);
    if (!label) continue;
    const relation = label === above ? 'below' : 'right';
    out.push({ field: f.field, label, relation, dr: relation === 'right' ? f.r - label.r : 0, style: f.style });
  }
  return out;
}

/** What the header block held. */
export interface HeaderRead {
  /** Value cell per field (null when the label was found but the value cell is empty or missing). */
  readonly values: ReadonlyMap<HeaderFieldPath, GridCell | null>;
  /** Money unit named in a label (`项目资金 (万元)`, `单位：元`), or null. */
  readonly moneyUnit: MoneyUnit | null;
  /** Printed title, or null when there is none. */
  readonly title: string | null;
  /** Title and subtitle texts (where 「2024年」 / 「( 2022 年度)」 is looked for). */
  readonly yearTexts: readonly string[];
  /** Family C unit line (`816001怀来县官厅镇人民政府`), or null. */
  readonly unitLine: string | null;
  /** Family A goal variant: two headings (split) or one merged text. */
  readonly goalVariant: 'split' | 'merged';
}

/** First unconsumed header anchor (reading order) matching a label spec. */
function findLabel(ctx: ReadContext, anchors: readonly GridCell[], spec: HeaderCellSpec): GridCell | null {
  return anchors.find((a) => !ctx.consumed.has(a) && labelMatches(a.text, spec.text ?? '')) ?? null;
}

function valueCell(ctx: ReadContext, label: GridCell, loc: FieldLocator, matrixRow: number): GridCell | null | 'missing' {
  const row = loc.relation === 'right' ? label.row + loc.dr : label.row + label.rowspan;
  const col = loc.relation === 'right' ? label.col + label.colspan : label.col;
  if (row >= matrixRow || col >= ctx.grid.colCount) return 'missing';
  const cell = ctx.grid.at(row, col);
  if (cell && ctx.consumed.has(cell)) return 'missing';
  return cell;
}

function goalVariantOf(family: FamilyDefinition, ctx: ReadContext, anchors: readonly GridCell[]): 'split' | 'merged' {
  const splitLabels = family.header.filter((s) => s.goalVariant === 'split' && s.text);
  if (splitLabels.length === 0) return 'split';
  return anchors.some((a) => splitLabels.some((s) => labelMatches(a.text, s.text ?? ''))) ? 'split' : 'merged';
}

/**
 * Reads the header block: rows above `matrixRow` of the context grid. Labels and values
 * found are marked consumed; a label that is missing is reported (the field stays empty).
 */
export function readHeader(ctx: ReadContext, family: FamilyDefinition, matrixRow: number): HeaderRead {
  const anchors = ctx.grid.anchors.filter((a) => a.row < matrixRow);
  const variant = goalVariantOf(family, ctx, anchors);
  const specs = headerSpecs(family, variant);
  const values = new Map<HeaderFieldPath, GridCell | null>();
  let moneyUnit: MoneyUnit | null = null;
  const labelRows: number[] = [];
  const useLabel = (cell: GridCell) => {
    ctx.consumed.add(cell);
    labelRows.push(cell.row);
    moneyUnit = moneyUnit ?? moneyUnitInLabel(cell.text);
  };

  const locators = new Map(fieldLocators(specs).map((l) => [l.field, l]));
  const found = new Map<HeaderCellSpec, GridCell | null>();
  const labelOf = (spec: HeaderCellSpec): GridCell | null => {
    if (!found.has(spec)) {
      const cell = findLabel(ctx, anchors, spec);
      if (cell) useLabel(cell);
      found.set(spec, cell);
    }
    return found.get(spec) ?? null;
  };
  // Spec order is row-major, so a value cell is consumed before a later label is searched:
  // a project literally named 「其他资金」 is not mistaken for the 其他资金 label.
  for (const spec of specs) {
    if (isLabelSpec(spec)) labelOf(spec);
    const loc = spec.field ? locators.get(spec.field) : undefined;
    if (!loc) continue;
    const label = labelOf(loc.label);
    if (!label) {
      warnCell(ctx, null, `${ctx.tableName}：未找到「${normalizeLabel(loc.label.text ?? '')}」，该项留空`, 'label-missing');
      continue;
    }
    const cell = valueCell(ctx, label, loc, matrixRow);
    if (cell === 'missing') {
      warnCell(ctx, label, `${ctx.tableName}：「${quote(label.text)}」旁没有填写单元格，该项留空`);
      values.set(loc.field, null);
      continue;
    }
    if (cell) ctx.consumed.add(cell);
    values.set(loc.field, cell);
  }
  const firstLabelRow = labelRows.length > 0 ? Math.min(...labelRows) : matrixRow;
  const top = readTitleRows(ctx, family, anchors, firstLabelRow);
  return { values, moneyUnit: top.unitLineUnit ?? moneyUnit, title: top.title, yearTexts: top.yearTexts, unitLine: top.unitLine, goalVariant: variant };
}

interface TitleRows {
  title: string | null;
  yearTexts: string[];
  unitLine: string | null;
  unitLineUnit: MoneyUnit | null;
}

/**
 * The rows above the first label, bottom-up: family C's unit line (「单位：万元」 and the
 * 单位编码+名称 cell), the subtitle 「(2024年度)」 (B, D, E), then the title.
 */
function readTitleRows(ctx: ReadContext, family: FamilyDefinition, anchors: readonly GridCell[], firstLabelRow: number): TitleRows {
  const out: TitleRows = { title: null, yearTexts: [], unitLine: null, unitLineUnit: null };
  const rows = new Map<number, GridCell[]>();
  for (const a of anchors) {
    if (a.row >= firstLabelRow || ctx.consumed.has(a) || a.text.trim() === '') continue;
    rows.set(a.row, [...(rows.get(a.row) ?? []), a]);
  }
  const order = [...rows.keys()].sort((a, b) => b - a);
  const hasUnitLine = family.header.some((s) => s.style === 'unitLineRight');
  const hasSubtitle = family.header.some((s) => s.style === 'subtitle');
  const take = (cells: GridCell[]) => cells.forEach((c) => ctx.consumed.add(c));

  let i = 0;
  if (hasUnitLine) {
    const isUnit = (c: GridCell) => /^单位[:：]/.test(c.text.trim());
    const idx = order.findIndex((r) => rows.get(r)!.some(isUnit));
    if (idx >= 0) {
      const cells = rows.get(order[idx])!;
      // The money unit comes only from a money-unit cell (「单位：元」); a unit-name cell written
      // 「单位：483001…」 is part of the unit line, never the money unit.
      const unitCell = cells.find((c) => isUnit(c) && moneyUnitInLabel(c.text) !== null) ?? cells.find(isUnit)!;
      out.unitLineUnit = moneyUnitInLabel(unitCell.text);
      const others = cells.filter((c) => c !== unitCell).map((c) => c.text.trim().replace(/^单位[:：]\s*/, ''));
      out.unitLine = others.length > 0 ? others.join('') : null;
      take(cells);
      i = idx + 1;
    }
  }
  if (hasSubtitle && i < order.length) {
    const cells = rows.get(order[i])!;
    if (cells.length === 1 && /年度/.test(cells[0].text)) {
      out.yearTexts.push(cells[0].text);
      take(cells);
      i++;
    }
  }
  if (i < order.length) {
    const cells = rows.get(order[i])!;
    if (cells.length === 1) {
      out.title = cells[0].text;
      // Only a family whose title names the year (A, E) is read for it: a family C title is a project name.
      if (family.defaultTitle.includes('{year}')) out.yearTexts.unshift(cells[0].text);
      take(cells);
    }
  }
  return out;
}
