import { PROTOCOL_VERSION } from '../domain/wire/protocol';
import { type RelayAccepted } from '../domain/wire/relay-protocol';
import { heldBatch, heldRanges, readRelayState, saveRelayState, type SyncCredentials } from '../store';
import { SyncStopped, type BlobSource } from './push-outbox';
import { TransportError, type SyncTransport } from './transport';

export interface RelayDeps {
  readonly transport: SyncTransport;
  readonly credentials: SyncCredentials;
  readonly blobs?: BlobSource;
  readonly batchSize?: number;
}

export interface RelaySummary {
  readonly offered: number;
  readonly applied: number;
  readonly waiting: number;
}

/**
 * SY39: after a new epoch, and after this tablet pushed its own log again, it offers the other
 * devices' items it holds (held-items.ts), in each device's chain order, batch after batch. The
 * evidence files the server names as missing go up first, as on push. What the server still
 * lacks is remembered per device and offered again on the next run, until nothing waits.
 */
export async function relayHeld(deps: RelayDeps): Promise<RelaySummary> {
  const relay = deps.transport.relay;
  const state = await readRelayState();
  if (relay === undefined || state === undefined) return { offered: 0, applied: 0, waiting: 0 };
  const size = deps.batchSize ?? 500;
  const lacks = new Map<string, number>();
  let offered = 0;
  let applied = 0;
  for (const range of heldRanges(state)) {
    let after = range.after;
    for (;;) {
      const batch = await heldBatch(after, range.upTo, size);
      const last = batch[batch.length - 1];
      if (last === undefined) break;
      const reply = await relay({ type: 'relay', protocolVersion: PROTOCOL_VERSION, fairId: deps.credentials.fairId, items: batch.map((h) => h.offer) } as Parameters<typeof relay>[0]);
      const accepted = accept(reply);
      if (deps.blobs !== undefined) {
        for (const sha of accepted.missingBlobs) {
          const blob = await deps.blobs(sha);
          if (blob !== undefined) await deps.transport.putBlob(sha, blob.data, blob.mime);
        }
      }
      for (const h of batch) lacks.delete(h.offer.item.deviceId);
      for (const l of accepted.lacks) lacks.set(l.deviceId, l.afterSeq);
      offered += batch.length;
      applied += accepted.results.filter((r) => r.status === 'applied').length;
      after = last.key;
    }
  }
  const saved = await saveRelayState(lacks.size === 0 ? undefined : { lacks: [...lacks].map(([deviceId, afterSeq]) => ({ deviceId, afterSeq })) });
  if (!saved.ok) throw new TransportError(`STORE_${saved.error.kind.toUpperCase()}`, true);
  return { offered, applied, waiting: lacks.size };
}

function accept(reply: Awaited<ReturnType<NonNullable<SyncTransport['relay']>>>): RelayAccepted {
  if (reply.type === 'client-too-old') throw new SyncStopped('CLIENT_TOO_OLD');
  if (reply.type === 'server-too-old') throw new TransportError('SERVER_TOO_OLD', true);
  if (reply.type === 'error') throw new TransportError(reply.code, false);
  return reply;
}
