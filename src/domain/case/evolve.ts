import type { CaseFlag } from '../codes';
import { compareHlc } from '../hlc';
import type { UserId } from '../ids';
import { allMeasuresDone } from '../measure';
import type { Measure } from '../measure';
import { maxInstant } from '../time';
import type { Case } from './case';
import type { CaseEvent, EventOf } from './events';
import { mergeChecklist } from './rules';

/**
 * `evolve(case, event) → case` (CS1): pure and total for events `decide` produced. It trusts the
 * event: guards ran when it was decided, and `fold` re-checks the state guards on replay (CS5).
 * Deadlines are copied from the event, never recomputed (DL7).
 */

const withFlag = (flags: readonly CaseFlag[], flag: CaseFlag): CaseFlag[] => (flags.includes(flag) ? [...flags] : [...flags, flag]);
const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

function created(e: EventOf<'Submit'>): Case {
  const p = e.payload;
  return {
    id: e.caseId,
    caseNo: p.caseNo,
    complaintId: p.complaintId,
    fairId: p.fairId,
    channel: p.channel,
    receivedAt: p.receivedAt,
    complainant: p.complainant,
    agent: p.agent,
    respondent: p.respondent,
    rights: p.rights,
    accusedItems: p.accusedItems,
    checklist: p.checklist,
    experts: p.experts,
    flags: p.flags,
    foreignRelated: p.foreignRelated,
    state: 'RECEIVED',
    deadlines: { acceptance: p.acceptanceDue },
    measures: [],
    review: { requestedBy: [], decisions: [] },
    fairClosed: false,
    notes: [],
    conflicts: [],
    heads: [e.id],
    lastHlc: e.hlc,
    updatedAt: e.at,
    eventCount: 1,
  };
}

const newMeasures = (ordered: readonly { code: Measure['code']; itemIndex?: number | undefined }[], dueAt: Measure['dueAt']): Measure[] =>
  ordered.map((m) => ({ code: m.code, itemIndex: m.itemIndex, dueAt }));

/** The state change of one event, before the common stamp. */
function apply(c: Case, e: CaseEvent): Case {
  switch (e.type) {
    case 'Submit':
      return c;
    case 'RequestSupplement':
      return { ...c, state: 'INCOMPLETE', deadlines: { ...c.deadlines, supplement: e.payload.supplementDue } };
    case 'RecordSupplement':
      return { ...c, state: 'RECEIVED', checklist: mergeChecklist(c.checklist, e.payload.items) };
    case 'Reject':
      return { ...c, state: 'CLOSED', outcome: 'NOT_ACCEPTED', rejection: { reason: e.payload.reason, text: e.payload.text } };
    case 'Accept': {
      const p = e.payload;
      return {
        ...c,
        state: 'ACCEPTED',
        acceptedAt: e.at,
        checklist: mergeChecklist(c.checklist, p.checklist),
        flags: p.duplicateClearedReason === undefined ? c.flags : c.flags.filter((f) => f !== 'DUPLICATE'),
        experts: e.actor.userId === undefined ? c.experts : union(c.experts, [e.actor.userId]),
        deadlines: p.handoverDue === undefined ? c.deadlines : { ...c.deadlines, handover: p.handoverDue },
      };
    }
    case 'NotifyRespondent': {
      const s = e.payload.service;
      return {
        ...c,
        state: 'NOTIFIED',
        notification: { servedAt: e.payload.servedAt, by: e.actor, refusedWitness: s.kind === 'refused' ? s.witness : undefined },
        deadlines: { ...c.deadlines, defence: e.payload.defenceDue },
      };
    }
    case 'RecordDefence':
      return { ...c, state: 'DEFENCE_RECEIVED', defence: { at: e.at, inTime: e.payload.inTime, goodCause: e.payload.goodCause?.reason } };
    case 'RecordAdmission':
      return { ...c, state: 'ADMITTED', admittedAt: e.at };
    case 'MarkDefenceOverdue':
      return { ...c, state: 'DEFENCE_OVERDUE' };
    case 'IssueOpinion': {
      const p = e.payload;
      return {
        ...c,
        state: 'DETERMINED',
        opinion: { conclusion: p.conclusion, basis: p.basis, reasons: p.reasons, experts: p.experts, issuedAt: e.at, issuedBy: e.actor.userId },
        experts: union(c.experts, p.experts),
        deadlines: p.reviewDue === undefined ? c.deadlines : { ...c.deadlines, reviewRequest: p.reviewDue },
      };
    }
    case 'OrderMeasures':
      return {
        ...c,
        state: 'MEASURES_ORDERED',
        measures: newMeasures(e.payload.measures, e.payload.measureDue.dueAt),
        deadlines: { ...c.deadlines, measure: e.payload.measureDue },
      };
    case 'VerifyMeasure': {
      const p = e.payload;
      const measures = c.measures.map((m, i) =>
        i === p.measureIndex
          ? { ...m, verification: { result: p.result, at: e.at, by: e.actor.userId as UserId, photos: p.photos, note: p.note } }
          : m,
      );
      return {
        ...c,
        measures,
        // CS19: a refusal flags MEASURE_REFUSED and leaves the case for a transfer (CS20).
        flags: p.result === 'refused' ? withFlag(c.flags, 'MEASURE_REFUSED') : c.flags,
        state: allMeasuresDone(measures) ? 'MEASURES_VERIFIED' : c.state,
      };
    }
    case 'Transfer': {
      const p = e.payload;
      return {
        ...c,
        state: 'TRANSFERRED',
        // CS6: a provisional outcome until the authority's result (CS27).
        outcome: p.kind === 'admin' ? 'TRANSFERRED_ADMIN' : 'TRANSFERRED_ENFORCEMENT',
        transfer: { authorityName: p.authorityName, kind: p.kind, reason: p.reason, at: e.at },
        review: { ...c.review, pending: undefined },
        handover: undefined,
        deadlines: { ...c.deadlines, handover: p.handoverDue },
      };
    }
    case 'RecordHandover':
      return { ...c, handover: { receivingOfficer: e.payload.receivingOfficer, handedOverAt: e.payload.handedOverAt, inTime: e.payload.inTime } };
    case 'RequestReview':
      return {
        ...c,
        state: 'UNDER_REVIEW',
        review: {
          ...c.review,
          requestedBy: [...c.review.requestedBy, e.payload.party],
          pending: { by: e.payload.party, at: e.at, priorState: c.state },
        },
        deadlines: { ...c.deadlines, reviewDecision: e.payload.reviewDecisionDue },
      };
    case 'DecideReview': {
      const review = {
        ...c.review,
        pending: undefined,
        decisions: [...c.review.decisions, { decision: e.payload.decision, at: e.at, by: e.actor.userId }],
      };
      if (e.payload.decision === 'upheld') return { ...c, state: c.review.pending?.priorState ?? 'DETERMINED', review };
      // CS23: overturned → DETERMINED with the other conclusion; measures are lifted.
      const opinion = c.opinion;
      return {
        ...c,
        state: 'DETERMINED',
        review,
        measures: [],
        opinion:
          opinion === undefined
            ? undefined
            : {
                ...opinion,
                conclusion: opinion.conclusion === 'ESTABLISHED_ALLEGED' ? 'NOT_ESTABLISHED' : 'ESTABLISHED_ALLEGED',
                basis: 'EXPERT_REVIEW',
                reasons: e.payload.reasons,
                issuedAt: e.at,
              },
      };
    }
    case 'RecordSettlement':
      return { ...c, state: 'CLOSED', outcome: 'MEDIATED' };
    case 'Withdraw':
      return { ...c, state: 'CLOSED', outcome: 'WITHDRAWN' };
    case 'CloseFair':
      return closeFair(c);
    case 'RecordPostShowResult':
      return { ...c, state: 'CLOSED', outcome: e.payload.outcome, postShow: { outcome: e.payload.outcome, authorityResult: e.payload.authorityResult } };
    case 'Close':
      return { ...c, state: 'CLOSED', outcome: c.opinion?.conclusion ?? 'NOT_ESTABLISHED' };
    case 'RecordVoluntaryRemoval':
      return { ...c, state: 'CLOSED', outcome: 'VOLUNTARY_REMOVAL' };
    case 'ReorderAfterRedisplay':
      return {
        ...c,
        state: 'MEASURES_ORDERED',
        outcome: undefined,
        flags: withFlag(c.flags, 'REDISPLAY'),
        measures: [...c.measures, ...newMeasures(e.payload.measures, e.payload.measureDue.dueAt)],
        deadlines: { ...c.deadlines, measure: e.payload.measureDue },
      };
    case 'AddNote':
      return { ...c, notes: [...c.notes, { at: e.at, by: e.actor, text: e.payload.text }] };
    case 'ResolveConflict':
      return resolveConflict(c, e.payload.resolves);
  }
}

