import { MAX_PULL_LIMIT, PROTOCOL_VERSION, type PullReply } from '../domain/wire/protocol';
import type { Instant } from '../domain/time';
import { applyPulledPage, checkAhead, FAIR_APPLIERS, newPullRun, readSyncState, restartPull, type PullApplier, type SyncCredentials } from '../store';
import { readingOf, timed } from './clock-offset';
import { SyncStopped } from './push-outbox';
import { TransportError, type SyncTransport } from './transport';

export type { PullApplier };

export interface PullDeps {
  readonly transport: SyncTransport;
  readonly credentials: SyncCredentials;
  /** Defaults to fairs only; the other kinds get their appliers as their tables land. */
  readonly appliers?: readonly PullApplier[];
  /** Items per page; defaults to the most the protocol allows (P5: a case touched by several
   * pages is rewritten once per page, so fewer, bigger pages write less). */
  readonly limit?: number;
  /** This tablet's clock (SY11, SY13); defaults to the system's. */
  readonly now?: () => Instant;
}

const systemNow = (): Instant => new Date().toISOString() as Instant;

export interface PullSummary {
  readonly pages: number;
  readonly items: number;
  /** The server was restored from a backup: the cursor restarted and everything was queued again. */
  readonly epochChanged: boolean;
}

/**
 * Pulls pages after the stored cursor until the server has no more. The store applies each page
 * in ONE transaction together with the new cursor (`applyPulledPage`), so a crash mid-page
 * re-pulls that page and never skips one (SY6). A new epoch (restored server, SY7) restarts the
 * cursor at 0 and puts every item of the local log back into the outbox (`restartPull`).
 * SY91: while a page is written, the next one is already asked for and its payloads checked.
 */
export async function pullPages(deps: PullDeps): Promise<PullSummary> {
  const appliers = deps.appliers ?? FAIR_APPLIERS;
  const now = deps.now ?? systemNow;
  let pages = 0;
  let count = 0;
  let epochChanged = false;
  const run = newPullRun();
  type Timed = { readonly reply: PullReply; readonly sent: Instant; readonly received: Instant };
  const ask = (after: number): Promise<Timed> =>
    timed(now, () => deps.transport.pull({ fair: deps.credentials.fairId, after, limit: deps.limit ?? MAX_PULL_LIMIT, protocolVersion: PROTOCOL_VERSION }));
  /** SY91: the page after the one being written, asked for (and checked) meanwhile. */
  let ahead: { readonly after: number; readonly answer: Promise<Timed> } | undefined;
  for (let guard = 0; guard < 100_000; guard++) {
    const state = await readSyncState();
    // Used only if the cursor still stands where it was asked from (another tab may have moved it).
    const pending = ahead !== undefined && ahead.after === state.cursor ? ahead.answer : ask(state.cursor);
    ahead = undefined;
    const { reply, sent, received } = await pending;
    if (reply.type === 'client-too-old') throw new SyncStopped('CLIENT_TOO_OLD');
    if (reply.type === 'server-too-old') throw new TransportError('SERVER_TOO_OLD', true);
    if (reply.type === 'error') throw new TransportError(reply.code, false);
    const restarted = state.epoch !== undefined && state.epoch !== reply.epoch;
    if (!restarted && reply.hasMore) {
      const answer = ask(reply.cursor).then(async (t) => {
        if (t.reply.type === 'pull-page') await checkAhead(t.reply.items.map((p) => p.item), deps.credentials.deviceId);
        return t;
      });
      // Awaited later, or dropped: a failure counts only when the tablet gets to that page.
      answer.catch(() => undefined);
      ahead = { after: reply.cursor, answer };
    }
    const reading = readingOf(sent, received, reply.serverTime);
    const outcome = restarted
      ? await restartPull(reply.epoch, reading, appliers)
      : await applyPulledPage(reply, state.cursor, { self: deps.credentials.deviceId, run, received, reading, appliers });
    if (!outcome.ok) throw new TransportError(`STORE_${outcome.error.kind.toUpperCase()}`, true, undefined, outcome.error.detail);
    if (restarted) {
      epochChanged = true;
      continue;
    }
    pages++;
    count += reply.items.length;
    if (!reply.hasMore) break;
  }
  return { pages, items: count, epochChanged };
}
