import { allCaseEvents } from '../../../store/apply-pulled';
import { getCase, listCaseRows, type CaseRow } from '../../../store/cases';
import { casesSharingNumber } from '../../../store/shared-numbers';
import { conflictBranches } from '../../../domain/case/conflict-branches';

/** The review's note goes through the case's own command (CS5); its author is picked from the users. */
export { applyCaseCommand } from '../../../store/cases';
export { listUsers } from '../../../store/users';

/** The fair's cases flagged `CONFLICT` (CS5), each with whether an expert has reviewed it. */
export async function conflictList(fairId: string): Promise<{ row: CaseRow; resolved: boolean }[]> {
  const rows = (await listCaseRows(fairId)).filter((r) => r.flags.includes('CONFLICT'));
  const out = await Promise.all(
    rows.map(async (row) => {
      const [c, events] = await Promise.all([getCase(row.id), allCaseEvents(row.id)]);
      return { row, resolved: c === undefined ? false : conflictBranches(c, events).resolved };
    }),
  );
  // Open ones first, then by case number.
  return out.sort((a, b) => Number(a.resolved) - Number(b.resolved) || (a.row.caseNo < b.row.caseNo ? -1 : 1));
}

export async function conflictDetail(caseId: string) {
  const [c, events, sharing] = await Promise.all([getCase(caseId), allCaseEvents(caseId), casesSharingNumber(caseId)]);
  // SY34: the other cases carrying this case's number.
  return c === undefined ? undefined : { case: c, branches: conflictBranches(c, events), sharing };
}
