import { z } from 'zod';
import { Case } from '../case/case';
import { CaseEvent } from '../case/events';
import { CaseFlag, CaseState, IpType, Outcome } from '../codes';
import { Evidence } from '../evidence';
import { Fair } from '../fair';
import { CaseId, DeviceId, FairId } from '../ids';
import { Instant } from '../time';

/**
 * The console's case browser (CB1–CB4, src/server/CONSOLE-SPEC.md): every case of a fair,
 * searched and filtered on the server, and one case in full. Read-only. Routes, under
 * `/api/console` like the rest of the console's contract (console.ts):
 *
 *   GET /fairs/:fairId/cases?CaseBrowseQuery                     -> CaseBrowsePage
 *   GET /fairs/:fairId/cases/:caseId                             -> CaseDetailReply
 *   GET /fairs/:fairId/cases/:caseId/evidence/:evidenceId        -> the evidence file (its own type)
 */

export const DEFAULT_CASE_PAGE = 50;
export const MAX_CASE_PAGE = 200;
/** CB2: page numbers stop here; a narrower search beats paging through thousands. */
export const MAX_CASE_OFFSET = 100_000;

/** `?overdue=1` only; absent means no condition. */
const Flag = z.enum(['1']).optional();

/** CB2: one search text (case number, booth, party name, USCC) and the filters, all optional. */
export const CaseBrowseQuery = z.object({
  q: z.string().trim().max(100).optional(),
  state: CaseState.optional(),
  outcome: Outcome.optional(),
  ipType: IpType.optional(),
  hall: z.string().trim().min(1).max(20).optional(),
  /** A tablet that recorded any event of the case. */
  tablet: DeviceId.optional(),
  overdue: Flag,
  offset: z.coerce.number().int().min(0).max(MAX_CASE_OFFSET).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CASE_PAGE).default(DEFAULT_CASE_PAGE),
});
export type CaseBrowseQuery = z.infer<typeof CaseBrowseQuery>;
export type CaseBrowseQueryInput = z.input<typeof CaseBrowseQuery>;

export const CaseBrowseRow = z.object({
  caseId: CaseId,
  caseNo: z.string(),
  receivedAt: Instant,
  state: CaseState,
  outcome: Outcome.nullable(),
  hall: z.string(),
  booth: z.string(),
  respondent: z.string(),
  complainant: z.string(),
  ipTypes: z.array(IpType),
  flags: z.array(CaseFlag),
  /** DL5: the deadline the case waits on, if any. */
  dueAt: Instant.nullable(),
  overdue: z.boolean(),
  /** Device codes of the tablets that recorded its events, the receiving one first. */
  tablets: z.array(z.string()),
});
export type CaseBrowseRow = z.infer<typeof CaseBrowseRow>;

export const TabletOption = z.object({ deviceId: DeviceId, deviceCode: z.string() });
export type TabletOption = z.infer<typeof TabletOption>;

export const CaseBrowsePage = z.object({
  type: z.literal('cases'),
  fairId: FairId,
  fair: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() }),
  now: Instant,
  /** How many cases match, over every page; with `more`, a count that stopped there (CB5). */
  total: z.number().int().min(0),
  /** CB5: more than `total` cases match (a filtered count stops at its cap). */
  more: z.boolean(),
  offset: z.number().int().min(0),
  rows: z.array(CaseBrowseRow),
  /** What the hall and tablet filters offer: the fair's halls and tablets. */
  halls: z.array(z.string()),
  tabletOptions: z.array(TabletOption),
});
export type CaseBrowsePage = z.infer<typeof CaseBrowsePage>;

/** CB4: an evidence record with what the server knows of its file. */
export const EvidenceFacts = z.object({
  evidence: Evidence,
  /** The capturing tablet's code (null when the server never enrolled that device). */
  deviceCode: z.string().nullable(),
  capturedByName: z.string().nullable(),
  /** When the server stored the record. */
  receivedAt: Instant,
  /** The server holds the file (verified against its SHA-256 when it came in). */
  held: z.boolean(),
});
export type EvidenceFacts = z.infer<typeof EvidenceFacts>;

export const CaseDetailReply = z.object({
  type: z.literal('case'),
  now: Instant,
  fair: Fair,
  case: Case,
  /** The case's events in the order the fold applied them (CS5). */
  events: z.array(CaseEvent),
  /** Device id → code, for every device of the fair (CB3: the timeline names tablets by code). */
  deviceCodes: z.record(z.string(), z.string()),
  /** User id → name, for every account the events and evidence name. */
  userNames: z.record(z.string(), z.string()),
  evidence: z.array(EvidenceFacts),
});
export type CaseDetailReply = z.infer<typeof CaseDetailReply>;
