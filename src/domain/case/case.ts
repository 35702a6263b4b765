import { z } from 'zod';
import { AuthorityKind, CaseFlag, CaseState, NotAcceptedReason, Outcome, Role } from '../codes';
import { ExhibitorKey } from '../exhibitor';
import { Hlc } from '../hlc';
import { CaseId, ComplaintId, EventId, EvidenceId, FairId, UserId } from '../ids';
import { IpRight } from '../ip-right';
import { Measure } from '../measure';
import { Party } from '../party';
import { OptionalText, Text } from '../text';
import { Instant } from '../time';
import { Booth } from '../validators/booth';
import { CaseNumber } from './case-number';
import { ChecklistItem } from './checklist';
import { Deadline } from './deadlines';

/**
 * A case: one respondent of one complaint (CN4). The filed fields come from `Submit`; everything
 * else is folded from the case's events (`evolve`, `fold`). Its value types come first: the
 * commands (commands.ts) and events (events.ts) carry them.
 */

/** Who recorded an event (CS1): the user, when one signed in, and the role acted in. */
export const Actor = z.object({ userId: UserId.optional(), role: Role });
export type Actor = z.infer<typeof Actor>;

export const CHANNELS = ['desk', 'phone_qr', 'online'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Respondent = z.object({
  exhibitorKey: ExhibitorKey.optional(),
  name: Text(1, 100),
  booth: Booth,
});
export type Respondent = z.infer<typeof Respondent>;

export const AccusedItem = z.object({
  description: Text(1, 500, 'multi'),
  evidenceIds: z.array(EvidenceId).max(50),
});
export type AccusedItem = z.infer<typeof AccusedItem>;

/** CS7 grounds of an opinion. */
export const OPINION_BASES = ['ADMISSION', 'NO_DEFENCE', 'PRIOR_RULING', 'EXPERT_REVIEW'] as const;
export const OpinionBasis = z.enum(OPINION_BASES);
export type OpinionBasis = z.infer<typeof OpinionBasis>;

export const Conclusion = z.enum(['NOT_ESTABLISHED', 'ESTABLISHED_ALLEGED']);
export type Conclusion = z.infer<typeof Conclusion>;

export const ReviewParty = z.enum(['complainant', 'respondent']);
export type ReviewParty = z.infer<typeof ReviewParty>;


export const Deadlines = z.object({
  acceptance: Deadline.optional(),
  supplement: Deadline.optional(),
  defence: Deadline.optional(),
  measure: Deadline.optional(),
  reviewRequest: Deadline.optional(),
  reviewDecision: Deadline.optional(),
  handover: Deadline.optional(),
});
export type Deadlines = z.infer<typeof Deadlines>;

export const Opinion = z.object({
  conclusion: Conclusion,
  basis: OpinionBasis,
  reasons: Text(1, 4000, 'multi'),
  /** The experts who signed; CS23 forbids them to decide the review. */
  experts: z.array(UserId).min(1),
  issuedAt: Instant,
  issuedBy: UserId.optional(),
});
export type Opinion = z.infer<typeof Opinion>;

export const Handover = z.object({ receivingOfficer: Text(1, 100), handedOverAt: Instant, inTime: z.boolean() });

export const Case = z.object({
  id: CaseId,
  caseNo: CaseNumber,
  complaintId: ComplaintId,
  fairId: FairId,
  channel: Channel,
  receivedAt: Instant,
  complainant: Party,
  agent: Party.optional(),
  respondent: Respondent,
  rights: z.array(IpRight).min(1),
  accusedItems: z.array(AccusedItem).min(1),
  checklist: z.array(ChecklistItem),
  experts: z.array(UserId),
  flags: z.array(CaseFlag),
  foreignRelated: z.boolean(),

  state: CaseState,
  /** CS6: set on entering CLOSED; TRANSFERRED holds a provisional one. */
  outcome: Outcome.optional(),
  deadlines: Deadlines,
  acceptedAt: Instant.optional(),
  rejection: z.object({ reason: NotAcceptedReason, text: OptionalText(500, 'multi') }).optional(),
  notification: z
    .object({ servedAt: Instant, by: Actor, refusedWitness: OptionalText(100) })
    .optional(),
  defence: z.object({ at: Instant, inTime: z.boolean(), goodCause: OptionalText(500, 'multi') }).optional(),
  admittedAt: Instant.optional(),
  opinion: Opinion.optional(),
  measures: z.array(Measure),
  review: z.object({
    requestedBy: z.array(ReviewParty),
    /** The open request: the state it came from (CS22, CS23 upheld returns there). */
    pending: z.object({ by: ReviewParty, at: Instant, priorState: CaseState }).optional(),
    decisions: z.array(z.object({ decision: z.enum(['upheld', 'overturned']), at: Instant, by: UserId.optional() })),
  }),
  transfer: z
    .object({ authorityName: Text(1, 100), kind: AuthorityKind, reason: Text(1, 1000, 'multi'), at: Instant })
    .optional(),
  /** CS21: the receiving officer (a transfer, or an accepted case in `authority` mode). */
  handover: Handover.optional(),
  postShow: z.object({ outcome: Outcome, authorityResult: OptionalText(2000, 'multi') }).optional(),
  fairClosed: z.boolean(),
  notes: z.array(z.object({ at: Instant, by: Actor, text: Text(1, 2000, 'multi') })),

  /** CS5: events whose guard failed on replay (flag `CONFLICT`). */
  conflicts: z.array(EventId),
  /** The case's latest events, parents of the next one; more than one means a fork. */
  heads: z.array(EventId).min(1),
  lastHlc: Hlc,
  updatedAt: Instant,
  eventCount: z.number().int().min(1),
});
export type Case = z.infer<typeof Case>;

export const isOpen = (c: Case): boolean => c.state !== 'CLOSED';

/**
 * Invariants every folded case keeps (property-tested): rule IDs in brackets.
 * Returns the broken ones, empty when all hold.
 */
export function brokenInvariants(c: Case): string[] {
  const broken: string[] = [];
  const hasOutcome = c.outcome !== undefined;
  if (c.state === 'CLOSED' && !hasOutcome) broken.push('CS6 CLOSED without outcome');
  if (c.state === 'TRANSFERRED' && !(c.outcome === 'TRANSFERRED_ADMIN' || c.outcome === 'TRANSFERRED_ENFORCEMENT')) {
    broken.push('CS6 TRANSFERRED without a provisional outcome');
  }
  if (hasOutcome && c.state !== 'CLOSED' && c.state !== 'TRANSFERRED') broken.push(`outcome in open state ${c.state}`);
  if ((c.state === 'MEASURES_ORDERED' || c.state === 'MEASURES_VERIFIED') && c.opinion?.conclusion !== 'ESTABLISHED_ALLEGED') {
    broken.push('CS18 measures without an established opinion');
  }
  if ((c.state === 'MEASURES_ORDERED' || c.state === 'MEASURES_VERIFIED') && c.measures.length === 0) broken.push('CS18 no measures');
  if (c.state === 'DETERMINED' && c.opinion === undefined) broken.push('CS17 DETERMINED without opinion');
  if (c.state === 'UNDER_REVIEW' && c.review.pending === undefined) broken.push('CS22 UNDER_REVIEW without request');
  if (c.state !== 'UNDER_REVIEW' && c.review.pending !== undefined) broken.push('CS23 request left pending');
  if (c.state === 'NOTIFIED' && c.deadlines.defence === undefined) broken.push('CS13 NOTIFIED without defenceDueAt');
  if (c.state === 'INCOMPLETE' && c.deadlines.supplement === undefined) broken.push('CS9 INCOMPLETE without supplementDueAt');
  if (c.outcome === 'NOT_ACCEPTED' && c.rejection === undefined && c.postShow === undefined) broken.push('CS11 NOT_ACCEPTED without reason');
  if (c.state === 'DEFENCE_OVERDUE' && c.deadlines.defence?.capped !== false) broken.push('DL6 overdue on a capped window');
  if (c.conflicts.length > 0 && !c.flags.includes('CONFLICT')) broken.push('CS5 conflict not flagged');
  if (new Set(c.flags).size !== c.flags.length) broken.push('duplicate flags');
  return broken;
}
