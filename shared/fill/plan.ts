/**
 * The fill plan (回填计划): Project + the target workbook as read (RawWorkbook) → the edits that
 * write the project into a copy of that workbook (shared/fill/edits.ts), and notices for the
 * user. Pure.
 *
 * - Each table goes into a slot: its own TableSource (fill back into the source), or the
 *   template's tables in order (fill into this year's blank form).
 * - The shape stays: a per-sheet form stays per-sheet (tables beyond the slots get a copy of the
 *   first form sheet), stacked tables stay stacked (later tables move down as rows are
 *   inserted), a flat list stays a flat list (tables beyond the slots are appended as rows).
 * - Within a sheet, slots are filled bottom-up, so inserting rows never moves a slot not yet filled.
 * - Amounts are written in the slot's money unit (the table is converted when the template's
 *   unit differs), as numbers.
 */
import { convertTableMoneyUnit } from '../commands/convert-money-unit.command';
import type { TableSource } from '../model/source';
import { getAtPath } from '../model/paths';
import type { MoneyUnit, PerformanceTable, Project } from '../model/types';
import type { RawCell, RawWorkbook } from '../xlsx/raw';
import type { FillEdit, FillNotice } from './edits';
import { planTableFill, slotRows, type SlotContext, type TableValues } from './plan-table';
import { modelFieldValue, plainIndicatorTexts, tableTexts } from './table-values';

/** A place in the target workbook a table can be written into. */
export interface FillSlot {
  readonly source: TableSource;
  /** Money unit of the slot's amount cells (the template table's unit). */
  readonly moneyUnit: MoneyUnit;
}

/** The fill plan: edits in order, and what the user must know. */
export interface FillPlan {
  readonly edits: FillEdit[];
  readonly notices: FillNotice[];
  /** Tables written, by shape; tables not placed are in `notices`. */
  readonly placed: number;
}

interface Assignment {
  readonly table: PerformanceTable;
  readonly tableIndex: number;
  readonly slot: TableSource;
  readonly moneyUnit: MoneyUnit;
  /** Sheet index in the target after the clones. */
  sheet: number;
  /** True when the slot's rows are new (a cloned sheet keeps the form's content; appended flat rows are empty). */
  readonly blankRows: boolean;
}

function values(table: PerformanceTable, project: Project, flat: boolean): TableValues {
  const ctx = project.meta;
  if (flat) return { field: (path) => modelFieldValue(table, ctx, path), indicators: table.indicators.map(plainIndicatorTexts) };
  const texts = tableTexts(table, ctx);
  return { field: (path) => texts.fields.get(path) ?? modelFieldValue(table, ctx, path), indicators: texts.indicators, body: texts.body };
}

function cellOf(raw: RawWorkbook, sheet: number, row: number, col: number): RawCell | null {
  return raw.sheets[sheet]?.rows[row]?.[col] ?? null;
}

/** Slot of a flat table appended after `last`: same columns, rows starting right below it. */
function appendedFlatSlot(last: TableSource, n: number): TableSource {
  const lastRows = slotRows(last);
  const first = lastRows[lastRows.length - 1] + 1;
  const rows = Array.from({ length: Math.max(1, n) }, (_, i) => first + i);
  return { ...last, firstRow: first, lastRow: rows[rows.length - 1], bodyFirstRow: first, bodyLastRow: rows[rows.length - 1], indicatorRows: rows };
}

/**
 * Assigns tables to slots: in order while slots last, then by the shape of the first slot
 * (sheet: a clone of its sheet; flat: rows appended below the last flat slot; stacked: not
 * placed, reported).
 */
function assign(project: Project, slots: readonly FillSlot[], own: boolean, notices: FillNotice[]): { list: Assignment[]; clones: { from: number; name: string }[] } {
  const list: Assignment[] = [];
  const clones: { from: number; name: string }[] = [];
  const shape = slots[0]?.source.shape;
  let lastFlat = slots.filter((s) => s.source.shape === 'flat').map((s) => s.source).sort((a, b) => b.lastRow - a.lastRow)[0];
  project.tables.forEach((table, tableIndex) => {
    const slot = own ? (table.source ? { source: table.source, moneyUnit: table.moneyUnit } : undefined) : slots[tableIndex];
    if (slot) {
      list.push({ table, tableIndex, slot: slot.source, moneyUnit: slot.moneyUnit, sheet: slot.source.sheetIndex, blankRows: false });
      return;
    }
    const first = slots[0];
    if (shape === 'sheet') {
      clones.push({ from: first.source.sheetIndex, name: table.projectName.trim() || `表${tableIndex + 1}` });
      list.push({ table, tableIndex, slot: first.source, moneyUnit: first.moneyUnit, sheet: -clones.length, blankRows: false });
    } else if (shape === 'flat' && lastFlat) {
      const slotSource = appendedFlatSlot(lastFlat, table.indicators.length);
      list.push({ table, tableIndex, slot: slotSource, moneyUnit: first.moneyUnit, sheet: slotSource.sheetIndex, blankRows: true });
      lastFlat = slotSource;
    } else {
      notices.push({ level: 'warning', message: `第${tableIndex + 1}张表「${table.projectName}」在目标工作簿中没有位置（多表同页格式不追加新表），未写入` });
    }
  });
  return { list, clones };
}

/**
 * Plans the fill of `project` into the workbook `raw`: into each table's own TableSource
 * (fill back into the source), or, given `template`, into the template's slots in order.
 * `originals` (fill back into the source): the tables as the source reads today, parallel to
 * `project.tables`; a table equal to its original is not written at all, and of a changed form
 * only the changed fields (and the body when an indicator changed) are written, so cells whose
 * text the layout would compose differently (`45.60万元` vs `45.6万元`) stay as they were.
 * @returns edits in application order; notices in Chinese.
 */
