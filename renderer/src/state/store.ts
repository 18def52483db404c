/** A tiny observable value for session state (selection, view options): not document state. */
import { useSyncExternalStore } from 'react';

export class Observable<T> {
  private readonly listeners = new Set<() => void>();
  constructor(private value: T) {}
  get = (): T => this.value;
  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const listener of this.listeners) listener();
  }
  update(change: (value: T) => T): void {
    this.set(change(this.value));
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useObservable<T>(observable: Observable<T>): T {
  return useSyncExternalStore(observable.subscribe, observable.get);
}

/**
 * Subscribe to one derived value of an observable: the component re-renders only when that
 * value changes (by Object.is), not on every change of the whole state.
 */
export function useObservableSelector<T, S>(observable: Observable<T>, select: (value: T) => S): S {
  return useSyncExternalStore(observable.subscribe, () => select(observable.get()));
}
