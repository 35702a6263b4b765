import type { Case } from '../case/case';
import type { CaseEvent } from '../case/events';
import { causalOrder, replay } from '../case/fold';
import type { CaseId } from '../ids';
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
