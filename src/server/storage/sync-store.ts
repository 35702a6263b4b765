import { randomUUID } from 'node:crypto';
import type { SyncItem } from '../../domain/sync-item';
import { instantFromMs } from '../../domain/time';
import type { ConflictList, ItemResult, KeptItem, PulledItem, PushWarning, RejectedList } from '../../domain/wire/protocol';
import { projectPushed, type PushedItems } from '../reports/projection-sync';
import { checkPayload, type PayloadProblem } from '../../domain/wire/payload-parsers';
import { contentHash } from './content-hash';
import { chainLinks } from './event-chain';
import { itemResults, planPush } from './push-plan';
import { readPushState, writePush } from './push-sql';
import { num, type SqlClient, type SqlRunner } from './sql';

/**
 * Push and pull (SY1–SY6).
 *
 * Server sequence = commit order. Pull pages by `server_seq`, so a cursor must never pass a row
 * that commits later with a smaller number. Each push takes its numbers from the single-row
 * `server_seq_counter` with `update … returning` inside its one write statement, just before
 * its inserts; the row lock is held until that statement commits, so the next pusher gets its
 * numbers only after this one has committed (PostgreSQL marks a transaction committed before it
 * releases its locks). Numbers are therefore handed out in commit order and a reader's cursor
 * can never skip anything. We chose this over `pg_current_xact_id()`/`xmin` with a snapshot
 * horizon because it is a dozen lines, behaves identically on PGlite and PostgreSQL, and keeps
 * cursors dense; the price — pushers serialise while one statement commits — is far inside
 * budget P4 and the load test's push p99. Why the push is one read and one write, and how a
 * device's concurrent pushes are kept apart: push-sql.ts; the rules of a batch: push-plan.ts.
 *
 * The sequence is gap-free per device (the tablet numbers every item it records, whatever the
 * fair); a token is bound to one fair, and an item of another fair is rejected (`WRONG_FAIR`).
 */

export interface DeviceContext {
  readonly deviceId: string;
  readonly fairId: string;
}

export interface PushOutcome {
  readonly kind: 'pushed';
  readonly epoch: string;
  readonly results: readonly ItemResult[];
  readonly ackedSeq: number;
  readonly gap: boolean;
  readonly missingBlobs: readonly string[];
  readonly warnings: readonly PushWarning[];
  /** The push's write recorded the tablet as seen (CO11): the route need not. */
  readonly seenRecorded: boolean;
}

export async function getEpoch(db: SqlRunner): Promise<string> {
  const [row] = await db.query<{ value: string }>(`select value from server_meta where key = 'epoch'`);
  if (row === undefined) throw new Error('database not migrated');
  return row.value;
}

/** After restoring a backup: a new epoch tells every tablet to push everything again. */
export async function markRestored(db: SqlRunner): Promise<string> {
  const epoch = randomUUID();
  await db.query(`update server_meta set value = $1 where key = 'epoch'`, [epoch]);
  return epoch;
}

/** Of these evidence files, the ones the server does not hold (the blob store's answer). */
export type LacksBlobs = (sha256s: readonly string[]) => Promise<string[]>;

/**
 * A write that must commit with the push's items or not at all (CO43: the console's audit row of
 * a bundle upload). Called once, with the items' results: inside the transaction of the items'
 * write, or, when the push writes nothing (every item a duplicate), in a transaction of its own.
 */
export type PushAlongside = (tx: SqlRunner, results: readonly ItemResult[]) => Promise<void>;

/** Pushes of one device racing each other (a retry and its original) give way this many times before a 503. */
const PUSH_ATTEMPTS = 5;

