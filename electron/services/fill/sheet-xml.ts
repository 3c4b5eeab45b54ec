/**
 * A worksheet part parsed just enough to patch it: the text before `<sheetData>` (head), the
 * rows and cells (each kept as its original text until changed), the merged ranges, and the text
 * after (tail). Serializing an unchanged sheet gives back the identical text; a changed one
 * re-emits only the rows, cells and elements that changed. OOXML allows rows and cells without
 * `r`; they are numbered on parse and always written with `r`.
 */
import { formatCell, parseCell, type RowShift, shiftFormula, shiftRow, shiftSpan, shiftSqref } from './refs';
import { attrs, decodeXml, encodeXml } from './xlsx-package';

export interface SheetCell {
  col: number;
  /** Attribute text without `r` (leading space kept). */
  attrs: string;
  /** Inner XML, or null for a self-closing cell. */
  body: string | null;
}

export interface SheetRow {
  index: number;
  attrs: string;
  cells: SheetCell[];
  /** Original text while the row is unchanged (and not moved); null once it must be re-emitted. */
  original: string | null;
}

export interface MergeRange {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

const MERGES_MARK = '\u0000merges\u0000';

export class SheetXml {
  head = '';
  tail = '';
  rows: SheetRow[] = [];
  merges: MergeRange[] = [];
  mergesChanged = false;
  /** Formulas whose references a row shift changed (their cached results are stale until recalculated). */
  formulasMoved = 0;
  private mergesOriginal = '';
  /** Namespace prefix of the worksheet elements (`x:` in some generators' files, usually ''). */
  p = '';
  private sheetDataOpen = '';
  private sheetDataClose = '';

