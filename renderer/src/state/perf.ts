/**
 * Performance marks read by the benchmark (tests/bench/editor.bench.mjs): a measure named
 * `jxmb:<what>` from the input event that started an intent (its `timeStamp`; "now" when the
 * intent has no event) to the animation frame that paints the grid render carrying the result
 * (taken in that frame's requestAnimationFrame callback, i.e. right before its paint).
 * Cheap and always on.
 */

let pending: { name: string; start: number } | null = null;

/** Start of the intent: the current input event's time stamp when called from an event handler. */
function intentStart(): number {
  const now = performance.now();
  const event = (globalThis as { event?: Event }).event;
  const t = event?.timeStamp ?? 0;
  return t > 0 && t <= now && now - t < 1000 ? t : now;
}

/** Marks the start of an intent whose cost ends at the next grid paint. */
export function startMeasure(name: string): void {
  pending = { name, start: intentStart() };
}

/** Called by the grid after it rendered: closes the pending measure in the frame that paints it. */
export function gridPainted(): void {
  const p = pending;
  if (!p) return;
  pending = null;
  // When the grid render finished: the rest of the measure is waiting for (and producing) the frame.
  const rendered = performance.now();
  requestAnimationFrame(() => {
    try {
      performance.measure(`jxmb:${p.name}`, { start: p.start, end: performance.now(), detail: { rendered } });
    } catch {
      /* measuring is best effort */
    }
  });
}
