import { z } from 'zod';
import { CaseId, EvidenceId, FairId, ULID_PATTERN, UserId } from './ids';
import { OptionalText } from './text';
import { Instant } from './time';
import { Booth } from './validators/booth';
import { recordMeta } from './validators/record-meta';

/**
 * A patrol visit to a booth (巡查, DOMAIN.md §2). A `redisplay` finding names the established
 * case whose exhibits are back on show: it is the ground for CS30 (reorder measures, `REDISPLAY`).
 */
export const InspectionId = z.string().regex(ULID_PATTERN, { message: 'ULID' }).brand<'InspectionId'>();
export type InspectionId = z.infer<typeof InspectionId>;

export const INSPECTION_FINDINGS = ['ok', 'suspected', 'redisplay'] as const;
export const InspectionFinding = z.enum(INSPECTION_FINDINGS);
export type InspectionFinding = z.infer<typeof InspectionFinding>;

export const Inspection = z
  .object({
    id: InspectionId,
    fairId: FairId,
    at: Instant,
    booth: Booth,
    finding: InspectionFinding,
    caseId: CaseId.optional(),
    photos: z.array(EvidenceId).max(20).default([]),
    note: OptionalText(500),
    inspectedBy: UserId,
    ...recordMeta,
  })
  .superRefine((i, ctx) => {
    if (i.finding === 'redisplay' && i.caseId === undefined) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['caseId'] });
    // CS19/CS30: a redisplay is shown, not told.
    if (i.finding === 'redisplay' && i.photos.length === 0) ctx.addIssue({ code: 'custom', message: 'PHOTO_REQUIRED', path: ['photos'] });
  });
export type Inspection = z.infer<typeof Inspection>;
export type InspectionInput = z.input<typeof Inspection>;
