import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProject, createTable } from '../../shared/model/create';
import type { Project } from '../../shared/model/types';
import {
  AutosaveScheduler,
  discardRecovery,
  formatRecoveryTime,
  listOrphanedRecoveries,
  listRecoveries,
  readRecovery,
  recoveryDir,
  writeRecovery,
} from '../../electron/services/recovery-service';

const REPO = path.resolve(__dirname, '../..');
let userData: string;

beforeEach(async () => {
  userData = await fs.mkdtemp(path.join(os.tmpdir(), 'jxmb-recovery-'));
});
afterEach(async () => {
  await fs.rm(userData, { recursive: true, force: true });
});

function sampleProject(name: string): Project {
  const table = { ...createTable('nx-2024'), projectName: name };
  return { ...createProject({ unitName: '永宁县闽宁镇人民政府', fiscalYear: 2024 }), tables: [table] };
}

describe('recovery copies', () => {
  it('writes, lists, restores and discards a copy without touching the original file', async () => {
    const dir = recoveryDir(userData);
    const original = path.join(userData, '项目.jxmb');
    await fs.writeFile(original, 'ORIGINAL');
    const now = new Date('2025-03-01T06:05:09Z');
    await writeRecovery(dir, { sessionId: 's1', originalPath: original, project: sampleProject('人大代表工作'), now });

    expect(await fs.readFile(original, 'utf8')).toBe('ORIGINAL');
    const list = await listRecoveries(dir);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ sessionId: 's1', originalPath: original, savedAt: now.toISOString(), title: '项目.jxmb' });
    // Written by this process: not an orphan, not offered as a crash.
    expect(await listOrphanedRecoveries(dir)).toEqual([]);
    expect(await listOrphanedRecoveries(dir, new Set(['s1']))).toEqual([]);
    // Its window's page crashed and the session ended: now it is offered.
    expect((await listOrphanedRecoveries(dir, new Set())).map((e) => e.sessionId)).toEqual(['s1']);

    const restored = await readRecovery(dir, 's1');
    expect(restored.project.tables[0].projectName).toBe('人大代表工作');
    expect(restored.project.tables[0].indicators.length).toBeGreaterThan(0);

    await discardRecovery(dir, 's1');
    expect(await listRecoveries(dir)).toEqual([]);
  });

  it('replaces the copy of the same session and sorts sessions newest first', async () => {
    const dir = recoveryDir(userData);
    await writeRecovery(dir, { sessionId: 'a', originalPath: null, project: sampleProject('旧'), now: new Date('2025-01-01T00:00:00Z') });
    await writeRecovery(dir, { sessionId: 'b', originalPath: null, project: sampleProject('乙'), now: new Date('2025-01-02T00:00:00Z') });
    await writeRecovery(dir, { sessionId: 'a', originalPath: null, project: sampleProject('新'), now: new Date('2025-01-03T00:00:00Z') });
    const list = await listRecoveries(dir);
    expect(list.map((e) => e.sessionId)).toEqual(['a', 'b']);
    expect(list[0].title).toBe('未命名（新）');
    expect((await readRecovery(dir, 'a')).project.tables[0].projectName).toBe('新');
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('skips foreign and corrupt files instead of failing, and rejects path-like ids', async () => {
    const dir = recoveryDir(userData);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'junk.jxmb-recovery'), 'not a recovery file');
    await fs.writeFile(path.join(dir, 'bad.jxmb-recovery'), 'JXMB-RECOVERY {"version":1,"sessionId":"bad","savedAt":"x"}\n{broken');
    const list = await listRecoveries(dir);
    expect(list.map((e) => e.sessionId)).toEqual(['bad']);
    await expect(readRecovery(dir, 'bad')).rejects.toMatchObject({ code: 'recovery-corrupt' });
    await expect(readRecovery(dir, '../etc')).rejects.toMatchObject({ code: 'recovery-bad-id' });
    expect(await listRecoveries(path.join(userData, 'missing'))).toEqual([]);
  });

  it('formats the time for the prompt', () => {
    const d = new Date(2025, 2, 1, 14, 5, 9);
    expect(formatRecoveryTime(d.toISOString())).toBe('2025-03-01 14:05:09');
  });
});

/** A child process that writes recovery copies in a loop until it is killed. */
async function writeChildScript(dir: string): Promise<string> {
  const service = path.join(REPO, 'electron/services/recovery-service.ts').replace(/\\/g, '/');
  const create = path.join(REPO, 'shared/model/create.ts').replace(/\\/g, '/');
  const file = path.join(userData, 'child.ts');
  await fs.writeFile(
    file,
    `import { writeRecovery } from ${JSON.stringify(service)};
import { createProject, createTable } from ${JSON.stringify(create)};
const dir = ${JSON.stringify(dir)};
async function run() {
  for (let i = 0; ; i++) {
    // Many tables so a write takes a while and the kill may land in the middle of one.
    const tables = Array.from({ length: 200 }, (_, t) => ({ ...createTable('nx-2024'), projectName: '第' + i + '版-' + t }));
    await writeRecovery(dir, { sessionId: 'crashed', originalPath: '/home/user/项目.jxmb', project: { ...createProject(), tables } });
    if (i === 0) process.stdout.write('written\\n');
  }
}
void run();
`,
  );
  return file;
}

describe('recovery after a crash', () => {
  it('finds the copy of a process killed with SIGKILL in the middle of writing', async () => {
    const dir = recoveryDir(userData);
    const script = await writeChildScript(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('written')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 200)));
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;

    // The "next start": the dead writer's copy is an orphan, complete and readable.
    const orphans = await listOrphanedRecoveries(dir);
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ sessionId: 'crashed', originalPath: '/home/user/项目.jxmb', pid: child.pid, writerAlive: false });
    const restored = await readRecovery(dir, 'crashed');
    expect(restored.project.tables).toHaveLength(200);
    expect(restored.project.tables[0].projectName).toMatch(/^第\d+版-0$/);
  });
});

describe('AutosaveScheduler', () => {
  it('writes once, about a second after edits stop', async () => {
    vi.useFakeTimers();
    try {
      const write = vi.fn(async () => undefined);
      const s = new AutosaveScheduler(write, 1000);
      s.touch();
      await vi.advanceTimersByTimeAsync(600);
      s.touch();
      await vi.advanceTimersByTimeAsync(600);
      expect(write).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(500);
      expect(write).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(5000);
      expect(write).toHaveBeenCalledTimes(1);
      s.touch();
      s.cancel();
      await vi.advanceTimersByTimeAsync(5000);
      expect(write).toHaveBeenCalledTimes(1);
      s.touch();
      await s.flush();
      expect(write).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
