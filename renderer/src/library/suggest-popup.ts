/**
 * The suggestion list under an open 三级指标 editor: plain DOM (no React render on the keystroke
 * path), one element reused. Shows name + usual 指标值 form; the host decides what a pick does.
 */
import { valueFormLabel } from '../../../shared/library/template';
import type { LibraryEntry } from '../../../shared/library/types';

/** The list element and its state. */
export class SuggestPopup {
  readonly element: HTMLDivElement;
  private items: readonly LibraryEntry[] = [];
  /** Highlighted row, -1 when none (then Enter belongs to the grid). */
  active = -1;

  constructor(private readonly onPick: (entry: LibraryEntry) => void) {
    const el = document.createElement('div');
    el.className = 'library-suggest';
    el.setAttribute('role', 'listbox');
    el.setAttribute('aria-label', '指标库建议');
    el.dataset.testid = 'library-suggest';
    el.hidden = true;
    // mousedown would blur the editor (and close it): pick on mousedown and keep the focus
    el.addEventListener('mousedown', (e) => {
      e.preventDefault();
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (row) this.onPick(this.items[Number(row.dataset.index)]);
    });
    document.body.appendChild(el);
    this.element = el;
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  get entries(): readonly LibraryEntry[] {
    return this.items;
  }

  /** Shows `items` under the rectangle `anchor` (viewport coordinates); hides when empty. */
  show(items: readonly LibraryEntry[], anchor: DOMRect, level2: string | undefined): void {
    this.items = items;
    this.active = -1;
    if (items.length === 0) {
      this.hide();
      return;
    }
    const el = this.element;
    const head = `<div class="library-suggest-head">指标库${level2 ? ` · ${escapeHtml(level2)}` : ''}　↓ 选择　Enter 填入　Esc 关闭</div>`;
    el.innerHTML = head + items.map((e, i) =>
      `<div class="library-suggest-item" role="option" data-index="${i}" data-testid="library-suggest-item"><span class="name">${escapeHtml(e.name)}</span><span class="form">${escapeHtml(valueFormLabel(e))}</span><span class="count">${e.count}</span></div>`).join('');
    this.place(anchor);
    el.hidden = false;
  }

  /** Puts the list under `anchor` (above it when there is no room below). */
  place(anchor: DOMRect): void {
    const el = this.element;
    const below = anchor.bottom + 2;
    const room = window.innerHeight - below;
    el.style.left = `${Math.max(0, Math.min(anchor.left, window.innerWidth - 360))}px`;
    el.style.minWidth = `${Math.max(260, anchor.width)}px`;
    if (room < 160 && anchor.top > room) {
      el.style.top = '';
      el.style.bottom = `${window.innerHeight - anchor.top + 2}px`;
    } else {
      el.style.bottom = '';
      el.style.top = `${below}px`;
    }
  }

  /** Moves the highlight by `delta` (-1 above the first row: no highlight). */
  move(delta: number): void {
    if (!this.visible) return;
    const n = this.items.length;
    this.active = Math.max(-1, Math.min(n - 1, this.active + delta));
    this.element.querySelectorAll('.library-suggest-item').forEach((row, i) => {
      row.classList.toggle('active', i === this.active);
      if (i === this.active) (row as HTMLElement).scrollIntoView({ block: 'nearest' });
    });
  }

  hide(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.active = -1;
  }

  dispose(): void {
    this.element.remove();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
