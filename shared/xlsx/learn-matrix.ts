/**
 * Learning an indicator block of an unknown layout: its columns from the matrix header row
 * through the vocabulary (指标内容 = 三级指标, 度量单位 = 计量单位, 权重, 备注, ★ 核心指标 …), a
 * side label merged down the block (长期绩效指标), and one indicator per body row. A value split
 * over 指标性质 / 指标值 / 计量单位 is composed into one 指标值 (split-value.ts).
 */
import { CATEGORIES_101, CATEGORIES_88, CATEGORIES_DEPARTMENT, CATEGORIES_NX_2022 } from '../families/categories';
import type { Level1Definition, MatrixColumn, MatrixColumnKey, MatrixDefinition, ValueExpectation } from '../families/types';
import type { Indicator } from '../model/types';
import { parseIndicatorValue } from '../values/indicator-value';
import { normalizeCategory } from '../vocabulary/label-normalize';
import { blockHeadingList, columnKeyOf, splitCoreMark } from '../vocabulary/lookup';
import { composeValueRaw } from '../vocabulary/split-value';
import type { GridCell } from './grid';
import { type ReadContext, quote, warnCell } from './read-context';
import { rowCells, valueText } from './read-matrix';

/** A learned block: its matrix definition, the indicators read and the view row of each. */
export interface LearnedMatrix {
  readonly matrix: MatrixDefinition;
  readonly indicators: Indicator[];
  readonly rows: number[];
  /** The list the block's side label names (长期绩效指标 → longTermIndicators), or null. */
  readonly sideList: 'indicators' | 'longTermIndicators' | null;
  /** Header texts of columns the vocabulary does not know (reported once by the caller). */
  readonly unknownColumns: string[];
}

/** Reads the block whose matrix header is view row `headerRow` and whose body ends at `bodyEnd`. */
export function learnMatrix(ctx: ReadContext, headerRow: number, bodyEnd: number): LearnedMatrix {
  const columns: MatrixColumn[] = [];
  const unknownColumns: string[] = [];
  let side: MatrixDefinition['sideLabel'];
  for (const cell of rowCells(ctx, headerRow)) {
    ctx.consumed.add(cell);
    const key = columnKeyOf(cell.text);
    if (key && !columns.some((c) => c.key === key)) {
      columns.push({ key, c: cell.col, ...(cell.colspan > 1 ? { cs: cell.colspan } : {}), header: cell.text });
    } else if (!side && cell.rowspan > 1 && cell.col === 0 && cell.text.trim() !== '') {
      side = { c: cell.col, text: cell.text };
    } else if (cell.text.trim() !== '') {
      unknownColumns.push(cell.text);
      warnCell(ctx, cell, `${ctx.tableName}：指标表头「${quote(cell.text)}」无法识别，该列未导入（回填时原表该列保持不变）`, 'column-lost');
    }
  }
  const col = (key: MatrixColumnKey) => columns.find((c) => c.key === key)?.c;
  const splitValue = col('value') !== undefined && (col('nature') !== undefined || col('measureUnit') !== undefined);
  const { indicators, rows } = readBody(ctx, headerRow + 1, bodyEnd, col, splitValue);
  const matrix: MatrixDefinition = { columns, slotStyle: false, slotsPerLevel2: 1, ...(side ? { sideLabel: side } : {}), ...(splitValue ? { splitValue } : {}) };
  return { matrix, indicators, rows, sideList: side ? blockHeadingList(side.text) : null, unknownColumns };
}

function readBody(ctx: ReadContext, from: number, to: number, col: (k: MatrixColumnKey) => number | undefined, splitValue: boolean): { indicators: Indicator[]; rows: number[] } {
  const indicators: Indicator[] = [];
  const rows: number[] = [];
  const fillDown = !ctx.grid.anchors.some((a) => a.merged && a.row >= from && a.row <= to);
  let prev: Indicator | null = null;
  for (let r = from; r <= to; r++) {
    const cellOf = (key: MatrixColumnKey): GridCell | null => {
      const c = col(key);
      const cell = c === undefined ? null : ctx.grid.at(r, c);
      if (cell) ctx.consumed.add(cell);
      return cell;
    };
    const text = (key: MatrixColumnKey) => cellOf(key)?.text ?? '';
    const l1 = cellOf('level1');
    const l2 = cellOf('level2');
    const { core: starred, name } = splitCoreMark(text('name'));
    const nature = text('nature');
    const measureUnit = text('measureUnit');
    const bare = valueText(cellOf('value'));
    const raw = splitValue ? composeValueRaw(nature, bare, measureUnit) : bare;
    const coreMark = text('core').trim();
    const ind: Indicator = {
      level1: l1 ? normalizeCategory(l1.text) : fillDown ? prev?.level1 ?? '' : '',
      level2: l2 ? normalizeCategory(l2.text) : fillDown ? prev?.level2 ?? '' : '',
      name,
      description: text('description'),
      basis: text('basis'),
      value: parseIndicatorValue(raw),
      ...(col('remark') !== undefined ? { remark: text('remark') } : {}),
      ...(col('measureUnit') !== undefined ? { measureUnit } : {}),
      ...(col('nature') !== undefined ? { nature } : {}),
      ...(col('weight') !== undefined ? { weight: text('weight') } : {}),
      ...(starred || (col('core') !== undefined && coreMark !== '') ? { core: true } : {}),
    };
    indicators.push(ind);
    rows.push(r);
    prev = ind;
  }
  return { indicators, rows };
}

const KNOWN_TREES: readonly (readonly Level1Definition[])[] = [CATEGORIES_101, CATEGORIES_88, CATEGORIES_NX_2022, CATEGORIES_DEPARTMENT];

function expectationOf(level2: string): ValueExpectation {
  for (const tree of KNOWN_TREES) {
    for (const l1 of tree) {
      const def = l1.level2.find((d) => d.name === level2 || d.aliases?.includes(level2));
      if (def) return def.expects;
    }
  }
  return /满意/.test(level2) ? 'satisfaction' : /成本/.test(level2) ? 'money' : /时效/.test(level2) ? 'time' : /质量/.test(level2) ? 'quality' : /效益/.test(level2) ? 'benefit' : 'count';
}

/** The category tree as observed in the indicators of every block (none required). */
export function observedCategories(lists: readonly (readonly Indicator[])[]): Level1Definition[] {
  const tree: { name: string; level2: string[] }[] = [];
  for (const list of lists) {
    for (const ind of list) {
      if (ind.level1 === '') continue;
      let l1 = tree.find((t) => t.name === ind.level1);
      if (!l1) tree.push((l1 = { name: ind.level1, level2: [] }));
      if (ind.level2 !== '' && !l1.level2.includes(ind.level2)) l1.level2.push(ind.level2);
    }
  }
  return tree.map((t) => ({ name: t.name, required: false, level2: t.level2.map((name) => ({ name, required: false, expects: expectationOf(name) })) }));
}
