import { z } from 'zod';
import type { FieldError } from '../domain/field-errors';
import type { UserId } from '../domain/ids';
import { err, ok } from '../domain/result';
import { Text } from '../domain/text';
import type { Instant } from '../domain/time';
import { getDb } from './db';
import { newId } from './ids';
import { invalid, parseInput, toStorageError } from './result';
import type { StoreResult } from './result';
import { fail, runWrite } from './transaction';
import { weakPinReason } from './pin-strength';

/**
 * Desk staff and experts sign in to the tablet with a short PIN (LC3 roles; lockout in pin-lockout.ts); every event then
 * records who did it. The PIN is kept only as a PBKDF2-SHA-256 hash with a salt per user, made
 * with WebCrypto: never in clear, never in an item (users are local to the device, not synced).
 */
export const USER_ROLES = ['clerk', 'expert', 'organizer'] as const;
export const UserRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRole>;

export interface User {
  readonly id: UserId;
  readonly name: string;
  readonly role: UserRole;
  readonly active: boolean;
}

/** As stored: the user plus the PIN's hash, never the PIN. */
export interface UserRow extends User {
  readonly pinHash: string;
  readonly salt: string;
  readonly iterations: number;
  readonly createdAt: Instant;
}

/** 4–8 digits: short enough for a kiosk, hashed slowly enough that a stolen tablet is no shortcut. */
export const Pin = z.string().regex(/^\d{4,8}$/, { message: 'INVALID_FORMAT' });

export const UserInput = z.object({ name: Text(1, 50), role: UserRole, pin: Pin });
export type UserInput = z.input<typeof UserInput>;

/** Field error code of a wrong PIN (the app has it in zh-CN and English). */
export const PIN_WRONG = 'PIN_WRONG';
export const USER_INACTIVE = 'USER_INACTIVE';

/**
 * PBKDF2 rounds. A 4–8 digit PIN has at most 10^8 values, so the hash cannot make it strong; it
 * only keeps the PIN out of clear text and makes each guess cost noticeable time on a tablet.
 */
export const PIN_ITERATIONS = 100_000;
const SALT_BYTES = 16;

const hex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (s: string): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return out;
};

/** PBKDF2-SHA-256 of the PIN, 256 bits, as hex. Runs outside any transaction (WebCrypto is not IDB). */
export async function hashPin(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return hex(bits);
}

/** Compares without stopping at the first difference. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const toUser = ({ id, name, role, active }: UserRow): User => ({ id, name, role, active });

/** A PIN being set: well-formed and not one a passer-by guesses first (`weakPinReason`). */
function newPinError(pin: string): FieldError | undefined {
  if (!Pin.safeParse(pin).success) return pinError('INVALID_FORMAT');
  const weak = weakPinReason(pin);
  return weak === undefined ? undefined : pinError(weak);
}

/** Salt and hash of a new PIN, before any transaction opens (awaiting WebCrypto inside one would commit it early). */
async function saltedHash(pin: string): Promise<StoreResult<Pick<UserRow, 'pinHash' | 'salt' | 'iterations'>>> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  try {
    return ok({ pinHash: await hashPin(pin, salt, PIN_ITERATIONS), salt: hex(salt), iterations: PIN_ITERATIONS });
  } catch (e) {
    return err(toStorageError(e));
  }
}

const pinError = (code: string): FieldError => ({ field: 'pin', code, params: {} });

export async function createUser(input: UserInput, now: Instant): Promise<StoreResult<User>> {
  const parsed = parseInput(UserInput, input);
  const weak = typeof input.pin === 'string' ? newPinError(input.pin) : undefined;
  if (!parsed.ok || weak !== undefined) {
    const fields = [...(parsed.ok ? [] : (parsed.error.fields ?? [])).filter((f) => f.field !== 'pin'), ...(weak === undefined ? [] : [weak])];
    return err(invalid(fields));
  }
  const { name, role, pin } = parsed.value;
  const hashed = await saltedHash(pin);
  if (!hashed.ok) return hashed;
  const row: UserRow = { id: newId() as UserId, name, role, active: true, ...hashed.value, createdAt: now };
  return runWrite(
    ['users'],
    async (db) => {
      await db.users.add(row);
      return toUser(row);
    },
    { log: false, now },
  );
}

/** Active and inactive users, by name. */
export async function listUsers(): Promise<User[]> {
  const rows = await getDb().users.orderBy('name').toArray();
  return rows.map(toUser);
}

export async function getUser(id: UserId | string): Promise<User | undefined> {
  const row = await getDb().users.get(id);
  return row === undefined ? undefined : toUser(row);
}

/** The first start: no user yet, so the sign-in screen offers to create the organizer. */
export async function hasUsers(): Promise<boolean> {
  return (await getDb().users.count()) > 0;
}


/** The user when the PIN is theirs; `invalid` with field `pin` (`PIN_WRONG`) when it is not. */
export async function verifyPin(userId: UserId | string, pin: string): Promise<StoreResult<User>> {
  let row: UserRow | undefined;
  try {
    row = await getDb().users.get(userId);
  } catch (e) {
    return err(toStorageError(e));
  }
  if (row === undefined) return err({ kind: 'not-found', detail: `user ${userId}` });
  if (!row.active) return err(invalid([pinError(USER_INACTIVE)]));
  // A malformed PIN is simply wrong: the screen says the same for both.
  if (!Pin.safeParse(pin).success) return err(invalid([pinError(PIN_WRONG)]));
  const hash = await hashPin(pin, fromHex(row.salt), row.iterations);
  return sameHex(hash, row.pinHash) ? ok(toUser(row)) : err(invalid([pinError(PIN_WRONG)]));
}

/** Deactivates or reactivates a user (their past events keep their id). */
export async function setUserActive(userId: UserId | string, active: boolean, now: Instant): Promise<StoreResult<User>> {
  return runWrite(
    ['users'],
    async (db) => {
      const row = await db.users.get(userId);
      if (row === undefined) fail('not-found', `user ${userId}`);
      const next = { ...row, active };
      await db.users.put(next);
      return toUser(next);
    },
    { log: false, now },
  );
}

export const UserEdit = z.object({ name: Text(1, 50), role: UserRole });
export type UserEdit = z.input<typeof UserEdit>;

/** Renames a user or changes the role; the PIN stays (past events keep the id). */
export async function updateUser(userId: UserId | string, input: UserEdit, now: Instant): Promise<StoreResult<User>> {
  const parsed = parseInput(UserEdit, input);
  if (!parsed.ok) return parsed;
  return runWrite(
    ['users'],
    async (db) => {
      const row = await db.users.get(userId);
      if (row === undefined) fail('not-found', `user ${userId}`);
      const next = { ...row, ...parsed.value };
      await db.users.put(next);
      return toUser(next);
    },
    { log: false, now },
  );
}

/** A new PIN for a user who forgot theirs (the organizer sets it; the same weak-PIN rule). */
export async function resetPin(userId: UserId | string, pin: string, now: Instant): Promise<StoreResult<User>> {
  const bad = newPinError(pin);
  if (bad !== undefined) return err(invalid([bad]));
  const hashed = await saltedHash(pin);
  if (!hashed.ok) return hashed;
  return runWrite(
    ['users'],
    async (db) => {
      const row = await db.users.get(userId);
      if (row === undefined) fail('not-found', `user ${userId}`);
      const next = { ...row, ...hashed.value };
      await db.users.put(next);
      return toUser(next);
    },
    { log: false, now },
  );
}
