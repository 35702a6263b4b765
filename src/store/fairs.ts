import { Fair } from '../domain/fair';
import type { FairInput } from '../domain/fair';
import type { FairId } from '../domain/ids';
import type { Instant } from '../domain/time';
import { supersedes } from '../domain/last-writer-wins';
import { getDb } from './db';
import type { FairCaseDb } from './db';
import { newId } from './ids';
import { parseInput } from './result';
import type { StoreResult } from './result';
import { knownVersion } from './versions';
import { fail, runWrite } from './transaction';
import { appendItem } from './local-log';

/**
 * Fairs: created and edited at the desk. A fair is a mutable record that travels as a whole
 * snapshot; the last writer wins (SY20).
 */

/** What the fair form supplies: the domain's input without the id, which the store makes. */
export type NewFairInput = Omit<FairInput, 'id'>;

export async function createFair(input: NewFairInput, now: Instant): Promise<StoreResult<Fair>> {
  const parsed = parseInput(Fair, { ...input, id: newId() });
  if (!parsed.ok) return parsed;
  const fair = parsed.value;
  return runWrite(
    ['fairs'],
    async (db) => {
      // Issued together: one round trip fewer to the browser's IndexedDB backend (P1).
      await Promise.all([db.fairs.add(fair), appendItem(db, { kind: 'fair', entityId: fair.id, fairId: fair.id, payload: fair }, now)]);
      return fair;
    },
    { now },
  );
}

export async function updateFair(id: FairId | string, input: NewFairInput, now: Instant): Promise<StoreResult<Fair>> {
  const parsed = parseInput(Fair, { ...input, id });
  if (!parsed.ok) return parsed;
  const fair = parsed.value;
  return runWrite(
    ['fairs'],
    async (db) => {
      const current = await db.fairs.get(fair.id);
      if (current === undefined) fail('not-found', `fair ${fair.id}`);
      return logEdit(db, current, fair, now);
    },
    { now },
  );
}

/**
 * Logs a local edit of a fair and keeps it as the fair's record only if it wins (SY23): an edit
 * that loses to a version already here is synced all the same, and `current` stays and is returned.
 */
export async function logEdit(db: FairCaseDb, current: Fair, edited: Fair, now: Instant): Promise<Fair> {
  const known = await knownVersion(db, edited.id);
  const item = await appendItem(db, { kind: 'fair', entityId: edited.id, fairId: edited.id, payload: edited }, now);
  if (!supersedes(item, known)) return current;
  await db.fairs.put(edited);
  return edited;
}

/** Latest first day first, then by code. */
export async function listFairs(): Promise<Fair[]> {
  const fairs = await getDb().fairs.toArray();
  const start = (f: Fair): string => f.days[0]?.date ?? '';
  return fairs.sort((a, b) => start(b).localeCompare(start(a)) || a.code.localeCompare(b.code));
}

export async function getFair(id: FairId | string): Promise<Fair | undefined> {
  return getDb().fairs.get(id);
}
