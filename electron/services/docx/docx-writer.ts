/**
 * The 部门预算绩效文本 as a Word document (.docx), written with the `docx` library (pinned; this
 * folder is its only user). Same content and page plan as the PDF (shared/document): a cover
 * section, a 目录 section (right tab with dot leader; page numbers are PAGEREF fields to
 * bookmarks, written with the numbers of the PDF pagination, which Word and WPS update), then the
 * body in sections numbered from 1 (「— N —」 footer), landscape sections for landscape tables,
 * every table a real Word table (docx-tables.ts).
 */
import {
  AlignmentType, Bookmark, Document, Footer, Packer, PageNumber, PageOrientation, PageReference, Paragraph, SectionType,
  TabStopType, TextRun, type ISectionOptions, type PageNumberEstimator, type Table,
} from 'docx';
import { PART_TITLES, type DocumentTable } from '../../../shared/document/content';
import { departmentSheetLayout } from '../../../shared/document/department-layout';
import { documentGeometry } from '../../../shared/document/flow';
import type { DocumentPages } from '../../../shared/document/paginate-document';
import { layout } from '../../../shared/layout/layout';
import { DEPARTMENT_SECTION_HEADINGS, sectionParagraphs, type DepartmentDocument } from '../../../shared/model/department';
import type { Project } from '../../../shared/model/types';
import { TWIPS_PER_MM, bookmarkName, sheetToWord } from './docx-tables';

/** Paragraph style of 目录 lines: the PAGEREF field result takes its 四号 仿宋. */
const TOC_STYLE = 'JxTocLine';

const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' } as const;
const HEITI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' } as const;
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' } as const;

/** 三号 body on exact 28 pt lines, first line indented two characters. */
function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 560, lineRule: 'exact' },
    // firstLineChars for Word/WPS; firstLine (2 × 16 pt) for LibreOffice, which ignores the former.
    indent: { firstLineChars: 200, firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, size: 32, font: FANGSONG })],
  });
}

function anchored(anchor: string, run: TextRun): Bookmark | TextRun {
  return anchor ? new Bookmark({ id: bookmarkName(anchor), children: [run] }) : run;
}

function headingParagraph(text: string, anchor: string, center = false): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 560, lineRule: 'exact' },
    indent: center ? undefined : { firstLineChars: 200, firstLine: 640 },
    alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
    keepNext: true,
    children: [anchored(anchor, new TextRun({ text, size: 32, font: HEITI }))],
  });
}

function partTitle(lines: readonly string[], anchor: string, spaceBeforeTwips: number): Paragraph[] {
  return lines.map((line, i) => new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: i === 0 ? spaceBeforeTwips : 0, after: i === lines.length - 1 ? 560 : 0, line: 720, lineRule: 'exact' },
    keepNext: true,
    children: [i === 0 ? anchored(anchor, new TextRun({ text: line, bold: true, size: 44, font: SONG })) : new TextRun({ text: line, bold: true, size: 44, font: SONG })],
  }));
}

function margins(orientation: 'portrait' | 'landscape'): { top: number; right: number; bottom: number; left: number } {
  const m = documentGeometry(orientation).margins;
  const t = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
  return { top: t(m.top), right: t(m.right), bottom: t(m.bottom), left: t(m.left) };
}

function pageProps(orientation: 'portrait' | 'landscape', numbered: boolean, startAt?: number): ISectionOptions['properties'] {
  return {
    type: SectionType.NEXT_PAGE,
    page: {
      // docx takes the portrait sizes and swaps them for landscape itself.
      size: { width: Math.round(210 * TWIPS_PER_MM), height: Math.round(297 * TWIPS_PER_MM), orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { ...margins(orientation), footer: Math.round((documentGeometry(orientation).margins.bottom - 14) * TWIPS_PER_MM) },
      pageNumbers: numbered && startAt !== undefined ? { start: startAt } : undefined,
    },
  };
}

const FOOTER = new Footer({
  children: [new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: SONG })],
  })],
});

function coverSection(pages: DocumentPages): ISectionOptions {
  const c = pages.content.cover;
  const big = (text: string, before: number): Paragraph => new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { before, after: 0, line: 800, lineRule: 'exact' },
    children: [new TextRun({ text, bold: true, size: 52, font: SONG })],
  });
  const foot = [c.compiler, c.reviewer].filter(Boolean).map((text, i) => new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { before: i === 0 ? 4200 : 0, after: 0, line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, size: 32, font: FANGSONG })],
  }));
  return { properties: pageProps('portrait', false), children: [big(c.unitName, 2400), big(c.title, 0), ...foot] };
}

