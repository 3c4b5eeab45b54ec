import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertHandsontableVersion, CHECKED_HANDSONTABLE_VERSION, INTERNAL_TOUCHES } from '../../../renderer/src/grid/hot-internals';

/**
 * Contract tests of the Handsontable internals the grid relies on (renderer/src/grid/hot-internals.ts),
 * one per touch: each reads the installed Handsontable's source and fails when the internal that
 * touch uses is gone or no longer reached the way the touch assumes.
 */
const root = path.dirname(createRequire(import.meta.url).resolve('handsontable/base'));
const source = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
/** The body of `name(…) {…}` (method or `this.name = function`) in a source text, brace-matched. */
function body(text: string, name: string): string {
  const at = text.search(new RegExp(String.raw`(?:\b${name}\s*\([^)]*\)\s*\{|this\.${name}\s*=\s*function\s*\([^)]*\)\s*\{)`));
  expect(at, `${name} not found`).toBeGreaterThanOrEqual(0);
  const open = text.indexOf('{', at);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  throw new Error(`unbalanced ${name}`);
}

describe('Handsontable internals (hot-internals.ts)', () => {
  it('lists at most five touches', () => {
    expect(INTERNAL_TOUCHES.length).toBeLessThanOrEqual(5);
  });

  it('version: the installed Handsontable is the checked one, and another version is refused loudly', () => {
    expect(JSON.parse(source('package.json')).version).toBe(CHECKED_HANDSONTABLE_VERSION);
    expect(() => assertHandsontableVersion(CHECKED_HANDSONTABLE_VERSION)).not.toThrow();
    expect(() => assertHandsontableVersion('18.2.0')).toThrow(/Handsontable 18\.1\.1.*18\.2\.0/);
  });

  it('HEADER_CLASSES: updateSettings re-exports the header class names through view._wt.exportSettingsAsClassNames', () => {
    const core = source('core.mjs');
    expect(core).toMatch(/instance\.view\._wt\.exportSettingsAsClassNames\(\)/);
    const facade = source('3rdparty/walkontable/src/facade/core.mjs');
    expect(facade).toMatch(/exportSettingsAsClassNames\(\)\s*\{\s*this\._wot\.exportSettingsAsClassNames\(\)/);
    expect(facade).toMatch(/get wtTable\(\)/);
    expect(source('tableView.mjs')).toMatch(/this\._wt = new Walkontable\(/);
    // …and the classes it would toggle are the header classes the wrapper keeps.
    const exportBody = body(source('3rdparty/walkontable/src/core/core.mjs'), 'exportSettingsAsClassNames');
    expect(exportBody).toMatch(/this\.wtTable\.wtRootElement\.parentNode/);
    expect(exportBody).toMatch(/htRowHeaders/);
    expect(exportBody).toMatch(/htColumnHeaders/);
  });

  it('MERGE_CLEAR: MergeCells.clearCollections reaches the TDs only through hot.getCell', () => {
    expect(body(source('plugins/mergeCells/mergeCells.mjs'), 'clearCollections')).toMatch(/mergedCellsCollection\.clear\(\)/);
    const clear = body(source('plugins/mergeCells/cellsCollection.mjs'), 'clear');
    expect(clear).toMatch(/this\.hot\.getCell\(/);
    expect(clear).not.toMatch(/querySelector|\.view\./);
  });

  it('CELL_REPAINT: the base renderer sets _isBaseRendererCalled, renderCell chains on it, and render() reads forceFullRender', () => {
    expect(source('renderers/baseRenderer/baseRenderer.mjs')).toMatch(/cellProperties\._isBaseRendererCalled = true/);
    const renderCell = body(source('renderers/renderCell.mjs'), 'renderCell');
    expect(renderCell).toMatch(/if \(!cellProperties\._isBaseRendererCalled\)/);
    expect(renderCell).toMatch(/renderer: 'base'/);
    expect(renderCell).toMatch(/cellProperties\._isBaseRendererCalled = false/);
    const render = body(source('tableView.mjs'), 'render');
    expect(render).toMatch(/const isFullRender = this\.hot\.forceFullRender/);
    expect(render).toMatch(/this\._wt\.draw\(!isFullRender\)/);
    expect(render).toMatch(/this\.hot\.forceFullRender = false/);
  });
});
