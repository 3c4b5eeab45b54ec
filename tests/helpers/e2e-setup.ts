import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openApp } from './e2e-app';
import type { E2eEnvironment } from './e2e-deps';
import { RENDERER_DIR, startStaticServer } from './e2e-server';

/**
 * Makes sure dist/renderer exists. `npm test` builds first; when a developer runs one e2e
 * file alone, the renderer is built here (about 5 s).
 */
export function ensureRendererBuilt(): void {
  if (existsSync(path.join(RENDERER_DIR, 'index.html'))) return;
  execSync('npx vite build --config renderer/vite.config.ts', { cwd: path.resolve(__dirname, '../..'), stdio: 'inherit' });
}

/**
 * Registers the per-file e2e setup (renderer built, static server, one Chromium) and its teardown,
 * and returns `open(env)`: a new window of the editor with window.jxmb bound to `env`'s handlers.
 */
export function useEditorBrowser(): { open: (env: E2eEnvironment, viewport?: { width: number; height: number }) => ReturnType<typeof openApp> } {
  let server: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureRendererBuilt();
    server = await startStaticServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { open: (env, viewport) => openApp(browser!, server!.url, env, viewport) };
}
