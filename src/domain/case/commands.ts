import { z } from 'zod';
import { AuthorityKind, MeasureCode, NotAcceptedReason, Outcome } from '../codes';
import type { CaseFlag, Role } from '../codes';
import { ExhibitorKey } from '../exhibitor';
import { CaseId, ComplaintId, EventId, EvidenceId, FairId, UserId } from '../ids';
import { IpRight } from '../ip-right';
import { VerificationResult } from '../measure';
import { Party } from '../party';
import { OptionalText, Text } from '../text';
import { Instant } from '../time';
import { Booth } from '../validators/booth';
import { CaseNumber } from './case-number';
import { ChecklistItem } from './checklist';

/**
 * The case commands CS8–CS30 of `case/SPEC.md` (plus notes, CS4), one zod schema each. A command
 * carries the ids it creates (`eventId`); `now`, the actor, the device and the clock come in the
 * decide context. Party commands carry the party's signature evidence (CS2).
 */

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

const OrderedMeasure = z.object({ code: MeasureCode, itemIndex: z.number().int().min(0).max(99).optional() });

/** The complaint as filed (§2), for one respondent. */
export const SubmitPayload = z.object({
  caseNo: CaseNumber,
  complaintId: ComplaintId,
  fairId: FairId,
  channel: Channel,
  receivedAt: Instant,
  complainant: Party,
  agent: Party.optional(),
  respondent: Respondent,
  rights: z.array(IpRight).min(1).max(20),
  accusedItems: z.array(AccusedItem).min(1).max(50),
  /** Statuses known at intake; `decide` completes the list from §5 (codes not named here start `missing`). */
  checklist: z.array(ChecklistItem).max(40).default([]),
  experts: z.array(UserId).max(9).default([]),
  /** CS2: the complainant's signature on the complaint form. */
  signatureEvidenceId: EvidenceId,
});

const Signed = { signatureEvidenceId: EvidenceId };

export const PAYLOADS = {
  Submit: SubmitPayload,
  RequestSupplement: z.object({ note: OptionalText(500, 'multi') }),
  RecordSupplement: z.object({ items: z.array(ChecklistItem).min(1).max(40), ...Signed }),
  Reject: z.object({ reason: NotAcceptedReason, text: OptionalText(500, 'multi') }),
  Accept: z.object({
    /** The expert's verifications and waivers, applied before the CS12 check. */
    checklist: z.array(ChecklistItem).max(40).default([]),
    /** RP4: the reason a DUPLICATE flag is cleared. */
    duplicateClearedReason: OptionalText(500, 'multi'),
  }),
  NotifyRespondent: z.object({
    servedAt: Instant,
    service: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('signed'), signatureEvidenceId: EvidenceId }),
      z.object({ kind: z.literal('refused'), witness: Text(1, 100) }),
    ]),
  }),
  RecordDefence: z.object({
    ...Signed,
    evidenceIds: z.array(EvidenceId).max(50).default([]),
    summary: OptionalText(2000, 'multi'),
    /** CS14: a late defence stands only with good cause recorded by an expert. */
    goodCause: z.object({ reason: Text(1, 500, 'multi'), expertId: UserId }).optional(),
  }),
  RecordAdmission: z.object({ ...Signed }),
  MarkDefenceOverdue: z.object({}),
  IssueOpinion: z.object({
    conclusion: Conclusion,
    basis: OpinionBasis,
    reasons: Text(1, 4000, 'multi'),
    /** The experts who sign (≥ `opinionMinExperts`). */
    experts: z.array(UserId).min(1).max(9),
  }),
  OrderMeasures: z.object({ measures: z.array(OrderedMeasure).min(1).max(20) }),
  VerifyMeasure: z.object({
    measureIndex: z.number().int().min(0).max(99),
    result: VerificationResult,
    /** CS19: verified at the booth, with a photo. */
    atBooth: z.literal(true),
    photos: z.array(EvidenceId).min(1).max(20),
    note: OptionalText(500, 'multi'),
  }),
  Transfer: z.object({ authorityName: Text(1, 100), kind: AuthorityKind, reason: Text(1, 1000, 'multi') }),
  RecordHandover: z.object({ receivingOfficer: Text(1, 100), handedOverAt: Instant }),
  RequestReview: z.object({ party: ReviewParty, grounds: Text(1, 2000, 'multi'), ...Signed }),
  DecideReview: z.object({ decision: z.enum(['upheld', 'overturned']), reasons: Text(1, 4000, 'multi') }),
  RecordSettlement: z.object({
    terms: Text(1, 2000, 'multi'),
    complainantSignatureEvidenceId: EvidenceId,
    respondentSignatureEvidenceId: EvidenceId,
  }),
  Withdraw: z.object({ reason: OptionalText(500, 'multi'), ...Signed }),
  CloseFair: z.object({}),
  RecordPostShowResult: z.object({ outcome: Outcome, authorityResult: OptionalText(2000, 'multi') }),
  Close: z.object({
    /** CS28: both parties waive the rest of the review window. */
    reviewWaiver: z.object({ complainantSignatureEvidenceId: EvidenceId, respondentSignatureEvidenceId: EvidenceId }).optional(),
  }),
  RecordVoluntaryRemoval: z.object({ respondentSignatureEvidenceId: EvidenceId, photos: z.array(EvidenceId).min(1).max(20) }),
  ReorderAfterRedisplay: z.object({
    inspection: z.object({ at: Instant, booth: Booth, finding: z.literal('redisplay') }),
    measures: z.array(OrderedMeasure).min(1).max(20),
  }),
  AddNote: z.object({ text: Text(1, 2000, 'multi') }),
  /**
   * CS31: the organizer's decision on a `CONFLICT`: the set-aside events it settles, whose
   * outcome stands (the branch in effect, or the one set aside) and why. Recorded by the
   * server's own device; it changes no state, only clears what it settles.
   */
  ResolveConflict: z.object({
    resolves: z.array(EventId).min(1).max(64),
    stands: z.enum(['applied', 'set_aside']),
    reason: Text(1, 2000, 'multi'),
    /** The organizer's name as the console knows it: tablets do not hold console accounts. */
    decidedBy: Text(1, 100),
  }),
} as const;

