/**
 * Which libraries each `jxmb` command loads: help loads none of the heavy ones, and a
 * command loads only what it needs: `inspect` reads a workbook or project without exceljs,
 * playwright-core, docx or SheetJS in its own process (the workbook is parsed in the child).
 * The compiled CLI (bin/jxmb.js → dist/) runs with tests/helpers/trace-modules.cjs preloaded,
 * which lists the npm packages the process loaded; no timing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'jxmb.js');
const tracer = path.join(root, 'tests', 'helpers', 'trace-modules.cjs');
const sample = path.join(root, 'resources', 'sample.jxmb');
const HEAVY = ['exceljs', 'playwright-core', '@e965/xlsx', 'docx'];

let dir: string;
let workbook: string;
let traceNo = 0;

/** Runs `jxmb …args` and returns the npm packages its process loaded (not its children's). */
function loadedPackages(...args: string[]): string[] {
  const out = path.join(dir, `trace-${traceNo++}.txt`);
  const r = spawnSync(process.execPath, ['--require', tracer, bin, ...args], { encoding: 'utf8', env: { ...process.env, JXMB_TRACE_MODULES: out } });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, 'utf8').split('\n').filter(Boolean);
}

beforeAll(() => {
  expect(existsSync(path.join(root, 'dist', 'electron', 'cli', 'main.js')), 'dist missing: run npm run build:node').toBe(true);
  dir = mkdtempSync(path.join(tmpdir(), 'jxmb-cli-modules-'));
  workbook = path.join(dir, 'sample.xlsx');
  const r = spawnSync(process.execPath, [bin, 'export', sample, '-o', workbook], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('libraries loaded per command', () => {
  it('--help, --version and a command\'s --help load none of the heavy libraries', () => {
    for (const args of [['--help'], ['--version'], ['pdf', '--help'], ['export', '--help']]) {
      const loaded = loadedPackages(...args);
      for (const lib of HEAVY) expect(loaded, `${args.join(' ')} loaded ${lib}`).not.toContain(lib);
      expect(loaded, args.join(' ')).not.toContain('zod');
    }
  });

  it('inspect of a workbook loads neither exceljs, playwright-core, docx nor SheetJS (nor zod)', () => {
    const loaded = loadedPackages('inspect', workbook);
    for (const lib of [...HEAVY, 'zod']) expect(loaded, `inspect loaded ${lib}`).not.toContain(lib);
  });

  it('inspect of a project file loads neither exceljs nor playwright-core', () => {
    const loaded = loadedPackages('inspect', sample);
    for (const lib of HEAVY) expect(loaded, `inspect loaded ${lib}`).not.toContain(lib);
  });

  it('the trace sees a library a command does load: export loads exceljs, not playwright-core', () => {
    const loaded = loadedPackages('export', sample, '-o', path.join(dir, 'again.xlsx'));
    expect(loaded).toContain('exceljs');
    expect(loaded).not.toContain('playwright-core');
  });
});
