/** The dialog state hook: at most one modal open, asked with `await ask(spec)` and resolved by its answer. */
import { useCallback, useState } from 'react';
import type { DialogAnswer, DialogSpec } from './dialog-types';

interface OpenDialog {
  readonly spec: DialogSpec;
  readonly resolve: (answer: unknown) => void;
}

/** One modal at a time, promise-based: `await ask({kind: 'unsaved', …})`. */
export function useDialogs() {
  const [open, setOpen] = useState<OpenDialog | null>(null);
  const ask = useCallback(<S extends DialogSpec>(spec: S): Promise<DialogAnswer<S['kind']>> => {
    return new Promise((resolve) => {
      setOpen({ spec, resolve: resolve as (a: unknown) => void });
    });
  }, []);
  const answer = useCallback((value: unknown) => {
    setOpen((current) => {
      current?.resolve(value);
      return null;
    });
  }, []);
  return { current: open?.spec ?? null, ask, answer };
}
