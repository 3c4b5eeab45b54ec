/**
 * Pagination of the whole 绩效文本: cover, 目录, 第一部分, 第二部分. The body is flowed page by page
 * (flow.ts) with the print engine's measures, so each part's, section's and table's page number
 * is known exactly before printing; the 目录 prints those numbers. Pure.
 */
import { layout } from '../layout/layout';
import {
  DEPARTMENT_SECTION_HEADINGS, sectionParagraphs, type DepartmentDocument, type DepartmentSectionKey,
} from '../model/department';
import { pageRowHeights } from '../print/paginate';
import { SAFETY_MM, columnWidthsMm, lineHeightMm, measureRows } from '../print/geometry';
import { wrappedLineCount } from '../layout/text-measure';
import { PART_TITLES, type DocumentContent, type DocumentTable } from './content';
import { breakLines } from './break-lines';
import { departmentSheetLayout } from './department-layout';
import { BODY_FONT, BODY_LINE_MM, PART_LINE_MM, PageFlow, documentGeometry, type DocBlock, type DocPage } from './flow';

/** One line of the 目录. */
export interface TocEntry {
  /** 0 a part, 1 a section of 第一部分, 2 a table. */
  readonly level: 0 | 1 | 2;
  readonly text: string;
  /** Anchor (bookmark) id of the target. */
  readonly anchor: string;
  /** Printed page number of the target (body pages count from 1). */
  readonly page: number;
}

/** A 目录 line as placed on a 目录 page, with its height. */
export interface TocLine extends TocEntry {
  /** The entry's text cut into printed lines (the page number follows the last). */
  readonly lines: readonly string[];
  readonly heightMm: number;
  /** Space above the line (parts after the first), included in heightMm. */
  readonly spaceBeforeMm: number;
}

/** The paginated document. */
export interface DocumentPages {
  readonly content: DocumentContent;
  /** 目录 pages (each a list of lines; the first page also carries the heading 「目录」). */
  readonly tocPages: readonly (readonly TocLine[])[];
  /** Body pages; body page i prints the number i + 1. */
  readonly body: readonly DocPage[];
  /** All 目录 entries in order. */
  readonly toc: readonly TocEntry[];
  /** Pages before the body: the cover and the 目录 pages (they print no number). */
  readonly frontPages: number;
}

/** 目录 type: 四号 (14 pt) on 26 pt lines; its heading 二号 on 36 pt lines plus one blank line. */
export const TOC_FONT = { sizePt: 14, linePt: 26, bold: false } as const;
export const TOC_LINE_MM = lineHeightMm(TOC_FONT);
export const TOC_HEADING_MM = PART_LINE_MM + TOC_LINE_MM;
/** Width kept for the leader dots and the page number at the right of a 目录 line. */
export const TOC_NUMBER_MM = 16;
/** Indent of section lines in the 目录 (two characters). */
export const TOC_INDENT_MM = 2 * TOC_FONT.sizePt * (25.4 / 72);

function lines(text: string, widthMm: number, fontPt: number): number {
  return wrappedLineCount(text, widthMm, fontPt);
}

function paragraphBlocks(text: string, width: number): DocBlock[] {
  return sectionParagraphs(text).map((p) => ({
    kind: 'paragraph' as const, text: p, heightMm: lines(`\u3000\u3000${p}`, width, BODY_FONT.sizePt) * BODY_LINE_MM,
  }));
}

/**
 * Places a body paragraph; one that does not fit the rest of the page (and is longer than what
 * is left) is broken after the lines that fit, the rest continuing on the next page without
 * indent. Lines are cut by `breakLines` at a width the browser never needs to wrap more tightly.
 */
function placeParagraph(flow: PageFlow, block: Extract<DocBlock, { kind: 'paragraph' }>, width: number): void {
  let rest = block;
  for (let guard = 0; guard < 1000; guard++) {
    const fitLines = Math.floor((flow.remaining + 0.01) / BODY_LINE_MM);
    if (rest.heightMm <= flow.remaining || (flow.isEmpty && rest.heightMm <= flow.capacity)) {
      flow.place(rest);
      return;
    }
    if (fitLines < 2) {
      flow.newPage(flow.current.geometry.orientation);
      continue;
    }
    const indent = rest.continued ? '' : '\u3000\u3000';
    const cut = breakLines(`${indent}${rest.text}`, width, BODY_FONT.sizePt);
    const head = cut.slice(0, fitLines).join('').slice(indent.length);
    const tail = cut.slice(fitLines).join('');
    flow.place({ kind: 'paragraph', text: head, heightMm: fitLines * BODY_LINE_MM, ...(rest.continued ? { continued: true } : {}) });
    rest = { kind: 'paragraph', text: tail, heightMm: lines(tail, width, BODY_FONT.sizePt) * BODY_LINE_MM, continued: true };
    flow.newPage(flow.current.geometry.orientation);
  }
}

/** Places a section heading kept with the first `keepMm` of what follows it. */
function placeHeading(flow: PageFlow, key: DepartmentSectionKey, width: number, keepMm: number): void {
  const text = DEPARTMENT_SECTION_HEADINGS[key];
  flow.place({ kind: 'heading', text, anchor: `sec-${key}`, heightMm: lines(text, width, BODY_FONT.sizePt) * BODY_LINE_MM }, keepMm);
}

