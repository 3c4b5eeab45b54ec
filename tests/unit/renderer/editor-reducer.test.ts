import { describe, expect, it } from 'vitest';
import { addTableCommand, makeCommand, renameTableCommand, scopeOf, setMetaCommand } from '../../../shared/commands';
import { validateProject, validateTable } from '../../../shared/validation';
import { editorReducer, initialEditorState, type EditorState } from '../../../renderer/src/state/editor-reducer';
import { setValidator } from '../../../renderer/src/state/validation';
import { hebeiTable, nxTable, projectOf } from '../commands/fixtures';

setValidator({ validateTable, validateProject });

function loaded(): EditorState {
  return editorReducer(initialEditorState, { type: 'load', project: projectOf(hebeiTable(), nxTable(), hebeiTable()), source: { path: null, displayName: 't' }, neverSaved: true });
}

describe('command scope', () => {
  it('is derived from the mutations: tables touched, structure for table list and meta', () => {
    const p = projectOf(hebeiTable(), nxTable());
    expect(scopeOf([{ type: 'set', table: 1, path: 'goal', value: '' }, { type: 'replaceTable', index: 0, table: p.tables[0] }, { type: 'setEntry', table: 1, path: 'amountTexts', key: 'funds.total', value: undefined }]))
      .toEqual({ tables: [0, 1], structure: false });
    expect(scopeOf([{ type: 'removeIndicators', table: 1, index: 0, count: 1 }, { type: 'insertIndicators', table: 0, index: 0, indicators: [] }])).toEqual({ tables: [0, 1], structure: false });
    for (const m of [{ type: 'insertTable', index: 0, table: p.tables[0] }, { type: 'removeTable', index: 0 }, { type: 'moveTable', from: 0, to: 1 }, { type: 'setMeta', meta: p.meta }] as const) {
      expect(scopeOf([m]).structure).toBe(true);
    }
    expect(scopeOf([{ type: 'setDepartment', department: undefined }])).toEqual({ tables: [], structure: false });
    expect(addTableCommand(p, 'hebei').scope.structure).toBe(true);
    expect(setMetaCommand(p, { ...p.meta, fiscalYear: 2025 })!.scope.structure).toBe(true);
    expect(renameTableCommand(p, 1, '新名')!.scope).toEqual({ tables: [1], structure: false });
  });
});

describe('editor reducer reads the scope, not the command name', () => {
  it('a command on some tables marks them and the shown table stale; refresh re-checks them', () => {
    const s = loaded();
    const cmd = makeCommand('any-name', '改', [{ type: 'set', table: 2, path: 'goal', value: '' }], null);
    const after = editorReducer(s, { type: 'command', command: cmd });
    expect([...after.staleFindings].sort()).toEqual([0, 2]);
    expect(after.findings).toBe(s.findings);
    const refreshed = editorReducer(after, { type: 'refreshFindings' });
    expect(refreshed.staleFindings).toEqual([]);
    expect(refreshed.findings[2]).not.toEqual(s.findings[2]);
    expect(refreshed.findings[1]).toBe(s.findings[1]);
  });

  it('a structural command re-checks the whole project at once, whatever its name; so does its undo', () => {
    const s = loaded();
    const meta = makeCommand('rename-table', '改', [{ type: 'setMeta', meta: { ...s.project!.meta, fiscalYear: 2031 } }], null);
    const after = editorReducer(s, { type: 'command', command: meta });
    expect(after.staleFindings).toEqual([]);
    expect(after.findings).not.toBe(s.findings);
    const undone = editorReducer(after, { type: 'undo' });
    expect(undone.staleFindings).toEqual([]);
    expect(undone.findings).toEqual(s.findings);
  });
});
