import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadProjectFile } from '../../electron/services/project-file-service';
import { cellLocator, screenshot, typeInto } from '../helpers/e2e-app';
import { openSample } from '../helpers/e2e-clerk';
import { createE2eEnvironment } from '../helpers/e2e-deps';
import { useEditorBrowser } from '../helpers/e2e-setup';

/**
 * Issue 11, failure 12 (screen fit): at 1366×768 the status bar is on screen; at 1280 px the
 * 指标值 column is visible beside the panels; the side panels collapse; Ctrl+wheel zooms the grid
 * only (also from the status bar); a numeric selection shows 求和 / 计数 / 平均, summed exactly.
 */
const app = useEditorBrowser();

async function open(width: number, height: number): Promise<{ page: Page; errors: string[]; env: Awaited<ReturnType<typeof createE2eEnvironment>> }> {
  const env = await createE2eEnvironment();
  const opened = await app.open(env, { width, height });
  opened.page.setDefaultTimeout(30_000);
  await openSample(opened.page);
  return { ...opened, env };
}

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe('screen fit (Chromium)', () => {
  it('12: at 1280 px the 指标值 column is visible; the panels collapse; at 1366×768 the status bar is on screen', async () => {
    const { page, errors } = await open(1280, 720);
    const header = (await cellLocator(page, 9, 5).boundingBox())!;
    const grid = await box(page, '.grid-area');
    expect(header.x + header.width).toBeLessThanOrEqual(grid.x + grid.width);
    await screenshot(page, 'issue11-1280-wide');
    await page.getByTestId('collapse-list').click();
    await page.getByTestId('collapse-panel').click();
    await expect.poll(() => page.getByTestId('table-list').count()).toBe(0);
    expect(await page.getByTestId('findings-panel').count()).toBe(0);
    expect((await box(page, '.grid-area')).width).toBeGreaterThan(grid.width + 300);
    await screenshot(page, 'issue11-panels-collapsed');
    await page.getByTestId('expand-list').click();
    await page.getByTestId('expand-panel').click();
    await page.getByTestId('table-list').waitFor();

    await page.setViewportSize({ width: 1366, height: 768 });
    const status = await box(page, '[data-testid="statusbar"]');
    expect(status.y + status.height).toBeLessThanOrEqual(768);
    expect(errors).toEqual([]);
  });

  it('12: Ctrl+wheel zooms the grid, not the window; the status bar has a zoom control', async () => {
    const { page, errors } = await open(1366, 768);
    const before = (await cellLocator(page, 1, 2).boundingBox())!;
    const toolbar = await box(page, '.toolbar');
    await cellLocator(page, 10, 3).hover();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(() => page.getByTestId('zoom-level').innerText()).toBe('110%');
    await expect.poll(async () => (await cellLocator(page, 1, 2).boundingBox())!.width).toBeGreaterThan(before.width * 1.05);
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
    expect(await box(page, '.toolbar')).toEqual(toolbar);
    await screenshot(page, 'issue11-grid-zoom');
    await page.getByTestId('zoom-level').click();
    await expect.poll(() => page.getByTestId('zoom-level').innerText()).toBe('100%');
    await page.getByRole('button', { name: '缩小表格' }).click();
    await expect.poll(() => page.getByTestId('zoom-level').innerText()).toBe('90%');
    expect(errors).toEqual([]);
  });

  it('12: a numeric selection shows 求和 / 计数 / 平均, summed exactly (0.1 + 0.2 = 0.3)', async () => {
    const { page, errors } = await open(1366, 768);
    await typeInto(page, 4, 3, '0.1');
    await typeInto(page, 5, 3, '0.2');
    await cellLocator(page, 4, 3).click();
    await cellLocator(page, 6, 3).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('status-stats').innerText()).toBe('求和 0.3　计数 2　平均 0.15');
    await screenshot(page, 'issue11-status-sums');
    expect(errors).toEqual([]);
  });

  it('12: a column width dragged in the grid belongs to the table: one undo step, saved with the project', async () => {
    const { page, errors, env } = await open(1366, 768);
    const before = (await cellLocator(page, 9, 5).boundingBox())!;
    const header = page.locator('.ht_clone_top thead th').nth(6);
    const hb = (await header.boundingBox())!;
    await page.mouse.move(hb.x + hb.width - 2, hb.y + hb.height / 2);
    const handle = page.locator('.manualColumnResizer').first();
    await handle.waitFor();
    const h = (await handle.boundingBox())!;
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(h.x + h.width / 2 + 80, h.y + h.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await cellLocator(page, 9, 5).boundingBox())!.width).toBeGreaterThan(before.width + 60);
    expect(await page.locator('.status-notice').innerText()).toContain('已调整列宽');
    await screenshot(page, 'issue11-column-width');
    const target = path.join(env.dir, 'widths.jxmb');
    env.answers.saveProject!.push(target);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('widths.jxmb - 绩效目标表编辑器');
    const saved = (await loadProjectFile(target)).project.tables[0].columnWidths!;
    expect(saved[5]).toBeGreaterThan(before.width / 8);
    await page.getByTestId('menu-编辑').click();
    await page.getByTestId('menu-undo').click();
    await expect.poll(async () => Math.round((await cellLocator(page, 9, 5).boundingBox())!.width)).toBe(Math.round(before.width));
    expect(errors).toEqual([]);
  });
});
