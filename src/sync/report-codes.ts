import { MAX_KNOWN_CODES, PROTOCOL_VERSION, PushRequest } from '../domain/wire/protocol';
import { knownCodes, readSyncState, reportedCodes, saveReportedCodes, type SyncCredentials } from '../store';
import type { StatusReport } from './push-outbox';
import { TransportError, type SyncTransport } from './transport';

/**
 * SY30: tells the server every device code this tablet knows, in a push without items, whenever
 * the codes or the server's epoch changed since the last report it acknowledged. A tablet with
 * nothing to push reports too: it may be the only one that saw a lost tablet's case numbers.
 * SY64: with `report` (a run that pushed nothing), the push without items goes anyway and says
 * the tablet's status, and its codes only when they are due. Returns whether it pushed.
 */
export async function reportCodes(transport: SyncTransport, credentials: SyncCredentials, report?: StatusReport): Promise<boolean> {
  const codes = (await knownCodes({ deviceId: credentials.deviceId, code: credentials.deviceCode })).slice(0, MAX_KNOWN_CODES);
  const { epoch } = await readSyncState();
  const signature = `${epoch ?? ''}|${codes.map((c) => `${c.deviceId}:${c.code}`).join(',')}`;
  const codesDue = (await reportedCodes()) !== signature;
  if (!codesDue && report === undefined) return false;
  const request = PushRequest.parse({
    type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: credentials.deviceId, fairId: credentials.fairId, items: [],
    ...(codesDue ? { knownCodes: codes } : {}),
    ...report,
  });
  const reply = await transport.push(request);
  if (reply.type === 'error') throw new TransportError(reply.code, false);
  if (reply.type !== 'push-result') throw new TransportError(reply.code, reply.type === 'server-too-old');
  if (!codesDue) return true;
  // Remembered under the epoch the server answered in: if it differs from the pulled one, the next run reports again.
  const saved = await saveReportedCodes(`${reply.epoch}|${signature.slice(signature.indexOf('|') + 1)}`);
  if (!saved.ok) throw new TransportError(`STORE_${saved.error.kind.toUpperCase()}`, true);
  return true;
}
