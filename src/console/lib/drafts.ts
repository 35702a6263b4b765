import { createStore, reconcile, type SetStoreFunction, type Store } from 'solid-js/store';
import { createEffect, on } from 'solid-js';

/**
 * An open form's input, kept in sessionStorage (this tab only, gone when it closes): a session
 * that expires mid-form sends the person to sign in and back, and what they typed is still there.
 * Never IndexedDB: the console keeps nothing on the device.
 */
export interface FormDraft<T extends object> {
  readonly value: Store<T>;
  readonly set: SetStoreFunction<T>;
  /** Back to `initial` and forget the stored copy (after a save or a cancel). */
  reset(initial?: T): void;
}

const PREFIX = 'faircase.console.draft.';

function read<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function createFormDraft<T extends object>(key: string, initial: T): FormDraft<T> {
  const [value, set] = createStore<T>(read<T>(key) ?? structuredClone(initial));
  let dirty = read<T>(key) !== undefined;
  createEffect(
    on(
      () => JSON.stringify(value),
      (json) => {
        if (!dirty) return;
        try {
          sessionStorage.setItem(PREFIX + key, json);
        } catch {
          // A full or disabled sessionStorage only loses the draft, never the form.
        }
      },
    ),
  );
  const tracked: SetStoreFunction<T> = ((...args: unknown[]) => {
    dirty = true;
    (set as (...a: unknown[]) => void)(...args);
  }) as SetStoreFunction<T>;
  return {
    value,
    set: tracked,
    reset(next = initial) {
      dirty = false;
      set(reconcile(structuredClone(next)));
      try {
        sessionStorage.removeItem(PREFIX + key);
      } catch {
        // Nothing stored.
      }
    },
  };
}

/** Whether a draft of this form is waiting (an edit screen then keeps it over the server's copy). */
export const hasDraft = (key: string): boolean => read(key) !== undefined;
