import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { strToU8 } from 'fflate';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { BundleAccepted, BundleRefused } from '../../src/domain/wire/bundle';
import { PROTOCOL_VERSION, PullPage, PushAccepted } from '../../src/domain/wire/protocol';
import { corruptions, forgeBundle, sha } from '../sync/bundle-forge';
import { enrol, makeItem, makeItems, makeOrganizer, newId, type TestDevice } from './support';

/**
 * The server's bundle upload (BUNDLE-SPEC.md BN6, BN7, BN10), through `app.fetch` on PGlite:
 * a bundle goes through the push ingest, so a second upload is all duplicates; every forged or
 * corrupted bundle is refused with its code and leaves the database as it was.
 */
let storage: Storage;
let app: Hono;
let organizer: { token: string };
let expertUser: { token: string };

const upload = (bytes: Uint8Array, token: string, type = 'application/zip'): Promise<Response> =>
  Promise.resolve(app.request('/api/bundles', { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body: bytes as Uint8Array<ArrayBuffer> }));

/** Everything an upload could change, for one fair. */
async function snapshot(fairId: string, shas: readonly string[] = []): Promise<unknown> {
  const count = async (sql: string): Promise<number> => Number((await storage.sql.query<{ n: unknown }>(sql, [fairId]))[0]?.n);
  return {
    items: await count('select count(*) as n from items where fair_id = $1'),
    rejected: await count('select count(*) as n from rejected_items where fair_id = $1'),
    conflicts: await count('select count(*) as n from conflicts where fair_id = $1'),
    acks: await storage.sql.query('select device_id, acked_seq from device_acks a join devices d on d.id = a.device_id where d.fair_id = $1 order by 1', [fairId]),
    blobs: await Promise.all(shas.map((s) => storage.blobSize(s))),
  };
}

