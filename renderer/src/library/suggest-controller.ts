/**
 * 指标库 suggestions in the grid: while a 三级指标 cell's editor is open, each input shows the
 * library entries of that row's 二级 matching the text (name or 拼音 initials). ↓/↑ highlight,
 * Enter (only on a highlighted entry) or a click fills name + value template as one undo step
 * and opens the 指标值 cell with the caret on the number. Everything else goes to the grid as
 * before: free typing, Enter on plain text, IME composition (the list waits for compositionend,
 * and no key of a composition is ever taken).
 *
 * Listens on window in the capture phase (ahead of the grid's shortcut manager) and reads the
 * grid's active editor through its handle (GridHandle.activeEditor).
 */
import type { GridEditor } from '../grid/grid-types';
import { suggest } from '../../../shared/library/suggest';
import { valueTemplate } from '../../../shared/library/template';
import type { LibraryEntry } from '../../../shared/library/types';
import { SuggestPopup } from './suggest-popup';

/** Most suggestions shown. */
export const SUGGESTION_LIMIT = 8;

/** What the controller needs from the editor. */
export interface SuggestHost {
  /** The grid: its active cell editor and cell selection. */
  grid(): { activeEditor(): GridEditor | null; selectCell(row: number, col: number): void } | null;
  /** The indicator whose 三级指标 cell is at (row, col), with its canonical 二级 (undefined: search all). */
  nameCellAt(row: number, col: number): { indicatorIndex: number; level2: string | undefined } | null;
  entries(): readonly LibraryEntry[];
  /** Fills name and value (one undo step); returns the grid cell of the 指标值, or null. */
  fill(entry: LibraryEntry, indicatorIndex: number, valueText: string): { row: number; col: number } | null;
}

function activeEditor(host: SuggestHost): GridEditor | null {
  return host.grid()?.activeEditor() ?? null;
}

/**
 * A pick: closes the 三级指标 editor without its typed text, fills name + value template (one
 * undo step), then opens the 指标值 cell in full edit mode (as F2) with the number blank selected.
 */
function fillAndOpenValue(host: SuggestHost, entry: LibraryEntry, indicatorIndex: number): void {
  const grid = host.grid();
  const editor = activeEditor(host);
  if (!grid || !editor) return;
  editor.finishEditing(true); // drop the typed text: the fill below is the one undo step
  const template = valueTemplate(entry);
  const valueCell = host.fill(entry, indicatorIndex, template.text);
  if (!valueCell) return;
  grid.selectCell(valueCell.row, valueCell.col);
  const valueEditor = activeEditor(host);
  if (!valueEditor) return;
  // full edit mode: the editor starts from the text, not empty as for typing over a cell
  valueEditor.enableFullEditMode();
  valueEditor.beginEditing(template.text);
  const place = () => {
    if (!valueEditor.isOpened()) return;
    const ta = valueEditor.TEXTAREA;
    const [from, to] = template.blank ?? [ta.value.length, ta.value.length];
    ta.setSelectionRange(from, to);
  };
  place();
  requestAnimationFrame(place); // after Handsontable's own caret placement on focus
}

/** Installs the controller; returns the function that removes it. */
export function attachSuggestions(host: SuggestHost): () => void {
  let target: { indicatorIndex: number; level2: string | undefined } | null = null;
  let keyTime = 0;
  const popup = new SuggestPopup((entry) => pick(entry));

  const update = (event: Event) => {
    const editor = activeEditor(host);
    if (!editor || event.target !== editor.TEXTAREA || !editor.isOpened()) return popup.hide();
    target = host.nameCellAt(editor.row, editor.col);
    const text = editor.TEXTAREA.value.trim();
    if (!target || text === '') return popup.hide();
    const start = keyTime > 0 && event.timeStamp - keyTime < 1000 ? keyTime : event.timeStamp;
    keyTime = 0;
    popup.show(suggest(host.entries(), text, { level2: target.level2, limit: SUGGESTION_LIMIT }), editor.TEXTAREA.getBoundingClientRect(), target.level2);
    if (popup.visible) {
      const rendered = performance.now();
      requestAnimationFrame(() => {
        try {
          performance.measure('jxmb:suggest', { start, end: performance.now(), detail: { rendered } });
        } catch { /* best effort */ }
      });
    }
  };

  const pick = (entry: LibraryEntry | undefined) => {
    const at = target;
    popup.hide();
    if (entry && at) fillAndOpenValue(host, entry, at.indicatorIndex);
  };

  /** After a key or click the grid handled, the editor may have closed: the list goes with it. */
  const hideIfClosed = () => setTimeout(() => {
    const editor = activeEditor(host);
    if (!editor || !editor.isOpened()) popup.hide();
  }, 0);

  const onKeyDown = (e: KeyboardEvent) => {
    keyTime = e.timeStamp;
    if (!popup.visible) return;
    if (e.isComposing || e.keyCode === 229) return; // a key of an IME composition: never ours
    const take = () => { e.preventDefault(); e.stopImmediatePropagation(); };
    if (e.key === 'ArrowDown') { take(); popup.move(1); return; }
    if (e.key === 'ArrowUp' && popup.active >= 0) { take(); popup.move(-1); return; }
    if (e.key === 'Enter' && popup.active >= 0 && !e.altKey && !e.ctrlKey && !e.shiftKey) { take(); pick(popup.entries[popup.active]); return; }
    if (e.key === 'Escape') { take(); popup.hide(); return; }
    hideIfClosed();
  };
  const onInput = (e: Event) => {
    if ((e as InputEvent).isComposing) return; // wait for compositionend
    update(e);
  };
  const onMouseDown = (e: MouseEvent) => {
    if (!popup.element.contains(e.target as Node)) hideIfClosed();
  };
  // the grid scrolls the edited cell into view as the editor opens: the list follows the editor
  const onScroll = (e: Event) => {
    if (!popup.visible || popup.element.contains(e.target as Node)) return;
    const editor = activeEditor(host);
    if (editor?.isOpened()) popup.place(editor.TEXTAREA.getBoundingClientRect());
    else popup.hide();
  };
  const onBlur = () => popup.hide();

  // one signal removes every listener on dispose
  const listening = new AbortController();
  const capture = { capture: true, signal: listening.signal };
  window.addEventListener('keydown', onKeyDown, capture);
  window.addEventListener('input', onInput, capture);
  window.addEventListener('compositionend', update, capture);
  window.addEventListener('mousedown', onMouseDown, capture);
  window.addEventListener('scroll', onScroll, capture);
  window.addEventListener('blur', onBlur, { signal: listening.signal });
  return () => {
    listening.abort();
    popup.dispose();
  };
}