/** CS31: the settled events leave `conflicts`; the flag goes with the last of them. */
function resolveConflict(c: Case, resolves: readonly string[]): Case {
  const conflicts = c.conflicts.filter((id) => !resolves.includes(id));
  return { ...c, conflicts, flags: conflicts.length === 0 ? c.flags.filter((f) => f !== 'CONFLICT') : [...c.flags] };
}

/**
 * CS26: at fair close, concluded cases (an opinion, measures verified, no review pending) close
 * with the opinion as outcome; TRANSFERRED stays; the rest waits as PENDING_AT_CLOSE (also DL6).
 */
function closeFair(c: Case): Case {
  const closed = { ...c, fairClosed: true };
  if ((c.state === 'DETERMINED' || c.state === 'MEASURES_VERIFIED') && c.opinion !== undefined) {
    return { ...closed, state: 'CLOSED', outcome: c.opinion.conclusion };
  }
  if (c.state === 'TRANSFERRED') return closed;
  return { ...closed, state: 'PENDING_AT_CLOSE', review: { ...c.review, pending: undefined } };
}

/** Writes the bookkeeping of `e` onto `next`, a fresh copy of `c` (one copy per event, not two). */
function stampInto(next: Case, c: Case, e: CaseEvent): Case {
  const heads = c.heads.filter((h) => !e.parents.includes(h));
  if (!heads.includes(e.id)) heads.push(e.id);
  heads.sort();
  next.heads = heads;
  next.lastHlc = compareHlc(e.hlc, c.lastHlc) > 0 ? e.hlc : c.lastHlc;
  next.updatedAt = maxInstant(c.updatedAt, e.at);
  next.eventCount = c.eventCount + 1;
  return next;
}

/** The bookkeeping every event does: heads (CS5 forks), clock, time, count. */
export const stamp = (c: Case, e: CaseEvent): Case => stampInto({ ...c }, c, e);

export function evolve(c: Case | undefined, e: CaseEvent): Case {
  if (e.type === 'Submit') return created(e);
  if (c === undefined) throw new Error(`evolve: ${e.type} before Submit`);
  // `apply` returns a new object for every event type but Submit (handled above).
  return stampInto(apply(c, e), c, e);
}
