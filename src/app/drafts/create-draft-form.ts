import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';
import type { FairId } from '../../domain/ids';
import { instantFromMs, type Instant } from '../../domain/time';
import { discardDraft, loadDraft, saveDraft } from '../../store/drafts';
import { newId } from '../../store/ids';
import type { StorageError } from '../../store/result';
import { nowInstant } from '../lib/clock';
import { dropJournal, readJournal, writeJournal } from './journal';
import { registerDraft } from './registry';

/**
 * A form whose every keystroke survives a reload, a crash or an update (`src/app/README.md` "Forms
 * and drafts"):
 * - each change goes synchronously into the localStorage journal, and ~300 ms later (debounced)
 *   into the IndexedDB draft through the store's `saveDraft`;
 * - `visibilitychange`/`pagehide` and the update prompt flush at once (drafts/registry.ts);
 * - on open, the newest of journal and draft wins over the blank or stored record;
 * - saving the record clears the draft.
 */
export const DRAFT_DEBOUNCE_MS = 300;

export interface DraftFormOptions<T> {
  readonly key: string;
  readonly form: string;
  readonly fairId?: FairId | undefined;
  /** A visitor form: its drafts are listed at the desk after an idle reset. */
  readonly public?: boolean;
  /** The value without a draft: blank, or the stored record being edited. */
  readonly initial: () => T | Promise<T>;
  readonly onStorageError?: (e: StorageError) => void;
}

export interface DraftForm<T extends object> {
  /** The form state (a Solid store: read it in JSX, change it with `update`). */
  readonly data: T;
  update(mutate: (draft: T) => void): void;
  readonly ready: Accessor<boolean>;
  /** When the restored draft was last written, if the form came back from one. */
  readonly restoredAt: Accessor<Instant | undefined>;
  readonly dirty: Accessor<boolean>;
  flush(): Promise<StorageError | undefined>;
  /** The record is saved: drop the draft, optionally start over with `next`. */
  clear(next?: T): Promise<void>;
  /** Visitor walked away (idle): keep what was typed as a separate desk-recoverable draft, reset. */
  park(blank: T): Promise<void>;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function createDraftForm<T extends object>(opts: DraftFormOptions<T>): DraftForm<T> {
  const [data, setData] = createStore<T>({} as T);
  const [ready, setReady] = createSignal(false);
  const [restoredAt, setRestoredAt] = createSignal<Instant>();
  const [dirty, setDirty] = createSignal(false);
  let version = 0;
  let generation = 0;
  let lastJournalAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Draft writes of one form run one after the other, so an older snapshot never lands last.
  let queue: Promise<unknown> = Promise.resolve();

  const snapshot = (): T => clone(unwrap(data));

  const flush = (): Promise<StorageError | undefined> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!dirty()) return Promise.resolve(undefined);
    const v = version;
    const gen = generation;
    const journalAt = lastJournalAt;
    const value = snapshot();
    const run = queue.then(async (): Promise<StorageError | undefined> => {
      if (gen !== generation) return undefined;
      const saved = await saveDraft({
        key: opts.key,
        form: opts.form,
        ...(opts.fairId === undefined ? {} : { fairId: opts.fairId }),
        data: value,
        updatedAt: nowInstant(),
        public: opts.public === true,
      });
      if (!saved.ok) {
        opts.onStorageError?.(saved.error);
        return saved.error;
      }
      if (v === version && gen === generation) {
        setDirty(false);
        dropJournal(opts.key, journalAt);
      }
      return undefined;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void flush(), DRAFT_DEBOUNCE_MS);
  };

  const update = (mutate: (draft: T) => void): void => {
    setData(produce(mutate));
    version++;
    setDirty(true);
    lastJournalAt = Date.now();
    writeJournal(opts.key, snapshot(), lastJournalAt);
    schedule();
  };

  const clear = async (next?: T): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    generation++;
    setDirty(false);
    dropJournal(opts.key);
    const done = queue.then(() => discardDraft(opts.key));
    queue = done.catch(() => undefined);
    await queue;
    if (next !== undefined) setData(reconcile(clone(next)));
    setRestoredAt(undefined);
  };

  const park = async (blank: T): Promise<void> => {
    const value = snapshot();
    await flush();
    await saveDraft({
      key: `${opts.key}:parked:${newId()}`,
      form: opts.form,
      ...(opts.fairId === undefined ? {} : { fairId: opts.fairId }),
      data: value,
      updatedAt: nowInstant(),
      public: true,
    });
    await clear(blank);
  };

  void (async () => {
    const [draft, init] = await Promise.all([loadDraft(opts.key), opts.initial()]);
    const journal = readJournal(opts.key);
    const draftMs = draft === undefined ? Number.NEGATIVE_INFINITY : Date.parse(draft.updatedAt);
    // A draft saved from an older shape of the form still fills every field it knows.
    if (journal !== undefined && journal.at > draftMs) {
      setData(reconcile({ ...clone(init), ...(journal.data as T) }));
      setRestoredAt(instantFromMs(journal.at));
      lastJournalAt = journal.at;
      version++;
      setDirty(true);
      schedule();
    } else if (draft !== undefined) {
      setData(reconcile({ ...clone(init), ...(draft.data as T) }));
      setRestoredAt(draft.updatedAt);
      dropJournal(opts.key);
    } else {
      setData(reconcile(clone(init)));
    }
    setReady(true);
  })();

  const unregister = registerDraft({ isDirty: dirty, flush });
  onCleanup(() => {
    void flush();
    unregister();
  });

  return { data, update, ready, restoredAt, dirty, flush, clear, park };
}
