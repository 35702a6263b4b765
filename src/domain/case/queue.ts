import type { Instant } from '../time';
import type { Case } from './case';
import type { Deadline } from './deadlines';
import { isOverdue, urgency } from './deadlines';
import type { Urgency } from './deadlines';

/**
 * What the desk's queue shows (DL8): each open case's running deadline (absolute time and
 * countdown, amber/red), overdue cases first, and the overdue count for every screen.
 */

/** The deadline the case is waiting on in its state, if any (DL5: the awaited event is absent). */
export function runningDeadline(c: Case): Deadline | undefined {
  const d = c.deadlines;
  switch (c.state) {
    case 'RECEIVED':
      return d.acceptance;
    case 'INCOMPLETE':
      return d.supplement;
    case 'ACCEPTED':
      // `authority` mode: the handover is due until it is recorded (CS21).
      return c.handover === undefined ? d.handover : undefined;
    case 'NOTIFIED':
      return d.defence;
    case 'DETERMINED':
      return d.reviewRequest;
    case 'MEASURES_ORDERED': {
      // The earliest measure not yet verified.
      const open = c.measures.filter((m) => m.verification?.result !== 'done').map((m) => m.dueAt).sort()[0];
      return open === undefined || d.measure === undefined ? d.measure : { ...d.measure, dueAt: open };
    }
    case 'UNDER_REVIEW':
      return d.reviewDecision;
    case 'TRANSFERRED':
      return c.handover === undefined ? d.handover : undefined;
    default:
      return undefined;
  }
}

export interface QueueEntry {
  readonly case: Case;
  readonly deadline: Deadline | undefined;
  readonly urgency: Urgency | undefined;
  readonly overdue: boolean;
}

/** DL8: open cases, overdue first, then by the nearest deadline, then by case number. */
export function deskQueue(cases: readonly Case[], now: Instant): QueueEntry[] {
  return cases
    .filter((c) => c.state !== 'CLOSED')
    .map((c) => {
      const deadline = runningDeadline(c);
      return {
        case: c,
        deadline,
        urgency: deadline === undefined ? undefined : urgency(deadline, now),
        overdue: deadline !== undefined && isOverdue(deadline, now),
      };
    })
    .sort((a, b) => {
      if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
      const da = a.deadline?.dueAt;
      const db = b.deadline?.dueAt;
      if (da !== db) return da === undefined ? 1 : db === undefined ? -1 : da < db ? -1 : 1;
      return a.case.caseNo < b.case.caseNo ? -1 : a.case.caseNo > b.case.caseNo ? 1 : 0;
    });
}

/** DL8: the count shown on every screen. */
export const overdueCount = (cases: readonly Case[], now: Instant): number =>
  cases.filter((c) => {
    const d = c.state === 'CLOSED' ? undefined : runningDeadline(c);
    return d !== undefined && isOverdue(d, now);
  }).length;
