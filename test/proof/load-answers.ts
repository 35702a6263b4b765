/**
 * The load test's devices: each one's sync state (the batch in flight, what the
 * server acknowledged, its pull cursor), the next push it sends, and the checks of the answers
 * it gets: every pushed item applied or a duplicate, every pull page in server order.
 *
 * The answers are checked for what the load is about with plain reads, not the wire schemas: a
 * zod parse of every 100-item page cost the load process about as much CPU as one server
 * instance, taken from the servers it measures on a 2-core machine. The schemas are proved by
 * the server and hostile-input tests; the end check (load-stored.ts) asks PostgreSQL itself.
 */
import type { SyncItem } from '../../src/domain/sync-item';
import { PROTOCOL_VERSION, type PullPage, type PushAccepted } from '../../src/domain/wire/protocol';
import { makeItems } from '../server/support';

export interface LoadDevice {
  readonly deviceId: string;
  readonly fairId: string;
  readonly token: string;
  /** The next seq to send once the pending batch is acknowledged. */
  nextSeq: number;
  /** The batch in flight (resent unchanged after a 503 or a timeout). */
  pending?: { readonly body: string; readonly items: readonly SyncItem[] };
  acked: number;
  cursor: number;
}

/** What the answers of a whole run showed. */
export interface AnswerCounts {
  /** Push answers whose results were not all `applied`/`duplicate`. */
  badResults: number;
  /** Pull pages out of order, or not pull pages at all. */
  pullOutOfOrder: number;
  pulledItems: number;
}

export const noAnswersYet = (): AnswerCounts => ({ badResults: 0, pullOutOfOrder: 0, pulledItems: 0 });

/** The body of the device's next push: the pending batch again, or `batch` items from `nextSeq`. */
export function pushBody(d: LoadDevice, batch: number): string {
  d.pending ??= (() => {
    const items = makeItems(d, d.nextSeq, d.nextSeq + batch - 1);
    return { items, body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: d.deviceId, fairId: d.fairId, items }) };
  })();
  return d.pending.body;
}

/** A push answer: on a 200 every item is applied or a duplicate, and the next batch starts at `ackedSeq + 1`. */
export function onPushAnswer(counts: AnswerCounts, d: LoadDevice, status: number, body: string): void {
  if (status !== 200) return; // 503: the same batch goes again
  const reply = JSON.parse(body) as Partial<PushAccepted>;
  const sent = d.pending?.items.length ?? 0;
  if (reply.type !== 'push-result' || !Number.isInteger(reply.ackedSeq) || !Array.isArray(reply.results)) {
    counts.badResults++;
    return;
  }
  if (reply.results.length !== sent || reply.results.some((r) => r.status !== 'applied' && r.status !== 'duplicate')) counts.badResults++;
  d.acked = reply.ackedSeq as number;
  d.nextSeq = d.acked + 1;
  d.pending = undefined;
}

/** A pull answer: server sequences strictly past the cursor and rising, the new cursor the page's last. */
export function onPullAnswer(counts: AnswerCounts, d: LoadDevice, status: number, body: string): void {
  if (status !== 200) return;
  const page = JSON.parse(body) as Partial<PullPage>;
  if (page.type !== 'pull-page' || !Array.isArray(page.items) || typeof page.cursor !== 'number') {
    counts.pullOutOfOrder++;
    return;
  }
  let last = d.cursor;
  for (const p of page.items) {
    if (!(p.serverSeq > last) || typeof p.item.id !== 'string') counts.pullOutOfOrder++;
    last = p.serverSeq;
  }
  if (page.cursor !== last) counts.pullOutOfOrder++;
  counts.pulledItems += page.items.length;
  d.cursor = page.cursor;
}
