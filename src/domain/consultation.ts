import { z } from 'zod';
import { IpType } from './codes';
import { ConsultationId, FairId } from './ids';
import { Text } from './text';
import { Instant } from './time';
import { recordMeta } from './validators/record-meta';

/**
 * A consultation answered at the desk (咨询指导, EN15): counted in R16 by asker kind and
 * IP type; one with `opinionGiven` also counts as a reference opinion in R17.
 */
export const CONSULTATION_CHANNELS = ['desk', 'phone', 'online', 'booth_visit'] as const;
export const ConsultationChannel = z.enum(CONSULTATION_CHANNELS);
export type ConsultationChannel = z.infer<typeof ConsultationChannel>;

export const ASKER_KINDS = ['exhibitor', 'right_holder', 'agent', 'visitor', 'organizer', 'other'] as const;
export const AskerKind = z.enum(ASKER_KINDS);
export type AskerKind = z.infer<typeof AskerKind>;

export const Consultation = z.object({
  id: ConsultationId,
  fairId: FairId,
  at: Instant,
  channel: ConsultationChannel,
  askerKind: AskerKind,
  ipType: IpType.optional(),
  topic: Text(1, 500, 'multi'),
  opinionGiven: z.boolean(),
  ...recordMeta,
});
export type Consultation = z.infer<typeof Consultation>;
export type ConsultationInput = z.input<typeof Consultation>;
