import type { Instant } from '../../domain/time';
import { ATTEST_KEY, attester } from './attestation';
import { CHAIN_HEAD_SQL } from './event-chain';
import { keptColumns } from './kept-item';
import type { Hashed, Known, PushPlan } from './push-plan';
import { num, type SqlRunner, type SqlValue } from './sql';

/**
 * The push's two statements, so that many tablets pushing at once do not queue on one lock.
 *
 * The push used to run in one transaction of ten round trips whose server-sequence counter lock
 * (taken before the inserts) was held across four of them; under load every pusher of every
 * instance queued on it. Now a push is one read and one write, both single statements, and the counter's lock
 * lives only inside the write's own execution and commit, never across a round trip:
 *
 * 1. READ, one snapshot: the device's acknowledged sequence and revocation, the epoch, the
 *    device's chain head, and what the log already holds for the batch's ids.
 * 2. The plan is made in memory (push-plan.ts) and the chain hashes computed (event-chain.ts).
 * 3. WRITE, one autocommit statement: a compare-and-set of the device's acknowledgement from the
 *    value read to the new one; only if it matched, the counter hands out the numbers, the new
 *    rows go in, and the rejected and conflicting items are kept. A concurrent push of the same
 *    device (a retry racing its original) makes the compare-and-set miss: nothing is written and
 *    the push starts again from a fresh read (sync-store.ts).
 *
 * A tablet's own push also records it as seen (`seenAt`; CO11, the same upsert as console-store.ts
 * `markSeen`, which the route then leaves out): one statement and one commit for the push and its
 * bookkeeping. Items written for another tablet (relayed, or by the console) pass none.
 *
 * The guarantees of sync-store.ts hold as before: numbers are taken last, under the counter's
 * row lock, which PostgreSQL releases only after the commit, so server sequences are handed out
 * in commit order; the device's row is locked before the counter (the counter's condition reads
 * the compare-and-set's result), so two pushers never deadlock; the statement is atomic, so a
 * push cut off anywhere leaves nothing behind.
 */
export interface PushState {
  readonly startAck: number;
  /** The device's latest chain hash (null: no item yet). */
  readonly head: string | null;
  readonly epoch: string;
  readonly known: ReadonlyMap<string, Known>;
  /** The key of the items' attestations (SY35). */
  readonly attestKey: string;
}

const READ_SQL = `
  select a.acked_seq, d.revoked_at is not null as revoked,
    (select value from server_meta where key = 'epoch') as epoch,
    (select value from server_meta where key = '${ATTEST_KEY}') as attest_key,
    (${CHAIN_HEAD_SQL}) as head,
    (select coalesce(json_agg(k), '[]'::json)::text from (
       select id, content_hash as h, server_seq as s, null::text as c from items where id in (select jsonb_array_elements_text($3::text::jsonb))
       union all
       select id, content_hash, null, code from rejected_items where id in (select jsonb_array_elements_text($3::text::jsonb))
     ) k) as known
  from devices d join device_acks a on a.device_id = d.id
  where d.id = $1 and d.fair_id = $2`;

/** The device's push state in one snapshot; undefined when it is not enrolled in the fair or revoked. */
export async function readPushState(db: SqlRunner, deviceId: string, fairId: string, ids: readonly string[]): Promise<PushState | undefined> {
  const [row] = await db.query<{ acked_seq: unknown; revoked: boolean; epoch: string | null; attest_key: string | null; head: string | null; known: string }>(READ_SQL, [
    deviceId, fairId, JSON.stringify(ids),
  ]);
  if (row === undefined || row.revoked) return undefined;
  if (row.epoch === null || row.attest_key === null) throw new Error('database not migrated');
  const known = new Map<string, Known>();
  for (const r of JSON.parse(row.known) as { id: string; h: string; s: number | null; c: string | null }[]) {
    known.set(r.id, r.c === null ? { hash: r.h, serverSeq: num(r.s) } : { hash: r.h, rejectCode: r.c });
  }
  return { startAck: num(row.acked_seq), head: row.head, epoch: row.epoch, known, attestKey: row.attest_key };
}

