/**
 * Page flow of the 绩效文本: blocks (headings, paragraphs, table rows) placed one after another on
 * A4 pages of a fixed 版心, each with a height estimated in mm by the print engine's measures
 * (shared/print), so every page break — and so every 目录 page number — is known before printing.
 */
import type { SheetLayout } from '../layout/types';
import {
  LANDSCAPE_MARGINS, PORTRAIT_MARGINS, SAFETY_MM, lineHeightMm, pageGeometry, type PageGeometry,
} from '../print/geometry';
import { pageRowHeights } from '../print/paginate';
import type { RowMetrics } from '../print/geometry';
import type { PrintedRow } from '../print/types';

/** One thing printed on a page. Heights are in mm. */
export type DocBlock =
  | { readonly kind: 'partTitle'; readonly lines: readonly string[]; readonly anchor: string; readonly heightMm: number; readonly standalone: boolean }
  | { readonly kind: 'heading'; readonly text: string; readonly anchor: string; readonly heightMm: number }
  /** A body paragraph; `continued` is the rest of a paragraph broken at the foot of the page before (no indent). */
  | { readonly kind: 'paragraph'; readonly text: string; readonly heightMm: number; readonly continued?: boolean }
  | { readonly kind: 'tableHeading'; readonly text: string; readonly anchor: string; readonly heightMm: number }
  | { readonly kind: 'rows'; readonly layout: SheetLayout; readonly colMm: readonly number[]; readonly rows: readonly PrintedRow[]; readonly anchor: string; readonly heightMm: number };

/** One printed page of the document body. */
export interface DocPage {
  readonly geometry: PageGeometry;
  readonly blocks: DocBlock[];
}

/** Body text: 三号 (16 pt) on 28 pt lines (GB/T 9704: 22 lines of 28 characters). */
export const BODY_FONT = { sizePt: 16, linePt: 28, bold: false } as const;
/** Part titles: 二号 (22 pt) bold on 36 pt lines. */
export const PART_FONT = { sizePt: 22, linePt: 36, bold: true } as const;

/** Printed height of one body line and of one part-title line (whole CSS pixels, as the browser lays them out). */
export const BODY_LINE_MM = lineHeightMm(BODY_FONT);
export const PART_LINE_MM = lineHeightMm(PART_FONT);

/** Page geometry of an orientation (GB/T 9704 margins, as `jxmb pdf`). */
export function documentGeometry(orientation: 'portrait' | 'landscape'): PageGeometry {
  return pageGeometry(orientation, orientation === 'portrait' ? PORTRAIT_MARGINS : LANDSCAPE_MARGINS);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Places blocks on pages; a block that does not fit the rest of a non-empty page starts the next one. */
export class PageFlow {
  readonly pages: DocPage[] = [];
  private used = 0;

  /** The page being filled (a new portrait page when there is none). */
  get current(): DocPage {
    if (this.pages.length === 0) this.newPage('portrait');
    return this.pages[this.pages.length - 1];
  }

  /** True when the current page has nothing on it yet (or there is no page). */
  get isEmpty(): boolean {
    return this.pages.length === 0 || this.current.blocks.length === 0;
  }

  /** Height of the current page's 版心 less the safety margin, in mm. */
  get capacity(): number {
    return this.current.geometry.bodyHeight - SAFETY_MM;
  }

  /** Room left on the current page in mm. */
  get remaining(): number {
    return this.current.geometry.bodyHeight - SAFETY_MM - this.used;
  }

  /** Starts a new page (the current one stays as it is, even when empty). */
  newPage(orientation: 'portrait' | 'landscape'): void {
    this.pages.push({ geometry: documentGeometry(orientation), blocks: [] });
    this.used = 0;
  }

  /** Starts a new page of `orientation` unless the current page is empty and already of it. */
  freshPage(orientation: 'portrait' | 'landscape'): void {
    if (this.pages.length > 0 && this.isEmpty && this.current.geometry.orientation === orientation) return;
    this.newPage(orientation);
  }

  /** Places a block, moving to a new page (same orientation) when it does not fit. */
  place(block: DocBlock, keepWithNextMm = 0): void {
    if (!this.isEmpty && block.heightMm + keepWithNextMm > this.remaining) this.newPage(this.current.geometry.orientation);
    this.current.blocks.push(block);
    this.used += block.heightMm;
  }

  /**
   * Places the rows of a table layout, as `paginateRows` (shared/print/paginate.ts) breaks them
   * but starting on the rest of the current page: whole rows only; the rows up to the first
   * matrix row stay together; a page never ends on the matrix header row; continuation pages
   * start with the header row again (`repeated`); merged cells grow their last row on each page
   * (`pageRowHeights`). A row taller than a page is placed alone.
   */
  placeRows(layout: SheetLayout, colMm: readonly number[], metrics: RowMetrics, anchor: string): void {
    const header = layout.matrixHeaderRow;
    const last = layout.rowCount - 1;
    const lead: number[] = [];
    for (let r = 0; r <= Math.min(header + 1, last); r++) lead.push(r);
    if (!this.isEmpty && sum(pageRowHeights(lead, metrics)) > this.remaining) this.newPage(this.current.geometry.orientation);
    let headerSeen = false;
    let first = true;
    const emit = (rows: readonly number[]): void => {
      const heights = pageRowHeights(rows, metrics);
      const printed = rows.map((sourceRow, i) => ({ sourceRow, heightMm: heights[i], repeated: sourceRow === header && headerSeen }));
      this.current.blocks.push({ kind: 'rows', layout, colMm, rows: printed, anchor: first ? anchor : '', heightMm: sum(heights) });
      this.used += sum(heights);
      first = false;
      if (rows.includes(header)) headerSeen = true;
    };
    let current: number[] = [];
    let fresh = 0;
    for (let r = 0; r <= last; r++) {
      const candidate = [...current, r];
      if ((fresh === 0 && this.isEmpty) || sum(pageRowHeights(candidate, metrics)) <= this.remaining) {
        current = candidate;
        fresh++;
        continue;
      }
      if (fresh > 0) {
        if (current[current.length - 1] === header && fresh > 1) current.pop();
        emit(current);
      }
      this.newPage(this.current.geometry.orientation);
      current = r > header ? [header, r] : [r];
      fresh = 1;
    }
    if (current.length > 0) emit(current);
  }
}
