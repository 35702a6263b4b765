import { z } from 'zod';

/**
 * Ids are ULIDs (26 chars of Crockford base32, upper case): sortable by creation time, made on
 * any device without coordination, and inside the QR alphanumeric alphabet. They are generated
 * outside the domain (store/app) and passed in with each command.
 */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const ulid = () => z.string().regex(ULID_PATTERN, { message: 'ULID' });

export const FairId = ulid().brand<'FairId'>();
export type FairId = z.infer<typeof FairId>;
export const DeviceId = ulid().brand<'DeviceId'>();
export type DeviceId = z.infer<typeof DeviceId>;
export const UserId = ulid().brand<'UserId'>();
export type UserId = z.infer<typeof UserId>;
export const ExhibitorId = ulid().brand<'ExhibitorId'>();
export type ExhibitorId = z.infer<typeof ExhibitorId>;
export const CaseId = ulid().brand<'CaseId'>();
export type CaseId = z.infer<typeof CaseId>;
export const ComplaintId = ulid().brand<'ComplaintId'>();
export type ComplaintId = z.infer<typeof ComplaintId>;
export const EventId = ulid().brand<'EventId'>();
export type EventId = z.infer<typeof EventId>;
export const EvidenceId = ulid().brand<'EvidenceId'>();
export type EvidenceId = z.infer<typeof EvidenceId>;
export const CommitmentId = ulid().brand<'CommitmentId'>();
export type CommitmentId = z.infer<typeof CommitmentId>;
export const ConsultationId = ulid().brand<'ConsultationId'>();
export type ConsultationId = z.infer<typeof ConsultationId>;
