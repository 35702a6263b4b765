/**
 * Users (LC5): staff sign in with a short PIN, kept only as a salted PBKDF2 hash.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getDb } from '../../src/store/db';
import { PIN_ITERATIONS, PIN_WRONG, createUser, hashPin, hasUsers, listUsers, resetPin, setUserActive, updateUser, verifyPin } from '../../src/store/users';
import { clock, freshDb, resetDb } from './fixtures';

beforeEach(() => {
  freshDb('users');
});
afterEach(resetDb);

const fromHex = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));

describe('users and PINs', () => {
  test('[LC5] a user is created with a salted PBKDF2-SHA-256 hash, never the PIN in clear', async () => {
    const now = clock();
    expect(await hasUsers()).toBe(false);
    const r = await createUser({ name: '王芳', role: 'expert', pin: '482913' }, now());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({ id: r.value.id, name: '王芳', role: 'expert', active: true });
    expect(await hasUsers()).toBe(true);
    const row = await getDb().users.get(r.value.id);
    expect(row).toBeDefined();
    if (row === undefined) return;
    // Nowhere in the stored row, in any form a reader could take for the PIN.
    expect(JSON.stringify(row)).not.toContain('482913');
    expect(row.iterations).toBe(PIN_ITERATIONS);
    expect(row.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(row.pinHash).toBe(await hashPin('482913', fromHex(row.salt), row.iterations));
    // Salt per user: the same PIN hashes differently for another user.
    const other = await createUser({ name: 'Li Lei', role: 'clerk', pin: '482913' }, now());
    if (!other.ok) throw new Error('second user');
    const otherRow = await getDb().users.get(other.value.id);
    expect(otherRow?.salt).not.toBe(row.salt);
    expect(otherRow?.pinHash).not.toBe(row.pinHash);
    // Not an item: users are local to the device.
    expect(await getDb().items.count()).toBe(0);
    expect((await listUsers()).map((u) => u.name)).toEqual(['Li Lei', '王芳']);
  });

  test('[LC5] the right PIN signs in; a wrong PIN is refused with PIN_WRONG on the pin field', async () => {
    const now = clock();
    const r = await createUser({ name: 'Clerk', role: 'clerk', pin: '5291' }, now());
    if (!r.ok) throw new Error('user');
    expect(await verifyPin(r.value.id, '5291')).toEqual({ ok: true, value: r.value });
    for (const wrong of ['1235', '12345', '', 'abcd']) {
      const v = await verifyPin(r.value.id, wrong);
      expect(v.ok ? undefined : v.error).toEqual({ kind: 'invalid', fields: [{ field: 'pin', code: PIN_WRONG, params: {} }] });
    }
    const gone = await verifyPin('01JRZ8Q4W6M0000000000000U9', '5291');
    expect(gone.ok ? undefined : gone.error.kind).toBe('not-found');
    // A deactivated user cannot sign in any more, even with the right PIN.
    expect((await setUserActive(r.value.id, false, now())).ok).toBe(true);
    const off = await verifyPin(r.value.id, '5291');
    expect(off.ok ? undefined : off.error.fields?.[0]?.code).toBe('USER_INACTIVE');
  });

  test('bad input (short PIN, letters, no name, unknown role) is refused per field and stores nothing', async () => {
    const now = clock();
    const r = await createUser({ name: '', role: 'boss' as never, pin: '12a' }, now());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('invalid');
    expect((r.error.fields ?? []).map((f) => `${f.field}:${f.code}`).sort()).toEqual(['name:REQUIRED', 'pin:INVALID_FORMAT', 'role:INVALID_VALUE']);
    const long = await createUser({ name: 'A', role: 'clerk', pin: '123456789' }, now());
    expect(long.ok ? [] : long.error.fields?.map((f) => f.code)).toEqual(['INVALID_FORMAT']);
    expect(await getDb().users.count()).toBe(0);
  });

  test('a weak PIN (repeat, run, pattern) is refused on the pin field with its reason and stores nothing', async () => {
    const now = clock();
    for (const [pin, code] of [['0000', 'PIN_REPEATED'], ['1234', 'PIN_SEQUENCE'], ['1212', 'PIN_PATTERN']] as const) {
      const r = await createUser({ name: 'Weak', role: 'clerk', pin }, now());
      expect(r.ok ? undefined : r.error).toEqual({ kind: 'invalid', fields: [{ field: 'pin', code, params: {} }] });
    }
    expect(await getDb().users.count()).toBe(0);
  });

  test('a user is renamed and given another role; the PIN still signs in', async () => {
    const now = clock();
    const r = await createUser({ name: 'Clerk', role: 'clerk', pin: '5291' }, now());
    if (!r.ok) throw new Error('user');
    const edited = await updateUser(r.value.id, { name: '王文员', role: 'expert' }, now());
    expect(edited).toEqual({ ok: true, value: { id: r.value.id, name: '王文员', role: 'expert', active: true } });
    expect((await verifyPin(r.value.id, '5291')).ok).toBe(true);
    const empty = await updateUser(r.value.id, { name: ' ', role: 'expert' }, now());
    expect(empty.ok ? [] : empty.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['name:REQUIRED']);
  });

  test('a PIN reset replaces the old PIN; a weak new PIN is refused and the old one still works', async () => {
    const now = clock();
    const r = await createUser({ name: 'Clerk', role: 'clerk', pin: '5291' }, now());
    if (!r.ok) throw new Error('user');
    const weak = await resetPin(r.value.id, '1111', now());
    expect(weak.ok ? undefined : weak.error.fields).toEqual([{ field: 'pin', code: 'PIN_REPEATED', params: {} }]);
    expect((await verifyPin(r.value.id, '5291')).ok).toBe(true);
    expect((await resetPin(r.value.id, '738204', now())).ok).toBe(true);
    expect((await verifyPin(r.value.id, '5291')).ok).toBe(false);
    expect((await verifyPin(r.value.id, '738204')).ok).toBe(true);
  });
});
