import { z } from 'zod';
import { AuthorityKind, MeasureCode, NotAcceptedReason, Outcome } from '../codes';
import { CaseId, ComplaintId, EventId, EvidenceId, FairId, UserId } from '../ids';
import { IpRight } from '../ip-right';
import { VerificationResult } from '../measure';
import { Party } from '../party';
import { OptionalText, Text } from '../text';
import { Instant } from '../time';
import { Booth } from '../validators/booth';
import { AccusedItem, Channel, Conclusion, OpinionBasis, Respondent, ReviewParty } from './case';
import { CaseNumber } from './case-number';
import { ChecklistItem } from './checklist';

/**
 * The case commands CS8–CS31 (plus notes, CS4), one zod schema each. A command carries the ids it
 * creates (`eventId`); `now`, the actor, the device and the clock come in the decide context.
 * Party commands carry the party's signature evidence (CS2). Who may issue which, and when:
 * command-rules.ts.
 */

/** Every command type, in rule order: the one list the command and event unions are built from. */
export const COMMAND_TYPES = [
  'Submit',
  'RequestSupplement',
  'RecordSupplement',
  'Reject',
  'Accept',
  'NotifyRespondent',
  'RecordDefence',
  'RecordAdmission',
  'MarkDefenceOverdue',
  'IssueOpinion',
  'OrderMeasures',
  'VerifyMeasure',
  'Transfer',
  'RecordHandover',
  'RequestReview',
  'DecideReview',
  'RecordSettlement',
  'Withdraw',
  'CloseFair',
  'RecordPostShowResult',
  'Close',
  'RecordVoluntaryRemoval',
  'ReorderAfterRedisplay',
  'AddNote',
  'ResolveConflict',
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

/** The store reads the respondent's value type here too; it is the case's own (case.ts). */
export { Respondent } from './case';

const OrderedMeasure = z.object({ code: MeasureCode, itemIndex: z.number().int().min(0).max(99).optional() });

/** The complaint as filed (CN4: one case per respondent). */
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
} as const satisfies Record<CommandType, z.ZodObject>;

export type PayloadOf<T extends CommandType> = z.infer<(typeof PAYLOADS)[T]>;

const command = <T extends CommandType>(type: T) =>
  z.object({ type: z.literal(type), caseId: CaseId, eventId: EventId, payload: PAYLOADS[type] });

/** One command schema per type of `COMMAND_TYPES`, in its order (the tuple a discriminated union takes). */
type SchemasOf<L extends readonly CommandType[]> = { readonly [I in keyof L]: ReturnType<typeof command<L[I]>> };
type CommandSchemas = SchemasOf<typeof COMMAND_TYPES>;

export const CaseCommand = z.discriminatedUnion('type', COMMAND_TYPES.map((type) => command(type)) as unknown as CommandSchemas);
export type CaseCommand = z.infer<typeof CaseCommand>;
export type CaseCommandInput = z.input<typeof CaseCommand>;
export type CommandOf<T extends CommandType> = Extract<CaseCommand, { readonly type: T }>;
