/**
 * Deferring work until the frame showing an edit is painted: `afterPaint` and the `useAfterPaint`
 * hook that lets panels and the status bar follow the grid one frame later.
 */
import { useEffect, useState } from 'react';

/** Longest wait for a frame (a hidden or minimised window paints none). */
const FALLBACK_MS = 250;

/**
 * Runs `fn` once the next frame has been painted: a message posted from a requestAnimationFrame
 * callback is handled after that frame's rendering. Returns a cancel function.
 */
export function afterPaint(fn: () => void): () => void {
  let done = false;
  const channel = new MessageChannel();
  const stop = () => {
    done = true;
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    channel.port1.close();
  };
  const run = () => {
    if (done) return;
    stop();
    fn();
  };
  channel.port1.onmessage = run;
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  const timer = setTimeout(run, FALLBACK_MS);
  return stop;
}

/**
 * `value` as of the last painted frame: the first render after a change still returns the old
 * value, the new one follows right after the frame that showed the urgent change (the grid) is
 * painted. Components fed with it (table list, panels, status bar) stay out of the edit's frame.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    return afterPaint(() => setShown(() => value));
  }, [value, shown]);
  return shown;
}
