/**
 * Learning the form part of an unknown layout (rows above, between and below the indicator
 * blocks): every anchor cell becomes a spec of the learned template — a label, a field bound to
 * the model through the vocabulary (value right of, below, or inside its label), a field the
 * vocabulary has no term for (`extras.<key>`: 项目概况, 立项依据 …), or form text kept as printed
 * (审核意见, signature lines, notes). Nothing is dropped: what is not bound stays as template text.
 */
import type { CellStyle, HeaderCellSpec } from '../families/types';
import type { MoneyUnit } from '../model/types';
import { moneyUnitInLabel } from '../vocabulary/label-normalize';
import { fieldTermOf, inlineField, isFundLineLabel, isVocabularyLabel, vocabularyLabel } from '../vocabulary/lookup';
import type { GridCell } from './grid';
import type { ReadContext } from './read-context';

/** A field value found in the form, with the cell it came from. */
export interface FormValue {
  readonly path: string;
  readonly cell: GridCell | null;
  /** The value text when it sits inside its label cell (「资金总额：30万元」 → `30万元`). */
  readonly inlineValue?: string;
}

/** What a run of form rows holds. */
export interface FormPart {
  readonly specs: HeaderCellSpec[];
  readonly values: FormValue[];
  /** Labels of the named fund lines, in the order of their `fundLines.N` paths. */
  readonly fundLines: string[];
  readonly extras: { key: string; label: string }[];
  /** Money unit named by a money-unit label (「单位：万元」, 「项目资金（万元）」), or null. */
  moneyUnit: MoneyUnit | null;
  /** The title (first wide lone cell above every label), or null. */
  title: string | null;
  /** Title and subtitle texts, where the fiscal year is looked for. */
  readonly yearTexts: string[];
}

/** Paths already bound in this table, shared by the parts (header, headings, footer). */
export interface FormState {
  readonly bound: Set<string>;
  readonly fundLines: string[];
  readonly extras: { key: string; label: string }[];
}

/** A free position of the view (no anchor) inside the grid, as an empty value cell. */
function emptyAt(ctx: ReadContext, row: number, col: number): GridCell | null {
  if (row >= ctx.grid.rowCount || col >= ctx.grid.colCount || ctx.grid.at(row, col)) return null;
  return { row, col, rowspan: 1, colspan: 1, value: null, text: '', ref: '', sheetRow: ctx.grid.sheetRows[row], sheetCol: ctx.grid.sheetCols[col], merged: false };
}

/** The value cell of a label: the cell right of it or below it, when that cell is not itself a label. */
function valueCellOf(ctx: ReadContext, label: GridCell, placements: readonly string[], lastRow: number, taken: Set<GridCell>): GridCell | null {
  for (const where of placements) {
    if (where === 'inline' || (where === 'rightOfLastRow' && label.rowspan < 2)) continue;
    const row = where === 'right' ? label.row : where === 'rightOfLastRow' ? label.row + label.rowspan - 1 : label.row + label.rowspan;
    const col = where === 'below' ? label.col : label.col + label.colspan;
    if (row > lastRow) continue;
    const cell = ctx.grid.at(row, col) ?? emptyAt(ctx, row, col);
    if (!cell || taken.has(cell) || (cell.row !== row && where !== 'right') || (cell.col !== col && where !== 'below')) continue;
    if (cell.text.trim() !== '' && (isVocabularyLabel(cell.text) || inlineField(cell.text))) continue;
    // Below a label (amounts under 资金总额, text under 年度目标) a short label-like text is the next label.
    if (where === 'below' && isLabelLike(cell.text)) continue;
    return cell;
  }
  return null;
}

/** Short text that reads as a label of a form (项目概况, 立项依据, 时间): no digits, no title, at most 10 characters. */
export function isLabelLike(text: string): boolean {
  const t = vocabularyLabel(text);
  // Digits anywhere (「7.工作经费绩效目标表」, amounts, dates) or a title's 「…表」 ending: not a label.
  return t.length > 0 && t.length <= 10 && !/\d/.test(text) && !/表$/.test(t) && !/[。；，]/.test(t) && !/[:：]./.test(text.trim());
}

/** The path a fund label binds: 年度 amounts, or the 中期 column's when a 中期资金总额 label stands above in the same column. */
function fundPath(path: string, label: GridCell, longTermCols: ReadonlySet<number>): string {
  if (!path.startsWith('funds.') || path === 'funds.carryover') return path;
  return longTermCols.has(label.col) ? path.replace(/^funds\./, 'longTermFunds.') : path;
}

/**
 * Learns the form rows `fromRow..toRow` (view rows of `ctx.grid`) as specs whose `r` counts
 * from `fromRow`. `state` carries the bound paths across parts, so each field binds once.
 */