beforeAll(async () => {
  const distDir = mkdtempSync(join(tmpdir(), 'faircase-dist-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><html><body></body></html>');
  storage = await openStorage({ dataDir: 'memory://' });
  app = createHttpApp({ distDir, storage });
  organizer = await makeOrganizer(storage);
  await storage.createUser({ name: 'expert-bundle', password: 'expert password', role: 'expert' });
  expertUser = (await storage.login('expert-bundle', 'expert password'))!;
});
afterAll(async () => {
  await storage.close();
});

describe('a bundle goes through push', () => {
  test('[BN7] upload, upload again (as a tablet of the fair): the second is all duplicates and changes nothing; a push of the same items too', async () => {
    const tabletA = await enrol(storage, newId());
    const tabletB = await enrol(storage, tabletA.fairId);
    const items = makeItems(tabletA, 1, 6);
    const photo = strToU8('jpeg bytes of a booth');
    const bundle = forgeBundle({ fairId: tabletA.fairId, deviceId: tabletA.deviceId, items, blobs: [photo], signWith: tabletA.token });

    const first = await upload(bundle, organizer.token);
    expect(first.status).toBe(200);
    expect(BundleAccepted.parse(await first.json())).toMatchObject({ items: 6, applied: 6, duplicates: 0, blobsStored: 1, blobsHeld: 0, ackedSeq: 6 });
    const after = await snapshot(tabletA.fairId, [sha(photo)]);
    expect(after).toMatchObject({ items: 6, blobs: [photo.byteLength] });

    const second = await upload(bundle, tabletB.token, 'application/octet-stream');
    expect(second.status).toBe(200);
    expect(BundleAccepted.parse(await second.json())).toMatchObject({ items: 6, applied: 0, duplicates: 6, blobsStored: 0, blobsHeld: 1, ackedSeq: 6 });
    expect(await snapshot(tabletA.fairId, [sha(photo)])).toEqual(after);

    // Tablet A comes online later and pushes its outbox: the server already has it all (acks).
    const push = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tabletA.token}` },
      body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: tabletA.deviceId, fairId: tabletA.fairId, items }),
    });
    const reply = PushAccepted.parse(await push.json());
    expect(reply.results.map((r) => r.status)).toEqual(Array(6).fill('duplicate'));
    expect(reply.ackedSeq).toBe(6);
    expect(await snapshot(tabletA.fairId, [sha(photo)])).toEqual(after);

    // Tablet B pulls them like any pushed item.
    const pull = PullPage.parse(await (await app.request(`/api/sync/pull?protocolVersion=${PROTOCOL_VERSION}&fair=${tabletA.fairId}&after=0`, { headers: { authorization: `Bearer ${tabletB.token}` } })).json());
    expect(pull.items.map((p) => p.item.id)).toEqual(items.map((i) => i.id));
  });

  test('[BN7] a bundle continuing after pushed items applies the rest; a poison item is rejected and acknowledged as in a push', async () => {
    const tablet = await enrol(storage, newId());
    const items = makeItems(tablet, 1, 4);
    await storage.push(tablet, items.slice(0, 2), Date.now());
    const poison = makeItem(tablet, 5, { kind: 'commitment' });
    const res = await upload(forgeBundle({ fairId: tablet.fairId, deviceId: tablet.deviceId, items: [...items, poison], signWith: tablet.token }), organizer.token);
    expect(BundleAccepted.parse(await res.json())).toMatchObject({ items: 5, applied: 2, duplicates: 2, rejected: 1, ackedSeq: 5 });
    expect((await storage.rejected(tablet.fairId)).records.map((r) => [r.itemId, r.code])).toEqual([[poison.id, 'PAYLOAD_INVALID']]);
  });
});

describe('refused bundles change nothing', () => {
  let tablet: TestDevice;
  let other: TestDevice;
  let base: Parameters<typeof corruptions>[0];
  beforeAll(async () => {
    tablet = await enrol(storage, newId());
    other = await enrol(storage, tablet.fairId);
    const elsewhere = await enrol(storage, newId());
    // Something already there, so "nothing changed" is a real comparison.
    await storage.push(tablet, makeItems(tablet, 1, 2), Date.now());
    base = { fairId: tablet.fairId, deviceId: tablet.deviceId, items: makeItems(tablet, 3, 5), otherFairItem: makeItem({ deviceId: tablet.deviceId, fairId: elsewhere.fairId }, 6), otherDeviceItem: makeItem(other, 1) };
  });

  test('[BN2][BN3][BN4][BN5][BN6][BN9][BN10] every corruption is refused with its code; the database is unchanged', async () => {
    const before = await snapshot(tablet.fairId, [sha('a photo of the booth')]);
    for (const c of corruptions(base)) {
      const res = await upload(c.bytes, organizer.token);
      const body = BundleRefused.safeParse(await res.json());
      expect({ name: c.name, code: body.success ? body.data.error.code : 'not a refusal', status: res.status >= 400 }).toEqual({ name: c.name, code: c.code, status: true });
    }
    expect(await snapshot(tablet.fairId, [sha('a photo of the booth')])).toEqual(before);
  });

  test('[BN6] a tablet of another fair may not carry the bundle; [BN7] a device not enrolled, or revoked, is refused; nothing changes', async () => {
    const stranger = await enrol(storage, newId());
    const before = await snapshot(tablet.fairId);
    const bundle = forgeBundle({ fairId: tablet.fairId, deviceId: tablet.deviceId, items: base.items });
    const wrongFair = await upload(bundle, stranger.token);
    expect(wrongFair.status).toBe(403);
    expect(BundleRefused.parse(await wrongFair.json()).error.code).toBe('BUNDLE_WRONG_FAIR');

    const ghost = { deviceId: newId(), fairId: tablet.fairId };
    const unknown = await upload(forgeBundle({ ...ghost, items: makeItems(ghost, 1, 2) }), organizer.token);
    expect(BundleRefused.parse(await unknown.json()).error.code).toBe('BUNDLE_UNKNOWN_DEVICE');

    const lost = await enrol(storage, tablet.fairId);
    await storage.revokeDevice(lost.deviceId);
    const revoked = await upload(forgeBundle({ fairId: lost.fairId, deviceId: lost.deviceId, items: makeItems(lost, 1, 2) }), organizer.token);
    expect(BundleRefused.parse(await revoked.json()).error.code).toBe('BUNDLE_UNKNOWN_DEVICE');
    const after = (await snapshot(tablet.fairId)) as { acks: unknown[] };
    expect({ ...after, acks: after.acks.filter((a) => (a as { device_id: string }).device_id !== lost.deviceId) }).toEqual(before);
  });

  test('[BN13] unsigned, signed by another tablet, or altered after signing: refused BUNDLE_SIGNATURE_INVALID even from the organizer; nothing changes', async () => {
    const before = await snapshot(tablet.fairId);
    const refusedCode = async (bytes: Uint8Array, token: string): Promise<string> => {
      const res = await upload(bytes, token);
      expect(res.status).toBe(403);
      return BundleRefused.parse(await res.json()).error.code;
    };
    const unsigned = forgeBundle({ fairId: tablet.fairId, deviceId: tablet.deviceId, items: base.items });
    expect(await refusedCode(unsigned, organizer.token)).toBe('BUNDLE_SIGNATURE_INVALID');
    // The carrier signs with its own token a bundle in the maker's name.
    const byCarrier = forgeBundle({ fairId: tablet.fairId, deviceId: tablet.deviceId, items: base.items, signWith: other.token });
    expect(await refusedCode(byCarrier, other.token)).toBe('BUNDLE_SIGNATURE_INVALID');
    // A genuine signature, then one item swapped and the hashes made consistent again.
    const altered = forgeBundle({ fairId: tablet.fairId, deviceId: tablet.deviceId, items: base.items, signWith: tablet.token, manifest: { createdAt: '2025-04-17T02:30:00.000Z' } });
    const genuine = forgeBundle({ fairId: tablet.fairId, deviceId: tablet.deviceId, items: base.items, signWith: tablet.token });
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const entries = unzipSync(genuine);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Record<string, unknown>;
    entries['manifest.json'] = strToU8(JSON.stringify({ ...manifest, createdAt: '2025-04-17T02:30:00.000Z' }));
    expect(await refusedCode(zipSync(entries), organizer.token)).toBe('BUNDLE_SIGNATURE_INVALID');
    expect(await snapshot(tablet.fairId)).toEqual(before);
    // The same content, signed after the change by the maker, is genuine.
    expect((await upload(altered, other.token)).status).toBe(200);
  });

  test('an expert person may not upload (organizer only among people); no token, no upload; not a ZIP content type', async () => {
    const bundle = forgeBundle({ fairId: tablet.fairId, deviceId: tablet.deviceId, items: base.items });
    expect((await upload(bundle, expertUser.token)).status).toBe(403);
    expect((await app.request('/api/bundles', { method: 'POST', headers: { 'content-type': 'application/zip' }, body: bundle as Uint8Array<ArrayBuffer> })).status).toBe(401);
    expect((await upload(bundle, organizer.token, 'text/plain')).status).toBe(415);
  });
});
