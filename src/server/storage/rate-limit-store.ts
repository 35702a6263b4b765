import type { SqlRunner } from './sql';

/** Expired rows deleted by each hit: more than a hit can add, so the table never only grows (SY62). */
export const PRUNE_PER_HIT = 20;

/**
 * A fixed-window counter per key, in the database so that every instance counts the same hits
 * (no state in memory). One statement: concurrent hits never lose a count. The same statement
 * deletes a few expired windows of other keys, skipping rows another instance holds, so the
 * work per hit is bounded and several instances on one PostgreSQL never wait on each other (SY62).
 * Returns the hits in the current window, this one included.
 */
export async function hit(db: SqlRunner, key: string, windowSeconds: number): Promise<number> {
  const [row] = await db.query<{ hits: number }>(
    `with pruned as (
       delete from rate_limits where key in (
         select key from rate_limits where expires_at <= now() and key <> $1 order by expires_at limit ${PRUNE_PER_HIT} for update skip locked)
       returning 1
     )
     insert into rate_limits as r (key, window_start, hits, expires_at) values ($1, now(), 1, now() + make_interval(secs => $2::int))
     on conflict (key) do update set
       hits = case when r.expires_at <= now() then 1 else r.hits + 1 end,
       window_start = case when r.expires_at <= now() then now() else r.window_start end,
       expires_at = case when r.expires_at <= now() then now() + make_interval(secs => $2::int) else r.expires_at end
     returning hits`,
    [key, windowSeconds],
  );
  return row?.hits ?? 1;
}
