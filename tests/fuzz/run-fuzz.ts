/**
 * The fuzz run of issue 14: seeded mutations of the fixture workbooks, a generated docx and the
 * seed `.jxmb` projects, each given to the compiled CLI (`jxmb inspect`, batched through
 * tests/fuzz/fuzz-batch.cjs, two batches at a time). Every case must end with exit 0, 2 or 3, no
 * stack trace or English internals on stderr, the CLI process and its parse child under the
 * memory limit, and within the time limit. Case i of seed s is reproducible alone.
 *
 * `npm run fuzz -- --seed 7 --count 10000` (needs `npm run build:node`); failing inputs are
 * kept in test-output/fuzz-failures/.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hasEnglishInternals } from '../../electron/services/internal-log';
import { serializeProject } from '../../shared/file/project-file';
import type { Project } from '../../shared/model/types';
import { ensureFixtures } from '../fixtures/build-fixtures';
import { buildZip } from '../helpers/hostile-zip';
import { mutate, Rng } from './mutate';

const ROOT = resolve(__dirname, '..', '..');
/** Memory limit of the whole import (CLI process + parse child), MB. */
export const RSS_LIMIT_MB = 1536;
/** Wall limit of one case: the 30 s parse limit plus process start and recognition. */
export const WALL_LIMIT_MS = 40_000;

export interface FuzzCaseResult {
  readonly i: number;
  readonly kind: string;
  readonly exit: number | null;
  readonly ms: number;
  readonly rssMb: number;
  readonly childPeakMb: number;
  readonly problem?: string;
  readonly stderr?: string;
}

export interface FuzzSummary {
  readonly seed: number;
  readonly cases: number;
  readonly exits: Record<string, number>;
  readonly maxWallMs: number;
  readonly maxCliRssMb: number;
  readonly maxChildRssMb: number;
  readonly failures: readonly FuzzCaseResult[];
  readonly slowest: readonly { i: number; kind: string; ms: number; exit: number | null }[];
  readonly elapsedMs: number;
}

function minimalDocx(): Buffer {
  const ct = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const doc = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>农村道路养护</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>';
  return buildZip([{ name: '[Content_Types].xml', data: ct }, { name: '_rels/.rels', data: rels }, { name: 'word/document.xml', data: doc }]);
}

interface Base { readonly kind: 'xlsx' | 'docx' | 'jxmb'; readonly name: string; readonly data: Buffer }

/** The base files the mutations start from (fixture workbooks, seed projects, a docx). */
export async function bases(): Promise<Base[]> {
  const set = await ensureFixtures();
  const out: Base[] = [];
  for (const s of set.seeds) {
    for (const [variant, file] of Object.entries(s.files)) if (file) out.push({ kind: 'xlsx', name: `${s.seed}.${variant}`, data: readFileSync(file) });
    out.push({ kind: 'jxmb', name: s.seed, data: Buffer.from(serializeProject(s.golden as Project), 'utf8') });
  }
  out.push({ kind: 'docx', name: 'minimal', data: minimalDocx() });
  return out;
}

/** Case i of a seed: which base and which mutated bytes (reproducible alone). */
export function makeCase(all: readonly Base[], seed: number, i: number): { kind: string; ext: string; data: Buffer } {
  const rng = new Rng((seed * 1_000_003 + i * 7919) >>> 0);
  const r = rng.next();
  const pool = all.filter((b) => b.kind === (r < 0.6 ? 'xlsx' : r < 0.8 ? 'jxmb' : 'docx'));
  const base = rng.pick(pool);
  const ext = rng.next() < 0.9 ? base.kind : rng.pick(['xlsx', 'jxmb', 'docx', 'xls', 'et']);
  return { kind: base.kind, ext, data: mutate(rng, base.kind, base.data) };
}

function judge(r: Omit<FuzzCaseResult, 'problem'>): string | undefined {
  // 3: an import that could not read a column of indicator content (said on stderr) is a legal end.
  if (r.exit !== 0 && r.exit !== 2 && r.exit !== 3) return `exit ${r.exit}`;
  if (r.stderr && /\n\s+at |内部错误|Error:/.test(r.stderr)) return 'stack trace on stderr';
  if (r.stderr && hasEnglishInternals(r.stderr)) return 'English internals on stderr';
  if (r.rssMb + r.childPeakMb > RSS_LIMIT_MB) return `memory ${r.rssMb} + ${r.childPeakMb} MB`;
  if (r.ms > WALL_LIMIT_MS) return `wall ${r.ms} ms`;
  return undefined;
}