export function learnForm(ctx: ReadContext, fromRow: number, toRow: number, state: FormState, topPart: boolean): FormPart {
  const part: FormPart = { specs: [], values: [], fundLines: state.fundLines, extras: state.extras, moneyUnit: null, title: null, yearTexts: [] };
  const anchors = ctx.grid.anchors.filter((a) => a.row >= fromRow && a.row <= toRow && !ctx.consumed.has(a));
  const taken = new Set<GridCell>();
  const longTermCols = new Set(anchors.filter((a) => fieldTermOf(a.text)?.path === 'longTermFunds.total').map((a) => a.col));
  const hasFundLines = anchors.some((a) => isFundLineLabel(a.text));
  const firstLabelRow = anchors.find((a) => fieldTermOf(a.text) || inlineField(a.text))?.row ?? toRow + 1;
  const spec = (cell: GridCell, extra: Partial<HeaderCellSpec> & { style: CellStyle }): void => {
    const rs = Math.min(cell.rowspan, toRow - cell.row + 1);
    part.specs.push({ r: cell.row - fromRow, c: cell.col, ...(rs > 1 ? { rs } : {}), ...(cell.colspan > 1 ? { cs: cell.colspan } : {}), ...extra });
    taken.add(cell);
    if (cell.ref !== '') ctx.consumed.add(cell);
  };
  const bind = (path: string, cell: GridCell, style: CellStyle, extra: Partial<HeaderCellSpec> = {}, inlineValue?: string): void => {
    state.bound.add(path);
    part.values.push({ path, cell: cell.ref === '' ? null : cell, inlineValue });
    spec(cell, { field: path as HeaderCellSpec['field'], style, ...extra });
  };

  for (const cell of anchors) {
    if (taken.has(cell)) continue;
    const text = cell.text.trim();
    const unit = /^单位[:：]/.test(text) ? moneyUnitInLabel(text) : null;
    if (unit) {
      part.moneyUnit = unit;
      spec(cell, { text: cell.text.replace(/万元|元/, '{unit}'), style: 'unitLineRight' });
      continue;
    }
    if (topPart && cell.row < firstLabelRow && text !== '' && !inlineField(text)) {
      const lone = anchors.filter((a) => a.row === cell.row && a.text.trim() !== '').length === 1;
      if (lone && part.title === null && !/^[(（]/.test(text)) {
        part.title = cell.text;
        part.yearTexts.push(cell.text);
        spec(cell, { text: '{title}', style: 'title' });
        continue;
      }
      if (lone && /年度/.test(text)) {
        part.yearTexts.push(cell.text);
        spec(cell, { text: cell.text.replace(/(19|20)\d{2}/, '{year}'), style: 'subtitle' });
        continue;
      }
    }
    const inline = inlineField(cell.text);
    if (inline && !state.bound.has(inline.term.path)) {
      // 「资金总额：120.00万元」: the unit after the amount is part of the form (suffix), the number the value.
      const unitAfter = inline.term.kind === 'amount' ? /^([-\d,.]+)\s*(万元|元)$/.exec(inline.value.trim()) : null;
      if (unitAfter) part.moneyUnit ??= unitAfter[2] === '万元' ? 'wanYuan' : 'yuan';
      const extra = unitAfter ? { prefix: inline.label, suffix: unitAfter[2] } : { prefix: inline.label };
      bind(inline.term.path, cell, inline.term.kind === 'amount' ? 'amount' : 'text', extra, unitAfter ? unitAfter[1] : inline.value);
      continue;
    }
    const asFundLine = isFundLineLabel(cell.text) || (hasFundLines && vocabularyLabel(cell.text) === '自有资金');
    const term = asFundLine ? null : fieldTermOf(cell.text);
    if (term || asFundLine) {
      spec(cell, { text: cell.text, style: 'label' });
      part.moneyUnit ??= moneyUnitInLabel(cell.text);
      const value = valueCellOf(ctx, cell, term?.placement ?? ['right', 'below'], toRow, taken);
      if (!value) continue;
      let path = term ? fundPath(term.path, cell, longTermCols) : `fundLines.${state.fundLines.length}.amount`;
      if (!term) state.fundLines.push(cell.text.trim());
      if (state.bound.has(path)) path = extraPath(state, cell.text);
      bind(path, value, !term || term.kind === 'amount' ? 'amount' : term.kind === 'percent' ? 'percent' : 'text');
      continue;
    }
    if (text !== '' && isLabelLike(text)) {
      const value = valueCellOf(ctx, cell, ['right'], toRow, taken);
      if (value) {
        spec(cell, { text: cell.text, style: 'label' });
        bind(extraPath(state, cell.text), value, 'text');
        continue;
      }
    }
    spec(cell, { text: cell.text, style: cell.rowspan > 2 && cell.colspan === 1 ? 'vertical' : text === '' ? 'text' : 'labelLeft' });
  }
  return part;
}

/** A new `extras.<key>` path for a label the vocabulary does not know (項目概况 → `extras.项目概况`). */
function extraPath(state: FormState, label: string): string {
  const base = vocabularyLabel(label) || '字段';
  let key = base;
  for (let n = 2; state.bound.has(`extras.${key}`); n++) key = `${base}${n}`;
  state.extras.push({ key, label: label.trim() });
  return `extras.${key}`;
}