export function planFill(project: Project, raw: RawWorkbook, template?: readonly FillSlot[], originals?: readonly (PerformanceTable | undefined)[]): FillPlan {
  const slots = template ?? sourceSlots(project);
  const notices: FillNotice[] = [];
  if (slots.length === 0) {
    notices.push({ level: 'warning', message: '目标工作簿中没有找到可回填的绩效目标表' });
    return { edits: [], notices, placed: 0 };
  }
  const { list, clones } = assign(project, slots, template === undefined, notices);
  const edits: FillEdit[] = [];
  const sheetSlots = slots.filter((s) => s.source.shape === 'sheet').map((s) => s.source.sheetIndex);
  const position = Math.max(...(sheetSlots.length ? sheetSlots : [0])) + 1;
  clones.forEach((c, i) => edits.push({ kind: 'cloneSheet', sheet: c.from >= position ? c.from + i : c.from, name: c.name, position: position + i }));
  for (const a of list) {
    if (a.sheet < 0) a.sheet = position + (-a.sheet - 1);
    else if (a.sheet >= position) a.sheet += clones.length;
  }
  const appended = list.filter((a) => a.blankRows);
  const unused = template ? template.slice(project.tables.length) : [];
  const drops = unused.filter((s) => s.source.shape === 'flat').map((s) => ({ drop: true as const, slot: s.source, sheet: s.source.sheetIndex >= position ? s.source.sheetIndex + clones.length : s.source.sheetIndex }));
  if (unused.length > drops.length) notices.push({ level: 'info', message: `模板中还有 ${unused.length - drops.length} 张表没有对应的项目，保持原样` });
  if (drops.length > 0) notices.push({ level: 'info', message: `模板清单中多出的 ${drops.length} 个项目的行已删除` });
  const existing = [...list.filter((a) => !a.blankRows), ...drops].sort((x, y) => x.sheet - y.sheet || y.slot.firstRow - x.slot.firstRow);
  const order = [...appended, ...existing];
  for (const a of order) {
    if ('drop' in a) {
      const rows = slotRows(a.slot);
      if (rows.length > 0) edits.push({ kind: 'deleteRows', sheet: a.sheet, at: rows[0], count: rows[rows.length - 1] - rows[0] + 1 });
      continue;
    }
    const flat = a.slot.shape === 'flat';
    const table = a.table.moneyUnit === a.moneyUnit ? a.table : convertTableMoneyUnit(a.table, a.moneyUnit);
    const rawSheet = a.blankRows ? -1 : cloneSource(a, clones, position);
    const slot = rawSheet < 0 ? a.slot : withTitleCell(a.slot, raw, rawSheet);
    const ctx: SlotContext = { sheet: a.sheet, slot, moneyUnit: a.moneyUnit, current: (r, c) => (rawSheet < 0 ? null : cellOf(raw, rawSheet, r, c)) };
    if (a.blankRows) edits.push({ kind: 'insertRows', sheet: a.sheet, at: a.slot.firstRow, count: slotRows(a.slot).length, styleFrom: a.slot.firstRow - 1 });
    const orig = a.blankRows || a.sheet !== a.slot.sheetIndex ? undefined : originals?.[a.tableIndex];
    if (orig && sameData(strip(orig), strip(a.table))) continue;
    edits.push(...planTableFill(ctx, orig && !flat ? onlyChanged(values(table, project, flat), orig, a.table) : values(table, project, flat)));
    if (table !== a.table) notices.push({ level: 'info', message: `第${a.tableIndex + 1}张表「${a.table.projectName}」的金额已换算为模板的单位` });
  }
  return { edits, notices, placed: list.length };
}

/**
 * The slot with its title cell when the recognizer did not record one: the first cell above the
 * header fields whose text names a 绩效目标 table (a form's title row).
 */
function withTitleCell(slot: TableSource, raw: RawWorkbook, sheet: number): TableSource {
  if (slot.shape === 'flat' || slot.fields.title) return slot;
  const rows = raw.sheets[sheet]?.rows ?? [];
  const top = Math.min(slot.headerRow, ...Object.values(slot.fields).map((f) => f.row));
  for (let r = slot.firstRow; r < top; r++) {
    const col = (rows[r] ?? []).findIndex((c) => typeof c?.value === 'string' && /绩效目标/.test(c.value));
    if (col >= 0) return { ...slot, fields: { ...slot.fields, title: { row: r, col } } };
  }
  return slot;
}

/** The sheet of `raw` whose content the assignment's target sheet has (a clone has its form sheet's content). */
function cloneSource(a: Assignment, clones: readonly { from: number }[], position: number): number {
  if (a.sheet >= position && a.sheet < position + clones.length) return clones[a.sheet - position].from;
  return a.sheet >= position + clones.length ? a.sheet - clones.length : a.sheet;
}

function strip(t: PerformanceTable): unknown {
  const { source: _s, template: _t, ...rest } = t;
  return rest;
}

/** Structural equality of plain JSON data (key order ignored). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The values of a changed form table restricted to what changed since its original. */
function onlyChanged(v: TableValues, orig: PerformanceTable, table: PerformanceTable): TableValues {
  const field = (path: string) => {
    const same = sameData(getAtPath(orig, path), getAtPath(table, path)) && orig.amountTexts[path] === table.amountTexts[path];
    return same ? null : v.field(path);
  };
  return sameData(orig.indicators, table.indicators) ? { field, indicators: v.indicators } : { ...v, field };
}

/** Slots of a project's own tables (fill back into the source workbook). */
export function sourceSlots(project: Project): FillSlot[] {
  return project.tables.flatMap((t) => (t.source ? [{ source: t.source, moneyUnit: t.moneyUnit }] : []));
}
