/**
 * Evidence (EN13): stored once per SHA-256, each capture with its chain of custody and
 * its `evidence_meta` item, all in one transaction.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { getDb } from '../../src/store/db';
import { getBlob, getEvidence, storeEvidence } from '../../src/store/evidence';
import { createFair } from '../../src/store/fairs';
import { clock, fairInput, freshDb, resetDb } from './fixtures';

let now: () => Instant;
let fair: Fair;
beforeEach(async () => {
  freshDb('evidence');
  now = clock();
  const r = await createFair(fairInput(), now());
  if (!r.ok) throw new Error('fair');
  fair = r.value;
});
afterEach(resetDb);

const photo = (seed: number, size = 50_000): Blob => {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 7) & 0xff;
  return new Blob([bytes], { type: 'image/jpeg' });
};
const counts = async () => ({ blobs: await getDb().blobs.count(), evidence: await getDb().evidence.count(), items: await getDb().items.count(), outbox: await getDb().outbox.count() });

describe('storeEvidence', () => {
  test('[EN13] the hash is the SHA-256 of the bytes; record, blob, item and outbox row land together', async () => {
    const blob = photo(1);
    const at = now();
    const r = await storeEvidence(blob, { kind: 'photo', mime: 'image/jpeg', capturedAt: at, fairId: fair.id }, at);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const expected = createHash('sha256').update(new Uint8Array(await blob.arrayBuffer())).digest('hex');
    const subtle = Buffer.from(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())).toString('hex');
    expect(r.value.sha256).toBe(expected);
    expect(r.value.sha256).toBe(subtle);
    expect(r.value).toMatchObject({ kind: 'photo', mime: 'image/jpeg', bytes: 50_000, capturedAt: at });
    // Chain of custody: the device recorded it; without a signed-in user, the device is the capturer.
    const { deviceId } = (await getDb().meta.get('log'))?.value as { deviceId: string };
    expect(r.value.deviceId).toBe(deviceId);
    expect(r.value.capturedBy).toBe(deviceId);
    expect(await getEvidence(r.value.id)).toEqual(r.value);
    const stored = await getBlob(r.value.sha256);
    expect(new Uint8Array(await (stored as Blob).arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
    const item = (await getDb().items.toArray()).find((i) => i.kind === 'evidence_meta');
    expect(item).toMatchObject({ entityId: r.value.id, fairId: fair.id, payload: r.value });
    expect(await counts()).toEqual({ blobs: 1, evidence: 1, items: 2, outbox: 2 });
  });

  test('[EN13] the same photo twice stores one blob and two custody records', async () => {
    const a = await storeEvidence(photo(2), { kind: 'photo', mime: 'image/jpeg', capturedAt: now(), fairId: fair.id, capturedBy: '01JRZ8Q4W6M0000000000000X1' }, now());
    const b = await storeEvidence(photo(2), { kind: 'photo', mime: 'image/jpeg', capturedAt: now(), fairId: fair.id, capturedBy: '01JRZ8Q4W6M0000000000000X2' }, now());
    if (!a.ok || !b.ok) throw new Error('store');
    expect(a.value.sha256).toBe(b.value.sha256);
    expect(a.value.id).not.toBe(b.value.id);
    expect(b.value.capturedBy).toBe('01JRZ8Q4W6M0000000000000X2');
    expect(await counts()).toEqual({ blobs: 1, evidence: 2, items: 3, outbox: 3 });
    await storeEvidence(photo(3), { kind: 'photo', mime: 'image/jpeg', capturedAt: now(), fairId: fair.id }, now());
    expect((await counts()).blobs).toBe(2);
  });

  test('a failing part (the outbox) leaves neither blob nor record', async () => {
    const failOutbox = (): void => {
      throw new Error('outbox write failed');
    };
    getDb().outbox.hook('creating', failOutbox);
    const r = await storeEvidence(photo(4), { kind: 'photo', mime: 'image/jpeg', capturedAt: now(), fairId: fair.id }, now());
    getDb().outbox.hook('creating').unsubscribe(failOutbox);
    expect(r.ok).toBe(false);
    expect(await counts()).toEqual({ blobs: 0, evidence: 0, items: 1, outbox: 1 });
  });

  test('bad input: a PDF as a photo, an unknown kind, a bad time; nothing stored', async () => {
    const pdf = await storeEvidence(photo(5), { kind: 'photo', mime: 'application/pdf', capturedAt: now(), fairId: fair.id }, now());
    expect(pdf.ok ? [] : pdf.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['mime:MIME_NOT_ALLOWED']);
    const bad = await storeEvidence(photo(5), { kind: 'hologram' as never, mime: 'image/jpeg', capturedAt: 'yesterday', fairId: fair.id }, now());
    expect(bad.ok ? [] : bad.error.fields?.map((f) => f.field).sort()).toEqual(['capturedAt', 'kind']);
    const empty = await storeEvidence(new Blob([]), { kind: 'photo', mime: 'image/jpeg', capturedAt: now(), fairId: fair.id }, now());
    expect(empty.ok ? [] : empty.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['bytes:TOO_SMALL']);
    expect(await counts()).toEqual({ blobs: 0, evidence: 0, items: 1, outbox: 1 });
  });
});
