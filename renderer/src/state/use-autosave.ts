/**
 * Writing the recovery copy after edits stop (crash recovery); saving to the user's file is use-file-actions.ts's.
 */
import { useEffect, useRef } from 'react';
import { api } from '../api';
import { isDirty, type EditorState } from './editor-reducer';

/** Quiet period after the last edit before the recovery copy is written. */
export const AUTOSAVE_DELAY_MS = 1000;

/**
 * Autosave for crash recovery: ~1 s after edits stop, the document is written to this
 * session's recovery copy (`recovery:write`); it is discarded on save and clean close.
 */
export function useAutosave(state: EditorState): void {
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => {
    if (!state.project || !isDirty(state) || !window.jxmb) return;
    const timer = window.setTimeout(() => {
      const s = latest.current;
      if (!s.project || !isDirty(s)) return;
      void api().writeRecovery({ project: s.project }).catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state.revision, state.project]);
}
