/**
 * The body of a Word document (.docx) as read for import, before recognition: top-level
 * paragraphs and tables in document order, independent of the zip and XML libraries (the
 * reader in electron/services/docx builds it). Only what recognition needs: text, the paragraph
 * style, and each table cell's grid span and vertical merge.
 */

/** A paragraph: its text (tabs as `\t`, line breaks as `\n`; field codes left out) and style id. */
export interface DocxParagraph {
  readonly kind: 'paragraph';
  readonly text: string;
  /** `w:pStyle` id, '' when none. */
  readonly style: string;
  /** The paragraph starts or holds a page break (`w:pageBreakBefore`, `w:br w:type="page"`). */
  readonly pageBreak?: boolean;
}

/** A table cell: text (paragraphs joined by `\n`), `w:gridSpan` (≥ 1) and `w:vMerge`. */
export interface DocxCell {
  readonly text: string;
  readonly gridSpan: number;
  /** `restart` starts a vertical merge, `continue` is covered by the cell above, null is none. */
  readonly vMerge: 'restart' | 'continue' | null;
}

export interface DocxTable {
  readonly kind: 'table';
  readonly rows: readonly (readonly DocxCell[])[];
}

export type DocxBlock = DocxParagraph | DocxTable;

/** A read document body. */
export interface DocxBody {
  readonly blocks: readonly DocxBlock[];
  /** Reading warnings (clipped tables …), in Chinese. */
  readonly warnings: readonly string[];
}
