import { z } from 'zod';
import { DeviceId, EventId, FairId } from '../ids';
import { SyncItem } from '../sync-item';
import { ClientTooOld, ErrorReply, Hex64, MAX_PUSH_ITEMS, ServerTooOld } from './protocol';

/**
 * The relay's part of the wire contract (protocol.ts): after a server restore, a tablet offers
 * back other devices' items it once pulled, each with the server's attestation (SY37).
 */
/** SY37: another device's item as the server once served it, offered back after a restore. */
export const RelayOffer = z.object({ item: SyncItem, chainHash: Hex64, attestation: Hex64 });
export type RelayOffer = z.infer<typeof RelayOffer>;

/** `POST /api/sync/relay` (device token): items of OTHER devices of the token's fair. */
export const RelayRequest = z.object({
  type: z.literal('relay'),
  protocolVersion: z.number().int(),
  fairId: FairId,
  items: z.array(RelayOffer).max(MAX_PUSH_ITEMS),
});
export type RelayRequest = z.infer<typeof RelayRequest>;

/** Why an offer can never apply (SY37): nothing of it was stored. */
export const RELAY_REFUSALS = ['ATTESTATION_INVALID', 'WRONG_FAIR', 'OWN_DEVICE', 'CHAIN_MISMATCH'] as const;
export const RelayRefusal = z.enum(RELAY_REFUSALS);

export const RelayItemResult = z.discriminatedUnion('status', [
  /** Stored now (SY36). */
  z.object({ status: z.literal('applied'), id: EventId, serverSeq: z.number().int().positive() }),
  /** Already stored, by its device's push or an earlier relay (SY36). */
  z.object({ status: z.literal('duplicate'), id: EventId, serverSeq: z.number().int().positive() }),
  /** Genuine, but an earlier item of its device is still missing (SY38): offer again later. */
  z.object({ status: z.literal('waiting'), id: EventId }),
  z.object({ status: z.literal('refused'), id: EventId, code: RelayRefusal }),
]);
export type RelayItemResult = z.infer<typeof RelayItemResult>;

export const RelayAccepted = z.object({
  type: z.literal('relay-result'),
  epoch: z.string(),
  /** One per offer, in the request's order. */
  results: z.array(RelayItemResult),
  /** SY38: per device with a waiting offer, the sequence of the last item the server holds of it (0: none). */
  lacks: z.array(z.object({ deviceId: DeviceId, afterSeq: z.number().int().min(0) })),
  /** Evidence files named by relayed items that the server does not hold (SY39). */
  missingBlobs: z.array(Hex64),
});
export type RelayAccepted = z.infer<typeof RelayAccepted>;

export const RelayReply = z.discriminatedUnion('type', [RelayAccepted, ClientTooOld, ServerTooOld, ErrorReply]);
export type RelayReply = z.infer<typeof RelayReply>;
