import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RENDERER_DIR } from './e2e-server';

/**
 * Makes sure dist/renderer exists. `npm test` builds first; when a developer runs one e2e
 * file alone, the renderer is built here (about 5 s).
 */
export function ensureRendererBuilt(): void {
  if (existsSync(path.join(RENDERER_DIR, 'index.html'))) return;
  execSync('npx vite build --config renderer/vite.config.ts', { cwd: path.resolve(__dirname, '../..'), stdio: 'inherit' });
}
