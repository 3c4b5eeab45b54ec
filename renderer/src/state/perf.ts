/**
 * Performance marks read by the benchmark (tests/bench/editor.bench.mjs): a measure named
 * `jxmb:<what>` from the start of an intent to the next grid paint. Cheap and always on.
 */
let pending: { name: string; start: number } | null = null;

/** Marks the start of an intent whose cost ends at the next grid paint. */
export function startMeasure(name: string): void {
  pending = { name, start: performance.now() };
}

/** Called by the grid after it rendered: closes the pending measure once the frame is painted. */
export function gridPainted(): void {
  const p = pending;
  if (!p) return;
  pending = null;
  requestAnimationFrame(() => {
    try {
      performance.measure(`jxmb:${p.name}`, { start: p.start, end: performance.now() });
    } catch {
      /* measuring is best effort */
    }
  });
}
