import type { PulledItem } from '../domain/wire/protocol';
import type { RelayOffer } from '../domain/wire/relay-protocol';
import { getDb } from './db';
import type { FairCaseDb } from './db';
import { runWrite } from './transaction';
import type { StoreResult } from './result';

/**
 * SY39: the other devices' items this tablet pulled, kept whole with the server's attestation in
 * `meta` under `held|<deviceId>|<seq, 16 digits>` (key order is chain order per device), so that
 * after a restore it can offer back what a gone tablet recorded. Written in the pull page's own
 * transaction; the same page twice writes the same rows.
 */
const HELD = 'held|';
const END = '\uffff';
export const heldKey = (deviceId: string, seq: number): string => `${HELD}${deviceId}|${String(seq).padStart(16, '0')}`;

/** Inside the pull page's transaction (over `meta`); always Dexie's promise, so the transaction stays open. */
export function keepPulled(db: FairCaseDb, pulled: readonly PulledItem[], ownDeviceId: string): Promise<unknown> {
  const rows = [];
  for (const p of pulled) {
    if (p.item.deviceId === ownDeviceId || p.chainHash == null || p.attestation == null) continue;
    const offer: RelayOffer = { item: p.item, chainHash: p.chainHash, attestation: p.attestation };
    rows.push({ key: heldKey(p.item.deviceId, p.item.seq), value: offer });
  }
  return db.meta.bulkPut(rows);
}

/** What is left to offer: everything held (a new epoch was seen), or per device what the server still lacked. */
export type RelayState = { readonly all: true } | { readonly lacks: readonly { readonly deviceId: string; readonly afterSeq: number }[] };
const RELAY_KEY = 'sync.relay';

/** Inside the transaction that takes a new epoch (over `meta`): offer everything held. */
export async function relayEverything(db: FairCaseDb): Promise<void> {
  await db.meta.put({ key: RELAY_KEY, value: { all: true } satisfies RelayState });
}

export async function readRelayState(): Promise<RelayState | undefined> {
  return (await getDb().meta.get(RELAY_KEY))?.value as RelayState | undefined;
}

export const saveRelayState = (state: RelayState | undefined): Promise<StoreResult<void>> =>
  runWrite(['meta'], async (db) => {
    if (state === undefined) await db.meta.delete(RELAY_KEY);
    else await db.meta.put({ key: RELAY_KEY, value: state });
  }, { log: false });

/** Key ranges (exclusive lower, inclusive upper) of the held items a relay state asks for. */
export const heldRanges = (state: RelayState): { readonly after: string; readonly upTo: string }[] =>
  'all' in state
    ? [{ after: HELD, upTo: `${HELD}${END}` }]
    : state.lacks.map((l) => ({ after: heldKey(l.deviceId, l.afterSeq), upTo: `${HELD}${l.deviceId}|${END}` }));

/** Up to `limit` held items after `after` up to `upTo`, in key order, with their keys. */
export async function heldBatch(after: string, upTo: string, limit: number): Promise<{ readonly key: string; readonly offer: RelayOffer }[]> {
  const rows = await getDb().meta.where('key').between(after, upTo, false, true).limit(limit).toArray();
  return rows.map((r) => ({ key: r.key, offer: r.value as RelayOffer }));
}
