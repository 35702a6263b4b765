import { z } from 'zod';
import { FairId, ULID_PATTERN } from './ids';
import { Text } from './text';
import { CivilDate } from './time';
import { recordMeta } from './validators/record-meta';

/**
 * Training and publicity at the fair (培训宣传, EN16), counted in R18: training sessions
 * and their participants (人次), publicity activities and the materials handed out (份).
 */
export const OutreachId = z.string().regex(ULID_PATTERN, { message: 'ULID' }).brand<'OutreachId'>();
export type OutreachId = z.infer<typeof OutreachId>;

export const OUTREACH_KINDS = ['training', 'publicity'] as const;
export const OutreachKind = z.enum(OUTREACH_KINDS);
export type OutreachKind = z.infer<typeof OutreachKind>;

/** Upper bounds catch a typo (an extra digit) rather than limit a real fair. */
export const OutreachActivity = z.object({
  id: OutreachId,
  fairId: FairId,
  kind: OutreachKind,
  /** Civil date in the fair's zone. */
  date: CivilDate,
  title: Text(1, 200),
  participants: z.number().int().min(0).max(1_000_000),
  materials: z.number().int().min(0).max(10_000_000),
  ...recordMeta,
});
export type OutreachActivity = z.infer<typeof OutreachActivity>;
export type OutreachActivityInput = z.input<typeof OutreachActivity>;