  static parse(xml: string): SheetXml {
    const s = new SheetXml();
    const root = /<(\w+:)?worksheet\b/.exec(xml);
    s.p = root?.[1] ?? '';
    const p = s.p;
    const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`).exec(xml);
    if (!open) {
      const at = xml.search(new RegExp(`</${p}worksheet>`));
      s.head = xml.slice(0, at);
      s.sheetDataOpen = `<${p}sheetData>`;
      s.sheetDataClose = `</${p}sheetData>`;
      s.tail = xml.slice(at);
      s.extractMerges();
      return s;
    }
    s.head = xml.slice(0, open.index);
    let body = '';
    let after: number;
    if (open[1] === '/') {
      s.sheetDataOpen = `${open[0].slice(0, -2)}>`;
      s.sheetDataClose = `</${p}sheetData>`;
      after = open.index + open[0].length;
    } else {
      const close = xml.indexOf(`</${p}sheetData>`, open.index);
      s.sheetDataOpen = open[0];
      s.sheetDataClose = `</${p}sheetData>`;
      body = xml.slice(open.index + open[0].length, close);
      after = close + s.sheetDataClose.length;
    }
    s.tail = xml.slice(after);
    s.parseRows(body);
    s.extractMerges();
    return s;
  }

  private parseRows(body: string): void {
    const p = this.p;
    const rowRe = new RegExp(`<${p}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}row>)`, 'g');
    const cellRe = new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, 'g');
    let next = 0;
    for (const m of body.matchAll(rowRe)) {
      const a = attrs(m[1]);
      const index = a.r ? Number(a.r) - 1 : next;
      next = index + 1;
      const cells: SheetCell[] = [];
      let nextCol = 0;
      for (const c of (m[2] ?? '').matchAll(cellRe)) {
        const ca = attrs(c[1]);
        const col = ca.r ? (parseCell(ca.r)?.col ?? nextCol) : nextCol;
        nextCol = col + 1;
        cells.push({ col, attrs: stripR(c[1]), body: c[2] ?? null });
      }
      this.rows.push({ index, attrs: stripR(m[1]), cells, original: a.r ? m[0] : null });
    }
    this.rows.sort((x, y) => x.index - y.index);
  }

  private extractMerges(): void {
    const p = this.p;
    const m = new RegExp(`<${p}mergeCells\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}mergeCells>)`).exec(this.tail);
    if (!m) {
      this.tail = insertMergesMark(this.tail, p);
      return;
    }
    this.mergesOriginal = m[0];
    this.tail = this.tail.slice(0, m.index) + MERGES_MARK + this.tail.slice(m.index + m[0].length);
    for (const r of m[0].matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g)) {
      const [a, b] = r[1].split(':');
      const from = parseCell(a);
      const to = parseCell(b ?? a);
      if (from && to) this.merges.push({ row: from.row, col: from.col, lastRow: to.row, lastCol: to.col });
    }
    this.originalMergeKey = this.mergeKey();
  }

  toString(): string {
    const p = this.p;
    const rows = this.rows.map((r) => r.original ?? rowXml(r, p)).join('');
    const merges = !this.mergesChanged || this.sameMergesAsOriginal() ? this.mergesOriginal
      : this.merges.length === 0 ? ''
        : `<${p}mergeCells count="${this.merges.length}">${this.merges.map((m) => `<${p}mergeCell ref="${formatCell(m.row, m.col)}:${formatCell(m.lastRow, m.lastCol)}"/>`).join('')}</${p}mergeCells>`;
    return `${this.head}${this.sheetDataOpen}${rows}${this.sheetDataClose}${this.tail.replace(MERGES_MARK, merges)}`;
  }

  private originalMergeKey: string | null = null;

  private mergeKey(): string {
    return this.merges.map((m) => `${m.row},${m.col},${m.lastRow},${m.lastCol}`).sort().join(';');
  }

  /** True when the merges, whatever was done to them, are the ones the sheet had (its text is kept). */
  private sameMergesAsOriginal(): boolean {
    return this.originalMergeKey !== null && this.mergeKey() === this.originalMergeKey;
  }

  row(index: number): SheetRow | undefined {
    return this.rows.find((r) => r.index === index);
  }

  /** The row at `index`, created (without style) when absent. */
  ensureRow(index: number): SheetRow {
    let r = this.row(index);
    if (r) return r;
    r = { index, attrs: '', cells: [], original: null };
    const at = this.rows.findIndex((x) => x.index > index);
    this.rows.splice(at < 0 ? this.rows.length : at, 0, r);
    return r;
  }

  /** Moves rows, cell formulas, merges and the references of head and tail by a row shift. */
  shiftRows(s: RowShift, sheetName: string, onBroken: (cell: string) => void): void {
    const kept: SheetRow[] = [];
    for (const r of this.rows) {
      const to = shiftRow(r.index, s);
      if (to === null) continue;
      if (to !== r.index) {
        r.index = to;
        r.original = null;
      }
      for (const c of r.cells) {
        if (c.body === null || !c.body.includes('<')) continue;
        const body = shiftCellFormula(c.body, sheetName, s);
        if (body.broken) onBroken(formatCell(r.index, c.col));
        if (body.text !== c.body) {
          if (/<(?:\w+:)?f\b/.test(c.body)) this.formulasMoved++;
          c.body = dropCachedValue(body.text);
          r.original = null;
        }
      }
      kept.push(r);
    }
    this.rows = kept;
    const merges: MergeRange[] = [];
    for (const m of this.merges) {
      const span = shiftSpan(m.row, m.lastRow, s);
      if (span && (span[0] !== span[1] || m.col !== m.lastCol)) merges.push({ ...m, row: span[0], lastRow: span[1] });
    }
    this.merges = merges;
    this.mergesChanged = true;
    this.head = shiftRefAttributes(this.head, s, sheetName);
    this.tail = shiftRefAttributes(this.tail, s, sheetName);
  }
}

/** A moved formula's cached result is for the old rows: dropped, so spreadsheet programs compute it on open. */
export function dropCachedValue(body: string): string {
  return body.replace(/<(\w+:)?v>[^<]*<\/(?:\w+:)?v>|<(\w+:)?v\/>/, '');
}

function stripR(attrText: string): string {
  return attrText.replace(/\sr="[^"]*"/, '');
}

function rowXml(r: SheetRow, p: string): string {
  const cells = r.cells.map((c) => {
    const ref = formatCell(r.index, c.col);
    return c.body === null ? `<${p}c r="${ref}"${c.attrs}/>` : `<${p}c r="${ref}"${c.attrs}>${c.body}</${p}c>`;
  }).join('');
  return cells === '' ? `<${p}row r="${r.index + 1}"${r.attrs}/>` : `<${p}row r="${r.index + 1}"${r.attrs}>${cells}</${p}row>`;
}

/** Puts the merge marker where `<mergeCells>` belongs: before the first element that follows it in CT_Worksheet. */
function insertMergesMark(tail: string, p: string): string {
  const followers = ['phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
    'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
    'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
  const re = new RegExp(`<${p}(?:${followers.join('|')})\\b|</${p}worksheet>`);
  const m = re.exec(tail);
  const at = m ? m.index : tail.length;
  return tail.slice(0, at) + MERGES_MARK + tail.slice(at);
}

/** Moves the references in a cell's `<f>` (text and `ref` of shared/array formulas). */
function shiftCellFormula(body: string, sheetName: string, s: RowShift): { text: string; broken: boolean } {
  let broken = false;
  const text = body.replace(/<(\w+:)?f\b([^>]*?)(\/>|>([^<]*)<\/(?:\w+:)?f>)/, (whole, p: string | undefined, a: string, end: string, f: string | undefined) => {
    const attrText = a.replace(/\sref="([^"]*)"/, (_w, ref: string) => ` ref="${shiftSqref(ref, s) || ref}"`);
    if (f === undefined) return `<${p ?? ''}f${attrText}${end}`;
    const moved = shiftFormula(decodeXml(f), sheetName, true, s);
    broken ||= moved.broken;
    return `<${p ?? ''}f${attrText}>${moved.changed ? encodeXml(moved.text) : f}</${p ?? ''}f>`;
  });
  return { text, broken };
}

/**
 * Moves references in the sheet's other elements: ref/sqref/activeCell/topLeftCell attributes
 * (dimension, selection, dataValidation, conditionalFormatting, hyperlink, autoFilter,
 * ignoredError, protectedRange), `<xm:sqref>`, validation and conditional-format formulas, and
 * row page breaks.
 */
export function shiftRefAttributes(xml: string, s: RowShift, sheetName: string): string {
  let out = xml.replace(/(\s(?:ref|sqref|activeCell|topLeftCell)=")([^"]*)(")/g, (w, a: string, v: string, b: string) => {
    const moved = shiftSqref(v, s);
    return moved === '' ? w : `${a}${moved}${b}`;
  });
  out = out.replace(/(<(?:\w+:)?sqref>)([^<]*)(<\/(?:\w+:)?sqref>)/g, (w, a: string, v: string, b: string) => `${a}${shiftSqref(v, s) || v}${b}`);
  out = out.replace(/(<(?:\w+:)?(?:formula|formula1|formula2|f)>)([^<]*)(<\/)/g,
    (w, a: string, f: string, b: string) => {
      const moved = shiftFormula(decodeXml(f), sheetName, true, s);
      return moved.changed ? `${a}${encodeXml(moved.text)}${b}` : w;
    });
  out = out.replace(/<(\w+:)?rowBreaks\b[\s\S]*?<\/(?:\w+:)?rowBreaks>/, (block) =>
    block.replace(/(<(?:\w+:)?brk\b[^>]*?\sid=")(\d+)(")/g, (w, a: string, id: string, b: string) => `${a}${shiftRow(Number(id), s) ?? id}${b}`));
  return out;
}
