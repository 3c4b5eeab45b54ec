/**
 * The kill -9 harness of issue 14: a child process (tests/kill9/kill-child.cjs) repeats one
 * write path (project save, xlsx export, autosave, restore of a recovery copy, fill into the
 * bureau's workbook) and is killed with SIGKILL at a seeded random moment, many times. After
 * each kill the target must be the last completed version (old) or the one being written (new),
 * complete — byte-equal to that version for save and fill, never a mix —, the `.bak` a complete
 * earlier version, and a recovery copy must still be offered unless its restore completed. At
 * the end the next start must leave no orphaned temp files. Returns the counts (the test
 * asserts zeros where zeros are due).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { listOrphanedRecoveries, readRecovery } from '../../electron/services/recovery-service';
import { parseProjectFile, serializeProject } from '../../shared/file/project-file';
import type { Project } from '../../shared/model/types';
import { unzipAll, Rng } from '../fuzz/mutate';

export type KillOp = 'save' | 'export' | 'autosave' | 'recovery' | 'fill';

export interface KillFigures {
  readonly op: KillOp;
  readonly kills: number;
  /** Target neither the old nor the new version, or not complete (a mix, torn, bytes differ). */
  readonly targetBroken: number;
  /** Target the last completed version (the write in flight had not replaced it). */
  readonly targetOld: number;
  /** Target the version being written when killed (its rename had happened). */
  readonly targetNew: number;
  /** Kills after which a `.bak` was present and a complete earlier version. */
  readonly bakComplete: number;
  /** `.bak` present but incomplete or not an earlier version. */
  readonly bakBroken: number;
  /** Recovery copy gone although its restore had not completed (or the copy unreadable). */
  readonly recoveryLost: number;
  /** Temp files left in the folders after all kills, before the next start. */
  readonly orphansBeforeStart: number;
  readonly orphanBytesBeforeStart: number;
  /** Temp files left after the next start. */
  readonly orphansAfterStart: number;
  readonly details: readonly string[];
}

const CHILD = join(__dirname, 'kill-child.cjs');

function version(base: Project, k: number): Project {
  return {
    ...base,
    meta: { ...base.meta, unitName: `版本${k}` },
    tables: base.tables.map((t) => ({ ...t, projectName: `${t.projectName}·版本${k}` })),
  };
}

/** The version marker of a .jxmb text, or an error text when it is not one complete version. */
function jxmbVersion(text: string): number | string {
  try {
    const { project } = parseProjectFile(text);
    const k = Number(/^版本(\d+)$/.exec(project.meta.unitName)?.[1]);
    if (!Number.isInteger(k)) return `no marker: ${project.meta.unitName}`;
    if (!project.tables.every((t) => t.projectName.endsWith(`·版本${k}`))) return 'tables of different versions';
    return k;
  } catch (e) {
    return `unreadable: ${(e as Error).message.slice(0, 80)}`;
  }
}

const sha256 = (buf: Buffer | string): string => createHash('sha256').update(buf).digest('hex');

/** The version marker of an exported xlsx, or an error when the zip is torn or a CRC is wrong. */
function xlsxVersion(buf: Buffer): number | string {
  try {
    const parts = unzipAll(buf);
    let text = '';
    for (const p of parts) text += p.data.toString('utf8');
    // unzipAll does not check CRCs: compare with the central directory.
    let eocd = buf.length - 22;
    while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    let q = buf.readUInt32LE(eocd + 16);
    for (const part of parts) {
      if (buf.readUInt32LE(q + 16) !== crc32(part.data)) return `bad CRC in ${part.name}`;
      q += 46 + buf.readUInt16LE(q + 28) + buf.readUInt16LE(q + 30) + buf.readUInt16LE(q + 32);
    }
    const ks = new Set([...text.matchAll(/版本(\d+)/g)].map((m) => Number(m[1])));
    if (ks.size !== 1) return `markers ${[...ks].join(',')}`;
    return [...ks][0];
  } catch (e) {
    return `torn zip: ${(e as Error).message.slice(0, 80)}`;
  }
}

function tempFiles(dir: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const d of [dir, join(dir, 'recovery')]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      if (!/\.tmp$/.test(f)) continue;
      count++;
      try { bytes += readFileSync(join(d, f)).length; } catch { /* raced */ }
    }
  }
  return { count, bytes };
}

