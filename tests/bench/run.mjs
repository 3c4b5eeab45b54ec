// Runs every tests/bench/*.bench.mjs in turn (`npm run bench`, after build:node, with --expose-gc).
// A bench file either does its work when imported or exports a default async function; it prints
// one line per figure.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  try {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    if (typeof mod.default === 'function') await mod.default();
  } catch (e) {
    failed++;
    console.error(`!! ${file} failed:`, e);
  }
}
process.exitCode = failed ? 1 : 0;