export async function push(
  db: SqlClient,
  ctx: DeviceContext,
  items: readonly SyncItem[],
  nowMs: number,
  lacks: LacksBlobs = (shas) => lacksInDatabase(db, shas),
  alongside?: PushAlongside,
): Promise<PushOutcome | { kind: 'device-revoked' }> {
  const ids = items.map((i) => i.id);
  // The first read goes out before the items are hashed and their payloads checked: the
  // database answers it meanwhile. Every payload is checked here, also one that turns out to be
  // a duplicate, so that this CPU work overlaps the read instead of following it.
  const firstRead = readPushState(db, ctx.deviceId, ctx.fairId, ids);
  const hashes = items.map((i) => contentHash(i));
  const problems = new Map(items.map((i) => [i, checkPayload(i)]));
  const check = (item: SyncItem): PayloadProblem | undefined => (problems.has(item) ? problems.get(item) : checkPayload(item));
  // SY15: no CLOCK_SKEW by an item's age: an item recorded offline hours ago is not a wrong
  // clock. The tablet measures its offset itself (SY13) and reports it (SY14).
  const warnings: PushWarning[] = [];
  // One read, the plan in memory, one write (push-sql.ts); the write lands only if no other push
  // of this device landed since the read, else the push starts again from a fresh read.
  for (let attempt = 1; ; attempt++) {
    const state = await (attempt === 1 ? firstRead : readPushState(db, ctx.deviceId, ctx.fairId, ids));
    if (state === undefined) return { kind: 'device-revoked' };
    const plan = planPush(ctx.fairId, items, hashes, state.startAck, state.known, check);
    let base = 0;
    const writes = plan.fresh.length > 0 || plan.rejected.length > 0 || plan.conflicts.length > 0;
    if (writes) {
      const chain = chainLinks(state.head, ctx.deviceId, plan.fresh);
      const seenAt = instantFromMs(nowMs);
      const written =
        alongside === undefined
          ? await writePush(db, ctx.deviceId, ctx.fairId, state.startAck, plan, chain, state.attestKey, seenAt)
          : await db.transaction(async (tx) => {
              const n = await writePush(tx, ctx.deviceId, ctx.fairId, state.startAck, plan, chain, state.attestKey, seenAt);
              if (n !== undefined) await alongside(tx, itemResults(plan.drafts, n));
              return n;
            });
      if (written === undefined) {
        // 40001 (serialization failure): the route answers a retryable 503.
        if (attempt >= PUSH_ATTEMPTS) throw Object.assign(new Error('push: the device pushed concurrently, again and again'), { code: '40001' });
        continue;
      }
      base = written;
      // Only case events are folded, and only they can put the projection behind (its watermark counts case events).
      if (plan.fresh.some((f) => f.item.kind === 'case_event')) await project(db, { fairId: ctx.fairId, base, items: plan.fresh.map((f) => f.item) });
    } else if (alongside !== undefined) {
      await db.transaction((tx) => alongside(tx, itemResults(plan.drafts, 0)));
    }
    return {
      kind: 'pushed',
      epoch: state.epoch,
      results: itemResults(plan.drafts, base),
      ackedSeq: plan.ackedSeq,
      gap: plan.gap,
      missingBlobs: await missingBlobs(items, lacks),
      warnings,
      seenRecorded: writes,
    };
  }
}

/**
 * The report projection's hook (reports/projection-sync.ts), in its own short transaction after
 * the push has committed: never inside the write, whose counter lock every pusher waits on. The
 * items are safe by then; should the fold fail, the summary's watermark catch-up folds them.
 */
async function project(db: SqlClient, pushed: PushedItems): Promise<void> {
  try {
    await db.transaction((tx) => projectPushed(tx, pushed));
  } catch (error) {
    console.error('FairCase: the report projection of a push failed; left to the catch-up.', error);
  }
}

/** Evidence files named by `evidence_meta` items that the server does not hold yet. */
export async function missingBlobs(items: readonly SyncItem[], lacks: LacksBlobs): Promise<string[]> {
  const named = new Set<string>();
  for (const item of items) {
    const sha = (item.payload as { sha256?: unknown } | null)?.sha256;
    if (item.kind === 'evidence_meta' && typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha)) named.add(sha);
  }
  if (named.size === 0) return [];
  return (await lacks([...named])).sort();
}

export async function lacksInDatabase(db: SqlRunner, shas: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ sha256: string }>('select sha256 from blobs where sha256 in (select jsonb_array_elements_text($1::text::jsonb))', [JSON.stringify(shas)]);
  const held = new Set(rows.map((r) => r.sha256));
  return shas.filter((s) => !held.has(s));
}

export interface PullResult {
  readonly epoch: string;
  readonly items: readonly PulledItem[];
  readonly cursor: number;
  readonly hasMore: boolean;
}

/**
 * The page is built by PostgreSQL as JSON text, in one statement with the epoch: the server
 * process neither parses a hundred payloads out of the rows nor writes them out again, which was
 * most of a pull's cost beside the pushes of the load test. Field for field the
 * same page as before (test/server/push-path.test.ts compares it with what was pushed).
 */
