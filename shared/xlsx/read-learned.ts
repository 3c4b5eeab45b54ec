/**
 * Reads a table of a layout no built-in family fits and learns that layout as a template
 * (DOMAIN.md §1; ARCHITECTURE.md "learned family"): the form rows, every indicator block
 * (长期 / 年度) and the footer rows become a LearnedTemplate stored with the table; the values
 * bound through the field vocabulary become the table. Everything else stays template text.
 */
import type { IndicatorBlock, LearnedTemplate } from '../families/types';
import { createLearnedTable } from '../model/create';
import { setAtPath } from '../model/paths';
import type { MoneyUnit, PerformanceTable } from '../model/types';
import { blockHeadingList } from '../vocabulary/lookup';
import type { Grid } from './grid';
import { learnForm, type FormPart, type FormState, type FormValue } from './learn-form';
import { learnMatrix, observedCategories, type LearnedMatrix } from './learn-matrix';
import { readAmount, readPercent } from './read-amount';
import { type ReadContext, quote, reportUnconsumed, warnCell } from './read-context';
import type { TableDraft } from './read-table';
import { sheetRowOf, sourceColumns, sourceFields, type TableSourceDraft } from './source-map';
import { splitProjectDates } from '../vocabulary/project-dates';

/** A block of the region: view row of its matrix header and of its body's last row. */
export interface BlockRows {
  readonly headerRow: number;
  readonly bodyEnd: number;
}

/** What the learner needs besides the grid. */
export interface LearnOptions {
  /** File name shown in 「自定义版式（来自 文件名）」. */
  readonly sourceName: string;
  /** Column widths of the sheet (Excel character units), by sheet column. */
  readonly sheetColWidths: readonly (number | null)[];
}

const DEFAULT_WIDTH = 10;

/** FNV-1a of a string, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Rows directly above `headerRow` (down to `floor`) that only hold a block heading (长期绩效指标). */
function headingStart(grid: Grid, headerRow: number, floor: number): number {
  let r = headerRow;
  while (r - 1 >= floor) {
    const cells = grid.rowAnchors(r - 1).filter((c) => c.text.trim() !== '');
    if (cells.length === 0 || !cells.every((c) => blockHeadingList(c.text) !== null)) break;
    r--;
  }
  return r;
}

function applyValue(table: PerformanceTable, v: FormValue, state: FormState, warnings: (cellText: string) => void): PerformanceTable {
  const text = v.inlineValue ?? v.cell?.text ?? '';
  const amount = /^(funds|longTermFunds|fundLines)\./.test(v.path);
  if (v.path === 'projectDates') {
    const { start, end } = splitProjectDates(text);
    return { ...table, projectStart: start, projectEnd: end };
  }
  if (v.path.startsWith('spendingPlan.')) {
    const read = readPercent(v.cell?.value ?? null, v.cell?.numFmt);
    const plan = table.spendingPlan ?? { march: null, june: null, october: null, december: null };
    let next = setAtPath({ ...table, spendingPlan: plan }, v.path, read.value);
    if (read.irregularText !== undefined) next = { ...next, amountTexts: { ...next.amountTexts, [v.path]: read.irregularText } };
    return next;
  }
  if (!amount) return setAtPath(table, v.path, text);
  const read = readAmount(v.inlineValue !== undefined ? v.inlineValue : v.cell?.value ?? null, table.moneyUnit);
  let next = table;
  if (v.path.startsWith('fundLines.')) {
    const index = Number(v.path.split('.')[1]);
    const lines = [...(next.fundLines ?? [])];
    lines[index] = { label: state.fundLines[index], amount: read.value };
    next = { ...next, fundLines: lines };
  } else {
    if (v.path.startsWith('longTermFunds.') && !next.longTermFunds) next = { ...next, longTermFunds: { total: null, fiscal: null, other: null } };
    next = setAtPath(next, v.path, read.value);
  }
  if (read.irregularText !== undefined) next = { ...next, amountTexts: { ...next.amountTexts, [v.path]: read.irregularText } };
  if (read.unreadable) warnings(text);
  return next;
}

