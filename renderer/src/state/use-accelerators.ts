/**
 * The window-level keyboard shortcut hook: matches key presses to accelerators, skipping IME
 * composition and, unless allowed, text fields and the open cell editor.
 */
import { useEffect, useRef } from 'react';

/** A keyboard accelerator: `Ctrl+Shift+S`, `Alt+Shift+ArrowUp`, … */
export interface Accelerator {
  readonly keys: string;
  readonly run: () => void;
  /** Also while typing in a text field or the cell editor (default false). */
  readonly inInputs?: boolean;
}

function keyOf(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  let key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  if (key === '+' ) key = '=';
  if (key === '_') key = '-';
  parts.push(key);
  return parts.join('+');
}

/**
 * Window-level accelerators (capture phase). Skipped during IME composition and, unless
 * `inInputs`, while focus is in an input, a textarea or the open cell editor.
 */
export function useAccelerators(list: readonly Accelerator[], isEditing: () => boolean): void {
  const ref = useRef(list);
  ref.current = list;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.keyCode === 229) return;
      const key = keyOf(e);
      const hit = ref.current.find((a) => a.keys === key);
      if (!hit) return;
      const target = e.target as HTMLElement | null;
      const inField = !!target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || (target.tagName === 'TEXTAREA' && !target.classList.contains('handsontableInput')));
      if (!hit.inInputs && (inField || isEditing())) return;
      e.preventDefault();
      e.stopPropagation();
      hit.run();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [isEditing]);
}
