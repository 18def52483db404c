/**
 * A callback with a fixed identity that always runs the latest closure. React Flow copies its
 * handler props into its store on every change, so unstable handlers cost a store update (and
 * re-renders) on every render of the canvas.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useStable<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  useLayoutEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}
