/**
 * Issue 14, data safety under kill -9: each write path is killed at seeded random moments
 * (tests/kill9/run-kill9.ts). CI runs 40 kills per path, 12 for fill (each kill there starts a
 * process that imports and fills a workbook first); JXMB_KILL9_COUNT=200 for the long run
 * (or `npx tsx tests/kill9/kill9-cli.ts 200`). Needs the compiled code (npm run build:node).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../shared/model/types';
import { runKill9, type KillOp } from '../kill9/run-kill9';

const ROOT = join(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'electron', 'services', 'atomic-write.js'));
const KILLS = Number(process.env.JXMB_KILL9_COUNT ?? 40);
const FILL_KILLS = Number(process.env.JXMB_KILL9_COUNT ?? 12);
const base = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'seeds', 's0.project.json'), 'utf8')) as Project;

describe.skipIf(!built)(`kill -9 at random moments, ${KILLS} times per write path`, () => {
  it.each(['save', 'export', 'autosave', 'recovery', 'fill'] as KillOp[])('%s: target old or new, .bak complete, recovery offered, no orphans after the next start', async (op) => {
    const kills = op === 'fill' ? FILL_KILLS : KILLS;
    const f = await runKill9(op, { kills, seed: 14, base });
    console.log(`kill -9 ${op}: ${JSON.stringify({ ...f, details: undefined })}`);
    expect(f.details).toEqual([]);
    expect(f.targetBroken).toBe(0);
    expect(f.targetOld + f.targetNew).toBe(kills);
    expect(f.bakBroken).toBe(0);
    expect(f.recoveryLost).toBe(0);
    expect(f.orphansAfterStart).toBe(0);
    // Temp files never pile up: the next write of the same file removes the killed writer's.
    expect(f.orphansBeforeStart).toBeLessThanOrEqual(2);
  });
});
