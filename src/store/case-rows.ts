import type { Case } from '../domain/case/case';
import type { Deadline } from '../domain/case/deadlines';
import { partyKey } from '../domain/case/intake';
import { runningDeadline } from '../domain/case/queue';
import type { CaseFlag, CaseState, IpType, Outcome } from '../domain/codes';
import type { CaseId, ComplaintId, FairId, UserId } from '../domain/ids';
import type { Instant } from '../domain/time';
import { boothKey } from '../domain/validators/booth';
import type { CaseNumber } from '../domain/case/case-number';

/**
 * How cases are stored: the folded case with the keys its intake history is found by
 * (`CaseRecord`), and beside it the board's flat row (`CaseRow`, P3: 10,000 rows read and
 * filtered without folding anything), written in the same transaction as the case.
 */
export type CaseRecord = Case & {
  /** RP1: the respondent's exhibitor key (absent when entered by hand without one). */
  readonly respondentKey?: string;
  /** RP4, RP6: the complainant's identity (`partyKey`). */
  readonly complainantKey: string;
};

export interface CaseRow {
  readonly id: CaseId;
  readonly fairId: FairId;
  readonly caseNo: CaseNumber;
  readonly complaintId: ComplaintId;
  readonly complainant: string;
  readonly complainantKey: string;
  readonly respondent: string;
  readonly respondentKey?: string;
  /** `hall/stand` */
  readonly booth: string;
  readonly hall: string;
  readonly state: CaseState;
  readonly outcome?: Outcome;
  readonly ipTypes: readonly IpType[];
  readonly experts: readonly UserId[];
  readonly flags: readonly CaseFlag[];
  /** DL8: the deadline the case waits on in its state. */
  readonly nextDeadline?: Deadline;
  readonly receivedAt: Instant;
  readonly updatedAt: Instant;
}

export function toRecord(c: Case): CaseRecord {
  const key = c.respondent.exhibitorKey;
  return { ...c, complainantKey: partyKey(c.complainant), ...(key === undefined ? {} : { respondentKey: key }) };
}

export function fromRecord(r: CaseRecord): Case {
  const { respondentKey: _r, complainantKey: _c, ...c } = r;
  return c;
}

export function toCaseRow(c: Case): CaseRow {
  const deadline = runningDeadline(c);
  const key = c.respondent.exhibitorKey;
  return {
    id: c.id,
    fairId: c.fairId,
    caseNo: c.caseNo,
    complaintId: c.complaintId,
    complainant: c.complainant.name,
    complainantKey: partyKey(c.complainant),
    respondent: c.respondent.name,
    ...(key === undefined ? {} : { respondentKey: key }),
    booth: boothKey(c.respondent.booth),
    hall: c.respondent.booth.hall,
    state: c.state,
    ...(c.outcome === undefined ? {} : { outcome: c.outcome }),
    ipTypes: [...new Set(c.rights.map((r) => r.type))],
    experts: c.experts,
    flags: c.flags,
    ...(deadline === undefined ? {} : { nextDeadline: deadline }),
    receivedAt: c.receivedAt,
    updatedAt: c.updatedAt,
  };
}
