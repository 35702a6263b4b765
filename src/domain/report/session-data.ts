import { z } from 'zod';
import type { Case } from '../case/case';
import type { CaseEvent } from '../case/events';
import type { Commitment } from '../commitment';
import type { Consultation } from '../consultation';
import type { Exhibitor } from '../exhibitor';
import type { Authority, Fair } from '../fair';
import { UserId } from '../ids';
import type { OutreachActivity } from '../outreach';
import { CivilDate } from '../time';
import type { SummaryCase } from './summary-case';

/** One expert on duty at the desk on one fair day (R19 counts experts and expert-days). */
export const ExpertDuty = z.object({ expertId: UserId, date: CivilDate });
export type ExpertDuty = z.infer<typeof ExpertDuty>;

/**
 * Everything one session contributes to its post-show summary (PS1, PS2): all devices
 * synced, cases folded from their events. Records of other fairs are ignored. The figures read
 * only a case's `SummaryCase` fields (`C`); a read for other uses holds whole cases.
 */
export interface SessionData<C extends SummaryCase = Case> {
  readonly fair: Fair;
  /** The session's cases, folded (`foldAll`). */
  readonly cases: readonly C[];
  /**
   * Their events: R14 needs the times at which cases passed their milestones. Only the events of
   * cases for which `needsEvents` (timeline.ts) holds are needed; the rest may be left out.
   */
  readonly events: readonly CaseEvent[];
  readonly exhibitors: readonly Exhibitor[];
  readonly commitments: readonly Commitment[];
  readonly consultations: readonly Consultation[];
  readonly outreach: readonly OutreachActivity[];
  readonly expertsOnDuty: readonly ExpertDuty[];
  /** Authorities stationed at the fair (R19); default: the fair's listed authorities (§3). */
  readonly authorities?: readonly Pick<Authority, 'name'>[];
  /**
   * The cases of the session before this one (`fair.previousFairId`), for RP2/RP3 in R15. When
   * the summary is given the previous session's data, its cases are used.
   */
  readonly priorCases?: readonly C[];
}
