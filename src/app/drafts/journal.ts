/**
 * A synchronous journal of the latest keystroke per draft, in localStorage. IndexedDB writes are
 * asynchronous and debounced; a reload or a crash between a keystroke and the next draft write
 * would lose the tail of what was typed. localStorage is written synchronously on every change,
 * so the form comes back exactly as it was; the journal entry is dropped once IndexedDB has the
 * same version. Best effort: a full or disabled localStorage only loses this extra safety.
 */
const PREFIX = 'faircase.draft-journal:';

export interface JournalEntry {
  readonly data: unknown;
  /** ms since the epoch of the keystroke. */
  readonly at: number;
}

export function writeJournal(key: string, data: unknown, at: number): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ data, at }));
  } catch {
    // Quota or private mode: the IndexedDB draft still follows within the debounce.
  }
}

export function readJournal(key: string): JournalEntry | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return undefined;
    const parsed = JSON.parse(raw) as Partial<JournalEntry>;
    return typeof parsed.at === 'number' ? { data: parsed.data, at: parsed.at } : undefined;
  } catch {
    return undefined;
  }
}

export function dropJournal(key: string, ifAt?: number): void {
  try {
    if (ifAt !== undefined && readJournal(key)?.at !== ifAt) return;
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to drop.
  }
}
