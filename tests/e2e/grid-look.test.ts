import { describe, expect, it } from 'vitest';
import { cellLocator } from '../helpers/e2e-app';
import { createE2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';
import { CELL_LOOKS } from '../../shared/layout/cell-style-table';

/**
 * The grid's cells take their look from the style table the printout uses (generated CSS,
 * renderer/src/styles/grid-cell-css.ts): what Chromium computes for each style on screen.
 */
const app = useEditorBrowser();

describe('grid cell look (Chromium)', () => {
  it('every style on screen has the printed size, weight and alignment; title lines have no border', async () => {
    const env = await createE2eEnvironment();
    const { page, errors } = await app.open(env);
    await page.getByTestId('start-sample').click();
    await cellLocator(page, 1, 2).waitFor();
    const seen = await page.$$eval('.ht_master td.jx-cell', (tds) => tds.map((td) => {
      const s = getComputedStyle(td);
      const style = Array.from(td.classList).find((c) => c.startsWith('jx-') && !c.startsWith('jx-role-') && !c.startsWith('jx-mark-') && c !== 'jx-cell' && c !== 'jx-editable');
      return { style: style?.slice(3) ?? '', size: s.fontSize, weight: s.fontWeight, align: s.textAlign, border: s.borderTopColor, line: s.lineHeight };
    }));
    const styles = new Set(seen.map((s) => s.style));
    expect([...styles]).toEqual(expect.arrayContaining(['title', 'label', 'text']));
    for (const cell of seen) {
      const look = CELL_LOOKS[cell.style as keyof typeof CELL_LOOKS];
      expect(look, cell.style).toBeDefined();
      expect(parseFloat(cell.size), cell.style).toBeCloseTo((look.sizePt * 4) / 3, 2);
      expect(parseFloat(cell.line), cell.style).toBeCloseTo((look.linePt * 4) / 3, 1);
      expect(Number(cell.weight) >= 600, cell.style).toBe(look.bold);
      expect(cell.align, cell.style).toBe(look.align);
      if (!look.border) expect(cell.border, cell.style).toBe('rgba(0, 0, 0, 0)');
    }
    expect(seen.find((c) => c.style === 'title')?.size).toBe('24px');
    expect(errors).toEqual([]);
  });
});
