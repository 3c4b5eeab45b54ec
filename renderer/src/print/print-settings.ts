/**
 * Pure logic of 打印预览 (no React, no DOM): which tables the options select, the print options
 * sent to shared/print and over IPC, the preview document built from the print HTML, its size on
 * screen, zoom steps, the errors counted before printing and the default PDF name.
 */
import { familyOf } from '../../../shared/families';
import type { PrintSettings } from '../../../shared/ipc';
import type { Project } from '../../../shared/model/types';
import { A4 } from '../../../shared/print/geometry';
import type { PrintOptions } from '../../../shared/print/types';
import type { Finding } from '../../../shared/validation/types';

/** Which tables to print: the current one, all, or a chosen set. */
export type TableScope = 'current' | 'all' | 'chosen';

/** The options of 打印预览. */
export interface PreviewSettings {
  readonly scope: TableScope;
  /** 0-based table indices ticked under 「选择表」 (used when scope is 'chosen'). */
  readonly chosen: readonly number[];
  /** 隐藏空白指标行 (family A pre-printed slots). */
  readonly hideEmptySlots: boolean;
  /** 「第 N 页 共 M 页」. */
  readonly pageNumbers: boolean;
  /** 单位负责人 / 填表人 / 联系电话 / 日期 under each table. */
  readonly signature: boolean;
}

/** Printing starts with the table the clerk is looking at (当前表); 全部表 is one click away. */
export const DEFAULT_PREVIEW_SETTINGS: PreviewSettings = {
  scope: 'current', chosen: [], hideEmptySlots: false, pageNumbers: true, signature: false,
};

/** The 0-based indices of the tables to print, ascending, all inside 0…tableCount-1. */
export function selectedTables(settings: PreviewSettings, currentTable: number, tableCount: number): number[] {
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < tableCount;
  if (settings.scope === 'current') return inRange(currentTable) ? [currentTable] : [];
  if (settings.scope === 'all') return Array.from({ length: tableCount }, (_, i) => i);
  return [...new Set(settings.chosen.filter(inRange))].sort((a, b) => a - b);
}

/** What the IPC channels take: `tableIndices` (absent = all tables) and the print settings. */
export function printRequest(
  settings: PreviewSettings,
  currentTable: number,
  tableCount: number,
): { tableIndices?: number[]; options: PrintSettings } {
  const options: PrintSettings = { hideEmptySlots: settings.hideEmptySlots, pageNumbers: settings.pageNumbers, signature: settings.signature };
  return settings.scope === 'all' ? { options } : { tableIndices: selectedTables(settings, currentTable, tableCount), options };
}

/** The shared/print options of the preview (the same pages the IPC request prints). */
export function printOptions(settings: PreviewSettings, currentTable: number, tableCount: number): PrintOptions {
  const { tableIndices, options } = printRequest(settings, currentTable, tableCount);
  return { ...options, ...(tableIndices ? { tables: tableIndices } : {}) };
}

/** True when 隐藏空白指标行 can change something: a printed table of a family with pre-printed slots (A). */
export function hasEmptySlotOption(project: Project, tables: readonly number[]): boolean {
  return tables.some((i) => {
    const table = project.tables[i];
    return table !== undefined && Boolean(familyOf(table).matrix.slotStyle);
  });
}

/** Space between pages (and around them) in the preview, mm. */
export const PREVIEW_GAP_MM = 6;
/** CSS pixels per mm (96 dpi). */
export const PX_PER_MM = 96 / 25.4;

/**
 * The document shown in the preview iframe: the print HTML with a CSP forbidding everything but
 * its inline styles (defence in depth: the iframe is also `sandbox=""`, and shared/print escapes
 * all text), and a screen-only layout of the pages at known positions (see previewSize).
 */
export function previewDocument(printHtml: string): string {
  const csp = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">';
  const screen = `<style>@media screen{html,body{overflow:hidden}body{padding:${PREVIEW_GAP_MM}mm 0 0}`
    + `.page{margin:0 auto ${PREVIEW_GAP_MM}mm}}</style>`;
  const withCsp = printHtml.replace(/<head>/i, `<head>${csp}`);
  return withCsp.includes('</head>') ? withCsp.replace('</head>', `${screen}</head>`) : `${screen}${withCsp}`;
}

/** Size in mm of the preview document: pages stacked with PREVIEW_GAP_MM around each. */
export function previewSize(printHtml: string): { widthMm: number; heightMm: number; pages: number } {
  const portrait = (printHtml.match(/<section class="page portrait"/g) ?? []).length;
  const landscape = (printHtml.match(/<section class="page landscape"/g) ?? []).length;
  const widest = landscape > 0 ? A4.height : A4.width;
  return {
    widthMm: widest + 2 * PREVIEW_GAP_MM,
    heightMm: PREVIEW_GAP_MM + portrait * (A4.height + PREVIEW_GAP_MM) + landscape * (A4.width + PREVIEW_GAP_MM),
    pages: portrait + landscape,
  };
}

/** Zoom limits and the steps of the zoom list / − + buttons, percent. */
export const ZOOM_MIN = 50;
export const ZOOM_MAX = 200;
export const ZOOM_STEPS: readonly number[] = [50, 75, 100, 125, 150, 175, 200];

/** A zoom percent inside 50–200, rounded to whole percent; NaN gives 100. */
export function clampZoom(percent: number): number {
  if (!Number.isFinite(percent)) return 100;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(percent)));
}

/** The zoom at which the widest page (with its gaps) fills `paneWidthPx`, clamped to 50–200. */
export function fitWidthZoom(paneWidthPx: number, docWidthMm: number): number {
  if (paneWidthPx <= 0 || docWidthMm <= 0) return 100;
  return clampZoom(Math.floor((paneWidthPx / (docWidthMm * PX_PER_MM)) * 100));
}

/** The next zoom step above (`+1`) or below (`-1`) `percent`, within 50–200. */
export function stepZoom(percent: number, direction: 1 | -1): number {
  const next = direction > 0 ? ZOOM_STEPS.find((z) => z > percent) : [...ZOOM_STEPS].reverse().find((z) => z < percent);
  return next ?? (direction > 0 ? ZOOM_MAX : ZOOM_MIN);
}

/** Error-level findings of the printed tables (all findings of `byTable` when `tables` is absent). */
export function printErrors(byTable: readonly (readonly Finding[])[], tables?: readonly number[]): Finding[] {
  const indices = tables ?? byTable.map((_, i) => i);
  return indices.flatMap((i) => (byTable[i] ?? []).filter((f) => f.severity === 'error'));
}

const stripExt = (name: string) => name.replace(/\.[^.]+$/, '');

/**
 * Default name of the PDF (without folder; the handler adds `.pdf` and replaces characters a file
 * name cannot hold): one table → its 项目名称; several → the document's name, else the 单位名称,
 * else the first table's 项目名称.
 */
export function pdfName(project: Project, displayName: string, tables: readonly number[]): string {
  const doc = stripExt(displayName.replace(/（[^）]*）$/, '')).trim();
  const usable = doc !== '' && doc !== '未命名' && doc !== '示例项目' ? doc : '';
  if (tables.length === 1) {
    const name = project.tables[tables[0]]?.projectName.trim();
    if (name) return name;
  }
  return usable || project.meta.unitName.trim() || project.tables[tables[0] ?? 0]?.projectName.trim() || '绩效目标表';
}
