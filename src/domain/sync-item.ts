import { z } from 'zod';
import { DeviceId, EventId, FairId, ULID_PATTERN } from './ids';
import { Hlc } from './hlc';
import { Instant } from './time';

/**
 * What a device records and later syncs: one item per change, in the outbox until the server
 * acknowledges it. The id is made on the device (idempotency key); `seq` is gap-free per device
 * (and fair); `hlc` orders items across devices (CS5).
 *
 * Case events are append-only and merge without conflict. The few mutable records (fair,
 * exhibitor) travel as whole snapshots and the last writer wins (last-writer-wins.ts, SY20).
 */
export const RECORD_KINDS = ['fair', 'exhibitor', 'case_event', 'commitment', 'consultation', 'evidence_meta'] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

export const SyncItem = z.object({
  id: EventId,
  fairId: FairId,
  deviceId: DeviceId,
  seq: z.number().int().min(1),
  hlc: Hlc,
  at: Instant,
  kind: RecordKind,
  /** The record the item is about: the fair, exhibitor, case, commitment… id. */
  entityId: z.string().regex(ULID_PATTERN),
  /** Parsed with the schema of `kind` at every boundary. */
  payload: z.unknown(),
});
export type SyncItem = z.infer<typeof SyncItem>;