/** Runs one batch driver over the listed cases; a crash or hang is charged to the running case. */
function runBatch(list: { i: number; file: string; kind: string }[]): Promise<FuzzCaseResult[]> {
  return new Promise((resolveBatch) => {
    const listFile = `${list[0].file}.list.json`;
    writeFileSync(listFile, JSON.stringify(list));
    const child = spawn(process.execPath, [join(__dirname, 'fuzz-batch.cjs'), listFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const kinds = new Map(list.map((c) => [c.i, c.kind]));
    const results: FuzzCaseResult[] = [];
    let running: number | null = null;
    let buf = '';
    let errText = '';
    let watchdog: NodeJS.Timeout | null = null;
    const arm = () => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => child.kill('SIGKILL'), WALL_LIMIT_MS * 3);
    };
    arm();
    child.stderr.on('data', (b: Buffer) => { errText += b.toString(); });
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = JSON.parse(buf.slice(0, nl)) as { start?: number; i?: number; done?: boolean } & Omit<FuzzCaseResult, 'kind'>;
        buf = buf.slice(nl + 1);
        arm();
        if (line.start !== undefined) running = line.start;
        else if (line.i !== undefined) {
          running = null;
          const r = { ...line, kind: kinds.get(line.i) ?? '?' };
          const problem = judge(r);
          results.push(problem ? { ...r, problem } : { i: r.i, kind: r.kind, exit: r.exit, ms: r.ms, rssMb: r.rssMb, childPeakMb: r.childPeakMb });
        }
      }
    });
    child.on('close', (code, signal) => {
      if (watchdog) clearTimeout(watchdog);
      if (running !== null) {
        results.push({ i: running, kind: kinds.get(running) ?? '?', exit: code, ms: 0, rssMb: 0, childPeakMb: 0, problem: `driver ended (${signal ?? code}) during the case`, stderr: errText.slice(0, 2000) });
      }
      resolveBatch(results);
    });
  });
}

/** Runs `count` cases of `seed` (from case `from`), `concurrency` batch drivers at a time. */
export async function runFuzz(opts: { seed: number; count: number; from?: number; concurrency?: number; batchSize?: number; progressFile?: string; log?: (m: string) => void }): Promise<FuzzSummary> {
  const t0 = Date.now();
  const all = await bases();
  const dir = mkdtempSync(join(tmpdir(), 'jxmb-fuzz-'));
  const from = opts.from ?? 0;
  const batchSize = opts.batchSize ?? 50;
  const results: FuzzCaseResult[] = [];
  let next = from;
  const end = from + opts.count;
  const worker = async () => {
    while (next < end) {
      const start = next;
      next = Math.min(end, next + batchSize);
      const list = [];
      for (let i = start; i < next; i++) {
        const c = makeCase(all, opts.seed, i);
        const file = join(dir, `case-${i}.${c.ext}`);
        writeFileSync(file, c.data);
        list.push({ i, file, kind: c.kind });
      }
      results.push(...(await runBatch(list)));
      for (const c of list) if (!results.some((r) => r.i === c.i && r.problem)) rmSync(c.file, { force: true });
      if (opts.progressFile) writeFileSync(opts.progressFile, JSON.stringify(summarize(opts.seed, results, t0), null, 2));
      opts.log?.(`${results.length}/${opts.count} cases, ${results.filter((r) => r.problem).length} failing, ${Math.round((Date.now() - t0) / 1000)} s`);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 2 }, worker));
  const failures = results.filter((r) => r.problem);
  if (failures.length > 0) {
    const keep = join(ROOT, 'test-output', 'fuzz-failures');
    mkdirSync(keep, { recursive: true });
    for (const f of failures) {
      const c = makeCase(all, opts.seed, f.i);
      const src = join(dir, `case-${f.i}.${c.ext}`);
      if (existsSync(src)) copyFileSync(src, join(keep, `seed${opts.seed}-case${f.i}.${c.ext}`));
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return summarize(opts.seed, results, t0);
}

function summarize(seed: number, results: readonly FuzzCaseResult[], t0: number): FuzzSummary {
  const exits: Record<string, number> = {};
  for (const r of results) exits[String(r.exit)] = (exits[String(r.exit)] ?? 0) + 1;
  return {
    seed,
    cases: results.length,
    exits,
    maxWallMs: Math.max(0, ...results.map((r) => r.ms)),
    maxCliRssMb: Math.max(0, ...results.map((r) => r.rssMb)),
    maxChildRssMb: Math.max(0, ...results.map((r) => r.childPeakMb)),
    failures: results.filter((r) => r.problem),
    slowest: [...results].sort((a, b) => b.ms - a.ms).slice(0, 5).map((r) => ({ i: r.i, kind: r.kind, ms: r.ms, exit: r.exit })),
    elapsedMs: Date.now() - t0,
  };
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (require.main === module) {
  const seed = argValue('seed', 1);
  const count = argValue('count', 10_000);
  const progressFile = process.argv.includes('--progress') ? process.argv[process.argv.indexOf('--progress') + 1] : undefined;
  void runFuzz({ seed, count, from: argValue('from', 0), progressFile, log: (m) => process.stderr.write(`${m}\n`) }).then((s) => {
    const { failures, ...figures } = s;
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    for (const f of failures.slice(0, 50)) process.stdout.write(`FAIL case ${f.i} (${f.kind}): ${f.problem}\n${(f.stderr ?? '').slice(0, 300)}\n`);
    process.exitCode = failures.length === 0 ? 0 : 1;
  });
}
