import type { ZodType, z } from 'zod';
import { fieldErrors } from '../domain/field-errors';
import type { FieldError } from '../domain/field-errors';
import { err, ok } from '../domain/result';
import type { DomainError, Result } from '../domain/result';

/**
 * Storage failures are values the UI shows in the user's language, never only a console line
 * (a failure said only there is data lost without anyone knowing).
 */
export const STORAGE_ERROR_KINDS = [
  /** The origin's quota is full: nothing of this save was stored. */
  'quota-exceeded',
  /** Another tab keeps the old database version open, so this one cannot upgrade. */
  'upgrade-blocked',
  /** The connection closed and reopening it failed (or failed again). */
  'connection-closed',
  /** Another tab upgraded the database to a newer app version: reload. */
  'version-conflict',
  /** The record the action is about does not exist (any more). */
  'not-found',
  /** The input failed its domain schema; `fields` says where and why. */
  'invalid',
  'unknown',
] as const;
export type StorageErrorKind = (typeof STORAGE_ERROR_KINDS)[number];

export type { FieldError };

export interface StorageError {
  readonly kind: StorageErrorKind;
  /** For logs and bug reports, never shown as the message itself. */
  readonly detail?: string;
  readonly fields?: readonly FieldError[];
  /** With `invalid`: the case machine refused the command (CS1), e.g. `GUARD_FAILED:CS14`. */
  readonly domain?: DomainError;
}

export type StoreResult<T> = Result<T, StorageError>;

/**
 * Thrown inside a write transaction to abort it with a typed error (so nothing of the action
 * lands); `runWrite` turns it back into `err(error)`.
 */
export class StoreFailure extends Error {
  constructor(readonly error: StorageError) {
    super(error.kind);
    this.name = 'StoreFailure';
  }
}

export const storageError = (kind: StorageErrorKind, detail?: string): StorageError =>
  detail === undefined ? { kind } : { kind, detail };

export const invalid = (fields: readonly FieldError[]): StorageError => ({ kind: 'invalid', fields });

/** A DomainError from `decide` (or another domain rule) as a store result: nothing was written. */
export const refused = (domain: DomainError): StorageError => ({ kind: 'invalid', domain });

/**
 * Parses a write's input with its domain schema: the parsed value, or `invalid` with one field
 * error per problem (src/domain/field-errors.ts) so the form can show each in the user's language.
 */
export function parseInput<S extends ZodType>(schema: S, input: unknown): Result<z.output<S>, StorageError> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(invalid(fieldErrors(parsed.error, input)));
}

const QUOTA = 'QuotaExceededError';
const CLOSED = new Set(['DatabaseClosedError', 'InvalidStateError']);

/** The error and every `inner` / `cause` it wraps (Dexie wraps IDB errors, e.g. AbortError → QuotaExceededError). */
function chain(e: unknown): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  let cur: unknown = e;
  for (let depth = 0; depth < 8 && typeof cur === 'object' && cur !== null; depth++) {
    const o = cur as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    out.push({ name: typeof o.name === 'string' ? o.name : '', message: typeof o.message === 'string' ? o.message : '' });
    // A BulkError lists its failures; one quota failure is the cause.
    if (Array.isArray(o.failures) && o.failures.length > 0) out.push(...o.failures.flatMap((f) => chain(f)));
    cur = o.inner ?? o.cause;
  }
  return out;
}

/**
 * Any failure of a storage call → a typed StorageError. Quota arrives as a DOMException named
 * `QuotaExceededError`, as Dexie's `QuotaExceededError`, or as Dexie's `AbortError` with the
 * quota error inside (the transaction aborted on commit): all three map to `quota-exceeded`.
 */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StoreFailure) return e.error;
  const links = chain(e);
  const detail = links.map((l) => (l.message === '' ? l.name : `${l.name}: ${l.message}`)).join(' ← ') || String(e);
  const names = links.map((l) => l.name);
  if (names.includes(QUOTA)) return storageError('quota-exceeded', detail);
  if (names.includes('UpgradeBlockedError')) return storageError('upgrade-blocked', detail);
  if (names.includes('VersionError') || names.includes('VersionChangeError')) return storageError('version-conflict', detail);
  const first = names[0];
  if (first !== undefined && CLOSED.has(first)) return storageError('connection-closed', detail);
  return storageError('unknown', detail);
}

/** True when the failure is a closed connection, which `runWrite` reopens and retries once. */
export function isClosedConnection(e: unknown): boolean {
  const first = chain(e)[0];
  return first !== undefined && CLOSED.has(first.name);
}
