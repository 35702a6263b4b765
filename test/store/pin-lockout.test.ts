/**
 * PIN lockout (LC6): five wrong PINs in a row lock the user on this tablet, each lock
 * longer; the count is stored (a reload keeps it); a right PIN clears it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Instant } from '../../src/domain/time';
import { NO_LOCK, PIN_LOCKED, PIN_MAX_TRIES, afterWrongPin, lockSeconds, lockedForMs, pinLockState, signInWithPin } from '../../src/store/pin-lockout';
import { PIN_WRONG, createUser } from '../../src/store/users';
import { closeDb } from '../../src/store/db';
import { freshDb, resetDb } from './fixtures';

const at = (ms: number): Instant => new Date(Date.parse('2025-04-15T01:00:00.000Z') + ms).toISOString() as Instant;

describe('[LC6] the lockout rule', () => {
  test('the fifth wrong PIN in a row locks for 60 s, and each later lock doubles up to 30 min', () => {
    let s = NO_LOCK;
    for (let i = 1; i < PIN_MAX_TRIES; i++) {
      s = afterWrongPin(s, 0);
      expect(s.failures).toBe(i);
      expect(lockedForMs(s, 0)).toBe(0);
    }
    s = afterWrongPin(s, 1000);
    expect(lockedForMs(s, 1000)).toBe(60_000);
    expect(lockedForMs(s, 61_000)).toBe(0);
    expect(s.failures).toBe(0);
    expect([1, 2, 3, 4, 5, 6, 10].map(lockSeconds)).toEqual([60, 120, 240, 480, 960, 1800, 1800]);
    for (let i = 0; i < PIN_MAX_TRIES; i++) s = afterWrongPin(s, 100_000);
    expect(lockedForMs(s, 100_000)).toBe(120_000);
  });
});

describe('[LC6] sign-in with the lockout, stored', () => {
  beforeEach(() => {
    freshDb('pin-lockout');
  });
  afterEach(resetDb);

  test('wrong PINs count down the tries; the fifth locks; locked, even the right PIN is refused; the count survives a reopen; after the lock the right PIN clears it', async () => {
    const created = await createUser({ name: '王芳', role: 'expert', pin: '482913' }, at(0));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.value.id;
    for (let i = 1; i < PIN_MAX_TRIES; i++) {
      const r = await signInWithPin(id, '000000', at(i * 1000));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.fields).toEqual([{ field: 'pin', code: PIN_WRONG, params: { left: PIN_MAX_TRIES - i } }]);
    }
    const fifth = await signInWithPin(id, '000000', at(5000));
    expect(fifth.ok ? undefined : fifth.error.fields?.[0]).toEqual({ field: 'pin', code: PIN_LOCKED, params: { seconds: 60, until: at(65_000) } });
    // A reload: the database is opened again, the lock is still there.
    closeDb();
    expect((await pinLockState(id)).lockedUntilMs).toBe(Date.parse(at(65_000)));
    const right = await signInWithPin(id, '482913', at(35_000));
    expect(right.ok ? undefined : right.error.fields?.[0]).toEqual({ field: 'pin', code: PIN_LOCKED, params: { seconds: 30, until: at(65_000) } });
    const after = await signInWithPin(id, '482913', at(65_001));
    expect(after.ok).toBe(true);
    expect(await pinLockState(id)).toEqual(NO_LOCK);
  });

  test('a right PIN before the fifth clears the count', async () => {
    const created = await createUser({ name: '李雷', role: 'clerk', pin: '5291' }, at(0));
    if (!created.ok) throw new Error('no user');
    const id = created.value.id;
    for (let i = 0; i < PIN_MAX_TRIES - 1; i++) await signInWithPin(id, '9999', at(i));
    expect((await pinLockState(id)).failures).toBe(PIN_MAX_TRIES - 1);
    expect((await signInWithPin(id, '5291', at(10))).ok).toBe(true);
    const again = await signInWithPin(id, '9999', at(20));
    expect(again.ok ? undefined : again.error.fields?.[0]?.params).toEqual({ left: PIN_MAX_TRIES - 1 });
  });
});
