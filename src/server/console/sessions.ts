import type { AccountRole } from '../../domain/wire/console';
import { hashPassword, hashSecret, newToken, verifyPassword } from '../auth/secrets';
import type { SqlClient, SqlRunner } from '../storage/sql';
import { audit, type Actor } from './audit';

/** CO3: a session ends after this long without a request, and this long after sign-in whatever happens. */
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;

export interface SessionUser {
  readonly userId: string;
  readonly name: string;
  readonly role: AccountRole;
  /** The hash of this session's token (CO1), to end it or keep it. */
  readonly sessionHash: string;
  readonly idleExpiresAt: string;
  readonly absoluteExpiresAt: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * CO1, CO7: a name and password make a session; the database keeps only the token's hash.
 * A disabled account is answered like a wrong password. The audit row (ok or failed) goes in
 * the same transaction as the session (CO16).
 */
export async function signIn(db: SqlClient, name: string, password: string, actor: Actor, nowMs: number): Promise<{ token: string; user: SessionUser } | undefined> {
  const [user] = await db.query<{ id: string; role: AccountRole; password_hash: string; disabled_at: unknown }>(
    'select id, role, password_hash, disabled_at from users where name = $1',
    [name],
  );
  // Verify against a dummy hash when the name is unknown, so timing does not reveal names.
  const ok = (await verifyPassword(password, user?.password_hash ?? DUMMY_HASH)) && user !== undefined && user.disabled_at === null;
  if (!ok || user === undefined) {
    await audit(db, { userId: user?.id ?? null, name, address: actor.address }, 'login_failed', user === undefined ? null : `user:${user.id}`, {}, nowMs);
    return undefined;
  }
  const token = newToken();
  const absolute = nowMs + ABSOLUTE_HOURS * 3_600_000;
  await db.transaction(async (tx) => {
    await tx.query('insert into console_sessions (hash, user_id, created_at, last_used_at, absolute_expires_at) values ($1, $2, $3, $3, $4)', [
      hashSecret(token), user.id, iso(nowMs), iso(absolute),
    ]);
    await tx.query('update users set last_sign_in_at = $2 where id = $1', [user.id, iso(nowMs)]);
    await audit(tx, { userId: user.id, name, address: actor.address }, 'login_ok', `user:${user.id}`, {}, nowMs);
  });
  return { token, user: { userId: user.id, name, role: user.role, sessionHash: hashSecret(token), idleExpiresAt: iso(Math.min(nowMs + IDLE_MINUTES * 60_000, absolute)), absoluteExpiresAt: iso(absolute) } };
}

/**
 * CO3: the session of a cookie, if it is live at `nowMs` by both expiries (checked in SQL, so
 * every instance agrees); a live session's idle clock starts again. A disabled account has none (CO9).
 */
export async function resume(db: SqlRunner, token: string, nowMs: number): Promise<SessionUser | undefined> {
  const [row] = await db.query<{ user_id: string; name: string; role: AccountRole; absolute_expires_at: unknown }>(
    `update console_sessions s set last_used_at = $2
     from users u
     where s.hash = $1 and u.id = s.user_id and u.disabled_at is null
       and s.last_used_at + make_interval(mins => $3) > $2::timestamptz and s.absolute_expires_at > $2::timestamptz
     returning s.user_id, u.name, u.role, s.absolute_expires_at`,
    [hashSecret(token), iso(nowMs), IDLE_MINUTES],
  );
  if (row === undefined) return undefined;
  const absolute = new Date(row.absolute_expires_at as string).getTime();
  return {
    userId: row.user_id, name: row.name, role: row.role, sessionHash: hashSecret(token),
    idleExpiresAt: iso(Math.min(nowMs + IDLE_MINUTES * 60_000, absolute)), absoluteExpiresAt: iso(absolute),
  };
}

/** Ends one session (sign out) or every session of the account (CO4), with its audit row. */
export async function endSessions(db: SqlClient, user: SessionUser, everywhere: boolean, actor: Actor, nowMs: number): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = everywhere
      ? await tx.query('delete from console_sessions where user_id = $1 returning 1', [user.userId])
      : await tx.query('delete from console_sessions where hash = $1 returning 1', [user.sessionHash]);
    await audit(tx, actor, everywhere ? 'sign_out_everywhere' : 'sign_out', `user:${user.userId}`, { ended: rows.length }, nowMs);
    return rows.length;
  });
}

/** CO5: the current password proves the person; every other session of the account ends. */
export async function changePassword(db: SqlClient, user: SessionUser, current: string, next: string, actor: Actor, nowMs: number): Promise<number | 'wrong-password'> {
  const [row] = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [user.userId]);
  if (row === undefined || !(await verifyPassword(current, row.password_hash))) return 'wrong-password';
  const hash = await hashPassword(next);
  return db.transaction(async (tx) => {
    await tx.query('update users set password_hash = $2 where id = $1', [user.userId, hash]);
    const ended = await tx.query('delete from console_sessions where user_id = $1 and hash <> $2 returning 1', [user.userId, user.sessionHash]);
    await tx.query('update tokens set revoked_at = now() where user_id = $1 and revoked_at is null', [user.userId]);
    await audit(tx, actor, 'password_changed', `user:${user.userId}`, { endedSessions: ended.length }, nowMs);
    return ended.length;
  });
}
