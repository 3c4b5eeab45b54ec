/**
 * Test helper: reads the print HTML of renderPrintHtml back into pages, rows and cells with
 * regular expressions (the writer emits one known shape; no DOM is needed in unit tests).
 */
export interface ParsedCell {
  readonly style: string;
  readonly rowspan: number;
  readonly colspan: number;
  /** Inner HTML of the cell. */
  readonly html: string;
}

export interface ParsedRow {
  readonly sourceRow: number;
  readonly repeated: boolean;
  readonly heightMm: number;
  readonly cells: readonly ParsedCell[];
}

export interface ParsedPage {
  readonly orientation: string;
  readonly tableIndex: number;
  readonly pageInTable: number;
  readonly rows: readonly ParsedRow[];
  readonly footer: string | null;
  readonly signature: boolean;
  readonly html: string;
}

/** Decodes the entities escapeHtml writes and turns `<br>` back into `\n`. */
export function unescapeCell(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function parseCells(html: string): ParsedCell[] {
  return [...html.matchAll(/<td ([^>]*)>([\s\S]*?)<\/td>/g)].map((m) => {
    const attrs = m[1];
    return {
      style: /class="s-([A-Za-z]+)"/.exec(attrs)?.[1] ?? '',
      rowspan: Number(/rowspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
      colspan: Number(/colspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
      html: m[2],
    };
  });
}

/** All printed pages of a print document, in order. */
export function parsePrintHtml(html: string): ParsedPage[] {
  const sections = [...html.matchAll(/<section class="page (\w+)" data-table="(\d+)" data-page="(\d+)">([\s\S]*?)<\/section>/g)];
  return sections.map((s) => {
    const body = s[4];
    const rows = [...body.matchAll(/<tr data-row="(\d+)"( class="repeat")? style="height:([\d.]+)mm">([\s\S]*?)<\/tr>/g)].map((r) => ({
      sourceRow: Number(r[1]),
      repeated: r[2] !== undefined,
      heightMm: Number(r[3]),
      cells: parseCells(r[4]),
    }));
    return {
      orientation: s[1],
      tableIndex: Number(s[2]),
      pageInTable: Number(s[3]),
      rows,
      footer: /<div class="footer">([^<]*)<\/div>/.exec(body)?.[1] ?? null,
      signature: body.includes('class="signature"'),
      html: body,
    };
  });
}

/** Plain text of every cell of a page, in print order. */
export function pageCellTexts(page: ParsedPage): string[] {
  return page.rows.flatMap((r) => r.cells.map((c) => unescapeCell(c.html)));
}
