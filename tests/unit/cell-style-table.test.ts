import { describe, expect, it } from 'vitest';
import { excelStyle } from '../../electron/services/xlsx/cell-styles';
import { gridCellCss } from '../../renderer/src/styles/grid-cell-css';
import { CELL_LOOKS, CELL_STYLES, cellLook } from '../../shared/layout/cell-style-table';
import { pageGeometry, PORTRAIT_MARGINS } from '../../shared/print';
import { printCss } from '../../shared/print/print-css';

/** The declarations of the one rule whose selector ends with `selectorEnd`. */
function declarations(css: string, selectorEnd: string): Map<string, string> {
  const rules = css.split('\n').filter((r) => r.slice(0, r.indexOf('{')).endsWith(selectorEnd));
  expect(rules, selectorEnd).toHaveLength(1);
  const body = rules[0].slice(rules[0].indexOf('{') + 1, rules[0].lastIndexOf('}'));
  return new Map(body.split(';').map((d) => [d.slice(0, d.indexOf(':')), d.slice(d.indexOf(':') + 1)]));
}

describe('one style table for print, grid and xlsx', () => {
  const print = printCss([pageGeometry('portrait', PORTRAIT_MARGINS)]);
  const grid = gridCellCss();

  it('is the official printed form: 18pt bold title, 12pt subtitle, 10.5pt body on 14pt lines, centred headings', () => {
    expect(cellLook('title')).toEqual({ sizePt: 18, linePt: 26, bold: true, align: 'center', border: false });
    expect(cellLook('subtitle')).toMatchObject({ sizePt: 12, linePt: 18, bold: false, border: false });
    expect(cellLook('heading')).toEqual({ sizePt: 10.5, linePt: 14, bold: true, align: 'center', border: true });
    expect(cellLook('amount')).toMatchObject({ align: 'right', bold: false, border: true });
    expect(CELL_STYLES).toHaveLength(13);
  });

  it.each(CELL_STYLES)('%s: the printout, the grid and the xlsx style read the same look', (style) => {
    const look = CELL_LOOKS[style];
    const p = declarations(print, `td.s-${style}`);
    expect(p.get('font-size')).toBe(`${look.sizePt}pt`);
    expect(p.get('line-height')).toBe(`${look.linePt}pt`);
    expect(p.get('font-weight')).toBe(look.bold ? 'bold' : 'normal');
    expect(p.get('text-align')).toBe(look.align);
    expect(p.get('border') === 'none').toBe(!look.border);

    const g = declarations(grid, `td.jx-${style}`);
    const px = (pt: number): string => `calc(${Math.round(pt * (4 / 3) * 1000) / 1000}px * var(--grid-zoom, 1))`;
    expect(g.get('font-size')).toBe(px(look.sizePt));
    expect(g.get('line-height')).toBe(px(look.linePt));
    expect(g.get('font-weight')).toBe(look.bold ? 'bold' : 'normal');
    expect(g.get('text-align')).toBe(look.align);
    expect(g.get('border-color') === 'transparent !important').toBe(!look.border);

    const x = excelStyle(style, '0%');
    expect(x.font).toMatchObject({ name: '宋体', size: look.sizePt, bold: look.bold });
    expect(x.alignment).toMatchObject({ horizontal: look.align, vertical: 'middle', wrapText: true });
    expect(x.border !== undefined).toBe(look.border);
    expect(x.numFmt).toBe('0%');
  });

  it('gives the grid title 24px (18pt) and centres the heading, as printed', () => {
    expect(declarations(grid, 'td.jx-title').get('font-size')).toBe('calc(24px * var(--grid-zoom, 1))');
    expect(declarations(grid, 'td.jx-heading').get('text-align')).toBe('center');
  });
});
