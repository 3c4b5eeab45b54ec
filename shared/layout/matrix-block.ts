import type { FamilyDefinition, IndicatorBlock, MatrixColumnKey } from '../families/types';
import type { Indicator } from '../model/types';
import { bareValueText } from '../vocabulary/split-value';
import { indicatorRuns, slotPrefix, type IndicatorRuns } from './indicator-runs';
import type { CellBinding, Level1Group, LayoutCell } from './types';

/**
 * Lays out one indicator block (DOMAIN.md §1): the matrix header row, then one row per
 * indicator, 一级 cells merged over their group and 二级 cells over theirs (family A adds a
 * blank spacer row at the end of every 二级 and prints 「指标N:」 before each name), and the
 * side label merged down the matrix. Built-in families have one block; learned layouts may
 * have a long-term block beside the annual one.
 */

/** The blocks of a family in print order (a built-in family: its one annual matrix). */
export function blocksOf(family: FamilyDefinition): readonly IndicatorBlock[] {
  return family.blocks ?? [{ list: 'indicators', heading: [], headingRowCount: 0, matrix: family.matrix }];
}

/**
 * Layout row of indicator `index` of a block whose matrix header is at row `top`: one row per
 * indicator, plus (`spacer` 1, family A) the spacer row that ends every earlier 二级 run.
 * The single rule that places indicator rows: `layoutMatrix` and the binding index both use it.
 */
export function matrixRow(runs: IndicatorRuns, index: number, top: number, spacer: 0 | 1): number {
  return top + 1 + index + spacer * runs.level2Of[index];
}

/** The layout of one block, rows counted from the block's matrix header row `top`. */
export interface MatrixLayout {
  readonly cells: LayoutCell[];
  /** First layout row after the block. */
  readonly endRow: number;
  /** For every row from `top`: the indicator index shown, or null (header row, spacer). */
  readonly rowIndicators: (number | null)[];
  readonly level1Groups: Level1Group[];
}

function level2Label(family: FamilyDefinition, level1: string, level2: string): string {
  const def = family.categories.find((c) => c.name === level1)?.level2.find((d) => d.name === level2);
  return def?.annotation ? `${level2}${def.annotation}` : level2;
}

function indicatorText(family: FamilyDefinition, block: IndicatorBlock, ind: Indicator, key: MatrixColumnKey, slot: number): { text: string; editText?: string } {
  switch (key) {
    case 'level1': return { text: ind.level1 };
    case 'level2': return { text: level2Label(family, ind.level1, ind.level2), editText: ind.level2 };
    case 'description': return { text: ind.description };
    case 'basis': return { text: ind.basis };
    case 'value': return { text: block.matrix.splitValue ? bareValueText(ind) : ind.value.raw };
    case 'remark': return { text: ind.remark ?? '' };
    case 'measureUnit': return { text: ind.measureUnit ?? '' };
    case 'nature': return { text: ind.nature ?? '' };
    case 'weight': return { text: ind.weight ?? '' };
    case 'core': return { text: ind.core ? '★' : '' };
    case 'name': {
      // A core indicator prints its ★ before the name unless the layout has a 核心指标 column.
      const star = ind.core && !block.matrix.columns.some((c) => c.key === 'core') ? '★' : '';
      if (!block.matrix.slotStyle) return star ? { text: `${star}${ind.name}`, editText: ind.name } : { text: ind.name };
      const prefix = ind.slotLabel ?? slotPrefix(slot);
      return { text: ind.name ? `${prefix} ${star}${ind.name}` : prefix, editText: ind.name };
    }
  }
}

function binding(block: IndicatorBlock, index: number, part: MatrixColumnKey): CellBinding {
  const kind = part === 'value' ? 'indicatorValue' : 'text';
  const base: CellBinding = { path: `${block.list}.${index}.${part}`, kind, indicatorIndex: index, part };
  return block.list === 'indicators' ? base : { ...base, list: block.list };
}

/** Lays out `indicators` as `block` with its matrix header at layout row `top`. */
export function layoutMatrix(family: FamilyDefinition, block: IndicatorBlock, indicators: readonly Indicator[], top: number, spacerRows: boolean): MatrixLayout {
  const { matrix } = block;
  const cells: LayoutCell[] = [];
  const side = matrix.sideLabel;
  const level1Col = matrix.columns.find((c) => c.key === 'level1');
  const level2Col = matrix.columns.find((c) => c.key === 'level2');
  const rowColumns = matrix.columns.filter((c) => c.key !== 'level1' && c.key !== 'level2');

  if (side?.headerText !== undefined) {
    cells.push({ row: top, col: side.c, rowspan: 1, colspan: 1, text: side.headerText, role: 'label', style: 'label' });
  }
  for (const col of matrix.columns) {
    cells.push({ row: top, col: col.c, rowspan: 1, colspan: col.cs ?? 1, text: col.header, role: 'label', style: 'label' });
  }
  const rowIndicators: (number | null)[] = [null];
  const level1Groups: Level1Group[] = [];
  const runs = indicatorRuns(indicators);
  const spacer = matrix.slotStyle && spacerRows ? 1 : 0;
  let row = top + 1; // the first row after the laid-out indicator rows and spacers
  for (const g1 of runs.level1) {
    const start1 = matrixRow(runs, g1.start, top, spacer);
    for (const g2 of g1.level2Runs) {
      const start2 = matrixRow(runs, g2.start, top, spacer);
      for (let index = g2.start; index < g2.end; index++) {
        const ind = indicators[index];
        const at = matrixRow(runs, index, top, spacer);
        for (const col of rowColumns) {
          const part = col.key;
          const style = part === 'value' || part === 'core' || part === 'nature' || part === 'weight' || part === 'measureUnit' ? 'textCenter' : 'text';
          cells.push({ row: at, col: col.c, rowspan: 1, colspan: col.cs ?? 1, ...indicatorText(family, block, ind, part, index - g2.start), role: 'indicator', style, binding: binding(block, index, part) });
        }
        rowIndicators.push(index);
      }
      row = matrixRow(runs, g2.end - 1, top, spacer) + 1;
      if (spacer) {
        for (const col of rowColumns) {
          cells.push({ row, col: col.c, rowspan: 1, colspan: col.cs ?? 1, text: '', role: 'spacer', style: 'spacer' });
        }
        rowIndicators.push(null);
        row++;
      }
      if (level2Col) {
        cells.push({
          row: start2, col: level2Col.c, rowspan: row - start2, colspan: level2Col.cs ?? 1,
          ...indicatorText(family, block, indicators[g2.start], 'level2', 0),
          role: 'indicator', style: 'textCenter', binding: binding(block, g2.start, 'level2'),
        });
      }
    }
    if (level1Col) {
      cells.push({
        row: start1, col: level1Col.c, rowspan: row - start1, colspan: level1Col.cs ?? 1, text: g1.level1,
        role: 'indicator', style: 'vertical', binding: binding(block, g1.start, 'level1'),
      });
    }
    level1Groups.push({ level1: g1.level1, startRow: start1, endRow: row - 1 });
  }
  const endRow = Math.max(row, top + 1);
  if (side) {
    const startRow = side.headerText !== undefined ? top + 1 : top;
    if (endRow > startRow) {
      cells.push({ row: startRow, col: side.c, rowspan: endRow - startRow, colspan: 1, text: side.text, role: 'label', style: 'vertical' });
    }
  }
  return { cells, endRow, rowIndicators, level1Groups };
}
