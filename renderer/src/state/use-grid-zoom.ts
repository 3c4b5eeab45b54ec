/**
 * Grid-only zoom: Ctrl+wheel over the grid zooms the grid (not the window; the browser's or
 * Electron's page zoom is suppressed everywhere), and the status bar's control sets it.
 * 50%–200% in steps of 10%.
 */
import { useCallback, useEffect, useState } from 'react';

export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 2;

/** The zoom level clamped and rounded to the 10% steps. */
export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(z * 10) / 10));
}

export function useGridZoom(): [number, (z: number) => void] {
  const [zoom, setZoomState] = useState(1);
  const setZoom = useCallback((z: number) => setZoomState(clampZoom(z)), []);
  useEffect(() => {
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const target = e.target as Element | null;
      if (!target?.closest?.('.grid-area')) return;
      setZoomState((z) => clampZoom(z + (e.deltaY < 0 ? 0.1 : -0.1)));
    };
    window.addEventListener('wheel', onWheel, { passive: false });
    return () => window.removeEventListener('wheel', onWheel);
  }, []);
  return [zoom, setZoom];
}
