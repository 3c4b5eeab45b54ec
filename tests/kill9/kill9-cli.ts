/**
 * Prints the kill -9 figures of every write path: `npx tsx tests/kill9/kill9-cli.ts [kills] [dist]`
 * (KILL9_OPS=fill,save to choose paths; default all five; 200 kills per path by default)
 * (dist: another build's dist/ folder, e.g. to measure the code before a fix).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../../shared/model/types';
import { runKill9, type KillOp } from './run-kill9';

void (async () => {
  const kills = Number(process.argv[2] ?? 200);
  const dist = process.argv[3];
  const seed = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'seeds', 's0.project.json'), 'utf8')) as Project;
  const scale = Number(process.env.KILL9_SCALE ?? 1);
  const base = { ...seed, tables: Array.from({ length: scale }, () => seed.tables).flat() };
  const ops = (process.env.KILL9_OPS ?? 'save,export,autosave,recovery,fill').split(',') as KillOp[];
  for (const op of ops) {
    const t0 = Date.now();
    const f = await runKill9(op, { kills, seed: 14, base, dist });
    const { details, ...figures } = f;
    process.stdout.write(`${JSON.stringify({ ...figures, seconds: Math.round((Date.now() - t0) / 1000) })}\n${details.slice(0, 5).map((d) => `  ${d}`).join('\n')}\n`);
  }
})();