const PULL_SQL = `
  with page as (
    select server_seq, id, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, chain_hash, attestation
    from items where fair_id = $1 and server_seq > $2::bigint order by server_seq limit $3::int + 1
  ), shown as (
    select * from page order by server_seq limit $3::int
  )
  select (select value from server_meta where key = 'epoch') as epoch,
    (select count(*) from page)::int as fetched,
    (select max(server_seq) from shown) as last,
    (select coalesce(json_agg(json_build_object('serverSeq', server_seq, 'item', json_build_object(
       'id', id, 'fairId', fair_id, 'deviceId', device_id, 'seq', seq, 'hlc', hlc, 'at', at, 'kind', kind, 'entityId', entity_id,
       'payload', payload), 'chainHash', chain_hash, 'attestation', attestation) order by server_seq), '[]')::text from shown) as items`;

/** A pull page whose items are JSON text (an array of `PulledItem`), for the route to send as it is. */
export interface PullJson {
  readonly epoch: string;
  readonly itemsJson: string;
  readonly cursor: number;
  readonly hasMore: boolean;
}

export async function pullJson(db: SqlRunner, fairId: string, after: number, limit: number): Promise<PullJson> {
  const [row] = await db.query<{ epoch: string | null; fetched: number; last: unknown; items: string }>(PULL_SQL, [fairId, after, limit]);
  if (row === undefined || row.epoch === null) throw new Error('database not migrated');
  return { epoch: row.epoch, itemsJson: row.items, cursor: row.last === null ? after : num(row.last), hasMore: row.fetched > limit };
}

export async function pull(db: SqlRunner, fairId: string, after: number, limit: number): Promise<PullResult> {
  const page = await pullJson(db, fairId, after, limit);
  return { epoch: page.epoch, items: JSON.parse(page.itemsJson) as PulledItem[], cursor: page.cursor, hasMore: page.hasMore };
}

/** One page of a set-aside list and the cursor of the next (null: none), in arrival order (SY63). */
export interface SetAsidePage<T> {
  readonly records: T[];
  readonly next: number | null;
}

type KeptRow = {
  readonly list_seq: unknown;
  readonly device_id: string;
  readonly fair_id: string;
  readonly received_at: unknown;
  readonly item_head: string;
  readonly item_sha256: string;
  readonly item_bytes: number;
};

const keptOf = (r: KeptRow): KeptItem => ({
  head: r.item_head, sha256: r.item_sha256, bytes: r.item_bytes, truncated: Buffer.byteLength(r.item_head, 'utf8') < r.item_bytes,
});

/** One more row than asked tells whether a next page exists. */
function pageOf<R extends KeptRow, T>(rows: readonly R[], limit: number, record: (r: R) => T): SetAsidePage<T> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return { records: shown.map(record), next: rows.length > limit && last !== undefined ? num(last.list_seq) : null };
}

export async function listConflicts(db: SqlRunner, fairId: string, cursor: number, limit: number): Promise<SetAsidePage<ConflictList['conflicts'][number]>> {
  const rows = await db.query<KeptRow & { item_id: string }>(
    `select list_seq, item_id, device_id, fair_id, received_at, item_head, item_sha256, item_bytes
     from conflicts where fair_id = $1 and list_seq > $2::bigint order by list_seq limit $3::int + 1`,
    [fairId, cursor, limit],
  );
  return pageOf(rows, limit, (r) => ({
    itemId: r.item_id, deviceId: r.device_id, fairId: r.fair_id, receivedAt: new Date(r.received_at as string).toISOString(), item: keptOf(r),
  }) as ConflictList['conflicts'][number]);
}

export async function listRejected(db: SqlRunner, fairId: string, cursor: number, limit: number): Promise<SetAsidePage<RejectedList['rejected'][number]>> {
  const rows = await db.query<KeptRow & { id: string; code: string }>(
    `select list_seq, id, device_id, fair_id, code, received_at, item_head, item_sha256, item_bytes
     from rejected_items where fair_id = $1 and list_seq > $2::bigint order by list_seq limit $3::int + 1`,
    [fairId, cursor, limit],
  );
  return pageOf(rows, limit, (r) => ({
    itemId: r.id, deviceId: r.device_id, fairId: r.fair_id, code: r.code, receivedAt: new Date(r.received_at as string).toISOString(), item: keptOf(r),
  }) as RejectedList['rejected'][number]);
}
