import { z } from 'zod';
import { UserId } from '../ids';
import { OutreachActivity } from '../outreach';
import { Text } from '../text';
import { Instant } from '../time';
import { ExpertDuty } from './session-data';

/**
 * What R18 and R19 (`report/SPEC.md`) count and nothing else records: training and publicity
 * (sessions, 人次, activities, 份) and the on-site service (experts on duty by day, authorities
 * stationed). The organizer enters them on the summary screen; they travel inside the fair
 * record (`Fair.service`), a whole snapshot synced like the fair's settings (the last writer
 * wins, SY20), so the server's summary counts the same entries as every tablet.
 *
 * Authorities are names: default (absent) = the fair's listed authorities (§3).
 */
export const ServiceRecord = z.object({
  outreach: z.array(OutreachActivity).max(1000).default([]),
  expertsOnDuty: z.array(ExpertDuty).max(10_000).default([]),
  authorities: z.array(Text(1, 100)).max(50).optional(),
  updatedAt: Instant,
  updatedBy: UserId,
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;
export type ServiceRecordInput = z.input<typeof ServiceRecord>;

/** The SessionData parts R18/R19 read, from a fair's record (empty when nothing was entered). */
export function serviceDataOf(fair: {
  readonly settings: { readonly authorities: readonly { readonly name: string; readonly kind: string }[] };
  readonly service?: ServiceRecord;
}): { outreach: OutreachActivity[]; expertsOnDuty: ExpertDuty[]; authorities?: { name: string }[] } {
  const s = fair.service;
  if (s === undefined) return { outreach: [], expertsOnDuty: [] };
  return {
    outreach: s.outreach,
    expertsOnDuty: s.expertsOnDuty,
    ...(s.authorities === undefined ? {} : { authorities: s.authorities.map((name) => ({ name })) }),
  };
}
