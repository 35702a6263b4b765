import type { Case } from '../domain/case/case';
import { getDb } from './db';
import type { FairCaseDb } from './db';
import { fromRecord, type CaseRow } from './case-rows';
import { inWrite } from './transaction';

/**
 * SY34: two different cases with one case number (their tablets were given one device code, as
 * happened before SY30–SY33 after a restore) are both kept and shown, and both flagged `CONFLICT`
 * for review; the review screen says which number they share. The flag is not an event: it is
 * derived here from the stored cases whenever a case is written, so a re-fold keeps it.
 */

const withConflict = (c: Case): Case => (c.flags.includes('CONFLICT') ? c : { ...c, flags: [...c.flags, 'CONFLICT'] });

/**
 * Inside a write over `cases`: `cases` about to be written, each flagged when another case holds
 * its number, followed by the stored cases that share a number with them and now need the flag.
 */
export function flagSharedNumbers(db: FairCaseDb, cases: readonly Case[]): Promise<Case[]> {
  return inWrite(async () => {
    if (cases.length === 0) return [];
    const stored = await db.cases.where('caseNo').anyOf([...new Set(cases.map((c) => c.caseNo))]).toArray();
    const writing = new Set(cases.map((c) => c.id));
    const idsByNo = new Map<string, Set<string>>();
    for (const c of [...stored, ...cases]) {
      const ids = idsByNo.get(c.caseNo) ?? new Set<string>();
      ids.add(c.id);
      idsByNo.set(c.caseNo, ids);
    }
    const shared = (c: { caseNo: string }): boolean => (idsByNo.get(c.caseNo)?.size ?? 0) > 1;
    const others = stored.filter((r) => !writing.has(r.id) && shared(r) && !r.flags.includes('CONFLICT')).map(fromRecord);
    return [...cases.map((c) => (shared(c) ? withConflict(c) : c)), ...others.map(withConflict)];
  });
}

/** Read: the other cases of the fair that carry this case's number (SY34), for the review screen. */
export async function casesSharingNumber(caseId: string): Promise<CaseRow[]> {
  const db = getDb();
  return db.transaction('r', db.cases, db.caseRows, async () => {
    const c = await db.cases.get(caseId);
    if (c === undefined) return [];
    const ids = (await db.cases.where('caseNo').equals(c.caseNo).primaryKeys()).filter((id) => id !== caseId);
    return (await db.caseRows.bulkGet(ids)).filter((r): r is CaseRow => r !== undefined);
  });
}
