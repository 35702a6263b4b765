import type { SqlRunner } from './sql';

/**
 * A fixed-window counter per key, in the database so that every instance counts the same hits
 * (no state in memory, issue 7 part 8). One statement: concurrent hits never lose a count.
 * Returns the hits in the current window, this one included.
 */
export async function hit(db: SqlRunner, key: string, windowSeconds: number): Promise<number> {
  const [row] = await db.query<{ hits: number }>(
    `insert into rate_limits (key, window_start, hits) values ($1, now(), 1)
     on conflict (key) do update set
       hits = case when rate_limits.window_start <= now() - make_interval(secs => $2::int) then 1 else rate_limits.hits + 1 end,
       window_start = case when rate_limits.window_start <= now() - make_interval(secs => $2::int) then now() else rate_limits.window_start end
     returning hits`,
    [key, windowSeconds],
  );
  return row?.hits ?? 1;
}
