import type { SyncItem } from '../../domain/sync-item';
import type { ItemResult } from '../../domain/wire/protocol';
import { checkPayload, type PayloadProblem } from '../../domain/wire/payload-parsers';

/**
 * What one push does to the log, decided in memory from what the database already holds for
 * the batch's ids and from the device's acknowledged sequence (sync-store.ts reads both in one
 * statement, then writes the plan in one statement). No I/O here: the rules of a push in one place.
 *
 * Items are taken in sequence order. The next expected sequence is `startAck + 1`:
 * - an id already stored with the same content is a duplicate (its server sequence, or its place
 *   among this batch's new rows), an id stored with other content a conflict (kept aside, and
 *   acknowledged when it is the expected sequence);
 * - a new id with a sequence the device already used can never apply (`SEQ_REUSED`);
 * - a sequence past the expected one is a gap: nothing at or past it applies;
 * - the expected sequence applies unless its fair is not the token's (`WRONG_FAIR`) or its payload
 *   fails the domain schema: then it is rejected, kept (bounded, SY63), and acknowledged all the same, so
 *   one bad item never blocks a tablet's queue.
 */
export interface Known {
  readonly hash: string;
  /** Stored item: its server sequence (or its index among this batch's new rows). */
  readonly serverSeq?: number;
  readonly batchIndex?: number;
  /** Stored as rejected: its code. */
  readonly rejectCode?: string;
}

export type Draft =
  | { status: 'applied'; id: string; batchIndex: number }
  | { status: 'duplicate'; id: string; serverSeq?: number; batchIndex?: number }
  | Exclude<ItemResult, { status: 'applied' | 'duplicate' }>;

export interface Hashed {
  readonly item: SyncItem;
  readonly hash: string;
}

export interface PushPlan {
  /** One per item, in the order the items came. */
  readonly drafts: readonly Draft[];
  /** New rows of the log, in ascending sequence. */
  readonly fresh: readonly Hashed[];
  readonly rejected: readonly (Hashed & { readonly code: string })[];
  readonly conflicts: readonly Hashed[];
  readonly ackedSeq: number;
  readonly gap: boolean;
}

export function planPush(
  fairId: string,
  items: readonly SyncItem[],
  hashes: readonly string[],
  startAck: number,
  stored: ReadonlyMap<string, Known>,
  /** The payload check; the server's own writes (CO17) may pass a cheaper one for payloads they have just parsed. */
  check: (item: SyncItem) => PayloadProblem | undefined = checkPayload,
): PushPlan {
  const known = new Map(stored);
  const order = items.map((_, i) => i).sort((a, b) => (items[a]?.seq ?? 0) - (items[b]?.seq ?? 0) || a - b);
  const drafts: Draft[] = new Array<Draft>(items.length);
  const fresh: Hashed[] = [];
  const rejected: (Hashed & { code: string })[] = [];
  const conflicts: Hashed[] = [];
  let expected = startAck + 1;
  let gap = false;
  for (const index of order) {
    const item = items[index] as SyncItem;
    const hash = hashes[index] as string;
    if (gap) {
      drafts[index] = { status: 'skipped', id: item.id };
      continue;
    }
    if (item.seq > expected) {
      // A sequence gap: nothing at or past it applies; the answer names the expected number.
      gap = true;
      drafts[index] = { status: 'skipped', id: item.id };
      continue;
    }
    const seen = known.get(item.id);
    if (seen !== undefined) {
      if (seen.hash === hash) {
        drafts[index] =
          seen.rejectCode !== undefined
            ? ({ status: 'rejected', id: item.id, code: seen.rejectCode } as Draft)
            : { status: 'duplicate', id: item.id, serverSeq: seen.serverSeq, batchIndex: seen.batchIndex };
      } else {
        // Same id, other content: kept aside, never overwriting; acknowledged if it is the next seq.
        conflicts.push({ item, hash });
        drafts[index] = { status: 'conflict', id: item.id };
        if (item.seq === expected) expected++;
      }
      continue;
    }
    if (item.seq < expected) {
      // A new id with a sequence this device already used: it can never apply.
      rejected.push({ item, hash, code: 'SEQ_REUSED' });
      known.set(item.id, { hash, rejectCode: 'SEQ_REUSED' });
      drafts[index] = { status: 'rejected', id: item.id, code: 'SEQ_REUSED' };
      continue;
    }
    expected++;
    const problem = item.fairId !== fairId ? { code: 'WRONG_FAIR' as const } : check(item);
    if (problem !== undefined) {
      rejected.push({ item, hash, code: problem.code });
      known.set(item.id, { hash, rejectCode: problem.code });
      drafts[index] =
        problem.issues === undefined
          ? { status: 'rejected', id: item.id, code: problem.code }
          : { status: 'rejected', id: item.id, code: problem.code, issues: [...problem.issues] };
      continue;
    }
    known.set(item.id, { hash, batchIndex: fresh.length });
    drafts[index] = { status: 'applied', id: item.id, batchIndex: fresh.length };
    fresh.push({ item, hash });
  }
  return { drafts, fresh, rejected, conflicts, ackedSeq: expected - 1, gap };
}

/** The answer per item, once the batch's new rows have their server sequences `base + 1…`. */
export const itemResults = (drafts: readonly Draft[], base: number): ItemResult[] =>
  drafts.map((d): ItemResult => {
    if (d.status === 'applied') return { status: 'applied', id: d.id, serverSeq: base + d.batchIndex + 1 } as ItemResult;
    if (d.status === 'duplicate') return { status: 'duplicate', id: d.id, serverSeq: d.serverSeq ?? base + (d.batchIndex ?? 0) + 1 } as ItemResult;
    return d;
  });
