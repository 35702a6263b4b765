import { z } from 'zod';
import type { FieldError } from '../domain/field-errors';
import type { UserId } from '../domain/ids';
import { err, ok } from '../domain/result';
import { instantToMs, type Instant } from '../domain/time';
import { getDb } from './db';
import { invalid, toStorageError, type StoreResult } from './result';
import { PIN_WRONG, verifyPin, type User } from './users';
import { runWrite } from './transaction';

/**
 * PIN lockout (users.ts): a 4–8 digit PIN is guessable, so after PIN_MAX_TRIES wrong PINs in a
 * row the user is locked on this tablet for a while, longer each time (60 s, 2 min, 4 min, … up
 * to 30 min). The count lives in the store's `meta` table, so a reload (or a new tab) does not
 * reset it; a right PIN does. Time is the app clock handed in (`now`), like every store write.
 */
export const PIN_MAX_TRIES = 5;
export const PIN_LOCK_BASE_SECONDS = 60;
export const PIN_LOCK_MAX_SECONDS = 30 * 60;
/** Field error code: locked; params `seconds` (left, rounded up) and `until` (Instant). */
export const PIN_LOCKED = 'PIN_LOCKED';

/** What is stored per user: wrong PINs since the last lock or success, locks so far, the lock's end. */
export const PinLockState = z.object({
  failures: z.number().int().min(0),
  lockouts: z.number().int().min(0),
  lockedUntilMs: z.number().optional(),
});
export type PinLockState = z.infer<typeof PinLockState>;

export const NO_LOCK: PinLockState = { failures: 0, lockouts: 0 };

/** The n-th lock lasts 60 s × 2^(n−1), capped at 30 min. */
export const lockSeconds = (lockouts: number): number => Math.min(PIN_LOCK_BASE_SECONDS * 2 ** Math.max(0, lockouts - 1), PIN_LOCK_MAX_SECONDS);

/** Milliseconds of lock left at `nowMs` (0 when not locked). */
export const lockedForMs = (s: PinLockState, nowMs: number): number => Math.max(0, (s.lockedUntilMs ?? 0) - nowMs);

/** The rule: one more wrong PIN; the PIN_MAX_TRIES-th in a row locks (and starts a new count). */
export function afterWrongPin(s: PinLockState, nowMs: number): PinLockState {
  const failures = s.failures + 1;
  if (failures < PIN_MAX_TRIES) return { ...s, failures };
  const lockouts = s.lockouts + 1;
  return { failures: 0, lockouts, lockedUntilMs: nowMs + lockSeconds(lockouts) * 1000 };
}

const keyOf = (userId: string): string => `pinLock:${userId}`;

/** The stored state of one user; anything unreadable counts as no lock state (nothing to trust). */
export async function pinLockState(userId: UserId | string): Promise<PinLockState> {
  const row = await getDb().meta.get(keyOf(userId));
  const parsed = PinLockState.safeParse(row?.value);
  return parsed.success ? parsed.data : NO_LOCK;
}

const lockedError = (s: PinLockState, nowMs: number): FieldError => ({
  field: 'pin',
  code: PIN_LOCKED,
  params: { seconds: Math.ceil(lockedForMs(s, nowMs) / 1000), until: new Date(s.lockedUntilMs ?? nowMs).toISOString() },
});

async function save(userId: string, s: PinLockState | undefined, now: Instant): Promise<StoreResult<unknown>> {
  return runWrite(
    ['meta'],
    async (db) => {
      if (s === undefined) await db.meta.delete(keyOf(userId));
      else await db.meta.put({ key: keyOf(userId), value: s });
    },
    { log: false, now },
  );
}

/**
 * Sign-in with the lockout: refused with `PIN_LOCKED` while locked (the PIN is not even checked),
 * else `verifyPin`; a wrong PIN is counted (field `pin`, `PIN_WRONG` with `left` tries, or
 * `PIN_LOCKED` when it was the last), a right one clears the count.
 */
export async function signInWithPin(userId: UserId | string, pin: string, now: Instant): Promise<StoreResult<User>> {
  const nowMs = instantToMs(now);
  let state: PinLockState;
  try {
    state = await pinLockState(userId);
  } catch (e) {
    return err(toStorageError(e));
  }
  if (lockedForMs(state, nowMs) > 0) return err(invalid([lockedError(state, nowMs)]));
  const verified = await verifyPin(userId, pin);
  if (verified.ok) {
    if (state.failures > 0 || state.lockouts > 0) {
      const saved = await save(userId, undefined, now);
      if (!saved.ok) return saved;
    }
    return ok(verified.value);
  }
  if (!verified.error.fields?.some((f) => f.code === PIN_WRONG)) return verified;
  const next = afterWrongPin(state, nowMs);
  const saved = await save(userId, next, now);
  if (!saved.ok) return saved;
  if (lockedForMs(next, nowMs) > 0) return err(invalid([lockedError(next, nowMs)]));
  return err(invalid([{ field: 'pin', code: PIN_WRONG, params: { left: PIN_MAX_TRIES - next.failures } }]));
}
