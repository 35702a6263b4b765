import { num, type SqlClient } from '../storage/sql';
import type { LiveCounts } from './annual-sql';

/**
 * AR15: the live counts of a fair never closed, kept with the newest server sequence among the
 * fair's items when they were counted (`annual_live_figures`, migrations.ts 0018). An item is
 * stored once and never overwritten (SY1), in the commit order of its server sequence (SY6), and
 * the report projection is a fold of the fair's case events, so while no item of the fair arrived
 * since, its counts are what counting again would give: the roll-up counts again only the fairs
 * that moved. A migration that folds the projection anew empties the table with it.
 *
 * The sequence is read before the projection is caught up and the counts taken, so counts
 * stored under it cover at least that sequence; an item landing in between leaves the row
 * under an older sequence than the fair's, and the next roll-up counts that fair again.
 */
type CacheRow = { fair_id: string; items_seq: unknown; counts: string };

const arrayParam = (ids: readonly string[]): string => `{${ids.map((id) => `"${id}"`).join(',')}}`;

export async function cachedLiveCounts(
  db: SqlClient,
  fairIds: readonly string[],
  catchUp: (stale: readonly string[]) => Promise<void>,
  count: (stale: readonly string[]) => Promise<Map<string, LiveCounts>>,
): Promise<Map<string, LiveCounts>> {
  const out = new Map<string, LiveCounts>();
  if (fairIds.length === 0) return out;
  const ids = arrayParam(fairIds);
  // One probe of the pull index (fair, sequence) per fair.
  const marks = await db.query<{ id: string; seq: unknown }>(
    `select f.id, coalesce((select max(i.server_seq) from items i where i.fair_id = f.id), 0) as seq from unnest($1::text[]) f(id)`,
    [ids],
  );
  const cached = new Map(
    (await db.query<CacheRow>(`select fair_id, items_seq, counts::text as counts from annual_live_figures where fair_id = any($1::text[])`, [ids])).map((r) => [r.fair_id, r]),
  );
  const stale: { id: string; seq: number }[] = [];
  for (const m of marks) {
    const seq = num(m.seq);
    const row = cached.get(m.id);
    if (row !== undefined && num(row.items_seq) === seq) out.set(m.id, JSON.parse(row.counts) as LiveCounts);
    else stale.push({ id: m.id, seq });
  }
  if (stale.length === 0) return out;
  const staleIds = stale.map((s) => s.id);
  await catchUp(staleIds);
  const fresh = await count(staleIds);
  const rows = stale.flatMap((s) => {
    const counts = fresh.get(s.id);
    return counts === undefined ? [] : [{ fair_id: s.id, items_seq: s.seq, counts }];
  });
  for (const r of rows) out.set(r.fair_id, r.counts);
  await db.query(
    `insert into annual_live_figures (fair_id, items_seq, counts)
     select r.fair_id, r.items_seq, r.counts from jsonb_to_recordset($1::text::jsonb) as r(fair_id text, items_seq bigint, counts jsonb)
     on conflict (fair_id) do update set items_seq = excluded.items_seq, counts = excluded.counts`,
    [JSON.stringify(rows)],
  );
  return out;
}
