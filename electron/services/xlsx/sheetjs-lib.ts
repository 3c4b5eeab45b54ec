/**
 * Loads SheetJS (@e965/xlsx, pinned 0.20.3) without its code-page tables: the CommonJS build
 * requires dist/cpexcel.js (230 KB, about 0.1 s of start-up) unless a global `cptable` exists
 * when it loads. This module is the one touch of that library internal: it puts a stand-in there
 * whose `utils` (the only member SheetJS uses) loads the real tables on first use, i.e. by BIFF
 * xls/et, xlsb or code-page text, never by a zip xlsx or ods. The version is asserted here and
 * tests/unit/sheetjs-codepages.test.ts checks both cases.
 */
import { createRequire } from 'node:module';
import type * as SheetJs from '@e965/xlsx';

type Codepages = Parameters<typeof SheetJs.set_cptable>[0];

const requireHere = createRequire(__filename);
let tables: Codepages | undefined;

/** True once the real code-page tables are loaded (tests). */
export function codepagesLoaded(): boolean {
  return tables !== undefined;
}

const standIn = {
  get utils(): Codepages['utils'] {
    tables ??= requireHere('@e965/xlsx/dist/cpexcel') as Codepages;
    return tables.utils;
  },
};

function load(): typeof SheetJs {
  const global = globalThis as { cptable?: unknown };
  const before = global.cptable;
  global.cptable = standIn;
  try {
    return requireHere('@e965/xlsx') as typeof SheetJs;
  } finally {
    if (before === undefined) delete global.cptable;
    else global.cptable = before;
  }
}

/** The SheetJS library. */
export const sheetjs: typeof SheetJs = load();
if (sheetjs.version !== '0.20.3') throw new Error(`sheetjs-lib.ts relies on @e965/xlsx 0.20.3 internals, found ${sheetjs.version}`);
