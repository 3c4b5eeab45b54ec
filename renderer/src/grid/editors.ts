import { AutocompleteEditor, TextEditor } from 'handsontable/editors';
import { afterPaint } from '../state/after-paint';

/**
 * The grid's cell editors: Handsontable's text and autocomplete editors, except that the hidden
 * fast-edit textarea is placed over a newly selected cell after the frame is painted.
 *
 * On every selection (Enter after an edit, a click, arrow keys) Handsontable prepares the
 * editor of the selected cell, and TextEditor.prepare calls refreshDimensions(true): it reads the
 * cell's position and size and measures the textarea's text — forced layouts of a grid that was
 * just changed, in the middle of the keystroke's work (≈10–15% of an edit's frame in Chromium
 * profiles). While the editor is closed the textarea is invisible and nothing reads its place,
 * so that measurement waits for the paint. Opening the editor (typing, IME composition, F2,
 * double click) measures again anyway (open → refreshDimensions), so an editor opened before the
 * deferred measurement runs is placed exactly as before.
 */
const pending = new WeakSet<TextEditor>();

/** refreshDimensions of a grid editor: a forced measurement of a closed editor waits for the paint. */
function refreshDimensions(editor: TextEditor, force: boolean, measure: (force: boolean) => void): void {
  if (!force || editor.isOpened()) {
    measure(force);
    return;
  }
  if (pending.has(editor)) return;
  pending.add(editor);
  afterPaint(() => {
    pending.delete(editor);
    if (editor.hot.isDestroyed || editor.isOpened()) return;
    // refreshDimensions also shows the textarea's holder; a closed editor's holder stays hidden
    // (TextEditor.prepare hides it again right after measuring, as does closing the editor).
    const hidden = editor.TEXTAREA_PARENT.classList.contains('ht_editor_hidden');
    measure(true);
    if (hidden) editor.hideEditableElement();
  });
}

/** Text cells. */
export class GridTextEditor extends TextEditor {
  override refreshDimensions(force = false): void {
    refreshDimensions(this, force, (f) => super.refreshDimensions(f));
  }
}

/** Cells with a pick list (二级指标 names, units…). */
export class GridAutocompleteEditor extends AutocompleteEditor {
  override refreshDimensions(force = false): void {
    refreshDimensions(this, force, (f) => super.refreshDimensions(f));
  }
}
