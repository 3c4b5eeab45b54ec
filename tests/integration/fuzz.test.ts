/**
 * The CI fuzz run of issue 14 (see tests/fuzz/run-fuzz.ts): 300 seeded mutations of the fixture
 * workbooks, a docx and the seed `.jxmb` projects through the compiled CLI. Every case must end
 * with exit 0, 2 or 3, without a stack trace or English internals, under the memory limit. The
 * long run is `npm run fuzz -- --seed <n> --count 10000`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../fuzz/run-fuzz';

const ROOT = join(__dirname, '..', '..');
const built = existsSync(join(ROOT, 'dist', 'electron', 'services', 'xlsx', 'parse-child.js'));
const COUNT = Number(process.env.JXMB_FUZZ_COUNT ?? 300);
const SEED = Number(process.env.JXMB_FUZZ_SEED ?? 20_261_202);

describe.skipIf(!built)('fuzz: mutated inputs through jxmb inspect (npm run build:node first)', () => {
  it(`${COUNT} cases of seed ${SEED}: exit 0, 2 or 3, Chinese messages only, memory bounded`, async () => {
    const s = await runFuzz({ seed: SEED, count: COUNT, batchSize: 40 });
    const report = s.failures.slice(0, 10).map((f) => `case ${f.i} (${f.kind}): ${f.problem}\n${(f.stderr ?? '').slice(0, 300)}`).join('\n');
    console.log(`fuzz seed ${SEED}: ${s.cases} cases, exits ${JSON.stringify(s.exits)}, max wall ${s.maxWallMs} ms, max RSS CLI ${s.maxCliRssMb} MB + child ${s.maxChildRssMb} MB, ${Math.round(s.elapsedMs / 1000)} s`);
    expect(s.cases).toBe(COUNT);
    expect(report).toBe('');
    expect(Object.keys(s.exits).every((e) => e === '0' || e === '2' || e === '3')).toBe(true);
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(s.exits['0']).toBeGreaterThan(0);
    expect(s.exits['2']).toBeGreaterThan(0);
  });
});
