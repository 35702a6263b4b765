import type { Instant } from '../domain/time';
import { instantToMs } from '../domain/time';
import { PROTOCOL_VERSION } from '../domain/wire/protocol';
import { SNAPSHOT_PAGE, SNAPSHOT_START } from '../domain/wire/snapshot';
import { applySnapshotPage, checkAhead, dropSnapshotMark, readSnapshotMark, readSyncState, type PullApplier, type SnapshotMark, type SyncCredentials } from '../store';
import { readingOf, timed } from './clock-offset';
import { SyncStopped } from './push-outbox';
import { TransportError, type SnapshotAnswer, type SyncTransport } from './transport';

/**
 * A new tablet's first sync (SY84–SY87): the fair's current records from the server's snapshot,
 * page by page, each page in one transaction with where the snapshot stands, then the pull
 * after the snapshot's sequence. A reload or a dropped network goes on from the last page
 * written.
 */

/** How far the first sync is, for the progress bars: records so far of all, bytes, time left. */
export interface SyncProgress {
  readonly items: number;
  readonly total: number;
  readonly bytes: number;
  /** Estimated from this run's pace; undefined until a page has landed in this run. */
  readonly msLeft: number | undefined;
  readonly done: boolean;
}

export { readSnapshotMark };

export interface FirstSyncDeps {
  readonly transport: SyncTransport;
  readonly credentials: SyncCredentials;
  readonly appliers: readonly PullApplier[];
  readonly now: () => Instant;
  readonly limit?: number;
  readonly onProgress?: (p: SyncProgress) => void;
}

export interface FirstSyncSummary {
  readonly pages: number;
  readonly items: number;
}

/**
 * SY87: runs only on a tablet that never pulled (no epoch, cursor 0) or whose snapshot is
 * unfinished; returns undefined when there is nothing to do (or the transport has no snapshot).
 */
export async function firstSync(deps: FirstSyncDeps): Promise<FirstSyncSummary | undefined> {
  const snapshot = deps.transport.snapshot;
  if (snapshot === undefined) return undefined;
  let mark = await readSnapshotMark();
  const state = await readSyncState();
  if (mark === undefined && (state.epoch !== undefined || state.cursor !== 0)) return undefined;
  const started = instantToMs(deps.now());
  const startItems = mark?.items ?? 0;
  let pages = 0;
  let count = 0;
  if (mark !== undefined) deps.onProgress?.({ items: mark.items, total: mark.total, bytes: mark.bytes, msLeft: undefined, done: false });
  type Asked = { readonly at: number | undefined; readonly after: string };
  type Timed = { readonly reply: SnapshotAnswer; readonly sent: Instant; readonly received: Instant };
  const ask = (q: Asked): Promise<Timed> => {
    const answer = timed(deps.now, () => snapshot({ protocolVersion: PROTOCOL_VERSION, fair: deps.credentials.fairId, at: q.at, after: q.after, limit: deps.limit ?? SNAPSHOT_PAGE }));
    // Awaited later, or dropped: a failure here is seen (or not needed) where it is awaited.
    answer.catch(() => undefined);
    return answer;
  };
  /** SY90: the next page, asked for while this one is written. */
  let ahead: { readonly q: Asked; readonly answer: Promise<Timed> } | undefined;
  for (let guard = 0; guard < 100_000; guard++) {
    const q: Asked = { at: mark?.at, after: mark?.next ?? SNAPSHOT_START };
    const pending = ahead !== undefined && ahead.q.at === q.at && ahead.q.after === q.after ? ahead.answer : ask(q);
    ahead = undefined;
    const { reply: answer, sent, received } = await pending;
    const reply = answer.reply;
    if (reply.type === 'client-too-old') throw new SyncStopped('CLIENT_TOO_OLD');
    if (reply.type === 'server-too-old') throw new TransportError('SERVER_TOO_OLD', true);
    if (reply.type === 'error') throw new TransportError(reply.code, false);
    const before = mark;
    // SY87: a restored server (another epoch) numbers anew: start the snapshot again.
    const restart = before !== undefined && before.epoch !== reply.epoch;
    const next: SnapshotMark | undefined = restart || reply.next === null
      ? undefined
      : { epoch: reply.epoch, at: reply.at, next: reply.next, total: before?.total ?? reply.total ?? 0, items: (before?.items ?? 0) + reply.items.length, bytes: (before?.bytes ?? 0) + answer.bytes };
    if (next !== undefined) {
      // SY91: the page asked ahead has its payloads checked while this one is written.
      const answer = ask({ at: next.at, after: next.next }).then(async (t) => {
        if (t.reply.reply.type === 'snapshot-page') await checkAhead(t.reply.reply.items, deps.credentials.deviceId);
        return t;
      });
      answer.catch(() => undefined);
      ahead = { q: { at: next.at, after: next.next }, answer };
    }
    const outcome = restart
      ? await dropSnapshotMark()
      : await applySnapshotPage(reply, { self: deps.credentials.deviceId, received, reading: readingOf(sent, received, reply.serverTime), appliers: deps.appliers, before, after: next });
    if (!outcome.ok) throw new TransportError(`STORE_${outcome.error.kind.toUpperCase()}`, true, undefined, outcome.error.detail);
    if (restart) {
      mark = undefined;
      continue;
    }
    const applied = outcome.value === 'applied';
    mark = applied ? next : await readSnapshotMark();
    // Another tab finished the snapshot meanwhile.
    if (!applied && mark === undefined) break;
    pages++;
    count += reply.items.length;
    const total = before?.total ?? reply.total ?? 0;
    const items = mark?.items ?? total;
    const pace = (instantToMs(deps.now()) - started) / Math.max(1, items - startItems);
    deps.onProgress?.({ items, total, bytes: mark?.bytes ?? (before?.bytes ?? 0) + answer.bytes, msLeft: mark === undefined ? 0 : Math.round(pace * (total - items)), done: mark === undefined });
    if (mark === undefined) break;
  }
  return { pages, items: count };
}