/** What the start-up prompt would offer (this checkout's recovery service; it only reads). */
async function offeredRecoveries(recDir: string): Promise<{ recoveries: string[]; versions: number[] }> {
  const list = await listOrphanedRecoveries(recDir);
  const versions: number[] = [];
  for (const r of list) {
    try {
      versions.push(Number(/版本(\d+)/.exec((await readRecovery(recDir, r.sessionId)).project.meta.unitName)?.[1] ?? -1));
    } catch {
      versions.push(-1);
    }
  }
  return { recoveries: list.map((r) => r.sessionId), versions };
}

function runChild(env: NodeJS.ProcessEnv, args: string[]): string {
  const r = spawnSync(process.execPath, [CHILD, ...args], { env, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`kill-child ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * When a kill falls: `fraction` (0..1) of `windowMs` after the child is ready — for a child that
 * reports its warm-up times ("ready <fill ms> <write ms>", fill), of at least 1.3 times the fill,
 * so the kills cover a whole fill however busy the machine — or, with `atTemp`, within 1.5 times
 * the warm-up's write (at least 30 ms) after the atomic write opened its temp file ("T": the
 * write, fsync and rename themselves).
 */
export interface KillMoment {
  readonly fraction: number;
  readonly windowMs: number;
  readonly atTemp?: boolean;
}

/** Starts the child, kills it at `moment`; resolves with the announced versions. */
function killAfter(env: NodeJS.ProcessEnv, args: string[], moment: KillMoment): Promise<{ announced: number[]; done: number[]; restored: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const announced: number[] = [];
    const done: number[] = [];
    let restored = false;
    let armed = false;
    let writeWindow = 30;
    const arm = (ms: number) => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), ms);
    };
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line.startsWith('ready')) {
          const [fillMs = 0, writeMs = 0] = line.slice(6).split(' ').map(Number);
          if (moment.atTemp) writeWindow = Math.max(30, 1.5 * writeMs);
          else arm(moment.fraction * Math.max(moment.windowMs, 1.3 * fillMs));
        } else if (line === 'T' && moment.atTemp) arm(moment.fraction * writeWindow);
        else if (line.startsWith('W ')) announced.push(Number(line.slice(2)));
        else if (line.startsWith('D ')) done.push(Number(line.slice(2)));
        else if (line === 'restored') restored = true;
      }
    });
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child ended ${code}: ${err}`));
      else resolve({ announced, done, restored });
    });
  });
}

/** The version a target holds after a kill, checked for completeness; bytes hashed for fill. */
function readTarget(op: KillOp, jxmb: string, xlsx: string): { k: number | string; sha?: string } {
  if (op === 'export') return { k: xlsxVersion(readFileSync(xlsx)) };
  if (op === 'fill') {
    const buf = readFileSync(xlsx);
    return { k: xlsxVersion(buf), sha: sha256(buf) };
  }
  return { k: jxmbVersion(readFileSync(jxmb, 'utf8')) };
}

/**
 * Runs `kills` kills of one write path with seeded delays (0 .. windowMs after start-up).
 * `dist` selects the compiled code under test (default: this checkout's dist/).
 */
