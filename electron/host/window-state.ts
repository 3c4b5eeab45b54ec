/**
 * The editor window's size and position: fitted to the screen's work area (a 1366×768 laptop
 * shows the whole window, status bar included) and remembered between sessions in
 * `window-state.json` in the user-data folder. Plain Node (no electron import) so it is unit-tested.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A rectangle in screen pixels. */
export interface Bounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

/** What is remembered. */
export interface WindowState extends Bounds {
  readonly maximized?: boolean;
}

/** Preferred size on a large screen. */
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 800, height: 500 } as const;

const FILE = 'window-state.json';

/**
 * The bounds to open with: the saved ones when they still lie on one of the work areas, else the
 * default size centred on the primary work area; never larger than the work area.
 */
export function fitBounds(saved: WindowState | null, workAreas: readonly Required<Bounds>[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height };
  const visibleOn = (s: WindowState) => workAreas.find((a) => s.x !== undefined && s.y !== undefined
    && s.x + 100 <= a.x + a.width && s.x + s.width - 100 >= a.x && s.y >= a.y - 10 && s.y + 40 <= a.y + a.height);
  const area = saved ? visibleOn(saved) : undefined;
  if (saved && area) {
    const width = Math.max(MIN_SIZE.width, Math.min(saved.width, area.width));
    const height = Math.max(MIN_SIZE.height, Math.min(saved.height, area.height));
    const x = Math.min(Math.max(saved.x!, area.x), area.x + area.width - width);
    const y = Math.min(Math.max(saved.y!, area.y), area.y + area.height - height);
    return { x, y, width, height, maximized: saved.maximized === true };
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height,
    maximized: saved?.maximized === true,
  };
}

/** The saved state, or null (missing or unreadable file: the default applies). */
export async function readWindowState(userDataDir: string): Promise<WindowState | null> {
  try {
    const raw = JSON.parse(await fs.readFile(path.join(userDataDir, FILE), 'utf8')) as Partial<WindowState>;
    const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
    if (!num(raw.width) || !num(raw.height)) return null;
    return { x: num(raw.x) ? raw.x : undefined, y: num(raw.y) ? raw.y : undefined, width: raw.width!, height: raw.height!, maximized: raw.maximized === true };
  } catch {
    return null;
  }
}

/** Remembers the state (best effort: a failure never disturbs closing). */
export async function writeWindowState(userDataDir: string, state: WindowState): Promise<void> {
  try {
    await fs.mkdir(userDataDir, { recursive: true });
    await fs.writeFile(path.join(userDataDir, FILE), JSON.stringify(state), 'utf8');
  } catch {
    // (The next start opens at the default size.)
  }
}