/** Reads and learns the table of `ctx.grid` whose indicator blocks are `blocks` (view rows). */
export function readLearnedTable(ctx: ReadContext, blocks: readonly BlockRows[], options: LearnOptions): TableDraft {
  const { grid } = ctx;
  const state: FormState = { bound: new Set(), fundLines: [], extras: [] };
  const firstHeading = headingStart(grid, blocks[0].headerRow, 0);
  const header = learnForm(ctx, 0, firstHeading - 1, state, true);
  const parts: FormPart[] = [header];
  const learned: { block: IndicatorBlock; read: LearnedMatrix }[] = [];
  blocks.forEach((b, i) => {
    const from = i === 0 ? firstHeading : blocks[i - 1].bodyEnd + 1;
    const heading = learnForm(ctx, from, b.headerRow - 1, state, false);
    parts.push(heading);
    const read = learnMatrix(ctx, b.headerRow, b.bodyEnd);
    const named = heading.specs.map((s) => blockHeadingList(s.text ?? '')).find((l) => l !== null) ?? read.sideList;
    const list = named ?? (i < blocks.length - 1 ? 'longTermIndicators' : 'indicators');
    learned.push({ block: { list, heading: heading.specs, headingRowCount: b.headerRow - from, matrix: read.matrix }, read });
  });
  const lastEnd = blocks[blocks.length - 1].bodyEnd;
  const footer = learnForm(ctx, lastEnd + 1, grid.rowCount - 1, state, false);
  parts.push(footer);

  const moneyUnit: MoneyUnit = parts.map((p) => p.moneyUnit).find((u) => u !== null) ?? 'wanYuan';
  const annual = learned.find((l) => l.block.list === 'indicators') ?? learned[learned.length - 1];
  const colWidths = grid.sheetCols.map((c) => options.sheetColWidths[c] ?? DEFAULT_WIDTH);
  const fiscalYear = /((?:19|20)\d{2})/.exec(header.yearTexts.join(' '))?.[1];
  const structure = JSON.stringify([colWidths, parts.map((p) => p.specs.map(({ text: _t, ...rest }) => rest)), learned.map((l) => [l.block.list, l.block.headingRowCount, l.block.matrix.columns.map((c) => [c.key, c.c, c.cs])])]);
  const template: LearnedTemplate = {
    id: 'learned', letter: '', templateId: hash(structure), sourceName: options.sourceName,
    displayName: `自定义版式（来自 ${options.sourceName}）`, region: '自定义',
    defaultTitle: header.title ? (fiscalYear ? header.title.replace(fiscalYear, '{year}') : header.title) : '',
    defaultMoneyUnit: moneyUnit, department: false,
    orientation: colWidths.reduce((a, b) => a + b, 0) > 110 ? 'landscape' : 'portrait',
    colWidths, header: header.specs, headerRowCount: firstHeading,
    matrix: annual.block.matrix, blocks: learned.map((l) => l.block),
    footer: footer.specs, footerRowCount: grid.rowCount - 1 - lastEnd,
    categories: observedCategories(learned.map((l) => l.read.indicators)),
    profile: {}, extraFields: state.extras,
  };
  let table = createLearnedTable(template, moneyUnit);
  for (const l of learned) table = { ...table, [l.block.list]: l.read.indicators } as PerformanceTable;
  const values = parts.flatMap((p) => p.values);
  for (const v of values) table = applyValue(table, v, state, (text) => warnCell(ctx, v.cell, `${ctx.tableName}：「${quote(text)}」不是有效的金额，已保留原文，数值留空`));
  // A title that names the project (「农村人居环境整治项目绩效目标表」) prints the project's own name.
  if (table.projectName !== '' && template.defaultTitle.includes(table.projectName)) {
    table = { ...table, template: { ...template, defaultTitle: template.defaultTitle.replace(table.projectName, '{projectName}') } };
  }
  reportUnconsumed(ctx, 0, grid.rowCount - 1);

  const annualRead = annual.read;
  const annualHeader = blocks[learned.indexOf(annual)];
  const source: { -readonly [K in keyof TableSourceDraft]: TableSourceDraft[K] } = {
    firstRow: sheetRowOf(grid, 0),
    lastRow: sheetRowOf(grid, grid.rowCount - 1),
    fields: sourceFields(grid, values.map((v) => [v.path, v.cell])),
    headerRow: sheetRowOf(grid, annualHeader.headerRow),
    columns: sourceColumns(grid, annualHeader.headerRow, annual.block.matrix.columns.map((c) => [c.key, c.c])),
    bodyFirstRow: sheetRowOf(grid, annualHeader.headerRow + 1),
    bodyLastRow: sheetRowOf(grid, annualHeader.bodyEnd),
    indicatorRows: annualRead.rows.map((r) => sheetRowOf(grid, r)),
  };
  const longTerm = learned.find((l) => l.block.list === 'longTermIndicators');
  if (longTerm) {
    const b = blocks[learned.indexOf(longTerm)];
    source.longTerm = {
      headerRow: sheetRowOf(grid, b.headerRow),
      columns: sourceColumns(grid, b.headerRow, longTerm.block.matrix.columns.map((c) => [c.key, c.c])),
      bodyFirstRow: sheetRowOf(grid, b.headerRow + 1),
      bodyLastRow: sheetRowOf(grid, b.bodyEnd),
      indicatorRows: longTerm.read.rows.map((r) => sheetRowOf(grid, r)),
    };
  }
  return { table, yearTexts: header.yearTexts, unitLine: null, source };
}