function tocSection(pages: DocumentPages): ISectionOptions {
  const width = Math.round(documentGeometry('portrait').bodyWidth * TWIPS_PER_MM);
  const heading = new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { before: 0, after: 520, line: 720, lineRule: 'exact' },
    children: [new TextRun({ text: '目　　录', bold: true, size: 44, font: SONG })],
  });
  const entries = pages.toc.map((e, i) => new Paragraph({
    style: TOC_STYLE,
    tabStops: [{ type: TabStopType.RIGHT, position: width, leader: 'dot' }],
    indent: e.level === 1 ? { left: 560 } : undefined,
    spacing: { before: e.level === 0 && i > 0 ? 520 : 0, after: 0, line: 520, lineRule: 'exact' },
    children: [
      new TextRun({ text: e.text, bold: e.level === 0, size: 28, font: FANGSONG }),
      new TextRun({ text: '\t', size: 28 }),
      new PageReference(bookmarkName(e.anchor)),
    ],
  }));
  return { properties: pageProps('portrait', false), children: [heading, ...entries] };
}

function departmentChildren(doc: DepartmentDocument, widthMm: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const key of ['overallGoal', 'itemGoalsText', 'safeguards'] as const) {
    out.push(headingParagraph(DEPARTMENT_SECTION_HEADINGS[key], `sec-${key}`));
    if (key === 'itemGoalsText' && doc.itemGoals !== null) {
      // Its header row is its first row: always marked to repeat.
      out.push(...sheetToWord(departmentSheetLayout(doc.itemGoals), widthMm, { multiPage: true }));
    } else {
      out.push(...sectionParagraphs(doc[key]).map(bodyParagraph));
    }
  }
  return out;
}

/** Pages of each anchor's table in the PDF plan (to know which tables run over a page). */
function pagesPerAnchor(pages: DocumentPages): Map<string, number> {
  const counts = new Map<string, number>();
  let current = '';
  for (const page of pages.body) {
    for (const b of page.blocks) {
      if (b.kind !== 'rows') continue;
      if (b.anchor) current = b.anchor;
      counts.set(current, (counts.get(current) ?? 0) + 1);
    }
  }
  return counts;
}

function tableChildren(entry: DocumentTable, project: Project, spans: Map<string, number>, first: boolean): (Paragraph | Table)[] {
  const sheet = layout(entry.table, project.meta);
  const widthMm = documentGeometry(sheet.orientation).bodyWidth;
  const out: (Paragraph | Table)[] = [];
  if (!first) out.push(new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [] }));
  if (entry.headingAbove) out.push(headingParagraph(entry.heading, entry.anchor, true));
  out.push(...sheetToWord(sheet, widthMm, { anchor: entry.headingAbove ? '' : entry.anchor, multiPage: (spans.get(entry.anchor) ?? 1) > 1 }));
  return out;
}

/** The body sections: 第一部分, 第二部分 title page, then runs of tables of one orientation. */
function bodySections(project: Project, pages: DocumentPages): ISectionOptions[] {
  const { content } = pages;
  const spans = pagesPerAnchor(pages);
  const sections: ISectionOptions[] = [];
  const push = (orientation: 'portrait' | 'landscape', children: (Paragraph | Table)[]): void => {
    sections.push({ properties: pageProps(orientation, true, sections.length === 0 ? 1 : undefined), footers: { default: FOOTER }, children });
  };
  /** Tables from a new page each (the first one after `lead` on its page when `followLead`). */
  const tables = (list: readonly DocumentTable[], lead: (Paragraph | Table)[], followLead = false): void => {
    let run: (Paragraph | Table)[] = lead;
    let orientation: 'portrait' | 'landscape' = 'portrait';
    list.forEach((entry, i) => {
      const o = layout(entry.table, project.meta).orientation;
      if (o !== orientation && run.length > 0) {
        push(orientation, run);
        run = [];
      }
      orientation = o;
      run.push(...tableChildren(entry, project, spans, run.length === 0 || (followLead && i === 0)));
    });
    if (run.length > 0) push(orientation, run);
  };
  const width = documentGeometry('portrait').bodyWidth;
  if (content.part1) {
    const lead: (Paragraph | Table)[] = [...partTitle(PART_TITLES.part1, 'part1', 0)];
    if (content.part1.department) lead.push(...departmentChildren(content.part1.department, width));
    tables(content.part1.tables, lead, content.part1.department === null);
  }
  if (content.part2.length > 0) {
    push('portrait', partTitle(PART_TITLES.part2, 'part2', 3400));
    tables(content.part2, []);
  }
  return sections;
}

/**
 * Writes the .docx bytes of the document planned in `pages` (from `renderDocumentHtml` or
 * `paginateDocument`). The 目录 page references carry the PDF plan's numbers.
 */
export async function writeDocumentDocx(project: Project, pages: DocumentPages): Promise<Buffer> {
  const bookmarks = new Map(pages.toc.map((e) => [bookmarkName(e.anchor), String(e.page)]));
  const estimator: PageNumberEstimator = () => ({ bookmarks });
  const doc = new Document({
    creator: '绩效目标表编辑器',
    title: pages.content.cover.title,
    pageNumbers: estimator,
    styles: {
      default: { document: { run: { font: SONG, size: 21 } } },
      paragraphStyles: [{ id: TOC_STYLE, name: '绩效文本目录', basedOn: 'Normal', run: { font: FANGSONG, size: 28 } }],
    },
    sections: [coverSection(pages), tocSection(pages), ...bodySections(project, pages)],
  });
  return Packer.toBuffer(doc);
}
