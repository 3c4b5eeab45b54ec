// Prints, as JSON, the grid data (texts, merges, column widths, row heights) the editor shows for
// the editor benchmark's first table: the input of its plain-Handsontable baseline
// (editor.bench.mjs). Run with tsx: `npx tsx tests/bench/engine-grid-data.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gridDataOf } from '../../renderer/src/grid/grid-data';
import { layoutOf } from '../../renderer/src/state/layout-cache';
import type { Project, ProjectMeta } from '../../shared/model/types';

const project = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'seeds', 's0.project.json'), 'utf8')) as Project;
// The benchmark project's meta (editor.bench.mjs, seedProject).
const meta: ProjectMeta = { fiscalYear: 2024, unitCode: '816001', unitName: '示例单位', moneyUnit: 'wanYuan' };
process.stdout.write(JSON.stringify(gridDataOf(layoutOf(project.tables[0], meta), 1)));
