import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';
import { instantFromMs, type Instant } from '../../domain/time';
import { registerDraft } from '../drafts/registry';

/**
 * The phone form's draft (so nothing typed is lost to a reload), kept in
 * localStorage, written synchronously on every change. The desk's forms keep theirs in IndexedDB
 * through the store (`createDraftForm`); the phone has no store at all: Dexie and the store's
 * write path are a third of the phone's JavaScript budget (≤ 80 KB gzipped), and a phone form is
 * a few kilobytes of JSON, far inside localStorage's quota. A full or disabled localStorage
 * keeps the form working in the page; only the reload safety is lost, and `saveFailed` says so.
 */
export interface PhoneDraft<T extends object> {
  /** The form state (a Solid store: read it in JSX, change it with `update`). */
  readonly data: T;
  update(mutate: (draft: T) => void): void;
  readonly ready: Accessor<boolean>;
  /** When the restored draft was last written, if the form came back from one. */
  readonly restoredAt: Accessor<Instant | undefined>;
  /** Typed since the form was opened or cleared. */
  readonly dirty: Accessor<boolean>;
  /** The last write failed (quota, private mode). */
  readonly saveFailed: Accessor<boolean>;
  /** Handed over: forget the draft, start over with `next`. */
  clear(next: T): void;
}

const PREFIX = 'faircase.phone-draft:';
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

interface Stored {
  readonly data: unknown;
  readonly at: number;
}

function read(key: string): Stored | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return undefined;
    const parsed = JSON.parse(raw) as Partial<Stored>;
    return typeof parsed.at === 'number' && typeof parsed.data === 'object' && parsed.data !== null ? { data: parsed.data, at: parsed.at } : undefined;
  } catch {
    return undefined;
  }
}

export function createPhoneDraft<T extends object>(key: string, blank: () => T): PhoneDraft<T> {
  const stored = read(key);
  // A draft saved from an older shape of the form still fills every field it knows.
  const [data, setData] = createStore<T>(stored === undefined ? blank() : { ...blank(), ...(stored.data as T) });
  const [restoredAt, setRestoredAt] = createSignal<Instant | undefined>(stored === undefined ? undefined : instantFromMs(stored.at));
  const [dirty, setDirty] = createSignal(false);
  const [saveFailed, setSaveFailed] = createSignal(false);
  const [ready] = createSignal(true);

  const write = (): void => {
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify({ data: unwrap(data), at: Date.now() } satisfies Stored));
      setSaveFailed(false);
    } catch {
      setSaveFailed(true);
    }
  };
  const update = (mutate: (draft: T) => void): void => {
    setData(produce(mutate));
    setDirty(true);
    write();
  };
  const clear = (next: T): void => {
    try {
      localStorage.removeItem(PREFIX + key);
    } catch {
      // Nothing stored: nothing to forget.
    }
    setData(reconcile(clone(next)));
    setDirty(false);
    setRestoredAt(undefined);
  };
  // Every keystroke is already written: nothing is ever pending for the update prompt.
  const unregister = registerDraft({ isDirty: () => false, flush: () => Promise.resolve(undefined) });
  onCleanup(unregister);
  return { data, update, ready, restoredAt, dirty, saveFailed, clear };
}
