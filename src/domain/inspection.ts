import { z } from 'zod';
import { CaseId, EvidenceId, FairId, ULID_PATTERN, UserId } from './ids';
import { OptionalText } from './text';
import { Instant } from './time';
import type { BoothPatterns } from './validators/booth';
import { Booth, boothSchemaFor } from './validators/booth';
import { recordMeta } from './validators/record-meta';

/**
 * A patrol visit to a booth (巡查, EN17). A `redisplay` finding names the established
 * case whose exhibits are back on show: it is the ground for CS30 (reorder measures, `REDISPLAY`).
 */
export const InspectionId = z.string().regex(ULID_PATTERN, { message: 'ULID' }).brand<'InspectionId'>();
export type InspectionId = z.infer<typeof InspectionId>;

export const INSPECTION_FINDINGS = ['ok', 'suspected', 'redisplay'] as const;
export const InspectionFinding = z.enum(INSPECTION_FINDINGS);
export type InspectionFinding = z.infer<typeof InspectionFinding>;

const build = (booth: typeof Booth) =>
  z
    .object({
      id: InspectionId,
      fairId: FairId,
      at: Instant,
      booth,
      finding: InspectionFinding,
      caseId: CaseId.optional(),
      photos: z.array(EvidenceId).max(20).default([]),
      note: OptionalText(500, 'multi'),
      inspectedBy: UserId,
      ...recordMeta,
    })
    .superRefine((i, ctx) => {
      if (i.finding === 'redisplay' && i.caseId === undefined) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: ['caseId'] });
      // CS19/CS30: a redisplay is shown, not told.
      if (i.finding === 'redisplay' && i.photos.length === 0) ctx.addIssue({ code: 'custom', message: 'PHOTO_REQUIRED', path: ['photos'] });
    });

export const Inspection = build(Booth);
export type Inspection = z.infer<typeof Inspection>;
export type InspectionInput = z.input<typeof Inspection>;

const cache = new Map<typeof Booth, typeof Inspection>([[Booth, Inspection]]);

/** The inspection schema of one fair: the booth checked against `settings.booth` (§3). */
export function inspectionSchemaFor(patterns: BoothPatterns): typeof Inspection {
  const booth = boothSchemaFor(patterns);
  let schema = cache.get(booth);
  if (schema === undefined) {
    schema = build(booth);
    cache.set(booth, schema);
  }
  return schema;
}
