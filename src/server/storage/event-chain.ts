import type { SyncItem } from '../../domain/sync-item';
import { contentHash, sha256Hex } from './content-hash';
import { num, type SqlClient, type SqlRunner } from './sql';

/**
 * The server's event log is append-only and hash-chained per device (SY8).
 *
 * Every stored item carries `chain_hash = SHA-256(prev_chain_hash ‖ content_hash)`, where
 * `content_hash` is the SHA-256 of the item's canonical JSON (content-hash.ts, the same hash that
 * tells a duplicate from a conflict) and `prev_chain_hash` is the chain hash of the same device's
 * item with the next-lower sequence (64 zeros for its first). Hashing the item's digest rather
 * than its bytes a second time costs one short SHA-256 per item on the push path (budget P4), and
 * loses nothing: the check below recomputes the digest from the stored columns, so a change to
 * any field of any row breaks its link.
 *
 * The chain follows the device's own gap-free sequence, which the push applies in order. The push
 * reads the chain head in the same snapshot as the device's acknowledged sequence, and its write
 * lands only if that acknowledgement is still the one it read (a compare-and-set on the device's
 * row, sync-store.ts): every write of a device's items moves its acknowledgement, so a head that
 * went stale meanwhile can never be chained onto. No global lock, no race between instances.
 * Sequences that went to rejected or conflicting items are simply not in the chain.
 *
 * A trigger (migration 0004) refuses UPDATE, DELETE and TRUNCATE on `items`; a maintenance step
 * that truly must rewrite rows lifts it explicitly with `rewriteItems`.
 */
export const CHAIN_GENESIS = '0'.repeat(64);

/** One link: hex SHA-256 of the previous chain hash and the item's content hash (both hex, ASCII). */
export const chainLink = (prev: string, itemContentHash: string): string => sha256Hex(prev + itemContentHash);

/**
 * The chain hash of the device's latest stored item, or null before its first (then the chain
 * starts from the genesis value). The push reads it inside its one read statement (push-sql.ts).
 */
export const CHAIN_HEAD_SQL = 'select chain_hash from items where device_id = $1 order by seq desc limit 1';

/**
 * The chain hashes of a device's new items, given in ascending sequence after everything the
 * device has stored, whose latest chain hash is `head` (null: none yet). The push route and the
 * bundle import both refuse items of another device before they reach the ingest; one here would
 * fork another device's chain, so it is a bug.
 */
export function chainLinks(head: string | null, deviceId: string, fresh: readonly { item: SyncItem; hash: string }[]): string[] {
  if (fresh.some(({ item }) => item.deviceId !== deviceId)) throw new Error('push ingest: an item of another device reached the chain');
  let prev = head ?? CHAIN_GENESIS;
  return fresh.map(({ hash }) => (prev = chainLink(prev, hash)));
}

export interface BrokenLink {
  readonly deviceId: string;
  readonly seq: number;
  readonly itemId: string;
  /** `content`: the row's fields no longer hash to its content hash; `link`: the chain hash does not follow from the previous row. */
  readonly reason: 'content' | 'link';
  /** The chain hash the stored previous row and this row's fields give. */
  readonly expected: string;
  /** The chain hash stored in this row (null when it was never set). */
  readonly found: string | null;
}

export interface ChainReport {
  readonly devices: number;
  readonly items: number;
  readonly broken: readonly BrokenLink[];
}

const PAGE = 2000;

/**
 * Walks every device's chain in sequence order, recomputing each item's content hash from its
 * stored columns, and reports each broken link. Each row is checked against the stored hash of
 * the row before it, so one tampered row is reported once (twice when its own chain hash was
 * rewritten: the link into it and the link out of it are both broken).
 */
export async function checkChain(db: SqlRunner, pageSize = PAGE): Promise<ChainReport> {
  const broken: BrokenLink[] = [];
  let devices = 0;
  let items = 0;
  let after: { deviceId: string; seq: number } | undefined;
  let prevDevice: string | undefined;
  let prev = CHAIN_GENESIS;
  for (;;) {
    // Keyset pages over the (device_id, seq) unique index: constant memory however long the log.
    const rows = await db.query<Record<string, unknown>>(
      `select id, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash, chain_hash from items
       ${after === undefined ? '' : 'where (device_id, seq) > ($2, $3)'} order by device_id, seq limit $1`,
      after === undefined ? [pageSize] : [pageSize, after.deviceId, after.seq],
    );
    for (const r of rows) {
      const deviceId = r.device_id as string;
      const seq = num(r.seq);
      if (deviceId !== prevDevice) {
        devices++;
        prevDevice = deviceId;
        prev = CHAIN_GENESIS;
      }
      items++;
      const item = {
        id: r.id, fairId: r.fair_id, deviceId, seq, hlc: r.hlc, at: r.at, kind: r.kind, entityId: r.entity_id, payload: r.payload,
      };
      const recomputed = contentHash(item);
      const expected = chainLink(prev, recomputed);
      const found = (r.chain_hash as string | null) ?? null;
      if (recomputed !== r.content_hash) broken.push({ deviceId, seq, itemId: r.id as string, reason: 'content', expected, found });
      else if (expected !== found) broken.push({ deviceId, seq, itemId: r.id as string, reason: 'link', expected, found });
      prev = found ?? expected;
    }
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || last === undefined) break;
    after = { deviceId: last.device_id as string, seq: num(last.seq) };
  }
  return { devices, items, broken };
}

/**
 * Runs `fn` in one transaction with the append-only trigger lifted (table owner only), for
 * maintenance that must rewrite the log — and for tests that simulate a restore from an earlier
 * backup by deleting rows. Re-enabled before commit; a throw rolls everything back, trigger included.
 */
export async function rewriteItems<T>(db: SqlClient, fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('alter table items disable trigger items_append_only');
    const out = await fn(tx);
    await tx.query('alter table items enable trigger items_append_only');
    return out;
  });
}
