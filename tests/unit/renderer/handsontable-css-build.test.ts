import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { handsontableCssText } from '../../../renderer/build/handsontable-css-plugin';
import { NO_RTL_CLASS } from '../../../renderer/build/lean-handsontable-css';

/**
 * Handsontable's core CSS is trimmed at build time (renderer/build/handsontable-css-plugin.ts):
 * the renderer's built stylesheet has none of the ~2,800 right-to-left `:lang()` tests and still
 * has the core and theme rules.
 */
const read = (spec: string) => fs.readFileSync(createRequire(import.meta.url).resolve(spec), 'utf8');
const core = read('handsontable/styles/handsontable.min.css');
const theme = read('handsontable/styles/ht-theme-main.min.css');
const rules = (text: string) => text.match(/\{/g)?.length ?? 0;

describe('Handsontable CSS at build time', () => {
  it('the virtual stylesheet is the lean core followed by the theme, every rule kept', () => {
    const text = handsontableCssText();
    expect((core.match(/:lang\(/g) ?? []).length).toBeGreaterThan(1000);
    expect(text).not.toMatch(/:lang\(/);
    expect(rules(text)).toBe(rules(core) + rules(theme));
    expect(text.indexOf('.ht_master')).toBeLessThan(text.indexOf('.ht-theme-main'));
  });

  it('the built renderer stylesheet has no :lang() selector and still has the core rules', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-css-build-'));
    try {
      await build({ configFile: path.resolve('renderer/vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
      const assets = path.join(outDir, 'assets');
      const css = fs.readdirSync(assets).filter((f) => f.endsWith('.css')).map((f) => fs.readFileSync(path.join(assets, f), 'utf8')).join('\n');
      expect(css).not.toMatch(/:lang\(/);
      // Core rules (overlays, borders, the LTR variants now written with the never-set class), the theme and the app's own.
      for (const rule of ['.handsontable', '.ht_master', '.ht_clone_top', '.wtBorder', '.htCore', `:not(.${NO_RTL_CLASS})`, '.ht-theme-main', '.jx-cell']) expect(css).toContain(rule);
      expect(rules(css)).toBeGreaterThan(rules(core) / 2);
      expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).not.toMatch(/handsontable-core-styles/);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 300_000);
});
