import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptedDialogs } from '../../electron/host/dialogs';
import { DocumentSession, type SessionPrompts } from '../../electron/host/document-session';
import { createWindowContext } from '../../electron/host/window-handlers';
import { loadProjectFile, saveProjectFile } from '../../electron/services/project-file-service';
import { lockPathFor, readLock } from '../../electron/services/lock-service';
import { RecentFilesService } from '../../electron/services/recent-files-service';
import { createProject } from '../../shared/model/create';
import { createTable } from '../../shared/families/create-table';
import type { Project } from '../../shared/model/types';

let dir: string;
let doc: string;

function project(name: string): Project {
  return { ...createProject({ unitName: '闽宁镇人民政府' }), tables: [{ ...createTable('nx-2024'), projectName: name }] };
}

/** Prompts answering from scripts, recording what was asked. */
function prompts(lockAnswer: 'readOnly' | 'copy' | 'cancel', overwrite: boolean): SessionPrompts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    lockedChoice: async (_f, owner) => {
      asked.push(`locked:${owner}`);
      return lockAnswer;
    },
    confirmOverwrite: async (_f, message) => {
      asked.push(`overwrite:${message}`);
      return overwrite;
    },
  };
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jxmb-session-'));
  doc = path.join(dir, '人大代表工作.jxmb');
  await saveProjectFile(doc, project('人大代表工作'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const read = (p: string) => loadProjectFile(p);

describe('document session: the same file open twice', () => {
  it('locks on open; the second opener chooses read-only and cannot save over it', async () => {
    const first = new DocumentSession({ prompts: prompts('cancel', true) });
    const opened = await first.open(doc, read);
    expect(opened?.decision).toEqual({ path: doc, readOnly: false });
    expect((await readLock(lockPathFor(doc)))?.pid).toBe(process.pid);

    const p2 = prompts('readOnly', true);
    const second = new DocumentSession({ prompts: p2 });
    const ro = await second.open(doc, read);
    expect(ro?.decision).toEqual({ path: doc, readOnly: true });
    expect(p2.asked[0]).toMatch(/^locked:.+（电脑 /);
    await expect(second.save(doc, () => saveProjectFile(doc, project('覆盖')))).rejects.toMatchObject({ code: 'save-read-only' });
    expect((await loadProjectFile(doc)).project.tables[0].projectName).toBe('人大代表工作');

    // The owner closes: the lock is gone.
    await first.close();
    await expect(fs.access(lockPathFor(doc))).rejects.toThrow();
    await second.close();
  });

  it('the copy choice opens an editable copy beside the file; cancel opens nothing', async () => {
    const first = new DocumentSession({ prompts: prompts('cancel', true) });
    await first.open(doc, read);
    expect(await new DocumentSession({ prompts: prompts('cancel', true) }).open(doc, read)).toBeNull();
    const second = new DocumentSession({ prompts: prompts('copy', true) });
    const copy = await second.open(doc, read);
    expect(copy?.decision.readOnly).toBe(false);
    expect(path.basename(copy!.decision.path)).toBe('人大代表工作（副本）.jxmb');
    expect(second.path).toBe(copy!.decision.path);
    expect((await readLock(lockPathFor(copy!.decision.path)))?.pid).toBe(process.pid);
    await second.save(copy!.decision.path, () => saveProjectFile(copy!.decision.path, project('副本改动')));
    expect((await loadProjectFile(doc)).project.tables[0].projectName).toBe('人大代表工作');
    await first.close();
    await second.close();
  });
});

describe('document session: file changed on disk by another program', () => {
  it('asks before overwriting; declining keeps the other program’s version', async () => {
    const p = prompts('cancel', false);
    const session = new DocumentSession({ prompts: p });
    await session.open(doc, read);
    await saveProjectFile(doc, project('同事的修改')); // another program writes the file
    await expect(session.save(doc, () => saveProjectFile(doc, project('我的修改')))).rejects.toMatchObject({ code: 'save-cancelled' });
    expect(p.asked.at(-1)).toMatch(/^overwrite:“人大代表工作\.jxmb”在您打开后已被其他程序修改/);
    expect((await loadProjectFile(doc)).project.tables[0].projectName).toBe('同事的修改');
    await session.close();

    const pYes = prompts('cancel', true);
    const yes = new DocumentSession({ prompts: pYes });
    await yes.open(doc, read);
    await saveProjectFile(doc, project('又一次修改'));
    await yes.save(doc, () => saveProjectFile(doc, project('我的修改')));
    expect((await loadProjectFile(doc)).project.tables[0].projectName).toBe('我的修改');
    // Our own saves are not "changes by another program".
    expect(pYes.asked).toHaveLength(1);
    await yes.save(doc, () => saveProjectFile(doc, project('再次保存')));
    expect(pYes.asked).toHaveLength(1);
    await yes.close();
  });

  it('save as moves the lock to the new file', async () => {
    const session = new DocumentSession({ prompts: prompts('cancel', true) });
    await session.open(doc, read);
    const other = path.join(dir, '另存.jxmb');
    await session.save(other, () => saveProjectFile(other, project('另存')));
    expect(session.path).toBe(other);
    await expect(fs.access(lockPathFor(doc))).rejects.toThrow();
    expect(await readLock(lockPathFor(other))).not.toBeNull();
    await session.close();
  });
});

describe('window handlers (E’s handler table wired to the services)', () => {
  it('opens, autosaves a recovery copy, saves, and lists recent files', async () => {
    const userData = path.join(dir, 'userData');
    // (The installation folder holding the sample is never written: keep it apart from the documents.)
    const env = { userDataDir: userData, samplePath: path.join(dir, 'install', 'sample.jxmb') };
    const recent = new RecentFilesService(userData);
    const ctx = createWindowContext(env, { dialogs: scriptedDialogs(), prompts: prompts('cancel', true) }, recent);
    const opened = await ctx.handlers['project:open']({ path: doc });
    expect(opened.ok && opened.value?.project.tables[0].projectName, JSON.stringify(opened)).toBe('人大代表工作');
    // The page cannot name the file a recovery copy restores onto: the host's open document is recorded.
    const written = await ctx.handlers['recovery:write']({ project: project('未保存的修改'), path: path.join(dir, '别的文件.jxmb') } as never);
    expect(written.ok).toBe(true);
    // Another window of this process does not see a live session's copy as a crash.
    const other = createWindowContext(env, { dialogs: scriptedDialogs(), prompts: prompts('cancel', true) }, recent);
    const offers = await other.handlers['recovery:check'](undefined);
    expect(offers.ok && offers.value).toEqual([]);
    // The window's page dies without a clean close: its copy is offered.
    await ctx.dispose({ keepRecovery: true });
    const after = await other.handlers['recovery:check'](undefined);
    expect(after.ok && after.value.map((o) => o.originalPath)).toEqual([doc]);
    const restored = await other.handlers['recovery:restore']({ sessionId: after.ok ? after.value[0].sessionId : '' });
    expect(restored.ok && restored.value.project.tables[0].projectName).toBe('未保存的修改');
    expect(restored.ok && restored.value.path).toBe(doc);
    const saved = await other.handlers['project:save']({ project: project('已保存') });
    expect(saved.ok).toBe(true);
    const list = await other.handlers['recent:list'](undefined);
    expect(list.ok && list.value.map((r) => r.name)).toEqual(['人大代表工作.jxmb']);
    // Bad arguments are refused with the envelope, not thrown.
    const bad = await other.handlers['project:save']({ path: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    await other.dispose();
    await expect(fs.access(lockPathFor(doc))).rejects.toThrow();
  });
});
