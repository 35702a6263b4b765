import { z } from 'zod';
import { CaseNumber, DeviceCode } from '../case/case-number';
import { Exhibitor } from '../exhibitor';
import { CaseId, DeviceId, EventId, ExhibitorId, FairId } from '../ids';
import { Instant } from '../time';
import { Text } from '../text';

/**
 * The console's review queue and exhibitor list (src/server/CONSOLE-SPEC.md CO19–CO23), part of
 * the console's contract (console.ts), parsed on both ends.
 *
 *   GET  /api/console/fairs/:fairId/review                                 -> ReviewQueue
 *   POST /api/console/fairs/:fairId/review/cases/:caseId/decide  DecideRequest -> ConflictDecided
 *   POST /api/console/fairs/:fairId/review/items/acknowledge     AcknowledgeRequest -> ItemAcknowledged
 *   GET  /api/console/fairs/:fairId/exhibitors                             -> ExhibitorList
 *   POST /api/console/fairs/:fairId/exhibitors/import            ImportRequest -> ExhibitorsImported
 *   PUT  /api/console/fairs/:fairId/exhibitors/:exhibitorId       EditExhibitorRequest -> ExhibitorsImported
 */

/** One case event as the review shows it: what, when, by which tablet, and the facts of its payload. */
export const ReviewEvent = z.object({
  eventId: EventId,
  type: z.string(),
  at: Instant,
  deviceId: DeviceId,
  /** The tablet's code (CN1); null when the device is unknown to the server. */
  deviceCode: DeviceCode.nullable(),
  role: z.string(),
  /** Payload facts the page words: reason, conclusion, decision, outcome, text. */
  facts: z.record(z.string(), z.string()),
});
export type ReviewEvent = z.infer<typeof ReviewEvent>;

export const ConflictCase = z.object({
  caseId: CaseId,
  caseNo: CaseNumber,
  respondent: z.string(),
  booth: z.string(),
  state: z.string(),
  outcome: z.string().nullable(),
  /** The history both tablets shared, its last event only (the fork point). */
  forkAfter: ReviewEvent.nullable(),
  /** The branch in effect. */
  applied: z.array(ReviewEvent),
  /** The events whose guard failed on replay (CS5): kept, without effect. */
  setAside: z.array(ReviewEvent),
});
export type ConflictCase = z.infer<typeof ConflictCase>;

export const SetAsideItem = z.object({
  list: z.enum(['rejected', 'conflict']),
  /** `rejected`: the item id; `conflict`: the item id and the content hash of the copy kept aside. */
  key: z.string(),
  itemId: z.string(),
  deviceId: z.string(),
  deviceCode: z.string().nullable(),
  receivedAt: Instant,
  /** The refusal code (rejected only). */
  code: z.string().nullable(),
  /** What the kept head of the item says, when it can be read. */
  kind: z.string().nullable(),
  entityId: z.string().nullable(),
  acknowledged: z.object({ by: z.string().nullable(), at: Instant, note: z.string() }).nullable(),
});
export type SetAsideItem = z.infer<typeof SetAsideItem>;

export const ReviewQueue = z.object({ type: z.literal('review'), fairId: FairId, conflicts: z.array(ConflictCase), items: z.array(SetAsideItem) });
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const DecideRequest = z.object({
  resolves: z.array(EventId).min(1).max(64),
  stands: z.enum(['applied', 'set_aside']),
  reason: Text(1, 2000, 'multi'),
});
export type DecideRequest = z.infer<typeof DecideRequest>;
export const ConflictDecided = z.object({ type: z.literal('conflict-decided'), caseId: CaseId, eventId: EventId, serverSeq: z.number().int().positive() });
export type ConflictDecided = z.infer<typeof ConflictDecided>;

export const AcknowledgeRequest = z.object({ list: z.enum(['rejected', 'conflict']), key: z.string().min(1).max(200), note: Text(1, 500, 'multi') });
export type AcknowledgeRequest = z.infer<typeof AcknowledgeRequest>;
export const ItemAcknowledged = z.object({ type: z.literal('item-acknowledged'), already: z.boolean() });
export type ItemAcknowledged = z.infer<typeof ItemAcknowledged>;

// ---------------------------------------------------------------------------------- exhibitors

const FieldErrorSchema = z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])) });

/** At most this many rows in one import request (the console sends a bigger file in parts). */
export const MAX_IMPORT_ROWS = 30_000;

export const ExhibitorList = z.object({
  type: z.literal('exhibitors'),
  fairId: FairId,
  /** 0 before the first import or edit on the server. */
  version: z.number().int().min(0),
  exhibitors: z.array(Exhibitor),
  /** USCCs held by more than one exhibitor: two records that may be one. */
  duplicateUscc: z.array(z.object({ uscc: z.string(), exhibitorIds: z.array(ExhibitorId).min(2) })),
});
export type ExhibitorList = z.infer<typeof ExhibitorList>;

/** One import row as the console's preview made it (the same `previewImport` as the tablet's). */
export const ImportRow = z.object({ row: z.number().int().min(2), fields: z.record(z.string(), z.unknown()) });
export const ImportRequest = z.object({ rows: z.array(ImportRow).min(1).max(MAX_IMPORT_ROWS) });
export type ImportRequest = z.infer<typeof ImportRequest>;
export const EditExhibitorRequest = z.object({ fields: z.record(z.string(), z.unknown()) });
export type EditExhibitorRequest = z.infer<typeof EditExhibitorRequest>;

export const ExhibitorsImported = z.object({
  type: z.literal('exhibitors-saved'),
  version: z.number().int().min(1),
  saved: z.number().int().min(0),
  /** Rows refused, with their file row: nothing is written when any is. */
  rowErrors: z.array(z.object({ row: z.number().int(), errors: z.array(FieldErrorSchema) })),
  /** Rows saved whose USCC another exhibitor of the fair has. */
  warnings: z.array(z.object({ row: z.number().int(), errors: z.array(FieldErrorSchema) })),
});
export type ExhibitorsImported = z.infer<typeof ExhibitorsImported>;
