import { liveQuery } from 'dexie';
import { createEffect, createSignal, from, onCleanup, type Accessor } from 'solid-js';

/**
 * The ONE adapter from Dexie `liveQuery` to Solid signals: every live read
 * goes through it. `liveQuery` re-runs the read whenever a table it touched changes, in this tab or
 * another; screens never import Dexie.
 */
export const createLiveQuery = <T>(query: () => Promise<T>): Accessor<T | undefined> => from(liveQuery(query));

/**
 * The same, for a read that depends on a signal (search text, the current fair): a new
 * subscription whenever `source` changes, the previous one dropped. The last value stays shown
 * until the new one arrives, so a list does not flash empty while the user types.
 */
export function createLiveQueryOn<S, T>(source: Accessor<S>, query: (s: S) => Promise<T>): Accessor<T | undefined> {
  const [value, setValue] = createSignal<T>();
  createEffect(() => {
    const s = source();
    const subscription = liveQuery(() => query(s)).subscribe({
      next: (v) => setValue(() => v),
      error: (e: unknown) => console.warn('live query failed', e),
    });
    onCleanup(() => subscription.unsubscribe());
  });
  return value;
}
