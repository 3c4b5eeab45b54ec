/**
 * The find bar's state and actions: 下一个 / 上一个 step through the matches (merged cells once,
 * across tables) from the last match shown; 替换 replaces the shown match and moves on;
 * 全部替换 replaces every match of the scope as one undo step.
 */
import { useCallback, useRef, useState } from 'react';
import type { Command } from '../../../shared/commands';
import type { FindRequest } from '../components/FindBar';
import type { GridSelection } from '../grid/GridView';
import type { EditorAction, EditorState } from './editor-reducer';
import { findAll, replaceCommand, stepHit, type FindHit } from './find';

interface Deps {
  readonly getState: () => EditorState;
  readonly getSelection: () => GridSelection | null;
  readonly dispatch: (a: EditorAction) => void;
  readonly selectCellLater: (row: number, col: number) => void;
  readonly setNotice: (s: string) => void;
}

type Cursor = { table: number; row: number; col: number; query: string } | null;

export function useFind({ getState, getSelection, dispatch, selectCellLater, setNotice }: Deps) {
  const [bar, setBar] = useState<{ open: boolean; replace: boolean; status: string }>({ open: false, replace: false, status: '' });
  const cursor = useRef<Cursor>(null);

  const show = useCallback((hit: FindHit, hits: readonly FindHit[], prefix = '') => {
    const s = getState();
    if (hit.table !== s.tableIndex) dispatch({ type: 'selectTable', index: hit.table });
    cursor.current = { table: hit.table, row: hit.row, col: hit.col, query: cursor.current?.query ?? '' };
    const where = s.project && s.project.tables.length > 1 ? `（第 ${hit.table + 1} 张表）` : '';
    setBar((b) => ({ ...b, status: `${prefix}第 ${hits.indexOf(hit) + 1} / ${hits.length} 个${where}` }));
    selectCellLater(hit.row, hit.col);
  }, [dispatch, getState, selectCellLater]);

  const start = useCallback((query: string) => {
    const s = getState();
    if (cursor.current && cursor.current.query === query) return cursor.current;
    const sel = getSelection();
    cursor.current = { table: s.tableIndex, row: sel?.row ?? -1, col: sel ? sel.col - 1 : -1, query };
    return cursor.current;
  }, [getSelection, getState]);

  const find = useCallback((r: FindRequest, backwards: boolean) => {
    const s = getState();
    if (!s.project) return;
    const hits = findAll(s.project, s.tableIndex, r.scope, r.query);
    if (hits.length === 0) { setBar((b) => ({ ...b, status: r.query ? '未找到' : '请输入要查找的文字' })); return; }
    const i = stepHit(hits, start(r.query), backwards);
    show(hits[i], hits);
  }, [getState, show, start]);

  const run = useCallback((command: Command) => {
    setNotice(command.label);
    dispatch({ type: 'command', command });
  }, [dispatch, setNotice]);

  const replace = useCallback((r: FindRequest, replacement: string, all: boolean) => {
    const s = getState();
    if (!s.project || r.query === '') return;
    const hits = findAll(s.project, s.tableIndex, r.scope, r.query);
    const at = start(r.query);
    const current = hits.find((h) => h.table === at.table && h.row === at.row && h.col === at.col);
    const targets = all ? hits : current ? [current] : [];
    if (targets.length === 0) { find(r, false); return; }
    const result = replaceCommand(s.project, targets, r.query, replacement, s.tableIndex);
    if (result.command) run(result.command);
    const refused = result.refused > 0 ? `；${result.refused} 处是表格的固定文字，未替换` : '';
    if (all) {
      setBar((b) => ({ ...b, status: `已替换 ${result.changed} 处${refused}` }));
      setNotice(`全部替换：已替换 ${result.changed} 处${refused}`);
      return;
    }
    const after = getState().project;
    const rest = after ? findAll(after, getState().tableIndex, r.scope, r.query) : [];
    const prefix = result.changed > 0 ? '已替换 1 处；' : '此处不能替换；';
    if (rest.length === 0) { setBar((b) => ({ ...b, status: `${prefix}没有更多匹配` })); return; }
    show(rest[stepHit(rest, at)], rest, prefix);
  }, [find, getState, run, setNotice, show, start]);

  return {
    bar,
    open: (withReplace: boolean) => { cursor.current = null; setBar({ open: true, replace: withReplace, status: '' }); },
    close: () => { cursor.current = null; setBar({ open: false, replace: false, status: '' }); },
    find, replace,
  };
}
