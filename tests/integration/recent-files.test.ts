import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_FILES, RecentFilesService, recentFilesPath } from '../../electron/services/recent-files-service';

let root: string;
let userData: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'jxmb-recent-'));
  userData = path.join(root, 'userData');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function makeFile(name: string): Promise<string> {
  const file = path.join(root, name);
  await fs.writeFile(file, '{}');
  return file;
}

describe('recent files', () => {
  it('keeps newest first, moves a reopened file to the top, and keeps at most 10', async () => {
    let t = Date.parse('2025-03-01T00:00:00Z');
    const service = new RecentFilesService(userData, 'linux', () => new Date((t += 1000)));
    const files = await Promise.all(Array.from({ length: 12 }, (_, i) => makeFile(`项目${i}.jxmb`)));
    for (const f of files) await service.add(f);
    await service.add(files[5]);
    const list = await service.list();
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list.map((f) => path.basename(f.path))).toEqual(['项目5.jxmb', '项目11.jxmb', '项目10.jxmb', '项目9.jxmb', '项目8.jxmb', '项目7.jxmb', '项目6.jxmb', '项目4.jxmb', '项目3.jxmb', '项目2.jxmb']);
    expect(list[0].openedAt).toBe(new Date(t).toISOString());
    // Persisted: a new service (next start) reads the same list.
    expect((await new RecentFilesService(userData, 'linux').list()).map((f) => f.path)).toEqual(list.map((f) => f.path));
  });

  it('prunes files that no longer exist, also on disk', async () => {
    const service = new RecentFilesService(userData);
    const a = await makeFile('a.jxmb');
    const b = await makeFile('b.jxmb');
    await service.add(a);
    await service.add(b);
    await fs.rm(a);
    expect((await service.list()).map((f) => f.path)).toEqual([b]);
    const onDisk = JSON.parse(await fs.readFile(recentFilesPath(userData), 'utf8')) as { files: { path: string }[] };
    expect(onDisk.files.map((f) => f.path)).toEqual([b]);
  });

  it('treats paths case-insensitively on Windows only', async () => {
    const a = await makeFile('Report.jxmb');
    const win = new RecentFilesService(path.join(root, 'win'), 'win32');
    await win.add(a);
    await win.add(a.toUpperCase());
    expect((await win.add(a)).length).toBe(1);
    const linux = new RecentFilesService(path.join(root, 'linux'), 'linux');
    await linux.add(a);
    expect((await linux.add(a.toUpperCase())).length).toBe(2);
  });

  it('survives a corrupt list file and concurrent adds', async () => {
    await fs.mkdir(userData, { recursive: true });
    await fs.writeFile(recentFilesPath(userData), '{"files": [oops');
    const service = new RecentFilesService(userData);
    expect(await service.list()).toEqual([]);
    const files = await Promise.all(['x', 'y', 'z'].map((n) => makeFile(`${n}.jxmb`)));
    await Promise.all(files.map((f) => service.add(f)));
    expect((await service.list()).map((f) => path.basename(f.path)).sort()).toEqual(['x.jxmb', 'y.jxmb', 'z.jxmb']);
    await service.remove(files[0]);
    expect(await service.list()).toHaveLength(2);
    await service.clear();
    expect(await service.list()).toEqual([]);
  });
});
