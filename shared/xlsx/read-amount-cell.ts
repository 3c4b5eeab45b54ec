/**
 * Reading one amount field's grid cell for import, with a warning naming the cell when it holds a
 * date or text that is no amount. The text-to-number rules are read-amount.ts's.
 */
import type { MoneyUnit } from '../model/types';
import type { GridCell } from './grid';
import { readAmount, type ReadNumber } from './read-amount';
import { type ReadContext, quote, warnCell } from './read-context';

/**
 * Reads an amount field's cell (项目资金, 预算数, …) in the table's money unit and reports what
 * cannot be an amount, naming the cell: text that is no number (kept in `amountTexts`, FUND-06),
 * and a DATE cell (a date typed where an amount belongs is never read as a number such as
 * 2024: its text is kept, the value left empty). Never throws.
 */
export function readAmountCell(ctx: ReadContext, cell: GridCell | null, unit: MoneyUnit): ReadNumber {
  if (cell?.date) {
    warnCell(ctx, cell, `${ctx.tableName}：「${quote(cell.text)}」是日期格式，不是金额，已保留原文，数值留空：请在表格中把该单元格改为数字格式并填写金额`);
    return { value: null, irregularText: cell.text, unreadable: true };
  }
  const read = readAmount(cell?.value ?? null, unit);
  if (read.unreadable && cell) warnCell(ctx, cell, `${ctx.tableName}：「${quote(cell.text)}」不是有效的金额，已保留原文，数值留空`);
  return read;
}
