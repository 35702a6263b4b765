import { randomUUID } from 'node:crypto';
import { PRUNE_PER_HIT } from './rate-limit-store';
import type { SqlRunner } from './sql';

/**
 * Failed logins per account name and client address (SY61). A pair may try a few times freely;
 * from then on each try sets how long the pair waits before the next: 1 s, 2 s, 4 s… up to a
 * cap. Another address is another pair, so an attacker elsewhere never locks the owner out; a
 * success clears the pair. A pair quiet for `forgetAfterSeconds` starts again from nothing, and
 * its row is deleted a few at a time by later logins (SY62).
 */
export interface LockoutPolicy {
  /** Tries before the first delay. */
  readonly freeTries: number;
  readonly maxDelaySeconds: number;
  readonly forgetAfterSeconds: number;
}

export type Admission = { readonly admitted: true } | { readonly admitted: false; readonly retryAfterSeconds: number };

/**
 * Every try is counted as a failure when it is let through, in one statement under the pair's
 * row lock: concurrent guesses cannot all pass before the first failure is written. `last_try`
 * is set only by a try let through, so the statement tells which it was.
 */
const ADMIT_SQL = `
  with pruned as (
    delete from login_failures where (name, address) in (
      select name, address from login_failures
      where last_at < now() - make_interval(secs => $6::int) and not (name = $1 and address = $2)
      order by last_at limit ${PRUNE_PER_HIT} for update skip locked)
    returning 1
  )
  insert into login_failures as f (name, address, tries, next_at, last_at, last_try)
  values ($1, $2, 1, now() + make_interval(secs => case when 1 < $4::int then 0 else 1 end), now(), $3)
  on conflict (name, address) do update set
    tries = case when f.next_at > now() then f.tries when f.last_at < now() - make_interval(secs => $6::int) then 1 else f.tries + 1 end,
    next_at = case
      when f.next_at > now() then f.next_at
      else now() + make_interval(secs => (select case when n < $4::int then 0 else least($5::int, power(2, least(n - $4::int, 30))) end
        from (select case when f.last_at < now() - make_interval(secs => $6::int) then 1 else f.tries + 1 end as n) t))
    end,
    last_at = case when f.next_at > now() then f.last_at else now() end,
    last_try = case when f.next_at > now() then f.last_try else $3 end
  returning last_try = $3 as admitted, greatest(1, ceil(extract(epoch from next_at - now())))::int as wait`;

export async function admitLogin(db: SqlRunner, name: string, address: string, policy: LockoutPolicy): Promise<Admission> {
  const [row] = await db.query<{ admitted: boolean; wait: number }>(ADMIT_SQL, [
    name, address, randomUUID(), policy.freeTries, policy.maxDelaySeconds, policy.forgetAfterSeconds,
  ]);
  if (row === undefined || row.admitted) return { admitted: true };
  return { admitted: false, retryAfterSeconds: row.wait };
}

/** The right password: the pair starts again from nothing. */
export async function clearLoginFailures(db: SqlRunner, name: string, address: string): Promise<void> {
  await db.query('delete from login_failures where name = $1 and address = $2', [name, address]);
}
