/**
 * The user's own 指标库 (electron/services/library/user-library-service.ts) and its IPC channels:
 * grown from saved projects (re-saving a file replaces its contribution), exported and imported
 * as a library file, atomic and never losing a corrupt file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { scriptedDialogs } from '../../electron/host/dialogs';
import { createIpcHandlers } from '../../electron/host/ipc-handlers';
import { UserLibraryService, userLibraryPath } from '../../electron/services/library/user-library-service';
import { loadProjectFile, saveProjectFile } from '../../electron/services/project-file-service';
import { parseProjectFile } from '../../shared/file/project-file';
import { parseLibraryFile } from '../../shared/library';
import type { Project } from '../../shared/model/types';

const root = path.resolve(__dirname, '../..');
const sample = parseProjectFile(readFileSync(path.join(root, 'resources', 'sample.jxmb'), 'utf8')).project;
const tmp = () => tempDir('jxmb-userlib-');
const countOf = (lib: { entries: readonly { name: string; count: number }[] }, name: string) => lib.entries.find((e) => e.name === name)?.count ?? 0;

describe('UserLibraryService', () => {
  it('learns from saved projects; saving the same file again replaces, another file adds', async () => {
    const dir = tmp();
    const lib = new UserLibraryService(dir);
    expect((await lib.library()).entries).toEqual([]);
    await lib.learn(path.join(dir, 'a.jxmb'), sample);
    const once = await lib.library();
    expect(once.entries.length).toBeGreaterThan(50);
    const n = countOf(once, '群众满意度');
    expect(n).toBeGreaterThan(0);
    await lib.learn(path.join(dir, 'a.jxmb'), sample);
    expect(countOf(await lib.library(), '群众满意度')).toBe(n);
    await lib.learn(path.join(dir, 'b.jxmb'), sample);
    expect(countOf(await lib.library(), '群众满意度')).toBe(2 * n);
    // a fresh service reads what was stored
    expect(await new UserLibraryService(dir).library()).toEqual(await lib.library());
    expect(once.entries.find((e) => e.name === '群众满意度')?.initials).toBe('qzmyd');
  });

  it('exports a library file and imports it into another user library', async () => {
    const a = new UserLibraryService(tmp());
    await a.learn('/x/a.jxmb', sample);
    const file = path.join(tmp(), '闽宁镇指标库.json');
    const count = await a.exportTo(file);
    const exported = parseLibraryFile(readFileSync(file, 'utf8'));
    expect(exported.entries).toHaveLength(count);
    const b = new UserLibraryService(tmp());
    expect(await b.importFrom(file)).toBe(count);
    expect(await b.importFrom(file)).toBe(count); // the same file again replaces, not doubles
    expect((await b.library()).entries).toEqual(exported.entries);
    const bad = path.join(tmp(), '坏.json');
    writeFileSync(bad, '{"hello": 1}');
    await expect(b.importFrom(bad)).rejects.toThrow(/“坏\.json”：指标库文件格式不正确/);
    expect((await b.library()).entries).toEqual(exported.entries);
  });

  it('sets a corrupt file aside and starts afresh (nothing is deleted)', async () => {
    const dir = tmp();
    writeFileSync(userLibraryPath(dir), '{ not json');
    const lib = new UserLibraryService(dir);
    expect((await lib.library()).entries).toEqual([]);
    expect(readdirSync(dir).some((f) => f.startsWith('indicator-library.json.corrupt-'))).toBe(true);
    await lib.learn('/x/a.jxmb', sample);
    expect(JSON.parse(readFileSync(userLibraryPath(dir), 'utf8')).format).toBe('jxmb-user-indicator-library');
  });
});

describe('IPC: library channels and the save hook', () => {
  it('project:save teaches the user library; library:export writes where the save dialog says; library:import reads a given path or the picked one', async () => {
    const dir = tmp();
    const library = new UserLibraryService(dir);
    const target = path.join(dir, '闽宁镇2024.jxmb');
    const dialogs = scriptedDialogs({ saveProject: [target], saveLibrary: [path.join(dir, '导出.json')], openLibrary: [null] });
    const handlers = createIpcHandlers({
      dialogs, samplePath: '', library,
      loadProject: (p) => loadProjectFile(p), saveProject: saveProjectFile,
      importXlsx: () => Promise.reject(new Error('unused')), exportXlsx: () => Promise.reject(new Error('unused')),
    });
    const saved = await handlers['project:save']({ project: sample as Project });
    expect(saved.ok).toBe(true);
    await library.idle();
    const got = await handlers['library:get'](undefined);
    expect(got.ok && got.value.entries.length).toBeGreaterThan(50);
    const exported = await handlers['library:export'](undefined);
    expect(exported).toMatchObject({ ok: true, value: { path: path.join(dir, '导出.json') } });
    expect(existsSync(path.join(dir, '导出.json'))).toBe(true);
    expect(await handlers['library:import'](undefined)).toEqual({ ok: true, value: null }); // picker cancelled
    const imported = await handlers['library:import']({ path: path.join(root, 'shared', 'library', 'builtin.json') });
    expect(imported.ok && imported.value!.count).toBeGreaterThan(300);
    const bad = await handlers['library:import']({ path: path.join(dir, '没有.json') });
    expect(bad.ok).toBe(false);
  });
});
