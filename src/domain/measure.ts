import { z } from 'zod';
import { MeasureCode } from './codes';
import { EvidenceId, UserId } from './ids';
import { OptionalText } from './text';
import { Instant } from './time';

/**
 * A measure ordered on an established case (EN14, CD3) and its verification at the booth
 * (CS19): `done` needs a photo; `refused` flags `MEASURE_REFUSED` and leads to a transfer (CS20).
 */
export const VERIFICATION_RESULTS = ['done', 'refused'] as const;
export const VerificationResult = z.enum(VERIFICATION_RESULTS);
export type VerificationResult = z.infer<typeof VerificationResult>;

export const MeasureVerification = z
  .object({
    result: VerificationResult,
    at: Instant,
    by: UserId,
    photos: z.array(EvidenceId).max(20).default([]),
    note: OptionalText(500, 'multi'),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'done' && v.photos.length === 0) ctx.addIssue({ code: 'custom', message: 'PHOTO_REQUIRED', path: ['photos'] });
  });
export type MeasureVerification = z.infer<typeof MeasureVerification>;

export const Measure = z.object({
  code: MeasureCode,
  /** The accused item it applies to; absent = the whole booth's matter. */
  itemIndex: z.number().int().min(0).max(99).optional(),
  dueAt: Instant,
  verification: MeasureVerification.optional(),
});
export type Measure = z.infer<typeof Measure>;
export type MeasureInput = z.input<typeof Measure>;

/** CS19: the case reaches MEASURES_VERIFIED when every measure is verified `done`. */
export const allMeasuresDone = (measures: readonly { readonly verification?: Pick<MeasureVerification, 'result'> }[]): boolean =>
  measures.length > 0 && measures.every((m) => m.verification?.result === 'done');

export const anyMeasureRefused = (measures: readonly Measure[]): boolean =>
  measures.some((m) => m.verification?.result === 'refused');

/** DL5: a measure is overdue when `now > dueAt` and it has no verification. */
export const isMeasureOverdue = (m: Measure, now: Instant): boolean => m.verification === undefined && now > m.dueAt;
