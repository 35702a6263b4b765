import { createMemo, createSignal, onCleanup, onMount, type Accessor } from 'solid-js';
import { fairCloseAt } from '../../../domain/fair';
import { completenessGate, type Gate } from '../../../domain/report/completeness';
import { fetchServerDevices, type ServerDevices } from './server-devices';
import { parseTyped, typedFigures as typedFiguresOf } from '../../../domain/report/typed-previous';
import type { Figures } from '../../../domain/report/figures';
import { postShowSummary } from '../../../domain/report/post-show-summary';
import type { SessionData } from '../../../domain/report/session-data';
import type { SummaryCase } from '../../../domain/report/summary-case';
import type { PostShowSummary } from '../../../domain/report/summary-schema';
import { hasSessionData, localCompleteness, summaryDataOf, type LocalCompleteness } from '../../../store/report-reads';
import type { Instant } from '../../../domain/time';
import { createDraftForm, type DraftForm } from '../../drafts/create-draft-form';
import { nowInstant } from '../../lib/clock';

/** The fair's service record form (service-form.tsx): the experts to pick, the save, new row ids. */
export { expertUsers, saveFairService } from '../../../store/fair-service';
export { newId } from '../../../store/ids';
import { createLiveQueryOn } from '../../lib/live-query';
import { useAppState } from '../../state/app-state';

/**
 * The post-show summary screen's state (PS1): this session's data on the tablet, the previous
 * session's (computed when held here, PS3), values the organizer typed (a draft, so they survive
 * a reload), and the completeness gate (PS2: the server's device list merged with this tablet's
 * outbox).
 */
export interface TypedPrevious {
  /** Figure id → value as typed (rates in %, two decimals). */
  values: Record<string, string>;
}

export interface SummaryState {
  readonly data: Accessor<SessionData<SummaryCase> | undefined>;
  readonly previousHeld: Accessor<boolean | undefined>;
  readonly summary: Accessor<PostShowSummary | undefined>;
  readonly completeness: Accessor<LocalCompleteness | undefined>;
  /** The server's device list (or why it is unknown); undefined while asking. */
  readonly serverDevices: Accessor<ServerDevices | undefined>;
  /** Every device of the fair merged with this tablet's outbox (PS2). */
  readonly gate: Accessor<Gate | undefined>;
  refreshDevices(): void;
  readonly provisional: Accessor<boolean>;
  readonly typed: DraftForm<TypedPrevious>;
  /** Sets (or with '' clears) one typed previous value; a code when it is not valid. */
  setTyped(id: string, text: string): string | undefined;
  /** Clears every typed previous value. */
  clearTyped(): void;
  /** When the report is looked at (the app clock): on opening, every refresh and before printing. */
  readonly lookedAt: Accessor<Instant>;
}

const typedFigures = (typed: TypedPrevious): Partial<Figures> => typedFiguresOf(typed.values);

export function createSummary(fairId: string): SummaryState {
  const app = useAppState();
  const data = createLiveQueryOn(
    () => fairId,
    async (id) => {
      const t0 = performance.now();
      const read = await summaryDataOf(id);
      performance.measure('summary-read', { start: t0, end: performance.now() });
      return read;
    },
  );
  const previousId = (): string | undefined => data()?.fair.previousFairId;
  const previousHeld = createLiveQueryOn(previousId, async (id) => (id === undefined ? false : hasSessionData(id)));
  const previousData = createLiveQueryOn(
    () => (previousHeld() === true ? previousId() : undefined),
    async (id) => (id === undefined ? undefined : summaryDataOf(id)),
  );
  const completeness = createLiveQueryOn(() => fairId, () => localCompleteness());
  const typed = createDraftForm<TypedPrevious>({ key: `summary-previous:${fairId}`, form: 'summary-previous', initial: () => ({ values: {} }), onStorageError: (e) => app.reportStorageError(e) });
  const summary = createMemo(() => {
    const d = data();
    if (d === undefined || !typed.ready()) return undefined;
    const prev = previousData();
    const t0 = performance.now();
    const result = postShowSummary({ ...d, ...(prev === undefined ? {} : { previousSession: prev }), previous: typedFigures(typed.data) });
    performance.measure('summary-compute', { start: t0, end: performance.now() });
    // P7 (test/bench/summary.bench.ts) measures from the navigation to this mark.
    performance.mark('summary-computed', { detail: { cases: d.cases.length } });
    return result;
  });
  const [serverDevices, setServerDevices] = createSignal<ServerDevices>();
  const [lookedAt, setLookedAt] = createSignal<Instant>(nowInstant());
  const refreshDevices = (): void => void fetchServerDevices(fairId).then(setServerDevices);
  onMount(() => {
    refreshDevices();
    // The other tablets keep syncing while the organizer looks: ask again now and then.
    const timer = setInterval(() => {
      setLookedAt(nowInstant());
      refreshDevices();
    }, 30_000);
    // A printed report carries the time it was printed.
    const beforePrint = (): void => void setLookedAt(nowInstant());
    window.addEventListener('beforeprint', beforePrint);
    onCleanup(() => {
      clearInterval(timer);
      window.removeEventListener('beforeprint', beforePrint);
    });
  });
  const gate = createMemo((): Gate | undefined => {
    const local = completeness();
    const fair = data()?.fair;
    const server = serverDevices();
    if (local === undefined || fair === undefined || server === undefined) return undefined;
    const mine = server.ok ? { ...local, deviceId: server.thisDeviceId } : local;
    return completenessGate(server.ok ? server.reply : undefined, mine, fairCloseAt(fair));
  });
  // Until the gate is known, an export is provisional (PS2: the list is unknown).
  const provisional = (): boolean => gate()?.provisional ?? true;
  const setTyped = (id: string, text: string): string | undefined => {
    if (text.trim() === '') {
      typed.update((d) => void delete d.values[id]);
      return undefined;
    }
    const p = parseTyped(id, text);
    if (!p.ok) return p.code;
    typed.update((d) => void (d.values[id] = text.trim()));
    return undefined;
  };
  const clearTyped = (): void => typed.update((d) => void (d.values = {}));
  return { data, previousHeld, summary, completeness, serverDevices, gate, refreshDevices, provisional, typed, setTyped, clearTyped, lookedAt };
}