/**
 * The new rows travel as one parameter per column: a PostgreSQL array literal of the column's
 * values (`unnest`), and the payloads as one JSON array (`jsonb_array_elements`), zipped row by
 * row by `rows from`. The statement is one short text of a fixed, small set of parameters: it is
 * parsed and planned like any small statement (PGlite plans every statement it runs), where a
 * VALUES list of a dozen parameters a row made the server process write and the database read
 * thousands of separate parameters for each push, and plan them (budget P4). Each payload is
 * still parsed into jsonb exactly once, as a raw INSERT of its text would.
 */
const WRITE_SQL = `
  with ack as (
    update device_acks set acked_seq = $3::bigint where device_id = $1 and acked_seq = $2::bigint returning device_id
  ), counter as (
    update server_seq_counter set last = last + $4::int where id = 1 and $4::int > 0 and exists (select 1 from ack) returning last
  ), stored as (
    insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash, chain_hash, attestation)
    select x.id, counter.last - $4::int + x.i, x.fair_id, $1, x.seq, x.hlc, x.at, x.kind, x.entity_id, x.payload, x.content_hash, x.chain_hash, x.attestation
    from counter, rows from (
      unnest($9::text::text[]), unnest($10::text::text[]), unnest($11::text::bigint[]), unnest($12::text::text[]), unnest($13::text::text[]),
      unnest($14::text::text[]), unnest($15::text::text[]), jsonb_array_elements($16::text::jsonb), unnest($17::text::text[]),
      unnest($18::text::text[]), unnest($19::text::text[])
    ) with ordinality as x(id, fair_id, seq, hlc, at, kind, entity_id, payload, content_hash, chain_hash, attestation, i)
    returning 1
  ), kept_rejected as (
    insert into rejected_items (id, fair_id, device_id, seq, code, content_hash, item_head, item_sha256, item_bytes)
    select x.id, x.fair_id, x.device_id, x.seq, x.code, x.content_hash, x.item_head, x.item_sha256, x.item_bytes
    from jsonb_to_recordset($5::text::jsonb) as x(id text, fair_id text, device_id text, seq bigint, code text, content_hash text,
      item_head text, item_sha256 text, item_bytes int)
    where exists (select 1 from ack)
    on conflict (id) do nothing
    returning 1
  ), kept_conflicts as (
    insert into conflicts (item_id, content_hash, fair_id, device_id, item_head, item_sha256, item_bytes)
    select x.item_id, x.content_hash, $6, $1, x.item_head, x.item_sha256, x.item_bytes
    from jsonb_to_recordset($7::text::jsonb) as x(item_id text, content_hash text, item_head text, item_sha256 text, item_bytes int)
    where exists (select 1 from ack)
    on conflict do nothing
    returning 1
  ), seen as (
    insert into device_last_seen (device_id, fair_id, last_seen_at)
    select $1, $6, $8::timestamptz where $8::timestamptz is not null and exists (select 1 from ack)
    on conflict (device_id, fair_id) do update set last_seen_at = excluded.last_seen_at
    where device_last_seen.last_seen_at < excluded.last_seen_at - interval '1 minute' or device_last_seen.last_seen_at > excluded.last_seen_at
    returning 1
  )
  select (select count(*) from ack)::int as won, (select last from counter) as last, (select count(*) from stored)::int as stored`;

