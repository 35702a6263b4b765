import type { Figures } from '../../domain/report/figures';
import { num, type SqlClient } from '../storage/sql';
import { serverSummary, type ServerSummary } from './summary-service';

/**
 * CO46: the console's summary computed once per state of the log. Every figure comes from the
 * items of the fair and of its previous session (the projection is brought up to them first) and
 * from the typed previous values; the log is append-only and numbered in commit order (SY8,
 * sync-store.ts), so the newest server sequence of each of the two fairs names what the figures
 * were computed from. A page reloaded, or refreshed every half minute, while nothing arrived
 * gets the figures already made; the first item that arrives makes the next request compute
 * afresh. The version is read before the computation, so a result is never kept under a state
 * older than the one it saw. One computation is shared by the requests that ask for the same
 * state at once; a failed one is not kept.
 */
const KEPT_FAIRS = 8;

const caches = new WeakMap<SqlClient, Map<string, { readonly version: string; readonly result: Promise<ServerSummary | undefined> }>>();

const VERSION_SQL = `select (select max(server_seq) from items where fair_id = $1) as fair_seq,
  (select max(server_seq) from items where fair_id = $2) as previous_seq`;

export async function cachedServerSummary(
  db: SqlClient, fairId: string, previousFairId: string | undefined, typed: Partial<Figures>,
): Promise<ServerSummary | undefined> {
  const [row] = await db.query<{ fair_seq: unknown; previous_seq: unknown }>(VERSION_SQL, [fairId, previousFairId ?? '']);
  const seqOf = (v: unknown): string => (v === null || v === undefined ? '-' : String(num(v)));
  const version = `${seqOf(row?.fair_seq)}/${previousFairId ?? ''}:${seqOf(row?.previous_seq)}/${JSON.stringify(Object.entries(typed).sort())}`;
  let cache = caches.get(db);
  if (cache === undefined) caches.set(db, (cache = new Map()));
  const kept = cache.get(fairId);
  if (kept !== undefined && kept.version === version) {
    cache.delete(fairId);
    cache.set(fairId, kept);
    return kept.result;
  }
  const result = serverSummary(db, fairId, typed, previousFairId);
  cache.delete(fairId);
  cache.set(fairId, { version, result });
  // The fairs asked for least recently go first.
  for (const oldest of cache.keys()) {
    if (cache.size <= KEPT_FAIRS) break;
    cache.delete(oldest);
  }
  result.catch(() => {
    if (cache.get(fairId)?.result === result) cache.delete(fairId);
  });
  return result;
}
