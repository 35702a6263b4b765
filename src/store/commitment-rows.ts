import { Dexie } from 'dexie';
import type { Commitment } from '../domain/commitment';
import type { FairId } from '../domain/ids';
import type { CommitmentPageRow, FairCaseDb } from './db';
import { inWrite } from './transaction';

/**
 * Where the commitments are: the `commitments` table (signed here, pulled, imported) and the
 * snapshot's pages of them, one row each (SY93). Every reader of commitments reads through here,
 * so it sees both, each commitment once.
 */

/** A page row's index key of one commitment (SY93): its fair and exhibitor, as `[fairId+exhibitorKey]` finds it in the table. */
export const pageKeyOf = (fairId: string, exhibitorKey: string): string => `${fairId}|${exhibitorKey}`;

/** SY93: a snapshot page's commitments as one row; undefined for none. */
export function commitmentPageRow(commitments: readonly Commitment[]): CommitmentPageRow | undefined {
  const first = commitments[0];
  if (first === undefined) return undefined;
  return { key: first.id, keys: [...new Set(commitments.map((c) => pageKeyOf(c.fairId, c.exhibitorKey)))], commitments };
}

const byId = (a: Commitment, b: Commitment): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The table's rows and the pages' commitments that `keep` takes, each id once (a bundle may bring again one a page holds), in id order. */
function merged(rows: readonly Commitment[], pages: readonly CommitmentPageRow[], keep: (c: Commitment) => boolean): Commitment[] {
  const out = new Map<string, Commitment>();
  for (const page of pages) for (const c of page.commitments) if (keep(c)) out.set(c.id, c);
  for (const c of rows) out.set(c.id, c);
  return [...out.values()].sort(byId);
}

/**
 * Every commitment stored for a fair, in id order: the range of the `[fairId+exhibitorKey]` index
 * that starts with the fair (the table keeps only the indexes something queries, SY89), and the
 * pages holding any of the fair's (SY93).
 */
export function commitmentsOfFair(db: FairCaseDb, fairId: FairId | string): Promise<Commitment[]> {
  return inWrite(async () => {
    const [rows, pages] = await Promise.all([
      db.commitments.where('[fairId+exhibitorKey]').between([fairId, Dexie.minKey], [fairId, Dexie.maxKey], true, true).toArray(),
      db.commitmentPages.where('keys').startsWith(pageKeyOf(fairId, '')).distinct().toArray(),
    ]);
    return merged(rows, pages, (c) => c.fairId === fairId);
  });
}

/** The commitments of some exhibitors at a fair (every version), in id order. */
export function commitmentsOf(db: FairCaseDb, fairId: FairId | string, keys: readonly string[]): Promise<Commitment[]> {
  return inWrite(async () => {
    if (keys.length === 0) return [];
    const [rows, pages] = await Promise.all([
      db.commitments.where('[fairId+exhibitorKey]').anyOf(keys.map((k) => [fairId, k])).toArray(),
      db.commitmentPages.where('keys').anyOf(keys.map((k) => pageKeyOf(fairId, k))).distinct().toArray(),
    ]);
    const wanted = new Set(keys);
    return merged(rows, pages, (c) => c.fairId === fairId && wanted.has(c.exhibitorKey));
  });
}

/** An exhibitor's commitments at every fair (a device with no fair): a scan of both, as no index is by key alone (SY89). */
export function commitmentsWithKey(db: FairCaseDb, key: string): Promise<Commitment[]> {
  return inWrite(async () => {
    const [rows, pages] = await Promise.all([db.commitments.filter((c) => c.exhibitorKey === key).toArray(), db.commitmentPages.toArray()]);
    return merged(rows, pages, (c) => c.exhibitorKey === key);
  });
}
