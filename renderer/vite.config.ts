// Renderer build configuration (Vite): React, the build-time Handsontable CSS plugin, output to dist/renderer.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { handsontableCss } from './build/handsontable-css-plugin';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Renderer build: `npx vite build --config renderer/vite.config.ts` → dist/renderer/.
 * `base: './'` so index.html loads its assets from file:// in Electron.
 * JXMB_HOT_LICENSE (build-time env) is the Handsontable licence key; the default is the
 * non-commercial evaluation key, for development only. Handsontable's core CSS is trimmed here,
 * at build time (build/handsontable-css-plugin.ts).
 */
export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), handsontableCss()],
  define: {
    __JXMB_HOT_LICENSE__: JSON.stringify(process.env.JXMB_HOT_LICENSE || 'non-commercial-and-evaluation'),
  },
  build: {
    sourcemap: process.env.JXMB_SOURCEMAP === '1',
    minify: process.env.JXMB_SOURCEMAP !== '1',
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    modulePreload: { polyfill: false },
  },
});
