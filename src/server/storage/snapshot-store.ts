import { num, type SqlRunner } from './sql';

/**
 * A page of a fair's snapshot (SY84–SY86, src/sync/SPEC.md), built as JSON text by the database
 * in ONE statement, so the epoch, the sequence `at` and the records are read in one snapshot of
 * the database. Items are numbered in commit order (sync-store.ts): every item up to `at` has
 * committed and never changes, so later pages read at the same `at` agree with the first.
 *
 * Fairs and exhibitors are whole versions of which the tablet keeps the winner (SY20, SY21:
 * greatest clock, then item id, in code-unit order, hence `collate "C"`): only the winner is
 * served. Every other kind is served whole, each item as the pull serves it.
 */
const SNAPSHOT_SQL = `
  with head as (
    select coalesce($2::bigint, (select last from server_seq_counter where id = 1)) as at
  ), kept as (
    select server_seq, id, fair_id, device_id, seq, hlc, at, kind, entity_id, payload,
      case kind when 'fair' then 0 when 'case_event' then 1 when 'exhibitor' then 2 else 3 end as rank,
      case when kind in ('fair', 'exhibitor')
        then row_number() over (partition by kind, entity_id order by hlc collate "C" desc, id collate "C" desc)
        else 1 end as version
    from items where fair_id = $1 and server_seq <= (select at from head)
  ), snap as (
    select * from kept where version = 1
  ), page as (
    select * from snap where (rank, server_seq) > ($3::int, $4::bigint) order by rank, server_seq limit $5::int + 1
  ), shown as (
    select * from page order by rank, server_seq limit $5::int
  )
  select (select value from server_meta where key = 'epoch') as epoch,
    (select at from head) as at,
    case when $2::bigint is null then (select count(*) from snap)::int end as total,
    (select count(*) from page)::int as fetched,
    (select rank || '-' || server_seq from shown order by rank desc, server_seq desc limit 1) as last,
    (select coalesce(json_agg(json_build_object(
       'id', id, 'fairId', fair_id, 'deviceId', device_id, 'seq', seq, 'hlc', hlc, 'at', at, 'kind', kind, 'entityId', entity_id,
       'payload', payload) order by rank, server_seq), '[]')::text from shown) as items`;

export interface SnapshotJson {
  readonly epoch: string;
  readonly at: number;
  readonly total: number | undefined;
  /** A JSON array of `SyncItem`. */
  readonly itemsJson: string;
  readonly next: string | null;
}

/** `at` undefined: a new snapshot, read at the server's current sequence. `after`: `<rank>-<seq>`. */
export async function snapshotJson(db: SqlRunner, fairId: string, at: number | undefined, after: string, limit: number): Promise<SnapshotJson> {
  const [rank, seq] = after.split('-').map(Number);
  const [row] = await db.query<{ epoch: string | null; at: unknown; total: number | null; fetched: number; last: string | null; items: string }>(SNAPSHOT_SQL, [
    fairId, at ?? null, rank ?? 0, seq ?? 0, limit,
  ]);
  if (row === undefined || row.epoch === null) throw new Error('database not migrated');
  return {
    epoch: row.epoch,
    at: num(row.at),
    total: row.total === null ? undefined : num(row.total),
    itemsJson: row.items,
    next: row.fetched > limit && row.last !== null ? row.last : null,
  };
}
