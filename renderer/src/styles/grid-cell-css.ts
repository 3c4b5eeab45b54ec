/**
 * The grid's per-style cell CSS (font size, line height, weight, alignment, borders), generated
 * from the style table shared with the printout and the xlsx export
 * (shared/layout/cell-style-table), and injected once at start-up. grid.css keeps the rest of
 * the grid's look (font family, wrapping, marks).
 */
import { CELL_LOOKS, type CellLook } from '../../../shared/layout/cell-style-table';

/** CSS pixels per point (96 / 72). */
const PX_PER_PT = 4 / 3;
const STYLE_ELEMENT_ID = 'jx-grid-cell-css';

/** A length of `pt` points in CSS pixels, scaled by the grid's zoom. */
function zoomed(pt: number): string {
  return `calc(${Math.round(pt * PX_PER_PT * 1000) / 1000}px * var(--grid-zoom, 1))`;
}

function rule(style: string, look: CellLook): string {
  const parts = [
    `font-size:${zoomed(look.sizePt)}`,
    `line-height:${zoomed(look.linePt)}`,
    `font-weight:${look.bold ? 'bold' : 'normal'}`,
    `text-align:${look.align}`,
  ];
  // Title lines above the form have no border (bordered cells keep grid.css's black one).
  if (!look.border) parts.push('border-color:transparent !important');
  return `.grid-host .handsontable td.jx-${style}{${parts.join(';')}}`;
}

/** The CSS text of every cell style's look (one rule per style, class `jx-<style>`). */
export function gridCellCss(): string {
  return Object.entries(CELL_LOOKS).map(([style, look]) => rule(style, look)).join('\n');
}

/** Adds the generated rules to the document once (after the imported stylesheets). */
export function installGridCellCss(doc: Document = document): void {
  if (doc.getElementById(STYLE_ELEMENT_ID)) return;
  const el = doc.createElement('style');
  el.id = STYLE_ELEMENT_ID;
  el.textContent = gridCellCss();
  doc.head.appendChild(el);
}
