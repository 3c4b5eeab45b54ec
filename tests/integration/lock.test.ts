import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireLock,
  copyPathFor,
  defaultLockEnvironment,
  describeOwner,
  lockPathFor,
  makeEditableCopy,
  readLock,
  refreshLock,
  releaseLock,
  type LockEnvironment,
} from '../../electron/services/lock-service';

const REPO = path.resolve(__dirname, '../..');
let dir: string;
let doc: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jxmb-lock-'));
  doc = path.join(dir, '人大代表工作.jxmb');
  await fs.writeFile(doc, '{"format":"jxmb-project"}');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Another PC on the shared folder. */
function otherPc(now = new Date()): LockEnvironment {
  return { user: '李四', host: 'PC-CAIWU-02', pid: 4242, now: () => now, isAlive: () => false };
}

describe('lock files', () => {
  it('creates ~$<name>.lock with user, host, pid and time; a second opener sees the owner', async () => {
    const first = await acquireLock(doc);
    expect(first.status).toBe('acquired');
    if (first.status !== 'acquired') return;
    expect(path.basename(first.lock.lockPath)).toBe('~$人大代表工作.jxmb.lock');
    const onDisk = await readLock(lockPathFor(doc));
    expect(onDisk).toMatchObject({ host: os.hostname(), pid: process.pid, user: defaultLockEnvironment().user });
    expect(Math.abs(Date.parse(onDisk!.time) - Date.now())).toBeLessThan(5000);

    // Same process, another window.
    const again = await acquireLock(doc);
    expect(again).toMatchObject({ status: 'locked', ownedByThisProcess: true });
    // Another PC on a shared folder: live lock regardless of pid (cannot check a remote pid).
    const remote = await acquireLock(doc, otherPc());
    expect(remote).toMatchObject({ status: 'locked', ownedByThisProcess: false, owner: { host: os.hostname() } });

    await releaseLock(first.lock);
    await expect(fs.access(lockPathFor(doc))).rejects.toThrow();
    expect((await acquireLock(doc, otherPc())).status).toBe('acquired');
  });

  it('takes over a lock of a dead process on this machine (crash)', async () => {
    const service = path.join(REPO, 'electron/services/lock-service.ts').replace(/\\/g, '/');
    const script = path.join(dir, 'child.ts');
    await fs.writeFile(
      script,
      `import { acquireLock } from ${JSON.stringify(service)};
acquireLock(${JSON.stringify(doc)}).then((r) => { process.stdout.write(r.status + '\\n'); setInterval(() => undefined, 1000); });
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    const status = await new Promise<string>((resolve) => child.stdout.on('data', (d: Buffer) => resolve(d.toString().trim())));
    expect(status).toBe('acquired');
    // While the child lives, its lock holds.
    expect(await acquireLock(doc)).toMatchObject({ status: 'locked', ownedByThisProcess: false, owner: { pid: child.pid } });
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;

    const after = await acquireLock(doc);
    expect(after.status).toBe('acquired');
    if (after.status === 'acquired') {
      expect(after.tookOverStale).toMatchObject({ pid: child.pid });
      expect((await readLock(after.lock.lockPath))?.pid).toBe(process.pid);
    }
  });

  it('treats a lock older than a day as stale, and refreshing keeps it live', async () => {
    const t0 = new Date('2025-03-01T08:00:00Z');
    const held = await acquireLock(doc, otherPc(t0));
    expect(held.status).toBe('acquired');
    const me = (now: Date): LockEnvironment => ({ ...defaultLockEnvironment(), now: () => now });
    expect((await acquireLock(doc, me(new Date('2025-03-02T07:00:00Z')))).status).toBe('locked');
    if (held.status === 'acquired') {
      expect(await refreshLock(held.lock, otherPc(new Date('2025-03-02T07:30:00Z')))).toBe(true);
    }
    expect((await acquireLock(doc, me(new Date('2025-03-03T07:00:00Z')))).status).toBe('locked');
    const taken = await acquireLock(doc, me(new Date('2025-03-03T08:00:00Z')));
    expect(taken).toMatchObject({ status: 'acquired', tookOverStale: { host: 'PC-CAIWU-02' } });
    // The old owner no longer owns it: refresh and release leave the new lock alone.
    if (held.status === 'acquired') {
      expect(await refreshLock(held.lock)).toBe(false);
      await releaseLock(held.lock);
    }
    expect((await readLock(lockPathFor(doc)))?.pid).toBe(process.pid);
  });

  it('lets exactly one of many simultaneous openers win', async () => {
    const envs = Array.from({ length: 8 }, (_, i): LockEnvironment => ({ ...otherPc(), host: `PC-${i}`, isAlive: () => true }));
    const results = await Promise.all(envs.map((env) => acquireLock(doc, env)));
    expect(results.filter((r) => r.status === 'acquired')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'locked')).toHaveLength(7);
  });

  it('reports a folder that refuses the lock file as unavailable', async () => {
    const result = await acquireLock(path.join(doc, 'inside-a-file.jxmb'));
    expect(result.status).toBe('unavailable');
  });

  it('describes the owner in Chinese', () => {
    const text = describeOwner({ user: '李四', host: 'PC-CAIWU-02', pid: 1, time: new Date(2025, 2, 1, 14, 5).toISOString(), token: '' });
    expect(text).toBe('李四（电脑 PC-CAIWU-02），自 2025-03-01 14:05 起');
  });
});

describe('the copy choice', () => {
  it('copies the locked file to a free 「（副本）」 name beside it', async () => {
    expect(path.basename(await copyPathFor(doc))).toBe('人大代表工作（副本）.jxmb');
    const first = await makeEditableCopy(doc);
    const second = await makeEditableCopy(doc);
    expect(path.basename(first)).toBe('人大代表工作（副本）.jxmb');
    expect(path.basename(second)).toBe('人大代表工作（副本 2）.jxmb');
    expect(await fs.readFile(second, 'utf8')).toBe(await fs.readFile(doc, 'utf8'));
    await expect(makeEditableCopy(path.join(dir, '不存在.jxmb'))).rejects.toMatchObject({ code: 'fs-enoent' });
  });
});
