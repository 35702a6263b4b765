import { randomUUID } from 'node:crypto';
import type { SyncItem } from '../../domain/sync-item';
import type { ConflictList, ItemResult, PulledItem, PushWarning, RejectedList } from '../../domain/wire/protocol';
import { checkPayload } from '../../domain/wire/payload-parsers';
import { CLOCK_DRIFT_WARNING_MS, hlcDriftMs } from '../../domain/hlc';
import { contentHash } from './content-hash';
import { chainNewItems } from './event-chain';
import { num, type SqlClient, type SqlRunner } from './sql';

/**
 * Push and pull (issue 7 part 2).
 *
 * Server sequence = commit order. Pull pages by `server_seq`, so a cursor must never pass a row
 * that commits later with a smaller number. Each push takes its numbers from the single-row
 * `server_seq_counter` with `update … returning` inside its transaction, as its last step
 * before the inserts; the row lock is held until commit, so the next pusher gets its numbers
 * only after this one has committed (PostgreSQL marks a transaction committed before it
 * releases its locks). Numbers are therefore handed out in commit order and a reader's cursor
 * can never skip anything. We chose this over `pg_current_xact_id()`/`xmin` with a snapshot
 * horizon because it is a dozen lines, behaves identically on PGlite and PostgreSQL, and keeps
 * cursors dense; the price — pushers serialise for the few milliseconds between numbering and
 * commit — is far inside budget P4. The device's row is locked first (`for update`) and the
 * counter second, in every transaction, so two pushers can never deadlock.
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
}

interface Known {
  readonly hash: string;
  /** Stored item: its server sequence (or its index among this batch's new rows). */
  readonly serverSeq?: number;
  readonly batchIndex?: number;
  /** Stored as rejected: its code. */
  readonly rejectCode?: string;
}

type Draft =
  | { status: 'applied'; id: string; batchIndex: number }
  | { status: 'duplicate'; id: string; serverSeq?: number; batchIndex?: number }
  | Exclude<ItemResult, { status: 'applied' | 'duplicate' }>;

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

