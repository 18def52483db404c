/**
 * Narrow subscriptions to the open document. The inspector reads only the records the selection
 * touches, so an edit elsewhere in a 2,000-node crisis does not re-render it: each selector's
 * result is compared with the last one (by identity, or element by element for lists) and the
 * component re-renders only when it differs. core/reduce keeps unchanged records' identity.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { DocumentView } from '../../../core/contract';
import type { DocumentStore } from '../state/document-store';

type Equal<T> = (a: T, b: T) => boolean;

/** Equal when both lists hold the same objects in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Subscribe to one slice of the document. `key` names what the selector depends on besides the
 * document (e.g. the selected node's id): when it changes the slice is recomputed.
 */
export function useDocumentSlice<T>(store: DocumentStore, key: string, select: (view: DocumentView | null) => T, equal: Equal<T> = Object.is): T {
  const cache = useRef<{ key: string; view: DocumentView | null; value: T } | null>(null);
  const selectRef = useRef(select);
  selectRef.current = select;
  const equalRef = useRef(equal);
  equalRef.current = equal;
  const getSnapshot = useCallback((): T => {
    const view = store.getSnapshot().view;
    const last = cache.current;
    if (last && last.key === key && last.view === view) return last.value;
    const value = selectRef.current(view);
    if (last && last.key === key && equalRef.current(last.value, value)) {
      cache.current = { key, view, value: last.value };
      return last.value;
    }
    cache.current = { key, view, value };
    return value;
  }, [store, key]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}