/** A double quote or a backslash: the two characters an array element in quotes must escape. */
const ARRAY_SPECIAL = /["\\]/g;
const ARRAY_SPECIAL_ANY = /["\\]/;

/**
 * PostgreSQL's array literal of these values, every element in double quotes (so that no value
 * is ever read as NULL or split at a comma). Ids, hashes, stamps and kinds carry no NUL: the wire
 * schema's patterns (protocol.ts) admit none. They carry no quote or backslash either, so the
 * usual column is one join; a value with one is escaped.
 */
export function arrayLiteral(values: readonly (string | number)[]): string {
  if (!ARRAY_SPECIAL_ANY.test(values.join(','))) return values.length === 0 ? '{}' : `{"${values.join('","')}"}`;
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string | number;
    out += `${i === 0 ? '"' : ',"'}${typeof v === 'number' ? String(v) : v.replace(ARRAY_SPECIAL, '\\$&')}"`;
  }
  return `${out}}`;
}

const rowOf = ({ item, hash }: Hashed) => ({ id: item.id, fair_id: item.fairId, device_id: item.deviceId, seq: item.seq, content_hash: hash });

/**
 * Writes the plan if the device's acknowledgement is still `startAck`: the server sequence of
 * the plan's first new row minus one (its numbers are `base + 1…`), or undefined when another push
 * of the device got there first and nothing was written.
 */
export async function writePush(
  db: SqlRunner,
  deviceId: string,
  fairId: string,
  startAck: number,
  plan: PushPlan,
  chain: readonly string[],
  attestKey: string,
  seenAt: Instant | null = null,
): Promise<number | undefined> {
  const n = plan.fresh.length;
  const sign = attester(attestKey);
  const ids: string[] = new Array<string>(n);
  const fairs: string[] = new Array<string>(n);
  const seqs: number[] = new Array<number>(n);
  const hlcs: string[] = new Array<string>(n);
  const ats: string[] = new Array<string>(n);
  const kinds: string[] = new Array<string>(n);
  const entities: string[] = new Array<string>(n);
  const payloads: unknown[] = new Array<unknown>(n);
  const hashes: string[] = new Array<string>(n);
  const attestations: string[] = new Array<string>(n);
  plan.fresh.forEach(({ item, hash }, i) => {
    // The column is NOT NULL; in the JSON array an absent payload would become a JSON null instead.
    if (item.payload === undefined || item.payload === null) throw new Error('push write: an item without a payload reached the write');
    const chainHash = chain[i] as string;
    ids[i] = item.id;
    fairs[i] = item.fairId;
    seqs[i] = item.seq;
    hlcs[i] = item.hlc;
    ats[i] = item.at;
    kinds[i] = item.kind;
    entities[i] = item.entityId;
    payloads[i] = item.payload;
    hashes[i] = hash;
    attestations[i] = sign({ fairId: item.fairId, deviceId, seq: item.seq, id: item.id, contentHash: hash, chainHash });
  });
  const params: SqlValue[] = [
    deviceId,
    startAck,
    plan.ackedSeq,
    n,
    // A set-aside item is kept bounded (SY63): a push's worth of junk never lands whole.
    JSON.stringify(plan.rejected.map((r) => ({ ...rowOf(r), code: r.code, ...keptColumns(r.item, r.hash) }))),
    fairId,
    JSON.stringify(plan.conflicts.map(({ item, hash }) => ({ item_id: item.id, content_hash: hash, ...keptColumns(item, hash) }))),
    seenAt,
    arrayLiteral(ids),
    arrayLiteral(fairs),
    arrayLiteral(seqs),
    arrayLiteral(hlcs),
    arrayLiteral(ats),
    arrayLiteral(kinds),
    arrayLiteral(entities),
    JSON.stringify(payloads),
    arrayLiteral(hashes),
    arrayLiteral(chain.slice(0, n)),
    arrayLiteral(attestations),
  ];
  const [row] = await db.query<{ won: number; last: unknown; stored: number }>(WRITE_SQL, params);
  if (row === undefined || row.won === 0) return undefined;
  if (row.stored !== n) throw new Error(`push write: ${row.stored} of ${n} rows stored`);
  return n === 0 ? 0 : num(row.last) - n;
}
