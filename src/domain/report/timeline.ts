import type { Case } from '../case/case';
import type { SummaryCase } from './summary-case';
import type { CaseEvent } from '../case/events';
import { causalOrder, replay } from '../case/fold';
import type { CaseId } from '../ids';
import { allMeasuresDone } from '../measure';
import type { Instant } from '../time';

/**
 * When a case passed the milestones R14 measures. The folded case keeps states, not the times it
 * entered them, so its events are replayed in the CS5 order (the same `replay` as `fold`): a
 * conflicting or duplicate event moves no milestone.
 */
export interface CaseTimeline {
  /** First effective `IssueOpinion` (a review decision is not a first opinion). */
  readonly firstOpinionAt?: Instant;
  /** First effective `OrderMeasures`. */
  readonly measuresOrderedAt?: Instant;
  /** First entry into `MEASURES_VERIFIED` after that order. */
  readonly measuresVerifiedAt?: Instant;
  /** The last entry into `CLOSED` (CS30 may reopen a closed case). */
  readonly closedAt?: Instant;
}

export function caseTimeline(events: readonly CaseEvent[]): CaseTimeline {
  let c: Case | undefined;
  let firstOpinionAt: Instant | undefined;
  let measuresOrderedAt: Instant | undefined;
  let measuresVerifiedAt: Instant | undefined;
  let closedAt: Instant | undefined;
  for (const e of causalOrder(events)) {
    const before = c;
    c = replay(c, e);
    if (c === undefined) continue;
    // A conflicting event (CS5) or a duplicate system command (CS3) leaves the state as it was.
    const moved = before?.state !== c.state;
    if (e.type === 'IssueOpinion' && moved && c.state === 'DETERMINED') firstOpinionAt ??= e.at;
    if (e.type === 'OrderMeasures' && moved && c.state === 'MEASURES_ORDERED') measuresOrderedAt ??= e.at;
    if (moved && c.state === 'MEASURES_VERIFIED' && measuresOrderedAt !== undefined) measuresVerifiedAt ??= e.at;
    if (moved && c.state === 'CLOSED') closedAt = e.at;
  }
  return { firstOpinionAt, measuresOrderedAt, measuresVerifiedAt, closedAt };
}

/** The events of each case, grouped once. */
export function eventsByCase(events: readonly CaseEvent[]): Map<CaseId, CaseEvent[]> {
  const out = new Map<CaseId, CaseEvent[]>();
  for (const e of events) {
    const g = out.get(e.caseId);
    if (g === undefined) out.set(e.caseId, [e]);
    else g.push(e);
  }
  return out;
}

/** Commands that may close a case (§4.2); CloseFair closes only concluded cases (CS26). */
const CLOSING = new Set<CaseEvent['type']>(['Reject', 'RecordSettlement', 'Withdraw', 'RecordPostShowResult', 'Close', 'RecordVoluntaryRemoval']);

/**
 * The same milestones read from the folded case, without a replay, when its history is plain: no
 * conflicting event (CS5), no overturned review (which rewrites the opinion, CS23) and no
 * re-order after a redisplay (which reopens, CS30). Then every event took effect once, the
 * opinion and the measures keep their own times, and one event closed the case. Else undefined.
 * A property test holds it equal to `caseTimeline`.
 */
export function plainTimeline(c: SummaryCase, events: readonly CaseEvent[]): CaseTimeline | undefined {
  if (!isPlain(c)) return undefined;
  let measuresVerifiedAt: Instant | undefined;
  if (allMeasuresDone(c.measures)) {
    for (const m of c.measures) {
      const at = m.verification?.at;
      if (at !== undefined && (measuresVerifiedAt === undefined || at > measuresVerifiedAt)) measuresVerifiedAt = at;
    }
  }
  let closedAt: Instant | undefined;
  if (c.state === 'CLOSED') {
    let closeFair: Instant | undefined;
    for (const e of events) {
      if (CLOSING.has(e.type)) closedAt = closedAt === undefined || e.at > closedAt ? e.at : closedAt;
      else if (e.type === 'CloseFair') closeFair = closeFair === undefined || e.at < closeFair ? e.at : closeFair;
    }
    closedAt ??= closeFair;
  }
  const measuresOrderedAt = c.deadlines.measure?.startedAt;
  return {
    firstOpinionAt: c.opinion?.issuedAt,
    measuresOrderedAt,
    measuresVerifiedAt: measuresOrderedAt === undefined ? undefined : measuresVerifiedAt,
    closedAt,
  };
}

/** Whether a case's history is plain (see `plainTimeline`): its milestones can be read off the case. */
export const isPlain = (c: SummaryCase): boolean =>
  c.conflicts.length === 0 && !c.flags.includes('REDISPLAY') && !c.review.decisions.some((d) => d.decision === 'overturned');

/**
 * Whether R14 needs this case's events (P7: the tablet reads only those). An unaccepted case
 * counts nowhere in R14; a plain case keeps its opinion and measure times, and its closing time
 * matters only when it may lie after `fairCloseAt` — it is never later than `updatedAt` (the
 * latest event), so a case last touched by the close needs none.
 */
export function needsEvents(c: SummaryCase, fairCloseAt: Instant): boolean {
  if (c.acceptedAt === undefined) return false;
  if (!isPlain(c)) return true;
  return c.state === 'CLOSED' && c.updatedAt > fairCloseAt;
}

/** The milestones of a folded case: read off the case when its history is plain, else replayed. */
export const timelineOf = (c: SummaryCase, events: readonly CaseEvent[]): CaseTimeline => plainTimeline(c, events) ?? caseTimeline(events);
