import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { leanHandsontableCss, NO_RTL_CLASS, splitSelectorList, unwrapIs } from '../../../renderer/build/lean-handsontable-css';

/** The lean Handsontable core stylesheet (renderer/build/lean-handsontable-css.ts) on the real file. */
const css = fs.readFileSync(createRequire(import.meta.url).resolve('handsontable/styles/handsontable.min.css'), 'utf8');
const lean = leanHandsontableCss(css);
const rules = (text: string) => text.match(/\{/g)?.length ?? 0;

describe('lean Handsontable core CSS', () => {
  it('has no :lang() test and no rule that is a whole :is(…) left, and keeps every rule', () => {
    expect((css.match(/:lang\(/g) ?? []).length).toBeGreaterThan(1000);
    expect(lean).not.toMatch(/:lang\(/);
    expect(lean).not.toMatch(/(^|[{};])\s*:is\(/);
    expect(rules(lean)).toBe(rules(css));
  });

  it('turns the LTR variant into an always-true test and the RTL variant into a never-set class, same specificity', () => {
    const ltr = '.ht_master .htCore>tbody>tr:first-child>td:last-child:not(:lang(ae),:lang(ar),:lang(yi)){border-top-right-radius:1px}';
    const rtl = '.ht_master .htCore>tbody>tr:first-child>td:last-child:is(:lang(ae), :lang(ar)){border-top-left-radius:1px}';
    expect(leanHandsontableCss(ltr)).toBe(`.ht_master .htCore>tbody>tr:first-child>td:last-child:not(.${NO_RTL_CLASS}){border-top-right-radius:1px}`);
    expect(leanHandsontableCss(rtl)).toBe(`.ht_master .htCore>tbody>tr:first-child>td:last-child.${NO_RTL_CLASS}{border-top-left-radius:1px}`);
    // The real file: the LTR rule for the master table's first-row last cell is still there.
    expect(lean).toContain(`.handsontable.ht-wrapper:not(.htColumnHeaders) .ht_master .htCore>tbody>tr:first-child>td:last-child:not(.${NO_RTL_CLASS})`);
  });

  it('unwraps a whole :is() only when its arguments have the same shape (same specificity)', () => {
    expect(unwrapIs(':is(.a .m td:has(.w .s),.b .m td:has(.w .s))')).toBe('.a .m td:has(.w .s),.b .m td:has(.w .s)');
    expect(unwrapIs(':is(.a td,#b td)')).toBe(':is(.a td,#b td)');
    expect(unwrapIs(':is(.a td,.b td) .c')).toBe(':is(.a td,.b td) .c');
    expect(leanHandsontableCss('x{a:b}:is(.a>thead>tr>th,.a>tbody>tr>td){c:d}')).toBe('x{a:b}.a>thead>tr>th,.a>tbody>tr>td{c:d}');
    expect(lean).toContain('.handsontable.htContextMenu table tbody tr td:has(.htItemWrapper .selected),');
  });

  it('splits selector lists at top-level commas only', () => {
    expect(splitSelectorList('a:not(.x,.y), b[data-v="1,2"] ,c')).toEqual(['a:not(.x,.y)', 'b[data-v="1,2"]', 'c']);
  });
});