export async function push(
  db: SqlClient,
  ctx: DeviceContext,
  items: readonly SyncItem[],
  nowMs: number,
  lacks: LacksBlobs = (shas) => lacksInDatabase(db, shas),
): Promise<PushOutcome | { kind: 'device-revoked' }> {
  // Work that needs no lock happens before the transaction.
  const hashes = items.map((i) => contentHash(i));
  const order = items.map((_, i) => i).sort((a, b) => (items[a]?.seq ?? 0) - (items[b]?.seq ?? 0) || a - b);
  const warnings: PushWarning[] = [];
  for (const item of items) {
    const driftMs = Math.round(hlcDriftMs(item.hlc, nowMs));
    if (Math.abs(driftMs) > CLOCK_DRIFT_WARNING_MS) warnings.push({ code: 'CLOCK_SKEW', id: item.id, driftMs } as PushWarning);
  }

  const outcome = await db.transaction(async (tx) => {
    // Locks the device's acknowledgement row: one push per device at a time, on every instance.
    const [device] = await tx.query<{ acked_seq: unknown; revoked_at: unknown }>(
      `select a.acked_seq, d.revoked_at from devices d join device_acks a on a.device_id = d.id
       where d.id = $1 and d.fair_id = $2 for update of a`,
      [ctx.deviceId, ctx.fairId],
    );
    if (device === undefined || device.revoked_at !== null) return { kind: 'device-revoked' as const };
    const startAck = num(device.acked_seq);

    const ids = JSON.stringify(items.map((i) => i.id));
    const known = new Map<string, Known>();
    if (items.length > 0) {
      const rows = await tx.query<{ id: string; content_hash: string; server_seq: unknown; code: string | null }>(
        `select id, content_hash, server_seq, null as code from items where id in (select jsonb_array_elements_text($1::text::jsonb))
         union all
         select id, content_hash, null, code from rejected_items where id in (select jsonb_array_elements_text($1::text::jsonb))`,
        [ids],
      );
      for (const r of rows) {
        known.set(r.id, r.code === null ? { hash: r.content_hash, serverSeq: num(r.server_seq) } : { hash: r.content_hash, rejectCode: r.code });
      }
    }

    const drafts: Draft[] = new Array<Draft>(items.length);
    const fresh: { item: SyncItem; hash: string }[] = [];
    const rejected: { item: SyncItem; hash: string; code: string }[] = [];
    const conflicts: { item: SyncItem; hash: string }[] = [];
    let expected = startAck + 1;
    let gap = false;
    for (const index of order) {
      const item = items[index] as SyncItem;
      const hash = hashes[index] as string;
      if (gap) {
        drafts[index] = { status: 'skipped', id: item.id };
        continue;
      }
      if (item.seq > expected) {
        // A sequence gap: nothing at or past it applies; the answer names the expected number.
        gap = true;
        drafts[index] = { status: 'skipped', id: item.id };
        continue;
      }
      const seen = known.get(item.id);
      if (seen !== undefined) {
        if (seen.hash === hash) {
          drafts[index] =
            seen.rejectCode !== undefined
              ? ({ status: 'rejected', id: item.id, code: seen.rejectCode } as Draft)
              : { status: 'duplicate', id: item.id, serverSeq: seen.serverSeq, batchIndex: seen.batchIndex };
        } else {
          // Same id, other content: kept aside, never overwriting; acknowledged if it is the next seq.
          conflicts.push({ item, hash });
          drafts[index] = { status: 'conflict', id: item.id };
          if (item.seq === expected) expected++;
        }
        continue;
      }
      if (item.seq < expected) {
        // A new id with a sequence this device already used: it can never apply.
        rejected.push({ item, hash, code: 'SEQ_REUSED' });
        known.set(item.id, { hash, rejectCode: 'SEQ_REUSED' });
        drafts[index] = { status: 'rejected', id: item.id, code: 'SEQ_REUSED' };
        continue;
      }
      expected++;
      const problem = item.fairId !== ctx.fairId ? { code: 'WRONG_FAIR' as const } : checkPayload(item);
      if (problem !== undefined) {
        rejected.push({ item, hash, code: problem.code });
        known.set(item.id, { hash, rejectCode: problem.code });
        drafts[index] =
          problem.issues === undefined
            ? { status: 'rejected', id: item.id, code: problem.code }
            : { status: 'rejected', id: item.id, code: problem.code, issues: [...problem.issues] };
        continue;
      }
      known.set(item.id, { hash, batchIndex: fresh.length });
      drafts[index] = { status: 'applied', id: item.id, batchIndex: fresh.length };
      fresh.push({ item, hash });
    }

    let base = 0;
    if (fresh.length > 0) {
      // The device's hash chain (event-chain.ts): read under the device's lock, so no other push extends it
      // meanwhile; before the counter, whose lock serialises every pusher until commit.
      const chain = await chainNewItems(tx, ctx.deviceId, fresh);
      const [counter] = await tx.query<{ last: unknown }>('update server_seq_counter set last = last + $1 where id = 1 returning last', [fresh.length]);
      base = num(counter?.last) - fresh.length;
      await tx.query(
        `insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash, chain_hash)
         select id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash, chain_hash
         from jsonb_to_recordset($1::text::jsonb) as x(id text, server_seq bigint, fair_id text, device_id text, seq bigint, hlc text,
           at text, kind text, entity_id text, payload jsonb, content_hash text, chain_hash text)`,
        [
          JSON.stringify(
            fresh.map(({ item, hash }, i) => ({
              id: item.id, server_seq: base + i + 1, fair_id: item.fairId, device_id: item.deviceId, seq: item.seq, hlc: item.hlc,
              at: item.at, kind: item.kind, entity_id: item.entityId, payload: item.payload ?? null, content_hash: hash, chain_hash: chain[i],
            })),
          ),
        ],
      );
    }
    if (rejected.length > 0) {
      await tx.query(
        `insert into rejected_items (id, fair_id, device_id, seq, code, content_hash, item)
         select id, fair_id, device_id, seq, code, content_hash, item from jsonb_to_recordset($1::text::jsonb)
           as x(id text, fair_id text, device_id text, seq bigint, code text, content_hash text, item jsonb)
         on conflict (id) do nothing`,
        [JSON.stringify(rejected.map(({ item, hash, code }) => ({ id: item.id, fair_id: item.fairId, device_id: item.deviceId, seq: item.seq, code, content_hash: hash, item })))],
      );
    }
    if (conflicts.length > 0) {
      await tx.query(
        `insert into conflicts (item_id, content_hash, fair_id, device_id, item)
         select item_id, content_hash, fair_id, device_id, item from jsonb_to_recordset($1::text::jsonb)
           as x(item_id text, content_hash text, fair_id text, device_id text, item jsonb)
         on conflict do nothing`,
        [JSON.stringify(conflicts.map(({ item, hash }) => ({ item_id: item.id, content_hash: hash, fair_id: ctx.fairId, device_id: ctx.deviceId, item })))],
      );
    }
    const ackedSeq = expected - 1;
    if (ackedSeq !== startAck) {
      await tx.query('update device_acks set acked_seq = $1 where device_id = $2', [ackedSeq, ctx.deviceId]);
    }
    const epoch = await getEpoch(tx);
    const results = drafts.map((d): ItemResult => {
      if (d.status === 'applied') return { status: 'applied', id: d.id, serverSeq: base + d.batchIndex + 1 } as ItemResult;
      if (d.status === 'duplicate') return { status: 'duplicate', id: d.id, serverSeq: d.serverSeq ?? base + (d.batchIndex ?? 0) + 1 } as ItemResult;
      return d;
    });
    return { kind: 'pushed' as const, epoch, results, ackedSeq, gap };
  });
  if (outcome.kind !== 'pushed') return outcome;
  return { ...outcome, missingBlobs: await missingBlobs(items, lacks), warnings };
}

