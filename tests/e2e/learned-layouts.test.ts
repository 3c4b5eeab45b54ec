import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadProjectFile, saveProjectFile } from '../../electron/services/project-file-service';
import { layout } from '../../shared/layout/layout';
import type { Project } from '../../shared/model/types';
import { cellLocator, gridTexts, screenshot } from '../helpers/e2e-app';
import { createE2eEnvironment, type E2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/**
 * The editor on learned layouts (issue 9): a project imported from a layout outside the five
 * families opens with the grid mirroring the bureau's form (texts at their layout positions),
 * names the layout 「自定义版式（来自 文件名）」, and edits a learned field with undo. A screenshot
 * per fixture lands in test-output/screenshots/learned-<id>.png.
 */
const GOLDENS = path.join(__dirname, '..', 'fixtures', 'outside');
const app = useEditorBrowser();
let env: E2eEnvironment;
let page: Page;
let errors: string[];

beforeEach(async () => {
  env = await createE2eEnvironment();
  ({ page, errors } = await app.open(env, { width: 1366, height: 768 }));
  page.setDefaultTimeout(30_000);
  await page.getByTestId('start-page').waitFor();
});

function goldenProject(id: string): Project {
  return (JSON.parse(readFileSync(path.join(GOLDENS, `${id}.golden.json`), 'utf8')) as { project: Project }).project;
}

async function open(project: Project, name: string): Promise<void> {
  const file = path.join(env.dir, `${name}.jxmb`);
  await saveProjectFile(file, project);
  env.answers.openProject!.push(file);
  await page.getByTestId('start-open').click();
  await page.getByTestId('table-item').first().waitFor();
  await cellLocator(page, 0, 0).waitFor();
}

/** The texts of the first rendered rows as layout() places them (merged cells: the anchor only). */
function expectedTexts(project: Project, rows: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of layout(project.tables[0], project.meta).cells) if (cell.row < rows) out.set(`${cell.row},${cell.col}`, cell.text);
  return out;
}

describe('learned layouts in the editor (Chromium)', () => {
  const ids = readdirSync(GOLDENS).filter((f) => f.endsWith('.golden.json')).map((f) => f.replace('.golden.json', ''));

  it.each(ids)('%s: the grid mirrors the learned form', async (id) => {
    const project = goldenProject(id);
    await open(project, id);
    const texts = await gridTexts(page);
    const expected = expectedTexts(project, Math.min(texts.length, 12));
    for (const [key, text] of expected) {
      const [r, c] = key.split(',').map(Number);
      const shown = (texts[r] ?? [])[c];
      if (shown !== undefined && text !== '') expect(shown.replace(/\s+/g, ''), `${id} ${key}`).toBe(text.replace(/\s+/g, ''));
    }
    if (project.tables[0].family === 'learned') {
      await expect.poll(() => page.getByTestId('table-item').first().getAttribute('title')).toBe(project.tables[0].template!.displayName);
    }
    await screenshot(page, `learned-${id}`);
    expect(errors).toEqual([]);
  });

  it('edits a field the vocabulary learned (项目负责人) and undoes it', async () => {
    const project = goldenProject('88-shenbao');
    await open(project, 'edit');
    const cell = layout(project.tables[0], project.meta).cells.find((c) => c.binding?.path === 'projectLeader')!;
    await cellLocator(page, cell.row, cell.col).click();
    await page.keyboard.type('Wang');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await cellLocator(page, cell.row, cell.col).innerText()).trim()).toBe('Wang');
    const target = path.join(env.dir, 'edited.jxmb');
    env.answers.saveProject!.push(target);
    await page.keyboard.press('Control+Shift+S');
    await expect.poll(async () => (await loadProjectFile(target).catch(() => null))?.project.tables[0].projectLeader).toBe('Wang');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cellLocator(page, cell.row, cell.col).innerText()).trim()).toBe('张志强');
    expect(errors).toEqual([]);
  });
});