function flowDepartment(flow: PageFlow, doc: DepartmentDocument, width: number): void {
  for (const key of ['overallGoal', 'itemGoalsText', 'safeguards'] as const) {
    if (key === 'itemGoalsText' && doc.itemGoals !== null) {
      const sheet = departmentSheetLayout(doc.itemGoals);
      const colMm = columnWidthsMm(sheet.colWidths, width);
      const metrics = measureRows(sheet, colMm);
      const lead = pageRowHeights(sheet.rowCount > 1 ? [0, 1] : [0], metrics).reduce((a, b) => a + b, 0);
      placeHeading(flow, key, width, lead);
      flow.placeRows(sheet, colMm, metrics, '');
      continue;
    }
    const blocks = paragraphBlocks(doc[key], width);
    // Paragraphs break across pages, so a heading only needs two lines of its first one below it.
    placeHeading(flow, key, width, Math.min(blocks[0]?.heightMm ?? 0, 2 * BODY_LINE_MM));
    for (const b of blocks) if (b.kind === 'paragraph') placeParagraph(flow, b, width);
  }
}

function flowTable(flow: PageFlow, entry: DocumentTable, ctx: DocumentContent['ctx'], newPage = true): void {
  const sheet = layout(entry.table, ctx);
  if (newPage || flow.current.geometry.orientation !== sheet.orientation) flow.freshPage(sheet.orientation);
  const geometry = documentGeometry(sheet.orientation);
  if (entry.headingAbove) {
    const h = lines(entry.heading, geometry.bodyWidth, BODY_FONT.sizePt) * BODY_LINE_MM;
    flow.place({ kind: 'tableHeading', text: entry.heading, anchor: entry.anchor, heightMm: h });
  }
  const colMm = columnWidthsMm(sheet.colWidths, geometry.bodyWidth);
  flow.placeRows(sheet, colMm, measureRows(sheet, colMm), entry.headingAbove ? '' : entry.anchor);
}

/** The body pages and the page of every anchor. */
function flowBody(content: DocumentContent): { pages: DocPage[]; anchors: Map<string, number> } {
  const flow = new PageFlow();
  const width = documentGeometry('portrait').bodyWidth;
  const partHeight = 2 * PART_LINE_MM + BODY_LINE_MM;
  if (content.part1) {
    flow.freshPage('portrait');
    flow.place({ kind: 'partTitle', lines: PART_TITLES.part1, anchor: 'part1', heightMm: partHeight, standalone: false });
    if (content.part1.department) flowDepartment(flow, content.part1.department, width);
    // A 部门整体 table without narrative follows the part title on its page.
    content.part1.tables.forEach((t, i) => flowTable(flow, t, content.ctx, i > 0 || content.part1!.department !== null));
  }
  if (content.part2.length > 0) {
    flow.freshPage('portrait');
    flow.place({ kind: 'partTitle', lines: PART_TITLES.part2, anchor: 'part2', heightMm: partHeight, standalone: true });
    for (const t of content.part2) flowTable(flow, t, content.ctx);
  }
  const anchors = new Map<string, number>();
  flow.pages.forEach((page, i) => {
    for (const b of page.blocks) if ('anchor' in b && b.anchor && !anchors.has(b.anchor)) anchors.set(b.anchor, i + 1);
  });
  return { pages: flow.pages, anchors };
}

/** The 目录 entries (page numbers filled from `anchors`). */
function tocEntries(content: DocumentContent, anchors: ReadonlyMap<string, number>): TocEntry[] {
  const out: TocEntry[] = [];
  const add = (level: 0 | 1 | 2, text: string, anchor: string): void => {
    out.push({ level, text, anchor, page: anchors.get(anchor) ?? 0 });
  };
  if (content.part1) {
    add(0, PART_TITLES.part1.join(' '), 'part1');
    if (content.part1.department) {
      for (const key of ['overallGoal', 'itemGoalsText', 'safeguards'] as const) add(1, DEPARTMENT_SECTION_HEADINGS[key], `sec-${key}`);
    }
    for (const t of content.part1.tables) add(2, t.heading, t.anchor);
  }
  if (content.part2.length > 0) {
    add(0, PART_TITLES.part2.join(' '), 'part2');
    for (const t of content.part2) add(2, t.heading, t.anchor);
  }
  return out;
}

/** Splits 目录 entries into pages; the first page starts below the heading 「目录」. */
function tocPagesOf(entries: readonly TocEntry[]): TocLine[][] {
  const geometry = documentGeometry('portrait');
  const capacity = geometry.bodyHeight - SAFETY_MM;
  const pages: TocLine[][] = [[]];
  let used = TOC_HEADING_MM;
  entries.forEach((e, i) => {
    const indent = e.level === 1 ? TOC_INDENT_MM : 0;
    const textLines = breakLines(e.text, geometry.bodyWidth - indent - TOC_NUMBER_MM, TOC_FONT.sizePt);
    const n = textLines.length;
    const spaceBeforeMm = e.level === 0 && i > 0 ? TOC_LINE_MM : 0;
    let line: TocLine = { ...e, lines: textLines, heightMm: n * TOC_LINE_MM + spaceBeforeMm, spaceBeforeMm };
    if (used + line.heightMm > capacity && pages[pages.length - 1].length > 0) {
      pages.push([]);
      used = 0;
      line = { ...line, heightMm: n * TOC_LINE_MM, spaceBeforeMm: 0 };
    }
    pages[pages.length - 1].push(line);
    used += line.heightMm;
  });
  return pages;
}

/**
 * Paginates a document: the body first (page numbers of every anchor), then the 目录 with those
 * numbers. Body pages are numbered from 1; the cover and the 目录 pages before them are not numbered.
 */
export function paginateDocument(content: DocumentContent): DocumentPages {
  const { pages, anchors } = flowBody(content);
  const toc = tocEntries(content, anchors);
  const tocPages = tocPagesOf(toc);
  return { content, tocPages, body: pages, toc, frontPages: 1 + tocPages.length };
}
