/**
 * Temporary folders for a test file: made under the system temp folder and removed when the file
 * ends (its afterAll). A run used to leave about 650 of them behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const folders = new Set<string>();
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
});

/** A new empty folder `<temp>/<prefix>XXXXXX`, removed with everything in it when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  folders.add(dir);
  return dir;
}