/** Evidence files named by `evidence_meta` items that the server does not hold yet. */
async function missingBlobs(items: readonly SyncItem[], lacks: LacksBlobs): Promise<string[]> {
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

export async function pull(db: SqlClient, fairId: string, after: number, limit: number): Promise<PullResult> {
  const rows = await db.query<Record<string, unknown>>(
    `select server_seq, id, fair_id, device_id, seq, hlc, at, kind, entity_id, payload
     from items where fair_id = $1 and server_seq > $2 order by server_seq limit $3`,
    [fairId, after, limit + 1],
  );
  const page = rows.slice(0, limit).map(
    (r): PulledItem =>
      ({
        serverSeq: num(r.server_seq),
        item: {
          id: r.id, fairId: r.fair_id, deviceId: r.device_id, seq: num(r.seq), hlc: r.hlc, at: r.at, kind: r.kind, entityId: r.entity_id,
          payload: r.payload,
        },
      }) as PulledItem,
  );
  const last = page[page.length - 1];
  return { epoch: await getEpoch(db), items: page, cursor: last === undefined ? after : last.serverSeq, hasMore: rows.length > limit };
}

export async function listConflicts(db: SqlRunner, fairId: string): Promise<ConflictList['conflicts']> {
  const rows = await db.query<{ item_id: string; device_id: string; fair_id: string; received_at: unknown; item: unknown }>(
    'select item_id, device_id, fair_id, received_at, item from conflicts where fair_id = $1 order by received_at, item_id',
    [fairId],
  );
  return rows.map((r) => ({
    itemId: r.item_id, deviceId: r.device_id, fairId: r.fair_id, receivedAt: new Date(r.received_at as string).toISOString(), item: r.item,
  })) as ConflictList['conflicts'];
}

export async function listRejected(db: SqlRunner, fairId: string): Promise<RejectedList['rejected']> {
  const rows = await db.query<{ id: string; device_id: string; fair_id: string; code: string; received_at: unknown; item: unknown }>(
    'select id, device_id, fair_id, code, received_at, item from rejected_items where fair_id = $1 order by received_at, id',
    [fairId],
  );
  return rows.map((r) => ({
    itemId: r.id, deviceId: r.device_id, fairId: r.fair_id, code: r.code, receivedAt: new Date(r.received_at as string).toISOString(), item: r.item,
  })) as RejectedList['rejected'];
}
