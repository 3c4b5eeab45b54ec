/**
 * The same tables printed two ways: our print HTML (official size, GB/T 9704 margins) and the
 * xlsx export (writeProjectXlsx) printed by LibreOffice. The xlsx page setup fits the sheet to
 * the page width with narrower margins, so LibreOffice never needs more pages than the
 * official-size printout, and it repeats the matrix header row on every page (print titles).
 * Figures are written to test-output/print/parity.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeProjectXlsx } from '../../electron/services/xlsx/write-workbook';
import { FAMILY_IDS } from '../../shared/model/types';
import { renderPrintHtml } from '../../shared/print';
import { longTable, projectOf, sampleTable } from '../unit/print/sample-tables';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const outDir = path.resolve(__dirname, '../../test-output/print');

function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

describe.skipIf(!hasSoffice)('page-count parity with LibreOffice printing the xlsx export', () => {
  const cases = [
    ...FAMILY_IDS.map((f) => ({ name: f, table: sampleTable(f) })),
    { name: 'long-40', table: longTable(40) },
    { name: 'long-80', table: longTable(80) },
  ];

  it('LibreOffice needs at most as many pages as the official printout, and repeats the header row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxmb-parity-'));
    const files: string[] = [];
    for (const c of cases) {
      const file = path.join(dir, `${c.name}.xlsx`);
      fs.writeFileSync(file, await writeProjectXlsx(projectOf([c.table])));
      files.push(file);
    }
    // One soffice run converts all workbooks (a private profile keeps it off other users' instances).
    const profile = `file://${path.join(dir, 'profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'ignore', timeout: 240_000 });
    const figures = cases.map((c) => ({
      table: c.name,
      libreoffice: pdfPages(path.join(dir, `${c.name}.pdf`)),
      print: renderPrintHtml(projectOf([c.table])).pageCount,
    }));
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'parity.json'), `${JSON.stringify(figures, null, 2)}\n`);
    for (const f of figures) expect(f.libreoffice, f.table).toBeLessThanOrEqual(f.print);
    const long = figures.find((f) => f.table === 'long-80')!;
    expect(long.libreoffice).toBeGreaterThanOrEqual(2);
    for (let p = 2; p <= long.libreoffice; p++) {
      const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), path.join(dir, 'long-80.pdf'), '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, '')).toContain('一级指标');
    }
  });
});
