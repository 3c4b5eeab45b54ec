/**
 * 保存 writes only where main says: `project:save` takes no path from the page; it
 * saves to the file main recorded for the window's document (opened, restored, last saved), and
 * a document without one (sample, upload, xlsx import) gets main's save dialog. A path sent by
 * the page is refused as a bad argument.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptedDialogs } from '../../electron/host/dialogs';
import { createIpcHandlers } from '../../electron/host/ipc-handlers';
import { loadProjectFile, saveProjectFile } from '../../electron/services/project-file-service';
import { createTable } from '../../shared/families/create-table';
import { createProject } from '../../shared/model/create';
import type { Project } from '../../shared/model/types';

const dir = mkdtempSync(path.join(tmpdir(), 'jxmb-save-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const project = (name: string): Project => ({ ...createProject(), tables: [{ ...createTable('hebei'), projectName: name }] });
const savedName = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { project: Project }).project.tables[0].projectName;

function handlersWith(answers: { saveProject?: (string | null)[] }) {
  const dialogs = scriptedDialogs(answers);
  const handlers = createIpcHandlers({
    dialogs,
    samplePath: '',
    loadProject: (p) => loadProjectFile(p),
    saveProject: saveProjectFile,
    importXlsx: async () => ({ project: project('导入的'), warnings: [] }),
    exportXlsx: () => Promise.reject(new Error('unused')),
  });
  return { handlers, dialogs };
}

describe('project:save', () => {
  it('saves to the file main opened, and refuses a path from the page', async () => {
    const doc = path.join(dir, 'a.jxmb');
    const elsewhere = path.join(dir, 'elsewhere.jxmb');
    await saveProjectFile(doc, project('原来的'));
    const { handlers, dialogs } = handlersWith({});
    expect((await handlers['project:open']({ path: doc })).ok).toBe(true);
    expect(await handlers['project:save']({ project: project('改过的') })).toEqual({ ok: true, value: { path: doc } });
    expect(savedName(doc)).toBe('改过的');
    const injected = await handlers['project:save']({ path: elsewhere, project: project('注入的') });
    expect(injected).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    expect(existsSync(elsewhere)).toBe(false);
    expect(savedName(doc)).toBe('改过的');
    expect(dialogs.asked).toEqual([]);
  });

  it('asks main\'s save dialog for a document without a file, then saves there', async () => {
    const chosen = path.join(dir, 'chosen.jxmb');
    const { handlers, dialogs } = handlersWith({ saveProject: [null, chosen] });
    expect((await handlers['xlsx:import']({ path: path.join(dir, 'book.xlsx') })).ok).toBe(true);
    // Cancelled: nothing written, the answer is null.
    expect(await handlers['project:save']({ project: project('导入的') })).toEqual({ ok: true, value: null });
    expect(existsSync(path.join(dir, 'book.xlsx'))).toBe(false);
    expect(await handlers['project:save']({ project: project('导入的') })).toEqual({ ok: true, value: { path: chosen } });
    expect(dialogs.asked).toEqual(['saveProject', 'saveProject']);
    // From now on 保存 goes to the chosen file without asking.
    expect(await handlers['project:save']({ project: project('再次保存') })).toEqual({ ok: true, value: { path: chosen } });
    expect(savedName(chosen)).toBe('再次保存');
    expect(dialogs.asked).toHaveLength(2);
  });

  it('an import after an open forgets the opened file', async () => {
    const doc = path.join(dir, 'b.jxmb');
    await saveProjectFile(doc, project('原来的'));
    const { handlers, dialogs } = handlersWith({});
    await handlers['project:open']({ path: doc });
    await handlers['xlsx:import']({ path: path.join(dir, 'other.xlsx') });
    expect(await handlers['project:save']({ project: project('导入的') })).toEqual({ ok: true, value: null });
    expect(dialogs.asked).toEqual(['saveProject']);
    expect(savedName(doc)).toBe('原来的');
  });
});