export async function runKill9(op: KillOp, opts: { kills: number; seed: number; base: Project; windowMs?: number; dist?: string }): Promise<KillFigures> {
  const dir = mkdtempSync(join(tmpdir(), `jxmb-kill9-${op}-`));
  const env = { ...process.env, ...(opts.dist ? { JXMB_KILL9_DIST: opts.dist } : {}) };
  const rng = new Rng(opts.seed);
  const window = opts.windowMs ?? (op === 'recovery' ? 60 : 250);
  writeFileSync(join(dir, 'base.json'), JSON.stringify(opts.base));
  mkdirSync(join(dir, 'recovery'), { recursive: true });
  const jxmb = join(dir, '项目.jxmb');
  const xlsx = join(dir, 'out.xlsx');
  const target = op === 'export' || op === 'fill' ? xlsx : jxmb;
  const details: string[] = [];
  let targetBroken = 0;
  let targetOld = 0;
  let targetNew = 0;
  let bakBroken = 0;
  let bakComplete = 0;
  let recoveryLost = 0;
  const announced = new Set<number>([0]);
  /** Fill: the hash of the target after each kill, checked against the oracle at the end. */
  const fillSeen: { n: number; k: number; sha: string; isNew: boolean }[] = [];
  let nextK = 1;
  if (op === 'export') runChild(env, ['export-once', dir, '0']);
  else if (op === 'fill') {
    runChild(env, ['fill-setup', dir, '0']);
    runChild(env, ['fill-once', dir, '0']);
  } else writeFileSync(jxmb, serializeProject(version(opts.base, 0)));
  let pendingRecovery: number | null = null;
  let lastDone = -1;
  let current = 0;
  try {
    for (let n = 0; n < opts.kills; n++) {
      if (op === 'recovery' && pendingRecovery === null) {
        runChild(env, ['autosave-once', dir, String(nextK)]);
        announced.add(nextK);
        pendingRecovery = nextK++;
      }
      // Fill: every other kill aimed at the atomic write itself (the rest anywhere in the fill).
      const r = await killAfter(env, [op, dir, String(nextK)], { fraction: rng.next(), windowMs: window, atTemp: op === 'fill' && n % 2 === 1 });
      for (const k of r.announced) announced.add(k);
      nextK = Math.max(nextK, ...r.announced) + 1;
      lastDone = Math.max(lastDone, ...r.done);
      const { k, sha } = readTarget(op, jxmb, xlsx);
      // Old: the last version completed (in this run, or before it); new: the one in flight.
      const inFlight = r.announced.find((a) => !r.done.includes(a));
      const old = r.done.length > 0 ? Math.max(...r.done) : current;
      const writesTarget = op === 'save' || op === 'export' || op === 'fill';
      if (typeof k !== 'number' || !announced.has(k) || (writesTarget && k !== old && k !== inFlight)) {
        targetBroken++;
        details.push(`kill ${n}: target ${String(k)} (old ${old}, in flight ${String(inFlight)})`);
      } else if (op === 'save' && readFileSync(jxmb, 'utf8') !== serializeProject(version(opts.base, k))) {
        targetBroken++;
        details.push(`kill ${n}: target ${k} not byte-equal to version ${k}`);
      } else {
        const isNew = writesTarget ? k === inFlight : k !== current;
        if (isNew) targetNew++;
        else targetOld++;
        if (sha) fillSeen.push({ n, k, sha, isNew });
        current = k;
      }
      if (existsSync(`${target}.bak`)) {
        const b = op === 'save' || op === 'autosave' || op === 'recovery' ? jxmbVersion(readFileSync(`${target}.bak`, 'utf8')) : readTarget(op, `${target}.bak`, `${target}.bak`).k;
        if (typeof b !== 'number' || !announced.has(b)) {
          bakBroken++;
          details.push(`kill ${n}: .bak ${String(b)}`);
        } else bakComplete++;
      }
      if (op === 'autosave' || op === 'recovery') {
        const start = await offeredRecoveries(join(dir, 'recovery'));
        const offered = start.recoveries.length > 0;
        // The copy offered must be the last completed autosave or the one being written.
        if (op === 'autosave' && lastDone >= 0 && !(offered && start.versions[0] >= lastDone && announced.has(start.versions[0]))) {
          recoveryLost++;
          details.push(`kill ${n}: offered ${JSON.stringify(start.versions)}, last autosave ${lastDone}`);
        }
        if (op === 'recovery') {
          if (!offered && k !== pendingRecovery) {
            recoveryLost++;
            details.push(`kill ${n}: recovery ${pendingRecovery} gone, target ${String(k)}`);
          }
          if (!offered) pendingRecovery = null;
        }
      }
    }
    const before = tempFiles(dir);
    runChild(env, ['start', dir, '0']);
    const after = tempFiles(dir);
    if (fillSeen.length > 0) {
      // The byte oracle: each version seen filled again, whole, in a scratch folder.
      const expected = JSON.parse(runChild(env, ['fill-expect', dir, [...new Set(fillSeen.map((f) => f.k))].join(',')]).trim().split('\n').pop()!) as Record<string, string>;
      for (const f of fillSeen) {
        if (expected[f.k] === f.sha) continue;
        targetBroken++;
        if (f.isNew) targetNew--;
        else targetOld--;
        details.push(`kill ${f.n}: target ${f.k} not byte-equal to version ${f.k}`);
      }
    }
    return {
      op, kills: opts.kills, targetBroken, targetOld, targetNew, bakBroken, bakComplete, recoveryLost,
      orphansBeforeStart: before.count, orphanBytesBeforeStart: before.bytes, orphansAfterStart: after.count, details: details.slice(0, 20),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
