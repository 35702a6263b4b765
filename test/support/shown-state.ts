/**
 * What a person sees on a tablet, as lines to compare between tablets and with the server: the
 * multi-tablet scenarios and the proof run judge "tablets agree" with it.
 */
import { canonicalJson } from '../../src/domain/canonical-json';
import type { Case } from '../../src/domain/case/case';
import { getDb } from '../../src/store/db';

/** A case as a person sees it on a screen: number, state, outcome, flags. */
export const caseLine = (c: Pick<Case, 'caseNo' | 'state' | 'outcome' | 'flags'>): string =>
  [c.caseNo, c.state, c.outcome ?? '-', [...c.flags].sort().join(',')].join(' ');

/**
 * What a person sees on the tablet whose database is open, one line per record: each case's
 * number, state, outcome and flags; each fair and exhibitor as stored, without sync's bookkeeping. Two tablets that hold the
 * same items must show the same lines.
 */
export async function shownState(): Promise<ReadonlyMap<string, string>> {
  const db = getDb();
  const [cases, fairs, exhibitors] = await Promise.all([db.cases.toArray(), db.fairs.toArray(), db.exhibitors.toArray()]);
  const lines = new Map<string, string>();
  const json = (v: unknown): string => canonicalJson(JSON.parse(JSON.stringify(v)));
  for (const c of cases) lines.set(`case ${c.id}`, caseLine(c));
  for (const f of fairs) lines.set(`fair ${f.id}`, json(f));
  // The version applied from another tablet (SY88) is sync's bookkeeping on the row, on no screen.
  for (const { applied: _applied, ...e } of exhibitors) lines.set(`exhibitor ${e.id}`, json(e));
  return lines;
}
