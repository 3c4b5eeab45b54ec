/**
 * A hook giving memoized components callbacks whose identity never changes but which always call the latest closure.
 */
import { useMemo, useRef } from 'react';

type AnyAction = (...args: never[]) => unknown;

/**
 * Stable wrappers around the latest closures of `actions`: memoized children receiving them
 * never re-render because a parent re-rendered, and every call reaches the current closure.
 * The keys are fixed by the first render.
 */
export function useStableActions<T extends Record<string, AnyAction>>(actions: T): T {
  const ref = useRef(actions);
  ref.current = actions;
  return useMemo(() => {
    const stable: Record<string, unknown> = {};
    for (const key of Object.keys(ref.current)) {
      stable[key] = (...args: unknown[]) => (ref.current[key] as unknown as (...a: unknown[]) => unknown)(...args);
    }
    return stable as T;
  }, []);
}
