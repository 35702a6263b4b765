import { describe, expect, test } from 'vitest';
import { closeDb, getDb } from '../../src/store/db';
import { createFair } from '../../src/store/fairs';
import { DEVICE_KEY_KEY } from '../../src/store/device-key';
import { enrolThisDevice, syncOnce } from '../../src/sync/http-sync';
import { loadCredentials } from '../../src/store/sync-state';
import { TransportError, type FetchLike } from '../../src/sync/transport';
import { clock, fairInput } from '../store/fixtures';
import { syncServer } from './server-harness';

/**
 * The tablet's side of SY40-SY45: its key pair made at the first enrolment and kept in the
 * store (fake-indexeddb), its proof on every redemption, against the real server (PGlite in
 * memory, called through `app.fetch`).
 */
const server = syncServer('identity');
const { base: BASE, fetch: fetchImpl, useDevice: useTablet, code: freshCode } = server;
const now = clock('2026-11-25T01:00:00.000Z');

const storedKeys = async (): Promise<{ deviceId: string; keys: CryptoKeyPair } | undefined> =>
  (await getDb().meta.get(DEVICE_KEY_KEY))?.value as { deviceId: string; keys: CryptoKeyPair } | undefined;
const publicJwk = async (keys: CryptoKeyPair): Promise<JsonWebKey> => crypto.subtle.exportKey('jwk', keys.publicKey);

/** Tablet A: a fair recorded (one item), enrolled as KA, the item pushed. */
async function enrolledTablet(): Promise<{ fairId: string; deviceId: string }> {
  useTablet('A');
  const fair = await createFair(fairInput(), now());
  if (!fair.ok) throw new Error(fair.error.kind);
  const enrolled = await server.enrolHere(fair.value.id, 'Tablet A', 'KA');
  expect((await syncOnce({ now, fetch: fetchImpl })).push.acknowledged).toBe(1);
  return { fairId: fair.value.id, deviceId: enrolled.deviceId };
}

describe('enrolment proves identity, on the tablet', { timeout: 60_000 }, () => {
  test('[SY40] the first enrolment keeps a non-extractable P-256 key pair for the log\'s device id, across a reopen', async () => {
    const { fairId, deviceId } = await enrolledTablet();
    const expectKept = async (): Promise<void> => {
      const stored = await storedKeys();
      expect(stored?.deviceId).toBe(deviceId);
      const privateKey = stored?.keys.privateKey;
      expect(privateKey).toBeInstanceOf(CryptoKey);
      expect(privateKey?.extractable).toBe(false);
      expect(privateKey?.algorithm).toEqual({ name: 'ECDSA', namedCurve: 'P-256' });
      await expect(crypto.subtle.exportKey('jwk', privateKey as CryptoKey)).rejects.toThrow();
    };
    await expectKept();
    // Read back after a reopen it is still not extractable, and it still signs what the server takes.
    closeDb();
    await expectKept();
    const again = await enrolThisDevice(BASE, await freshCode(fairId), 'Tablet A', undefined, fetchImpl);
    expect(again.deviceId).toBe(deviceId);
  });

  test('[SY41] re-enrolling with a new code signs with the same key and keeps device code and sequence', async () => {
    const { fairId, deviceId } = await enrolledTablet();
    const before = await publicJwk((await storedKeys())!.keys);
    const again = await enrolThisDevice(BASE, await freshCode(fairId), 'Tablet A', undefined, fetchImpl);
    expect(again).toMatchObject({ deviceId, deviceCode: 'KA', fairId, expectedSeq: 2 });
    expect(await publicJwk((await storedKeys())!.keys)).toEqual(before);
    expect((await loadCredentials())?.token).toBe(again.token);
  });

  test('[SY45] a tablet that lost its key is refused DEVICE_PROOF_INVALID and keeps the credentials it had', async () => {
    const { fairId } = await enrolledTablet();
    const had = await loadCredentials();
    await getDb().meta.delete(DEVICE_KEY_KEY);
    const refused = enrolThisDevice(BASE, await freshCode(fairId), 'Tablet A', undefined, fetchImpl);
    await expect(refused).rejects.toBeInstanceOf(TransportError);
    await expect(refused).rejects.toMatchObject({ code: 'DEVICE_PROOF_INVALID', retryable: false, status: 403 });
    expect(await loadCredentials()).toEqual(had);
  });

  test('[SY45] an answer naming another device id is refused DEVICE_MISMATCH and saved nowhere', async () => {
    useTablet('B');
    const fair = await createFair(fairInput(), now());
    if (!fair.ok) throw new Error(fair.error.kind);
    // The real server's answer, with the device id of another tablet written into it.
    const elsewhere: FetchLike = async (url, init) => {
      const res = await server.app().request(url, init);
      const body = (await res.json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...body, deviceId: '01J00000000000000000000000' }), { status: res.status, headers: { 'content-type': 'application/json' } });
    };
    const refused = enrolThisDevice(BASE, await freshCode(fair.value.id), 'Tablet B', undefined, elsewhere);
    await expect(refused).rejects.toMatchObject({ code: 'DEVICE_MISMATCH', retryable: false });
    expect(await loadCredentials()).toBeUndefined();
  });
});
