import type { CellStyle, HeaderCellSpec, HeaderFieldPath, MatrixColumn } from './types';

/**
 * Builders of the parts the built-in family forms share (title rows, label + field pairs, the
 * 一级/二级/三级/指标值 matrix columns), so each *.family.ts states only what is its own.
 * The objects built are plain data, the same as written out by hand.
 */

/** Row and column spans of a cell (omitted when 1). */
export interface Span {
  readonly rs?: number;
  readonly cs?: number;
}

/** A cell of fixed text (`style` label by default). */
export function text(r: number, c: number, value: string, span: Span = {}, style: CellStyle = 'label'): HeaderCellSpec {
  return { r, c, ...span, text: value, style };
}

/** A cell bound to a model field. */
export function field(r: number, c: number, path: HeaderFieldPath, style: CellStyle = 'text', span: Span = {}): HeaderCellSpec {
  return { r, c, ...span, field: path, style };
}

/** A label and, right of it, the field it names: the commonest pair of a header row. */
export function labelled(r: number, c: number, label: string, path: HeaderFieldPath, fieldSpan: Span = {}, style: CellStyle = 'text'): HeaderCellSpec[] {
  return [text(r, c, label), field(r, c + 1, path, style, fieldSpan)];
}

/** The title row spanning `cols` columns, and the 「(年度)」 subtitle below it when given. */
export function titleRows(cols: number, subtitle?: string): HeaderCellSpec[] {
  const title = text(0, 0, '{title}', { cs: cols }, 'title');
  return subtitle === undefined ? [title] : [title, text(1, 0, subtitle, { cs: cols }, 'subtitle')];
}

/**
 * Amount rows of a funds block: one row per [label, field] from row `r`, the label in column
 * `c` and the amount right of it over `cs` columns.
 */
export function amountRows(r: number, c: number, cs: number, rows: readonly (readonly [string, HeaderFieldPath])[]): HeaderCellSpec[] {
  return rows.flatMap(([label, path], i) => labelled(r + i, c, label, path, cs > 1 ? { cs } : {}, 'amount'));
}

/**
 * The matrix columns 一级指标, 二级指标, 三级指标 (over `nameCs` columns) and 指标值 from
 * column `c`.
 */
export function treeColumns(c: number, nameCs = 1): MatrixColumn[] {
  return [
    { key: 'level1', c, header: '一级指标' },
    { key: 'level2', c: c + 1, header: '二级指标' },
    { key: 'name', c: c + 2, ...(nameCs > 1 ? { cs: nameCs } : {}), header: '三级指标' },
    { key: 'value', c: c + 2 + nameCs, header: '指标值' },
  ];
}
