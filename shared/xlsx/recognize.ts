/**
 * Import recognition (DOMAIN.md §1, §6 "Import"): RawWorkbook → Project. Tables are found by
 * their labels and merged-cell geometry, never by fixed coordinates, in three shapes: one
 * table per sheet, many tables stacked in one sheet, and a flat list (one row per indicator).
 * Pure: no xlsx library, no Node.
 */
import { tableTitle } from '../layout/layout';
import type { BuiltinFamilyId, FamilyId, PerformanceTable, Project, ProjectMeta } from '../model/types';
import { clampProject } from './clamp-project';
import { compactRegion, buildGrid, type Grid, type GridCell } from './grid';
import type { ImportWarning, RawSheet, RawWorkbook } from './raw';
import { type ReadContext, reportUnconsumed } from './read-context';
import { readFlatList } from './read-flat-list';
import { readTable, type TableDraft } from './read-table';
import { segmentSheet } from './segment';
import { completeSource } from './source-map';
import { builtInFit } from './builtin-fit';
import { readLearnedTable } from './read-learned';
import { isLabelLike } from './learn-form';
import { isVocabularyLabel } from '../vocabulary/lookup';
import type { TableSource } from '../model/source';

/** The result of recognizing a workbook: the project and everything that could not be recognized. */
export interface ImportResult {
  readonly project: Project;
  /**
   * Where each table was read from (SourceMap), parallel to `project.tables`. Kept apart from the
   * project so recognition goldens stay plain; `attachSources` (source-map.ts) joins them.
   */
  readonly sources: readonly TableSource[];
  /** Reader warnings first, then recognition warnings, in Chinese, with sheet and A1 cell. */
  readonly warnings: ImportWarning[];
}

/** Choices the user made in the import dialog or on the command line. */
export interface RecognizeOptions {
  /** Read every table as this family instead of detecting it. */
  readonly family?: BuiltinFamilyId;
  /** 预算年度 when no title names it (「2024年…」, 「( 2022 年度)」). */
  readonly fiscalYear?: number | null;
  /** File name of the workbook, for the name of a learned layout (「自定义版式（来自 文件名）」). */
  readonly sourceName?: string;
}

const YEAR_RE = /((?:19|20)\d{2})\s*年/;

