/**
 * Once per `vitest run`, before any test file starts (vitest `globalSetup`):
 * - builds the fixture workbooks (cached by input hash, so this is a hash check on later runs),
 *   so parallel test files never build them twice;
 * - starts one headless Chromium that every e2e file connects to over its WebSocket endpoint
 *   (tests/helpers/e2e-app.ts `launchBrowser`), instead of each file launching its own.
 * Each e2e test still gets its own browser context, so no state crosses files.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { ensureFixtures } from './fixtures/build-fixtures';
import { CHROMIUM, CHROMIUM_ARGS } from './helpers/e2e-app';

declare module 'vitest' {
  export interface ProvidedContext {
    /** WebSocket endpoint of the run's shared Chromium ('' when none could start). */
    browserWsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureFixtures((m) => process.stdout.write(`[fixtures] ${m}\n`));
  let server: BrowserServer | undefined;
  if (existsSync(CHROMIUM)) {
    server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }
  project.provide('browserWsEndpoint', server?.wsEndpoint() ?? '');
  return async () => {
    await server?.close();
  };
}
