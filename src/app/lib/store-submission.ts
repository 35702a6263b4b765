import { createSignal, type Accessor } from 'solid-js';
import type { FieldError, StorageError, StoreResult } from '../../store/result';

/**
 * What every form screen does with a store write: show the per-field errors and the failure of the
 * last attempt (in the user's language, by the screen), tell the app shell about storage failures
 * (quota, a closed connection) so its banner can say what to do, and clear both on success.
 * The form's draft is left alone on failure — nothing the user typed is lost (`src/app/README.md`
 * "Forms and drafts").
 */
export interface StoreSubmission {
  readonly errors: Accessor<readonly FieldError[]>;
  readonly failure: Accessor<StorageError | undefined>;
  /** True while a write is under way, so a second tap does not submit twice. */
  readonly busy: Accessor<boolean>;
  /** Runs the write; the value on success, `undefined` (errors shown) on failure. */
  submit<T>(write: () => Promise<StoreResult<T>>): Promise<T | undefined>;
  /** Forgets the last attempt's errors, e.g. when an idle kiosk form starts over. */
  reset(): void;
}

export function createStoreSubmission(reportStorageError: (e: StorageError) => void): StoreSubmission {
  const [errors, setErrors] = createSignal<readonly FieldError[]>([]);
  const [failure, setFailure] = createSignal<StorageError>();
  const [busy, setBusy] = createSignal(false);
  const reset = (): void => {
    setErrors([]);
    setFailure(undefined);
  };
  const submit = async <T,>(write: () => Promise<StoreResult<T>>): Promise<T | undefined> => {
    setBusy(true);
    try {
      const result = await write();
      if (!result.ok) {
        setErrors(result.error.fields ?? []);
        setFailure(result.error);
        reportStorageError(result.error);
        return undefined;
      }
      reset();
      return result.value;
    } finally {
      setBusy(false);
    }
  };
  return { errors, failure, busy, submit, reset };
}