export type CommandType = keyof typeof PAYLOADS;
export const COMMAND_TYPES = Object.keys(PAYLOADS) as CommandType[];
export type PayloadOf<T extends CommandType> = z.infer<(typeof PAYLOADS)[T]>;

const command = <T extends CommandType>(type: T) =>
  z.object({ type: z.literal(type), caseId: CaseId, eventId: EventId, payload: PAYLOADS[type] });

export const CaseCommand = z.discriminatedUnion('type', [
  command('Submit'),
  command('RequestSupplement'),
  command('RecordSupplement'),
  command('Reject'),
  command('Accept'),
  command('NotifyRespondent'),
  command('RecordDefence'),
  command('RecordAdmission'),
  command('MarkDefenceOverdue'),
  command('IssueOpinion'),
  command('OrderMeasures'),
  command('VerifyMeasure'),
  command('Transfer'),
  command('RecordHandover'),
  command('RequestReview'),
  command('DecideReview'),
  command('RecordSettlement'),
  command('Withdraw'),
  command('CloseFair'),
  command('RecordPostShowResult'),
  command('Close'),
  command('RecordVoluntaryRemoval'),
  command('ReorderAfterRedisplay'),
  command('AddNote'),
  command('ResolveConflict'),
]);
export type CaseCommand = z.infer<typeof CaseCommand>;
export type CaseCommandInput = z.input<typeof CaseCommand>;
export type CommandOf<T extends CommandType> = Extract<CaseCommand, { readonly type: T }>;

/** The rule ID of `case/SPEC.md` each command implements. */
export const COMMAND_RULE = {
  Submit: 'CS8',
  RequestSupplement: 'CS9',
  RecordSupplement: 'CS10',
  Reject: 'CS11',
  Accept: 'CS12',
  NotifyRespondent: 'CS13',
  RecordDefence: 'CS14',
  RecordAdmission: 'CS15',
  MarkDefenceOverdue: 'CS16',
  IssueOpinion: 'CS17',
  OrderMeasures: 'CS18',
  VerifyMeasure: 'CS19',
  Transfer: 'CS20',
  RecordHandover: 'CS21',
  RequestReview: 'CS22',
  DecideReview: 'CS23',
  RecordSettlement: 'CS24',
  Withdraw: 'CS25',
  CloseFair: 'CS26',
  RecordPostShowResult: 'CS27',
  Close: 'CS28',
  RecordVoluntaryRemoval: 'CS29',
  ReorderAfterRedisplay: 'CS30',
  AddNote: 'CS4',
  ResolveConflict: 'CS31',
} as const satisfies Record<CommandType, string>;

/**
 * Who may issue each command (§4.2). CS2: a clerk may enter a party's command, with the party's
 * signature. Joint commands (CS24 E + C + R, CS29 R + K) are issued by the staff member and
 * carry the parties' signatures.
 */
export const COMMAND_ROLES = {
  Submit: ['complainant', 'clerk'],
  RequestSupplement: ['clerk', 'expert'],
  RecordSupplement: ['complainant', 'clerk'],
  Reject: ['expert'],
  Accept: ['expert'],
  NotifyRespondent: ['expert', 'clerk'],
  RecordDefence: ['respondent', 'clerk'],
  RecordAdmission: ['respondent', 'clerk'],
  MarkDefenceOverdue: ['system'],
  IssueOpinion: ['expert'],
  OrderMeasures: ['expert'],
  VerifyMeasure: ['organizer', 'expert'],
  Transfer: ['expert'],
  RecordHandover: ['clerk', 'expert'],
  RequestReview: ['respondent', 'complainant', 'clerk'],
  DecideReview: ['expert'],
  RecordSettlement: ['expert'],
  Withdraw: ['complainant', 'clerk'],
  CloseFair: ['system'],
  RecordPostShowResult: ['organizer'],
  Close: ['expert'],
  RecordVoluntaryRemoval: ['clerk'],
  ReorderAfterRedisplay: ['expert'],
  AddNote: ['clerk', 'expert', 'organizer'],
  ResolveConflict: ['organizer'],
} as const satisfies Record<CommandType, readonly Role[]>;

/** CS3: system commands; a duplicate (from another device) changes nothing. */
export const SYSTEM_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['MarkDefenceOverdue', 'CloseFair']);

/** CS4: what is still allowed after `fairCloseAt`. */
export const AFTER_CLOSE_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
  'Transfer',
  'RecordHandover',
  'CloseFair',
  'RecordPostShowResult',
  'AddNote',
  'ResolveConflict',
]);

/** The flags a Submit may carry from the RP checks; the rest arise later. */
export const INTAKE_FLAGS = ['DUPLICATE', 'PRIOR_SESSION', 'REPEAT_RESPONDENT', 'FREQUENT_COMPLAINANT', 'NO_COMMITMENT'] as const satisfies readonly CaseFlag[];