function yearOf(texts: readonly string[]): number | null {
  for (const t of texts) {
    const m = YEAR_RE.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

/** 预算年度 from a Hebei 项目编码 (6-digit 区划码 + 2-digit year + `P`…, HDR-05). */
function yearOfProjectCode(code: string): number | null {
  const m = /^\d{6}(\d{2})P/.exec(code.trim());
  return m ? 2000 + Number(m[1]) : null;
}

interface SheetDraft {
  readonly draft: TableDraft;
  readonly source: TableSource;
}

/**
 * True when a built-in reading left labels unread (项目概况, 上级财政资金 …): the form has fields
 * the family cannot hold, so its layout is learned. Stray notes (「备注：无」) are only reported.
 */
function hasUnreadLabels(ctx: ReadContext): boolean {
  return ctx.grid.anchors.some((a) => !ctx.consumed.has(a) && a.text.trim() !== '' && (isVocabularyLabel(a.text) || isLabelLike(a.text)));
}

/** The last view row whose sheet row is at or before `sheetRow`. */
function viewRowAtOrBefore(grid: Grid, sheetRow: number): number {
  let v = 0;
  while (v + 1 < grid.sheetRows.length && grid.sheetRows[v + 1] <= sheetRow) v++;
  return v;
}

function sheetDrafts(sheet: RawSheet, sheetIndex: number, index: { n: number }, warnings: ImportWarning[], options: RecognizeOptions): SheetDraft[] {
  const full = buildGrid(sheet);
  const segments = segmentSheet(full);
  const drafts: TableDraft[] = [];
  const context = (grid: Grid): ReadContext => ({ grid, consumed: new Set(), warnings, tableName: `第${index.n + 1}张表` });
  for (const seg of segments) {
    const grid = compactRegion(sheet, full, seg.start, seg.end);
    const headerRow = grid.sheetRows.indexOf(seg.headerRow);
    if (seg.kind === 'flat') {
      const flat = readFlatList(context(grid), headerRow, options.family);
      drafts.push(...flat);
      index.n += flat.length;
    } else {
      const ctx = context(grid);
      const bodyEnd = viewRowAtOrBefore(grid, seg.bodyEnd);
      const family = options.family ?? builtInFit(ctx, headerRow, seg.blocks.length);
      // A built-in family is kept only when it reads every cell of the table (else: learned layout).
      const trial = family && !options.family ? { ...ctx, consumed: new Set<GridCell>(), warnings: [] } : ctx;
      const draft = family ? readTable(trial, headerRow, bodyEnd, family) : null;
      if (draft && (trial === ctx || (!seg.extended && !hasUnreadLabels(trial)))) {
        if (trial !== ctx) warnings.push(...trial.warnings);
        drafts.push(draft);
      } else {
        const blocks = seg.blocks.map((b) => ({ headerRow: grid.sheetRows.indexOf(b.headerRow), bodyEnd: viewRowAtOrBefore(grid, b.bodyEnd) }));
        drafts.push(readLearnedTable(ctx, blocks, { sourceName: options.sourceName ?? '导入的工作簿', sheetColWidths: sheet.colWidths }));
      }
      index.n += 1;
    }
  }
  const shape = segments.some((s) => s.kind === 'flat') ? 'flat' : drafts.length > 1 ? 'stacked' : 'sheet';
  const out = drafts.map((draft) => ({ draft, source: completeSource(draft.source, sheet.name, sheetIndex, shape) }));
  const tailStart = segments.length > 0 ? segments[segments.length - 1].end + 1 : 0;
  if (tailStart < full.rowCount) {
    const tail = compactRegion(sheet, full, tailStart, full.rowCount - 1);
    const ctx: ReadContext = { grid: tail, consumed: new Set(), warnings, tableName: `工作表「${sheet.name}」表格外` };
    if (segments.length === 0 && tail.anchors.some((a) => a.text.trim() !== '')) {
      warnings.push({ sheet: sheet.name, kind: 'no-table', message: `工作表「${sheet.name}」中没有绩效目标表（没有「一级指标 / 二级指标 / 三级指标 / 指标值」表头），原样保留，回填时不变` });
    } else {
      reportUnconsumed(ctx, 0, tail.rowCount - 1);
    }
  }
  return out;
}

/** Splits the family C unit line `816001怀来县官厅镇人民政府` into 单位编码 and 单位名称. */
function splitUnitLine(line: string): { unitCode: string; unitName: string } {
  const m = /^\s*([0-9A-Za-z]*)\s*([\s\S]*)$/.exec(line)!;
  return { unitCode: m[1], unitName: m[2].trim() };
}

function projectMeta(drafts: readonly TableDraft[], options: RecognizeOptions): ProjectMeta {
  const printedYear = drafts.map((d) => yearOf(d.yearTexts)).find((y) => y !== null) ?? null;
  const codeYear = drafts.map((d) => yearOfProjectCode(d.table.projectCode)).find((y) => y !== null) ?? null;
  const fiscalYear = printedYear ?? options.fiscalYear ?? codeYear;
  const line = drafts.find((d) => d.unitLine !== null)?.unitLine;
  const unit = line ? splitUnitLine(line) : { unitCode: '', unitName: '' };
  return { fiscalYear, ...unit, moneyUnit: drafts[0]?.table.moneyUnit ?? 'wanYuan' };
}

/** The stored title: '' when the printed one is the family default after token substitution (spaces ignored). */
function settleTitle(table: PerformanceTable, meta: ProjectMeta): PerformanceTable {
  if (table.title === '') return table;
  const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
  const fallback = tableTitle({ ...table, title: '' }, meta);
  return squash(fallback) === squash(table.title) ? { ...table, title: '' } : table;
}

/**
 * Recognizes every table of a workbook.
 *
 * - Family (A–E) per table from its labels (`options.family` overrides, for every table).
 * - 预算年度 from the first title that names one, else `options.fiscalYear`, else a Hebei 项目编码.
 * - 单位编码 / 单位名称 from the family C unit line.
 * - Titles equal to the family default are stored as '' (the layout prints the default).
 * - Amounts in the table's unit (`项目资金 (万元)`, `单位：元`); irregular texts kept in `amountTexts`.
 * - Values beyond the project limits (shared/limits.ts) are cut with a warning (clamp-project.ts).
 *
 * Never throws on bad input: what cannot be recognized is reported in `warnings` (Chinese,
 * with sheet and A1 cell). Recognizing the grid `layout(T)` gives back `T`.
 */
export function recognizeWorkbook(raw: RawWorkbook, options: RecognizeOptions = {}): ImportResult {
  const warnings: ImportWarning[] = [...raw.warnings];
  const index = { n: 0 };
  const read = raw.sheets.flatMap((sheet, sheetIndex) => sheetDrafts(sheet, sheetIndex, index, warnings, options));
  const drafts = read.map((r) => r.draft);
  const meta = projectMeta(drafts, options);
  drafts.forEach((d, i) => {
    const year = yearOf(d.yearTexts);
    if (year !== null && meta.fiscalYear !== null && year !== meta.fiscalYear) {
      warnings.push({ message: `第${i + 1}张表的年度（${year}）与项目年度（${meta.fiscalYear}）不同，请核对` });
    }
  });
  const tables = drafts.map((d) => settleTitle(d.table, meta));
  if (tables.length === 0) warnings.push({ message: '工作簿中没有找到绩效目标表' });
  return { project: clampProject({ meta, tables }, warnings), warnings, sources: read.map((r) => r.source) };
}
