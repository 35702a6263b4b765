import { Dexie } from 'dexie';
import type { Commitment } from '../domain/commitment';
import type { FairId } from '../domain/ids';
import type { FairCaseDb } from './db';

/**
 * Every commitment stored for a fair, in id order: the range of the `[fairId+exhibitorKey]` index
 * that starts with the fair (the table keeps only the indexes something queries, SY89).
 */
export async function commitmentsOfFair(db: FairCaseDb, fairId: FairId | string): Promise<Commitment[]> {
  const rows = await db.commitments.where('[fairId+exhibitorKey]').between([fairId, Dexie.minKey], [fairId, Dexie.maxKey], true, true).toArray();
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
