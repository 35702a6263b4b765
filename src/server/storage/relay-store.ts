import type { SyncItem } from '../../domain/sync-item';
import type { RelayAccepted, RelayItemResult, RelayOffer } from '../../domain/wire/relay-protocol';
import { projectPushed } from '../reports/projection-sync';
import { attestKey, verifyAttestation } from './attestation';
import { contentHash } from './content-hash';
import { pickDeviceCode } from './device-codes';
import { CHAIN_GENESIS, chainLink } from './event-chain';
import { writePush } from './push-sql';
import { num, type SqlClient, type SqlRunner } from './sql';
import { getEpoch, missingBlobs, type DeviceContext, type LacksBlobs } from './sync-store';

/**
 * After a restore, tablets offer back the other devices' items the server lost (SY37). Each offer
 * carries the attestation the server gave the item when it first stored it (attestation.ts), so
 * only items this server really held are taken, unchanged, at their old place in their device's
 * chain: an item is stored when its chain hash follows from the chain head the server holds for
 * its device, which is exactly "the next stored item of that device" (SY38). Items of devices
 * whose chain the server already holds further are duplicates (SY36).
 *
 * The write is the push's own (push-sql.ts): a compare-and-set of the device's acknowledged
 * sequence, so a relay racing that device's push (or another tablet's relay) never forks its
 * chain; the loser reads again and finds duplicates.
 */
export type RelayOutcome = Omit<RelayAccepted, 'type'>;

const ATTEMPTS = 5;

interface Checked {
  readonly index: number;
  readonly offer: RelayOffer;
  readonly hash: string;
}

export async function relay(db: SqlClient, ctx: DeviceContext, offers: readonly RelayOffer[], lacks: LacksBlobs): Promise<RelayOutcome> {
  const key = await attestKey(db);
  const results: RelayItemResult[] = new Array<RelayItemResult>(offers.length);
  const byDevice = new Map<string, Checked[]>();
  offers.forEach((offer, index) => {
    const { item } = offer;
    const hash = contentHash(item);
    const fields = { fairId: item.fairId, deviceId: item.deviceId, seq: item.seq, id: item.id, contentHash: hash, chainHash: offer.chainHash };
    const refusal =
      item.fairId !== ctx.fairId ? 'WRONG_FAIR' : item.deviceId === ctx.deviceId ? 'OWN_DEVICE' : !verifyAttestation(key, fields, offer.attestation) ? 'ATTESTATION_INVALID' : undefined;
    if (refusal !== undefined) {
      results[index] = { status: 'refused', id: item.id, code: refusal } as RelayItemResult;
      return;
    }
    const list = byDevice.get(item.deviceId) ?? [];
    list.push({ index, offer, hash });
    byDevice.set(item.deviceId, list);
  });
  const lacking: RelayOutcome['lacks'][number][] = [];
  for (const [deviceId, checked] of byDevice) {
    checked.sort((a, b) => a.offer.item.seq - b.offer.item.seq || a.index - b.index);
    const headSeq = await relayDevice(db, ctx.fairId, deviceId, checked, key, results);
    if (checked.some((c) => results[c.index]?.status === 'waiting')) lacking.push({ deviceId, afterSeq: headSeq } as RelayOutcome['lacks'][number]);
  }
  const taken = offers.filter((_, i) => results[i]?.status === 'applied' || results[i]?.status === 'duplicate').map((o) => o.item);
  return { epoch: await getEpoch(db), results, lacks: lacking, missingBlobs: await missingBlobs(taken, lacks) };
}

interface DeviceState {
  readonly ack: number;
  readonly headSeq: number;
  readonly head: string | null;
  readonly known: ReadonlyMap<string, { hash: string; serverSeq: number }>;
}

const READ_SQL = `
  select (select acked_seq from device_acks where device_id = $1) as acked_seq,
    (select json_build_object('seq', seq, 'chain', chain_hash) from items where device_id = $1 order by seq desc limit 1)::text as head,
    (select coalesce(json_agg(json_build_object('id', id, 'h', content_hash, 's', server_seq)), '[]'::json)::text
       from items where id in (select jsonb_array_elements_text($2::text::jsonb))) as known`;

async function readDevice(db: SqlRunner, deviceId: string, ids: readonly string[]): Promise<DeviceState> {
  const [row] = await db.query<{ acked_seq: unknown; head: string | null; known: string }>(READ_SQL, [deviceId, JSON.stringify(ids)]);
  const head = row?.head == null ? undefined : (JSON.parse(row.head) as { seq: number; chain: string | null });
  const known = new Map<string, { hash: string; serverSeq: number }>();
  for (const k of JSON.parse(row?.known ?? '[]') as { id: string; h: string; s: unknown }[]) known.set(k.id, { hash: k.h, serverSeq: num(k.s) });
  return { ack: row?.acked_seq == null ? 0 : num(row.acked_seq), headSeq: head === undefined ? 0 : num(head.seq), head: head?.chain ?? null, known };
}

