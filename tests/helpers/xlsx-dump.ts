/**
 * Test helper: the independent reader of fill fidelity tests. Runs tests/helpers/xlsx_dump.py
 * with Debian's python3 and openpyxl (`/usr/bin/python3`, not the pyenv one on PATH) and returns
 * what openpyxl sees: cells (value, style fingerprint, comment), merges, widths, heights,
 * validations, header/footer, print settings, sheet and defined names.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';

export interface DumpCell {
  readonly v: string | number | boolean | null;
  readonly s: readonly unknown[];
  readonly comment?: string;
}

export interface DumpSheet {
  readonly name: string;
  readonly state: string;
  readonly cells: Record<string, DumpCell>;
  readonly merges: string[];
  readonly colWidths: Record<string, number>;
  readonly rowHeights: Record<string, number>;
  readonly validations: { sqref: string; type: string; formula1: string | null }[];
  readonly header: (string | null)[];
  readonly footer: (string | null)[];
  readonly printArea: string[] | string | null;
  readonly printTitleRows: string | null;
  readonly orientation: string | null;
  readonly paperSize: number | null;
  readonly fitToWidth: number | null;
}

export interface DumpWorkbook {
  readonly sheets: DumpSheet[];
  readonly definedNames: Record<string, string>;
}

/** True when /usr/bin/python3 can import openpyxl. */
export function hasOpenpyxl(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** What openpyxl reads from each file, in order, from one Python process (a start costs ~0.4 s). */
export function dumpXlsxFiles(files: readonly string[]): DumpWorkbook[] {
  const out = execFileSync(PYTHON, [join(__dirname, 'xlsx_dump.py'), ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as DumpWorkbook[];
}

/** `B12` → { col: 'B', row: 12 } (1-based row, as openpyxl writes coordinates). */
export function splitRef(ref: string): { col: string; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { col: m[1], row: Number(m[2]) };
}
