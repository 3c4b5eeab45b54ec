/**
 * The stylesheet of the print document: A4 pages with their margins, the CJK serif font stack and
 * one rule per cell style, all from the lengths in geometry.ts.
 */
import {
  A4, BORDER_PT, CELL_PAD_H_MM, CELL_PAD_V_MM, FOOTER_GAP_MM, TITLE_PAD_BOTTOM_MM, type PageGeometry,
} from './geometry';
import type { CellStyle } from '../families/types';
import { CELL_STYLES, cellLook } from '../layout/cell-style-table';

/**
 * CJK serif font stack of the printout: 宋体 / SimSun (Windows), Songti SC (macOS), Noto Serif CJK SC
 * and Source Han Serif SC (Linux), then any serif.
 */
export const PRINT_FONT_STACK = '"宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif';

function styleRule(style: CellStyle): string {
  const look = cellLook(style);
  const parts = [
    `font-size:${look.sizePt}pt`,
    `line-height:${look.linePt}pt`,
    `font-weight:${look.bold ? 'bold' : 'normal'}`,
    `text-align:${look.align}`,
  ];
  if (style === 'title') parts.push('border:none', `padding:0 0 ${TITLE_PAD_BOTTOM_MM}mm 0`, 'vertical-align:bottom');
  else if (!look.border) {
    parts.push('border:none', 'padding:0 0 1mm 0', 'vertical-align:bottom');
  }
  // Bold centred labels wrap into lines of even length.
  if (look.border && look.bold && look.align === 'center') parts.push('text-wrap:balance');
  return `table.sheet td.s-${style}{${parts.join(';')}}`;
}

/** The stylesheet of a print document; `geometries` are the page kinds it contains. */
export function printCss(geometries: readonly PageGeometry[]): string {
  const rules = [
    '@page{size:A4 portrait;margin:0}',
    '@page landscape{size:A4 landscape;margin:0}',
    'html,body{margin:0;padding:0;background:#fff}',
    `body{font-family:${PRINT_FONT_STACK};color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}`,
    // A hair under the paper height so that rounding never spills a page onto a blank sheet.
    `.page{position:relative;box-sizing:border-box;width:${A4.width}mm;height:${A4.height - 0.3}mm;overflow:visible;break-after:page}`,
    `.page.landscape{page:landscape;width:${A4.height}mm;height:${A4.width - 0.3}mm}`,
    '.page:last-child{break-after:auto}',
    'table.sheet{border-collapse:collapse;table-layout:fixed;border-spacing:0}',
    `table.sheet td{border:${BORDER_PT}pt solid #000;padding:${CELL_PAD_V_MM}mm ${CELL_PAD_H_MM}mm;vertical-align:middle;`
      + 'overflow-wrap:anywhere;word-break:normal;line-break:normal;white-space:normal;overflow:hidden}',
    ...CELL_STYLES.map(styleRule),
    '.signature{display:grid;grid-template-columns:1fr 1fr;row-gap:3mm;margin-top:5mm;font-size:12pt;line-height:16pt}',
    '.signature .blank{display:inline-block;border-bottom:0.5pt solid #000;width:36mm;height:12pt}',
    '.signature .blank.short{width:14mm}',
    '.signature .blank.tiny{width:8mm}',
    '.footer{position:absolute;left:0;right:0;text-align:center;font-size:12pt;line-height:16pt}',
    '@media screen{body{background:#8a8a8a}.page{margin:6mm auto;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.4)}}',
  ];
  for (const g of geometries) {
    const cls = `.page.${g.orientation}`;
    const m = g.margins;
    rules.push(`${cls}{padding:${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm}`);
    rules.push(`${cls} .footer{top:${m.top + g.bodyHeight + FOOTER_GAP_MM}mm}`);
  }
  return rules.join('\n');
}

/** A length in mm for CSS, rounded to 0.01 mm. */
export function mm(value: number): string {
  return `${Math.round(value * 100) / 100}mm`;
}
