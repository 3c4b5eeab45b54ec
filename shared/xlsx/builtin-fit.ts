/**
 * Whether a table region is one of the five built-in families (DOMAIN.md §1) or needs a learned
 * layout: a built-in family is kept only when its labels are found (detectFamily) AND the table
 * carries nothing the family cannot hold — one indicator block, only the family's matrix columns,
 * and no header field the family does not bind (项目负责人, 中期目标, 项目起止时间 …).
 */
import { getFamily } from '../families';
import type { BuiltinFamilyId } from '../model/types';
import { columnKeyOf, fieldTermOf } from '../vocabulary/lookup';
import { detectFamily } from './detect-family';
import type { ReadContext } from './read-context';
import { rowCells } from './read-matrix';

/** Side labels of the built-in matrices (绩效指标 / 名称 / 年度绩效指标): layout, not columns. */
const SIDE_TEXTS = new Set(['绩效指标', '名称', '年度绩效指标']);

/** The built-in family that holds the table whose matrix header is view row `headerRow`, or null. */
export function builtInFit(ctx: ReadContext, headerRow: number, blockCount: number): BuiltinFamilyId | null {
  if (blockCount > 1) return null;
  const above = ctx.grid.anchors.filter((a) => a.row < headerRow);
  const id = detectFamily(above.map((a) => a.text));
  if (!id) return null;
  const family = getFamily(id);
  const columns = new Set(family.matrix.columns.map((c) => c.key));
  for (const cell of rowCells(ctx, headerRow)) {
    const text = cell.text.replace(/[\s\u3000]+/g, '');
    if (text === '' || SIDE_TEXTS.has(text)) continue;
    const key = columnKeyOf(cell.text);
    if (!key || !columns.has(key)) return null;
  }
  const bound = new Set<string>(family.header.filter((s) => s.field).map((s) => s.field as string));
  const extended = ['longTermGoal', 'projectLeader', 'contactPhone', 'projectDates', 'projectStart', 'projectEnd', 'fillingUnit', 'longTermFunds.total'];
  for (const a of above) {
    const path = fieldTermOf(a.text)?.path;
    if (path && extended.includes(path) && !bound.has(path)) return null;
  }
  return id as BuiltinFamilyId;
}
