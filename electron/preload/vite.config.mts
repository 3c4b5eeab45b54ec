/**
 * Build of the preload: a sandboxed preload can require only `electron`, so preload.ts is bundled
 * with the shared channel map (shared/ipc/channels.ts) into one CommonJS file,
 * dist/electron/preload/preload.bundle.js, which main.ts gives its windows. Part of `npm run build:node`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  build: {
    target: 'node22',
    outDir: fileURLToPath(new URL('../../dist/electron/preload', import.meta.url)),
    emptyOutDir: false,
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('./preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'preload.bundle.js',
    },
    rollupOptions: { external: ['electron'] },
  },
});
