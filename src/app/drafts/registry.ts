import type { StorageError } from '../../store/result';

/**
 * Every open form's draft, so that the service-worker bridge can ask "is anything unsaved?" and
 * flush it before an update reloads the page (`src/app/README.md` "PWA": never reload over an
 * unsaved draft), and so that `visibilitychange`/`pagehide` flush them all at once.
 */
export interface DraftHandle {
  /** Typed since the last draft write landed in IndexedDB. */
  isDirty(): boolean;
  /** Writes the draft now; resolves with the error when it could not be stored. */
  flush(): Promise<StorageError | undefined>;
}

const open = new Set<DraftHandle>();

export function registerDraft(handle: DraftHandle): () => void {
  open.add(handle);
  return () => open.delete(handle);
}

export const anyDirty = (): boolean => [...open].some((h) => h.isDirty());

/** Flushes every open draft; the first failure, if any. */
export async function flushAllDrafts(): Promise<StorageError | undefined> {
  const results = await Promise.all([...open].map((h) => h.flush()));
  return results.find((r) => r !== undefined);
}

let listening = false;
/** Hidden or leaving: write what is pending now, not after the debounce (which may never fire). */
export function listenForPageHide(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAllDrafts();
  });
  window.addEventListener('pagehide', () => void flushAllDrafts());
}
