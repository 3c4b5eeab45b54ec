import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveProjectFile } from '../../electron/services/project-file-service';
import { DiskChangeTracker, checkDiskChange, describeDiskChange, fingerprintFile } from '../../electron/services/disk-change';
import { createProject } from '../../shared/model/create';
import { createTable } from '../../shared/families/create-table';

let dir: string;
let doc: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jxmb-disk-'));
  doc = path.join(dir, '项目.jxmb');
  await saveProjectFile(doc, { ...createProject(), tables: [{ ...createTable('hebei'), projectName: '原始' }] });
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('disk change detection', () => {
  it('sees no change after our own save, and a change by another program', async () => {
    const tracker = new DiskChangeTracker();
    await tracker.remember(doc);
    expect(await tracker.check(doc)).toEqual({ changed: false });

    // Another program rewrites the file with the same size (one character swapped).
    const text = await fs.readFile(doc, 'utf8');
    await fs.writeFile(doc, text.replace('原始', '改动'));
    const known = tracker.get(doc)!;
    await fs.utimes(doc, new Date(known.mtimeMs), new Date(known.mtimeMs));
    const change = await tracker.check(doc);
    expect(change).toMatchObject({ changed: true, reason: 'modified' });
    expect(describeDiskChange(doc, change)).toMatch(/^“项目\.jxmb”在您打开后已被其他程序修改（\d{4}-\d\d-\d\d \d\d:\d\d）。/);

    // After the user chose to overwrite, our save is remembered again.
    await saveProjectFile(doc, { ...createProject(), tables: [] });
    await tracker.remember(doc);
    expect(await tracker.check(doc)).toEqual({ changed: false });
  });

  it('ignores a touch that keeps the bytes, and reports a deleted file', async () => {
    const known = (await fingerprintFile(doc))!;
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(doc, later, later);
    expect(await checkDiskChange(doc, known)).toEqual({ changed: false });
    await fs.appendFile(doc, ' ');
    expect(await checkDiskChange(doc, known)).toMatchObject({ changed: true, reason: 'modified', current: { size: known.size + 1 } });
    await fs.rm(doc);
    const gone = await checkDiskChange(doc, known);
    expect(gone).toEqual({ changed: true, reason: 'deleted' });
    expect(describeDiskChange(doc, gone)).toContain('已被其他程序删除或移走');
    expect(await fingerprintFile(doc)).toBeNull();
  });

  it('treats a path it never saw as unchanged (save as a new file)', async () => {
    expect(await new DiskChangeTracker().check(path.join(dir, '新.jxmb'))).toEqual({ changed: false });
  });
});
