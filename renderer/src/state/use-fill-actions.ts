/** The 保存回原表 / 回填到模板 actions: asks the main process to fill a workbook and shows its report. */
import { useCallback, useRef } from 'react';
import { api, unwrap } from '../api';
import type { DialogAnswer, DialogSpec } from '../dialogs/dialog-types';
import type { EditorState } from './editor-reducer';

type Ask = <S extends DialogSpec>(spec: S) => Promise<DialogAnswer<S['kind']>>;

/**
 * 文件 › 保存回原表 / 回填到模板…: writes the project into a copy of its source workbook (or of
 * a workbook the user picks) through the main process, then shows the fill report (what was
 * kept, changed and needs checking) in a message dialog.
 */
export function useFillActions(state: EditorState, ask: Ask, setNotice: (s: string) => void) {
  const stateRef = useRef(state);
  stateRef.current = state;

  const fill = useCallback(async (template: boolean) => {
    const s = stateRef.current;
    if (!s.project) return;
    const what = template ? '回填到模板' : '保存回原表';
    if (!template && !s.project.source) {
      await ask({ kind: 'message', title: what, lines: ['此项目不是从 Excel 工作簿导入的，没有原表可回填。', '请用“文件 › 回填到模板…”选择一个工作簿。'] });
      return;
    }
    try {
      setNotice(`正在${what}…`);
      const done = unwrap(await api().fillXlsx({ project: s.project, template, projectPath: s.source.path }));
      if (!done) { setNotice(`已取消${what}`); return; }
      setNotice(`已${what}：${done.path}`);
      await ask({ kind: 'message', title: `${what}完成`, lines: [...done.lines] });
    } catch (e) {
      setNotice(`${what}失败`);
      await ask({ kind: 'message', title: `${what}失败`, lines: [e instanceof Error ? e.message : String(e)] });
    }
  }, [ask, setNotice]);

  return { fillSource: () => fill(false), fillTemplate: () => fill(true) };
}
