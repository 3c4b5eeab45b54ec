/**
 * The 绩效文本 as one print HTML document (printed to PDF by the same Chromium print path as
 * `jxmb pdf`): cover, 目录 with dotted leaders and page numbers, 第一部分, 第二部分 with every table
 * in its official layout (the print engine's rows, `pageRowsHtml`), page numbers 「— N —」 in the
 * footer of body pages. Every page is one fixed-size `<section class="page">`, so the pages of the
 * PDF are exactly the pages of `paginateDocument`. Pure.
 */
import { cellTextToHtml, escapeHtml } from '../print/escape';
import { printCss, mm } from '../print/print-css';
import { pageRowsHtml } from '../print/render-print-html';
import { documentContent, type DocumentOptions } from './content';
import { documentCss } from './document-css';
import { documentGeometry, type DocBlock, type DocPage } from './flow';
import { paginateDocument, type DocumentPages, type TocLine } from './paginate-document';

/** Result of `renderDocumentHtml`. */
export interface DocumentHtml {
  readonly html: string;
  /** Number of pages of the PDF (cover + 目录 + body). */
  readonly pageCount: number;
  readonly pages: DocumentPages;
}

function blockHtml(block: DocBlock): string {
  const id = 'anchor' in block && block.anchor ? ` id="${escapeHtml(block.anchor)}"` : '';
  switch (block.kind) {
    case 'partTitle': {
      const cls = block.standalone ? 'part-title standalone' : 'part-title';
      return `<div class="${cls}"${id} style="height:${mm(block.heightMm)}">${block.lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>`;
    }
    case 'heading':
      return `<h2 class="section"${id}>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p class="para${block.continued ? ' cont' : ''}">${escapeHtml(block.text)}</p>`;
    case 'tableHeading':
      return `<h3 class="table-heading"${id}>${escapeHtml(block.text)}</h3>`;
    case 'rows': {
      const width = block.colMm.reduce((a, b) => a + b, 0);
      const cols = block.colMm.map((w) => `<col style="width:${mm(w)}">`).join('');
      return `<table class="sheet"${id} style="width:${mm(width)}"><colgroup>${cols}</colgroup><tbody>\n${pageRowsHtml(block.layout, block.rows)}\n</tbody></table>`;
    }
  }
}

function bodyPageHtml(page: DocPage, pageNo: number): string {
  return [
    `<section class="page ${page.geometry.orientation}" data-body-page="${pageNo}">`,
    '<div class="flow">',
    ...page.blocks.map(blockHtml),
    '</div>',
    `<div class="footer">— ${pageNo} —</div>`,
    '</section>',
  ].join('\n');
}

function coverHtml(pages: DocumentPages): string {
  const c = pages.content.cover;
  const foot = [c.compiler, c.reviewer].filter(Boolean).map((l) => `<div>${escapeHtml(l)}</div>`).join('');
  return [
    '<section class="page portrait cover">',
    `<div class="cover-unit">${escapeHtml(c.unitName)}</div>`,
    `<div class="cover-title">${cellTextToHtml(c.title)}</div>`,
    `<div class="cover-foot">${foot}</div>`,
    '</section>',
  ].join('\n');
}

function tocLineHtml(line: TocLine): string {
  const style = `height:${mm(line.heightMm)};padding-top:${mm(line.spaceBeforeMm)}`;
  const href = `#${escapeHtml(line.anchor)}`;
  const first = line.lines.slice(0, -1).map((l) => `<div><a class="toc-text" href="${href}">${escapeHtml(l)}</a></div>`).join('');
  const last = line.lines[line.lines.length - 1];
  return `<div class="toc-line level-${line.level}" style="${style}">${first}<div class="toc-row"><a class="toc-text" href="${href}">`
    + `${escapeHtml(last)}</a><span class="toc-dots"></span><span class="toc-page">${line.page}</span></div></div>`;
}

function tocHtml(pages: DocumentPages): string[] {
  return pages.tocPages.map((lines, i) => [
    '<section class="page portrait toc">',
    i === 0 ? '<div class="toc-heading">目　　录</div>' : '',
    ...lines.map(tocLineHtml),
    '</section>',
  ].join('\n'));
}

/**
 * Renders the 部门预算绩效文本 of a project as print HTML (A4, GB/T 9704 margins; landscape pages
 * for landscape families). `pages.toc[i].page` are the printed numbers, exact by construction.
 * Pure: no DOM, no I/O.
 */
export function renderDocumentHtml(project: Parameters<typeof documentContent>[0], options: DocumentOptions = {}): DocumentHtml {
  const pages = paginateDocument(documentContent(project, options));
  const geometries = [documentGeometry('portrait')];
  if (pages.body.some((p) => p.geometry.orientation === 'landscape')) geometries.push(documentGeometry('landscape'));
  const sections = [coverHtml(pages), ...tocHtml(pages), ...pages.body.map((p, i) => bodyPageHtml(p, i + 1))];
  const pageCount = pages.frontPages + pages.body.length;
  const title = [project.meta.unitName, pages.content.cover.title].filter(Boolean).join(' ');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="jxmb-page-count" content="${pageCount}">`,
    `<style>\n${printCss(geometries)}\n${documentCss()}\n</style>`,
    '</head><body>',
    ...sections,
    '</body></html>',
  ].join('\n');
  return { html, pageCount, pages };
}
