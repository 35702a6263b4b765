import type { Case } from '../case/case';

/**
 * The part of a folded case that the post-show figures read (R3–R15, R17; `report/SPEC.md`):
 * what `sessionFigures` and everything it calls may look at. A whole `Case` is one, so the
 * server and the tests pass cases unchanged; the tablet keeps one per case beside the case record
 * and reads only these (PS1), so the compiler holds the figures to the fields kept here.
 */
export type SummaryCase = Pick<Case, 'id' | 'fairId' | 'complaintId' | 'receivedAt' | 'updatedAt' | 'state' | 'outcome' | 'acceptedAt' | 'foreignRelated' | 'flags' | 'conflicts'> & {
  /** RP6: what `partyKey` reads. */
  readonly complainant: Pick<Case['complainant'], 'uscc' | 'foreignRegNo' | 'country' | 'idDoc' | 'name'>;
  /** R8, R12 (hall), RP1. */
  readonly respondent: Pick<Case['respondent'], 'exhibitorKey' | 'name'> & { readonly booth: Pick<Case['respondent']['booth'], 'hall'> };
  /** R11: the IP types. */
  readonly rights: readonly Pick<Case['rights'][number], 'type'>[];
  /** R6 */
  readonly rejection?: Pick<NonNullable<Case['rejection']>, 'reason'>;
  /** R14 (first opinion), R15 (PRIOR_RULING), R17, RP6. */
  readonly opinion?: Pick<NonNullable<Case['opinion']>, 'conclusion' | 'basis' | 'issuedAt'>;
  /** R12, R14 (verified). */
  readonly measures: readonly SummaryMeasure[];
  /** R14: when the measures were ordered. */
  readonly deadlines: { readonly measure?: Pick<NonNullable<Case['deadlines']['measure']>, 'startedAt'> };
  /** R13, R17 */
  readonly review: {
    readonly requestedBy: Case['review']['requestedBy'];
    readonly decisions: readonly Pick<Case['review']['decisions'][number], 'decision'>[];
  };
  /** R13 */
  readonly transfer?: Pick<NonNullable<Case['transfer']>, 'kind'>;
  readonly handover?: Pick<NonNullable<Case['handover']>, 'inTime'>;
};

export type SummaryMeasure = Pick<Case['measures'][number], 'code'> & {
  readonly verification?: Pick<NonNullable<Case['measures'][number]['verification']>, 'result' | 'at'>;
};

const defined = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

/** A case cut down to its `SummaryCase` fields (absent optional fields stay absent). */
export function toSummaryCase(c: Case | SummaryCase): SummaryCase {
  const p = c.complainant;
  return {
    id: c.id,
    fairId: c.fairId,
    complaintId: c.complaintId,
    receivedAt: c.receivedAt,
    updatedAt: c.updatedAt,
    state: c.state,
    ...defined('outcome', c.outcome),
    ...defined('acceptedAt', c.acceptedAt),
    foreignRelated: c.foreignRelated,
    flags: c.flags,
    conflicts: c.conflicts,
    complainant: { name: p.name, country: p.country, ...defined('uscc', p.uscc), ...defined('foreignRegNo', p.foreignRegNo), ...defined('idDoc', p.idDoc) },
    respondent: { ...defined('exhibitorKey', c.respondent.exhibitorKey), name: c.respondent.name, booth: { hall: c.respondent.booth.hall } },
    rights: c.rights.map((r) => ({ type: r.type })),
    ...defined('rejection', c.rejection === undefined ? undefined : { reason: c.rejection.reason }),
    ...defined('opinion', c.opinion === undefined ? undefined : { conclusion: c.opinion.conclusion, basis: c.opinion.basis, issuedAt: c.opinion.issuedAt }),
    measures: c.measures.map((m) => ({
      code: m.code,
      ...defined('verification', m.verification === undefined ? undefined : { result: m.verification.result, at: m.verification.at }),
    })),
    deadlines: c.deadlines.measure === undefined ? {} : { measure: { startedAt: c.deadlines.measure.startedAt } },
    review: { requestedBy: c.review.requestedBy, decisions: c.review.decisions.map((d) => ({ decision: d.decision })) },
    ...defined('transfer', c.transfer === undefined ? undefined : { kind: c.transfer.kind }),
    ...defined('handover', c.handover === undefined ? undefined : { inTime: c.handover.inTime }),
  };
}