/** Stores what follows the device's chain head; answers every offer of the device; the head's sequence after. */
async function relayDevice(db: SqlClient, fairId: string, deviceId: string, checked: readonly Checked[], key: string, results: RelayItemResult[]): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const state = await readDevice(db, deviceId, checked.map((c) => c.offer.item.id));
    let prev = state.head ?? CHAIN_GENESIS;
    let headSeq = state.headSeq;
    const fresh: Checked[] = [];
    const inBatch = new Set<string>();
    for (const c of checked) {
      const { item, chainHash } = c.offer;
      const stored = state.known.get(item.id);
      if (stored !== undefined || inBatch.has(item.id)) {
        // Same attested id: the same content unless the server's own row changed, which no relay may mend.
        results[c.index] = stored === undefined || stored.hash === c.hash
          ? ({ status: 'duplicate', id: item.id, serverSeq: stored?.serverSeq ?? 0 } as RelayItemResult)
          : ({ status: 'refused', id: item.id, code: 'CHAIN_MISMATCH' } as RelayItemResult);
      } else if (item.seq > headSeq && chainLink(prev, c.hash) === chainHash) {
        fresh.push(c);
        inBatch.add(item.id);
        prev = chainHash;
        headSeq = item.seq;
      } else if (item.seq > headSeq) {
        results[c.index] = { status: 'waiting', id: item.id } as RelayItemResult;
      } else {
        // Attested, but its place in the chain is taken by another item: it can never follow.
        results[c.index] = { status: 'refused', id: item.id, code: 'CHAIN_MISMATCH' } as RelayItemResult;
      }
    }
    if (fresh.length === 0) return headSeq;
    const last = fresh[fresh.length - 1] as Checked;
    // SY36: the acknowledgement moves past the relayed items, so the device's own re-push later finds duplicates.
    const ackedSeq = Math.max(state.ack, last.offer.item.seq);
    await keepDeviceKnown(db, fairId, deviceId, fresh.map((c) => c.offer.item));
    const plan = { drafts: [], fresh: fresh.map((c) => ({ item: c.offer.item, hash: c.hash })), rejected: [], conflicts: [], ackedSeq, gap: false };
    const base = await writePush(db, deviceId, fairId, state.ack, plan, fresh.map((c) => c.offer.chainHash), key);
    if (base === undefined) {
      if (attempt >= ATTEMPTS) throw Object.assign(new Error('relay: the device pushed concurrently, again and again'), { code: '40001' });
      continue;
    }
    fresh.forEach((c, i) => {
      results[c.index] = { status: 'applied', id: c.offer.item.id, serverSeq: base + i + 1 } as RelayItemResult;
    });
    for (const c of checked) {
      const r = results[c.index];
      if (r?.status === 'duplicate' && r.serverSeq === 0) results[c.index] = { ...r, serverSeq: base + fresh.findIndex((f) => f.offer.item.id === c.offer.item.id) + 1 };
    }
    if (fresh.some((c) => c.offer.item.kind === 'case_event')) await project(db, fairId, base, fresh.map((c) => c.offer.item));
    return headSeq;
  }
}

async function project(db: SqlClient, fairId: string, base: number, items: readonly SyncItem[]): Promise<void> {
  try {
    await db.transaction((tx) => projectPushed(tx, { fairId, base, items }));
  } catch (error) {
    console.error('FairCase: the report projection of a relay failed; left to the catch-up.', error);
  }
}

/**
 * SY36: a device whose row the restore lost stays known: a row without any token (so nothing can
 * push as it; its tablet, if alive, enrols again and keeps its code and sequence). Its code is
 * picked as at enrolment (device-codes.ts, SY31-SY33), asking first for the one its case numbers
 * show (`<FAIR>-<DEVICE>-<SEQ>-<C>`, CN1).
 */
async function keepDeviceKnown(db: SqlClient, fairId: string, deviceId: string, items: readonly SyncItem[]): Promise<void> {
  await db.query('insert into device_acks (device_id) values ($1) on conflict (device_id) do nothing', [deviceId]);
  const shown = items
    .map((i) => {
      const event = i.payload as { caseNo?: unknown; payload?: { caseNo?: unknown } } | null;
      return event?.caseNo ?? event?.payload?.caseNo;
    })
    .find((n): n is string => typeof n === 'string' && n.split('-').length === 4)
    ?.split('-')[1];
  await db.transaction(async (tx) => {
    const [row] = await tx.query('select 1 from devices where id = $1 and fair_id = $2', [deviceId, fairId]);
    if (row !== undefined) return;
    const code = (await pickDeviceCode(tx, fairId, deviceId, shown)) ?? (shown === undefined ? undefined : await pickDeviceCode(tx, fairId, deviceId, undefined));
    if (code === undefined) return;
    await tx.query(`insert into devices (id, fair_id, code, name, role) values ($1, $2, $3, $3, 'desk') on conflict do nothing`, [deviceId, fairId, code]);
  });
}
