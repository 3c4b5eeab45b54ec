/**
 * Vite plugin that owns how Handsontable's stylesheets reach the renderer bundle: the virtual
 * module `virtual:jxmb-handsontable.css` (imported first by renderer/src/main.tsx) is Handsontable's
 * core stylesheet made lean at build time (leanHandsontableCss: no right-to-left `:lang()` lists,
 * same look and specificity) followed by the ht-theme-main theme, in that order.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { leanHandsontableCss } from './lean-handsontable-css';

/** The id renderer code imports. */
export const HANDSONTABLE_CSS_ID = 'virtual:jxmb-handsontable.css';
const RESOLVED_ID = `\0${HANDSONTABLE_CSS_ID}`;

const require = createRequire(import.meta.url);
const read = (spec: string) => fs.readFileSync(require.resolve(spec), 'utf8');

/** The stylesheet text the virtual module holds: lean core rules, then the theme. */
export function handsontableCssText(): string {
  const core = leanHandsontableCss(read('handsontable/styles/handsontable.min.css'));
  const theme = read('handsontable/styles/ht-theme-main.min.css');
  return `${core}\n${theme}\n`;
}

/** The plugin (renderer/vite.config.ts). */
export function handsontableCss(): Plugin {
  return {
    name: 'jxmb-handsontable-css',
    enforce: 'pre',
    resolveId(id) {
      return id === HANDSONTABLE_CSS_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      return id === RESOLVED_ID ? handsontableCssText() : undefined;
    },
  };
}
