import type { SummaryCase } from './summary-case';
import type { CaseEvent } from '../case/events';
import type { CaseId } from '../ids';
import { instantToMs } from '../time';
import type { Instant } from '../time';
import { isAccepted } from './case-figures';
import type { FigureValues } from './case-figures';
import { lowerMedian, rateBp, wholeMinutes } from './rates';
import { timelineOf } from './timeline';

const minutes = (from: Instant, to: Instant): number => wholeMinutes(instantToMs(to) - instantToMs(from));

/**
 * R14 (`report/SPEC.md`) over the accepted cases: median whole minutes received → accepted,
 * accepted → first opinion, measures ordered → all verified (even n: the lower middle), and the
 * share of accepted cases closed at or before `fairCloseAt`.
 */
export function timelinessFigures(cases: readonly SummaryCase[], events: ReadonlyMap<CaseId, readonly CaseEvent[]>, fairCloseAt: Instant): FigureValues {
  const toAccept: number[] = [];
  const toOpinion: number[] = [];
  const toVerified: number[] = [];
  let accepted = 0;
  let closedByClose = 0;
  for (const c of cases) {
    if (!isAccepted(c) || c.acceptedAt === undefined) continue;
    accepted++;
    toAccept.push(minutes(c.receivedAt, c.acceptedAt));
    const t = timelineOf(c, events.get(c.id) ?? []);
    if (t.firstOpinionAt !== undefined) toOpinion.push(minutes(c.acceptedAt, t.firstOpinionAt));
    if (t.measuresOrderedAt !== undefined && t.measuresVerifiedAt !== undefined) toVerified.push(minutes(t.measuresOrderedAt, t.measuresVerifiedAt));
    // The closing event is one of the case's, so it is never later than `updatedAt`: a case
    // last touched by the close was closed by then, whether or not its events were read
    // (`needsEvents`: P7 reads only the events R14 cannot do without).
    if (c.state === 'CLOSED' && (c.updatedAt <= fairCloseAt || (t.closedAt !== undefined && t.closedAt <= fairCloseAt))) closedByClose++;
  }
  return {
    'R14.receivedToAccepted': lowerMedian(toAccept),
    'R14.acceptedToOpinion': lowerMedian(toOpinion),
    'R14.orderedToVerified': lowerMedian(toVerified),
    'R14.closedByClose': closedByClose,
    'R14.closedByCloseRate': rateBp(closedByClose, accepted),
  };
}
