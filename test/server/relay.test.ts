import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncItem } from '../../src/domain/sync-item';
import type { PulledItem } from '../../src/domain/wire/protocol';
import type { RelayOffer } from '../../src/domain/wire/relay-protocol';
import { RelayReply } from '../../src/domain/wire/relay-protocol';
import { attest, attestKey } from '../../src/server/storage/attestation';
import { checkChain, rewriteItems } from '../../src/server/storage/event-chain';
import type { Storage } from '../../src/server/storage/storage';
import { createHttpApp } from '../../src/server/server';
import { bothStorages } from './both-storages';
import { enrol, makeItem, makeItems, newId, type TestDevice } from './support';

/**
 * SY35–SY38: after a restore, a tablet offers back the other devices' items it pulled, with the
 * server's attestations; the server takes each genuine one once, in its device's chain order, and
 * refuses forged ones without changing anything. On both databases.
 */
const offersOf = (page: readonly PulledItem[], deviceId: string): RelayOffer[] =>
  page.filter((p) => p.item.deviceId === deviceId).map((p) => ({ item: p.item, chainHash: p.chainHash as string, attestation: p.attestation as string }));

interface Held {
  readonly a: TestDevice;
  readonly b: TestDevice;
  readonly offers: RelayOffer[];
}

describe.each(bothStorages())('relay on $name', ({ storage }) => {
  const count = async (s: Storage, deviceId: string): Promise<number> => {
    const [row] = await s.sql.query<{ n: number }>('select count(*)::int as n from items where device_id = $1', [deviceId]);
    return Number(row?.n);
  };
  const ackOf = async (s: Storage, deviceId: string): Promise<number> => {
    const [row] = await s.sql.query<{ a: unknown }>('select acked_seq as a from device_acks where device_id = $1', [deviceId]);
    return Number(row?.a ?? -1);
  };

  /** A pushes 1…6, B pulls them all; the backup held A's items up to `keep`; A is revoked (after the backup). */
  const restoredAfter = async (keep: number, options: { rowLost?: boolean } = {}): Promise<Held> => {
    const s = storage();
    const fairId = newId();
    const a = await enrol(s, fairId);
    const b = await enrol(s, fairId);
    await s.push(a, makeItems(a, 1, 6), Date.now());
    const page = await s.pull(fairId, 0, 100);
    await s.revokeDevice(a.deviceId);
    await rewriteItems(s.sql, (tx) => tx.query('delete from items where device_id = $1 and seq > $2', [a.deviceId, keep]));
    await s.sql.query('update device_acks set acked_seq = $1 where device_id = $2', [keep, a.deviceId]);
    if (options.rowLost === true) {
      await s.sql.query('delete from tokens where device_id = $1', [a.deviceId]);
      await s.sql.query('delete from devices where id = $1', [a.deviceId]);
      await s.sql.query('delete from device_acks where device_id = $1', [a.deviceId]);
    }
    await s.markRestored();
    return { a, b, offers: offersOf(page.items, a.deviceId) };
  };

  test('[SY35] every pulled item carries its chain hash and the HMAC of its fields with the database key; the migration computes the same', async () => {
    const s = storage();
    const d = await enrol(s, newId());
    await s.push(d, makeItems(d, 1, 3), Date.now());
    const key = await attestKey(s.sql);
    const rows = await s.sql.query<{ id: string; content_hash: string; chain_hash: string }>(
      'select id, content_hash, chain_hash from items where device_id = $1 order by seq', [d.deviceId],
    );
    const page = await s.pull(d.fairId, 0, 10);
    expect(page.items).toHaveLength(3);
    for (const [i, p] of page.items.entries()) {
      const row = rows[i]!;
      expect(p.chainHash).toBe(row.chain_hash);
      const fields = { fairId: p.item.fairId, deviceId: p.item.deviceId, seq: p.item.seq, id: p.item.id, contentHash: row.content_hash, chainHash: row.chain_hash };
      expect(p.attestation).toBe(attest(key, fields));
      const [sql] = await s.sql.query<{ h: string }>(
        `select faircase_hmac_sha256(decode($1, 'hex'), convert_to($2, 'UTF8')) as h`,
        [key, ['faircase-attest-1', fields.fairId, fields.deviceId, String(fields.seq), fields.id, fields.contentHash, fields.chainHash].join('\n')],
      );
      expect(sql?.h).toBe(p.attestation);
    }
  });

  test('[SY36] a relay after a restore stores a revoked device\'s lost items once, on its chain, and moves its acknowledgement', async () => {
    const s = storage();
    const { a, b, offers } = await restoredAfter(3);
    const out = await s.relay(b, offers);
    expect(out.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'applied', 'applied', 'applied']);
    expect(out.lacks).toEqual([]);
    expect(await count(s, a.deviceId)).toBe(6);
    expect(await ackOf(s, a.deviceId)).toBe(6);
    expect((await checkChain(s.sql)).broken).toEqual([]);
    const pulled = await s.pull(a.fairId, 0, 100);
    expect(pulled.items.map((p) => p.item.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pulled.items.map((p) => p.item)).toEqual(offers.map((o) => o.item));
  });

  test('[SY36] offering the same items again answers duplicates with their server sequences and stores nothing', async () => {
    const s = storage();
    const { a, b, offers } = await restoredAfter(2);
    const first = await s.relay(b, offers);
    const again = await s.relay(b, offers);
    expect(again.results.map((r) => r.status)).toEqual(Array(6).fill('duplicate'));
    expect(again.results.map((r) => ('serverSeq' in r ? r.serverSeq : 0))).toEqual(first.results.map((r) => ('serverSeq' in r ? r.serverSeq : 0)));
    expect(await count(s, a.deviceId)).toBe(6);
  });

  test('[SY36] a device that pushes its own log after a relay gets duplicates, and its next item applies', async () => {
    const s = storage();
    const fairId = newId();
    const a = await enrol(s, fairId);
    const b = await enrol(s, fairId);
    const items = makeItems(a, 1, 4);
    await s.push(a, items, Date.now());
    const page = await s.pull(fairId, 0, 100);
    await rewriteItems(s.sql, (tx) => tx.query('delete from items where device_id = $1', [a.deviceId]));
    await s.sql.query('update device_acks set acked_seq = 0 where device_id = $1', [a.deviceId]);
    await s.markRestored();
    await s.relay(b, offersOf(page.items, a.deviceId));
    const pushed = await s.push(a, [...items, makeItem(a, 5)], Date.now());
    expect(pushed.kind === 'pushed' && pushed.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'applied']);
    expect((await checkChain(s.sql)).broken).toEqual([]);
  });

  test('[SY36] a device whose row the restore lost is kept as a row of the fair with no token', async () => {
    const s = storage();
    const { a, b, offers } = await restoredAfter(0, { rowLost: true });
    const out = await s.relay(b, offers);
    expect(out.results.map((r) => r.status)).toEqual(Array(6).fill('applied'));
    const listed = (await s.listDevices(a.fairId)).find((d) => d.deviceId === a.deviceId);
    expect(listed).toMatchObject({ deviceId: a.deviceId, ackedSeq: 6 });
    expect(listed?.revokedAt).toBeUndefined();
    expect(await s.liveTokenHashes(a.deviceId, a.fairId)).toEqual([]);
    const codes = (await s.listDevices(a.fairId)).map((d) => d.deviceCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('[SY37] a changed payload, a wrong attestation, another fair\'s item and the relaying device\'s own item are refused and change nothing', async () => {
    const s = storage();
    const { a, b, offers } = await restoredAfter(3);
    const fourth = offers[3]!;
    const other = await enrol(s, newId());
    await s.push(other, [makeItem(other, 1)], Date.now());
    const otherOffer = offersOf((await s.pull(other.fairId, 0, 10)).items, other.deviceId)[0]!;
    await s.push(b, [makeItem(b, 1)], Date.now());
    const ownOffer = offersOf((await s.pull(b.fairId, 0, 100)).items, b.deviceId)[0]!;
    const forged: RelayOffer[] = [
      { ...fourth, item: { ...fourth.item, payload: { ...(fourth.item.payload as object), topic: 'forged' } } as SyncItem },
      { ...fourth, attestation: fourth.attestation.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
      { ...fourth, item: { ...fourth.item, deviceId: b.deviceId } as SyncItem },
      otherOffer,
      ownOffer,
    ];
    const before = { a: await count(s, a.deviceId), b: await count(s, b.deviceId), other: await count(s, other.deviceId), ack: await ackOf(s, a.deviceId) };
    const out = await s.relay(b, forged);
    expect(out.results).toEqual([
      { status: 'refused', id: fourth.item.id, code: 'ATTESTATION_INVALID' },
      { status: 'refused', id: fourth.item.id, code: 'ATTESTATION_INVALID' },
      { status: 'refused', id: fourth.item.id, code: 'OWN_DEVICE' },
      { status: 'refused', id: otherOffer.item.id, code: 'WRONG_FAIR' },
      { status: 'refused', id: ownOffer.item.id, code: 'OWN_DEVICE' },
    ]);
    expect({ a: await count(s, a.deviceId), b: await count(s, b.deviceId), other: await count(s, other.deviceId), ack: await ackOf(s, a.deviceId) }).toEqual(before);
  });

  test('[SY38] offers past a missing item wait, the answer names what the server holds, and they apply once it comes', async () => {
    const s = storage();
    const { a, b, offers } = await restoredAfter(3);
    const early = await s.relay(b, offers.slice(4));
    expect(early.results.map((r) => r.status)).toEqual(['waiting', 'waiting']);
    expect(early.lacks).toEqual([{ deviceId: a.deviceId, afterSeq: 3 }]);
    expect(await count(s, a.deviceId)).toBe(3);
    const rest = await s.relay(b, [offers[5]!, offers[3]!, offers[4]!]);
    expect(rest.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await count(s, a.deviceId)).toBe(6);
    expect((await checkChain(s.sql)).broken).toEqual([]);
  });

  test('[SY39] the answer names the evidence files of relayed items the server lacks, until they are uploaded', async () => {
    const s = storage();
    const fairId = newId();
    const a = await enrol(s, fairId);
    const b = await enrol(s, fairId);
    const data = new TextEncoder().encode(`photo ${newId()}`);
    const sha = createHash('sha256').update(data).digest('hex');
    const evidenceId = newId();
    const item = makeItem(a, 1, {
      kind: 'evidence_meta',
      entityId: evidenceId,
      payload: { id: evidenceId, kind: 'photo', sha256: sha, mime: 'image/jpeg', bytes: data.byteLength, capturedAt: '2025-04-16T02:30:00.000Z', capturedBy: '01J00000000000000000000000', deviceId: a.deviceId },
    });
    await s.push(a, [item], Date.now());
    const offers = offersOf((await s.pull(fairId, 0, 10)).items, a.deviceId);
    await rewriteItems(s.sql, (tx) => tx.query('delete from items where device_id = $1', [a.deviceId]));
    await s.sql.query('update device_acks set acked_seq = 0 where device_id = $1', [a.deviceId]);
    await s.markRestored();
    const first = await s.relay(b, offers);
    expect(first.results.map((r) => r.status)).toEqual(['applied']);
    expect(first.missingBlobs).toEqual([sha]);
    await s.putBlob(sha, data);
    expect((await s.relay(b, offers)).missingBlobs).toEqual([]);
  });

  test('[SY37] the relay route takes a device token of the same fair only', async () => {
    const s = storage();
    const { b, offers } = await restoredAfter(3);
    const app = createHttpApp({ distDir: mkdtempSync(join(tmpdir(), 'faircase-dist-')), storage: s });
    const post = (token: string, body: unknown): Promise<Response> =>
      Promise.resolve(app.fetch(new Request('http://x/api/sync/relay', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })));
    const wrongFair = await post(b.token, { type: 'relay', protocolVersion: 1, fairId: newId(), items: offers });
    expect(wrongFair.status).toBe(403);
    expect(await wrongFair.json()).toMatchObject({ code: 'FAIR_MISMATCH' });
    const ok = await post(b.token, { type: 'relay', protocolVersion: 1, fairId: b.fairId, items: offers });
    expect(ok.status).toBe(200);
    const reply = RelayReply.parse(await ok.json());
    expect(reply.type === 'relay-result' && reply.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'applied', 'applied', 'applied']);
  });
});
