/**
 * The editor's document state and its reducer: the project, undo history, source file, dirty
 * marker, current table and findings. Every project change is a shared/commands command.
 */
import { emptyHistory, execute, redo, undo, type Command, type History } from '../../../shared/commands';
import type { Project } from '../../../shared/model/types';
import type { Finding } from '../../../shared/validation/types';
import { checkProject, checkTable } from './validation';

/** Where the document came from; decides what 保存 does. */
export interface DocumentSource {
  /** Path of the `.jxmb` file; null for new, imported, sample or recovered documents (保存 asks for a path). */
  readonly path: string | null;
  /** Name shown in the title bar (file name, xlsx name, 未命名). */
  readonly displayName: string;
}

/** The editor's document state (view state such as the selection lives in components). */
export interface EditorState {
  readonly project: Project | null;
  readonly history: History;
  readonly source: DocumentSource;
  /** Top undo command at the last load/save: the document is dirty when the top differs. */
  readonly savedMarker: Command | null;
  /** True when the loaded project has never been saved anywhere (new, import, recovery). */
  readonly neverSaved: boolean;
  readonly tableIndex: number;
  readonly findings: readonly Finding[][];
  /**
   * Tables whose findings are out of date after a cell or row command: re-checked by
   * `refreshFindings`, which the shell dispatches after the edit's frame is painted.
   */
  readonly staleFindings: readonly number[];
  /** Bumped whenever a command, undo or redo changed the project (for autosave). */
  readonly revision: number;
}

export type EditorAction =
  | { type: 'load'; project: Project; source: DocumentSource; neverSaved: boolean }
  | { type: 'close' }
  | { type: 'command'; command: Command }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved'; path: string; displayName: string }
  | { type: 'selectTable'; index: number }
  | { type: 'validateAll' }
  | { type: 'refreshFindings' };

export const initialEditorState: EditorState = {
  project: null,
  history: emptyHistory(),
  source: { path: null, displayName: '' },
  savedMarker: null,
  neverSaved: false,
  tableIndex: 0,
  findings: [],
  staleFindings: [],
  revision: 0,
};

const top = (h: History): Command | null => h.undo[h.undo.length - 1]?.command ?? null;

/** True when the document has changes not saved to its file. */
export function isDirty(state: EditorState): boolean {
  return state.project !== null && (state.neverSaved || top(state.history) !== state.savedMarker);
}

function clampTable(project: Project, index: number | null, fallback: number): number {
  const i = index ?? fallback;
  return Math.max(0, Math.min(i, project.tables.length - 1));
}

const STRUCTURAL = new Set(['add-table', 'duplicate-table', 'delete-table', 'move-table', 'set-meta']);

/**
 * Findings after a command: whole-project commands (tables added, removed, moved, meta) are
 * checked at once (cross-table rules, new indices); a command on one table only marks that
 * table stale, to be re-checked after the frame that shows the edit (`refreshFindings`).
 */
function afterCommand(state: EditorState, project: Project, command: Command): Pick<EditorState, 'findings' | 'staleFindings'> {
  if (STRUCTURAL.has(command.type) || project.tables.length !== state.findings.length) return { findings: checkProject(project), staleFindings: [] };
  const touched = new Set<number>([command.tableAfter ?? state.tableIndex]);
  // Commands over several tables (全部替换, 全部修正) leave each of them stale.
  for (const m of command.mutations) {
    if ('table' in m && typeof m.table === 'number') touched.add(m.table);
    else if (m.type === 'replaceTable') touched.add(m.index);
  }
  const added = [...touched].filter((t) => project.tables[t] && !state.staleFindings.includes(t));
  if (added.length === 0) return { findings: state.findings, staleFindings: state.staleFindings };
  return { findings: state.findings, staleFindings: [...state.staleFindings, ...added] };
}

function refreshStale(state: EditorState): EditorState {
  if (!state.project || state.staleFindings.length === 0) return state;
  const findings = state.findings.slice();
  for (const t of state.staleFindings) if (state.project.tables[t]) findings[t] = checkTable(state.project, t);
  return { ...state, findings, staleFindings: [] };
}

/**
 * The document reducer: every change of the project goes through execute/undo/redo of
 * shared/commands (one undo step per intent); loading resets the history (capture policy).
 */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return {
        ...initialEditorState,
        project: action.project,
        source: action.source,
        neverSaved: action.neverSaved,
        findings: checkProject(action.project),
        staleFindings: [],
        revision: state.revision + 1,
      };
    case 'close':
      return { ...initialEditorState, revision: state.revision + 1 };
    case 'command': {
      if (!state.project) return state;
      const r = execute(state.project, state.history, action.command);
      if (r.project === state.project) return state;
      return {
        ...state, project: r.project, history: r.history, revision: state.revision + 1,
        tableIndex: clampTable(r.project, r.table, state.tableIndex),
        ...afterCommand(state, r.project, action.command),
      };
    }
    case 'undo':
    case 'redo': {
      if (!state.project) return state;
      const r = action.type === 'undo' ? undo(state.project, state.history) : redo(state.project, state.history);
      if (!r) return state;
      const entry = action.type === 'undo' ? state.history.undo[state.history.undo.length - 1] : state.history.redo[state.history.redo.length - 1];
      return {
        ...state, project: r.project, history: r.history, revision: state.revision + 1,
        tableIndex: clampTable(r.project, r.table, state.tableIndex),
        ...afterCommand(state, r.project, entry.command),
      };
    }
    case 'saved':
      return { ...state, source: { path: action.path, displayName: action.displayName }, savedMarker: top(state.history), neverSaved: false };
    case 'selectTable':
      return state.project ? { ...state, tableIndex: clampTable(state.project, action.index, 0) } : state;
    case 'validateAll':
      return state.project ? { ...state, findings: checkProject(state.project), staleFindings: [] } : state;
    case 'refreshFindings':
      return refreshStale(state);
  }
}
