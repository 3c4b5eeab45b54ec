/** The editor window fits the screen (1366×768 laptops) and comes back where the user left it. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { fitBounds, readWindowState, writeWindowState } from '../../../electron/host/window-state';

const laptop = { x: 0, y: 0, width: 1366, height: 728 }; // 1366×768 minus a 40 px taskbar
const big = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  it('a first start on a 1366×768 screen fits the work area (the status bar is on screen)', () => {
    const b = fitBounds(null, [laptop]);
    expect(b.width).toBeLessThanOrEqual(1366);
    expect(b.height).toBeLessThanOrEqual(728);
    expect(b.y! + b.height).toBeLessThanOrEqual(728);
    expect(fitBounds(null, [big])).toMatchObject({ width: 1280, height: 820 });
  });

  it('restores the saved bounds, clamped to the screen; a position on a screen now gone falls back to the default', () => {
    expect(fitBounds({ x: 100, y: 50, width: 1500, height: 900 }, [big])).toEqual({ x: 100, y: 50, width: 1500, height: 900, maximized: false });
    const clamped = fitBounds({ x: 100, y: 50, width: 1500, height: 900 }, [laptop]);
    expect(clamped).toMatchObject({ width: 1366, height: 728, x: 0, y: 0 });
    expect(fitBounds({ x: 3000, y: 50, width: 1000, height: 700, maximized: true }, [laptop])).toMatchObject({ width: 1280, height: 728, maximized: true });
  });

  it('is remembered in window-state.json; an unreadable file means the default', async () => {
    const dir = tempDir('jxmb-window-state-');
    expect(await readWindowState(dir)).toBeNull();
    await writeWindowState(dir, { x: 10, y: 20, width: 1000, height: 600, maximized: false });
    expect(await readWindowState(dir)).toEqual({ x: 10, y: 20, width: 1000, height: 600, maximized: false });
    await fs.writeFile(path.join(dir, 'window-state.json'), '{not json');
    expect(await readWindowState(dir)).toBeNull();
  });
});
