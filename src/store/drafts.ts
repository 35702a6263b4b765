import { z } from 'zod';
import { FairId } from '../domain/ids';
import { Instant } from '../domain/time';
import { getDb } from './db';
import { parseInput } from './result';
import type { StoreResult } from './result';
import { runWrite } from './transaction';

/**
 * Drafts: every form autosaves here as the user types (debounced) and on pagehide, so a
 * reload, a crash or an update gives the form back exactly as it was. A draft is
 * one put by key in its own tiny transaction with strict durability: no item, no outbox row,
 * drafts are local and count nowhere (CM3).
 */
export const Draft = z.object({
  /** The form and the record it edits, e.g. `fair:new` or `exhibitor:<id>`. */
  key: z.string().min(1).max(200),
  form: z.string().min(1).max(100),
  fairId: FairId.optional(),
  /** The form's raw state; must be structured-cloneable. */
  data: z.unknown(),
  updatedAt: Instant,
  /** A visitor form: reset after the fair's idle time, recoverable at the desk. */
  public: z.boolean(),
});
export type Draft = z.infer<typeof Draft>;

export async function saveDraft(draft: Draft): Promise<StoreResult<void>> {
  const parsed = parseInput(Draft, draft);
  if (!parsed.ok) return parsed;
  const row = parsed.value;
  return runWrite(
    ['drafts'],
    async (db) => {
      await db.drafts.put(row);
    },
    { log: false, now: row.updatedAt },
  );
}

export async function loadDraft(key: string): Promise<Draft | undefined> {
  return getDb().drafts.get(key);
}

/** After the form's real save, or when the user throws the draft away. */
export async function discardDraft(key: string): Promise<StoreResult<void>> {
  return runWrite(
    ['drafts'],
    async (db) => {
      await db.drafts.delete(key);
    },
    { log: false },
  );
}

/** Most recently edited first; only `form`'s drafts when given. */
export async function listDrafts(form?: string): Promise<Draft[]> {
  const table = getDb().drafts;
  const drafts = form === undefined ? await table.toArray() : await table.where('form').equals(form).toArray();
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
