import { describe, expect, test } from 'vitest';
import { createHttpApp } from '../../src/server/server';
import { hashSecret } from '../../src/server/auth/secrets';
import type { Storage } from '../../src/server/storage/storage';
import type { PushOutcome } from '../../src/server/storage/sync-store';
import { bothStorages } from './both-storages';
import { keysOf, newKeyPair, proofFor, proofWith } from './device-keys';
import { enrol, makeItem, makeItems, makeOrganizer, newId, type TestDevice } from './support';

/**
 * Enrolment proves identity (SY40-SY44): a device id read off a pulled item gets nobody that
 * device's token; the device itself, signing with its key, re-enrols and keeps its code and
 * sequence. On PGlite and on PostgreSQL.
 */
const pushed = (o: PushOutcome | { kind: 'device-revoked' }): PushOutcome => {
  if (o.kind !== 'pushed') throw new Error(`expected a push result, got ${o.kind}`);
  return o;
};

describe.each(bothStorages())('device identity on $name', ({ storage: current }) => {
  const storage = (): Storage => current();
  let organizer: string | undefined;
  const freshCode = async (fairId: string): Promise<string> => {
    organizer ??= (await makeOrganizer(storage())).userId;
    return (await storage().createEnrolment(organizer, { fairId, role: 'desk', ttlMinutes: 10 }, Date.now())).code;
  };
  /** A tablet that has enrolled and pushed items 1..3. */
  const busyTablet = async (): Promise<TestDevice> => {
    const d = await enrol(storage(), newId(), { deviceCode: 'K05' });
    expect(pushed(await storage().push(d, makeItems(d, 1, 3), Date.now())).ackedSeq).toBe(3);
    return d;
  };

  test('[SY41] an impostor redeeming a fresh code with another device\'s id gets no token; that device\'s next push applies', async () => {
    const real = await busyTablet();
    const code = await freshCode(real.fairId);
    const impostorKeys = await newKeyPair();
    await expect(storage().redeemEnrolment({ code, deviceId: real.deviceId, deviceName: 'Impostor', proof: await proofWith(impostorKeys, code, real.deviceId) }))
      .rejects.toMatchObject({ code: 'DEVICE_PROOF_INVALID' });
    await expect(storage().redeemEnrolment({ code, deviceId: real.deviceId, deviceName: 'Impostor' })).rejects.toMatchObject({ code: 'DEVICE_PROOF_REQUIRED' });
    const next = pushed(await storage().push(real, [makeItem(real, 4)], Date.now()));
    expect(next.results.map((r) => r.status)).toEqual(['applied']);
    expect(next.ackedSeq).toBe(4);
    expect((await storage().listDevices(real.fairId)).map((d) => [d.deviceId, d.deviceCode, d.name])).toEqual([[real.deviceId, 'K05', 'Desk tablet']]);
    // Without a claimed id the same code makes a new device: never the one it wanted to be.
    const other = await storage().redeemEnrolment({ code, deviceName: 'Impostor' });
    expect(other.deviceId).not.toBe(real.deviceId);
    expect(other.expectedSeq).toBe(1);
  });

  test('[SY41] re-enrolment with a valid proof keeps device code and sequence', async () => {
    const real = await busyTablet();
    const code = await freshCode(real.fairId);
    const again = await storage().redeemEnrolment({ code, deviceId: real.deviceId, deviceName: 'Desk tablet', proof: await proofFor(real.deviceId, code) });
    expect(again).toMatchObject({ deviceId: real.deviceId, deviceCode: 'K05', fairId: real.fairId, expectedSeq: 4 });
    expect(await storage().authenticate(again.token)).toMatchObject({ kind: 'device', deviceId: real.deviceId, fairId: real.fairId });
  });

  test('[SY41] a signature by another key is refused, with or without that key\'s public half', async () => {
    const real = await busyTablet();
    const code = await freshCode(real.fairId);
    const genuine = await proofFor(real.deviceId, code);
    const forged = await proofWith(await newKeyPair(), code, real.deviceId);
    for (const proof of [forged, { publicKey: genuine.publicKey, signature: forged.signature }]) {
      await expect(storage().redeemEnrolment({ code, deviceId: real.deviceId, deviceName: 'Forger', proof })).rejects.toMatchObject({ code: 'DEVICE_PROOF_INVALID' });
    }
    // A refusal leaves the code unused: the real tablet still redeems it.
    expect((await storage().redeemEnrolment({ code, deviceId: real.deviceId, deviceName: 'Desk tablet', proof: genuine })).deviceCode).toBe('K05');
  });

  test('[SY42] a signature made for another code is refused', async () => {
    const real = await busyTablet();
    const seen = await freshCode(real.fairId);
    const replayed = await proofFor(real.deviceId, seen);
    const code = await freshCode(real.fairId);
    await expect(storage().redeemEnrolment({ code, deviceId: real.deviceId, deviceName: 'Replayer', proof: replayed })).rejects.toMatchObject({ code: 'DEVICE_PROOF_INVALID' });
  });

  test('[SY43] after a lost answer the same tablet redeems the same code again with its proof; nobody else can', async () => {
    const fairId = newId();
    const code = await freshCode(fairId);
    const deviceId = newId();
    const first = await storage().redeemEnrolment({ code, deviceId, deviceName: 'Desk tablet', deviceCode: 'K09', proof: await proofFor(deviceId, code) });
    // The answer is lost; the tablet asks again with the same code.
    const retry = await storage().redeemEnrolment({ code, deviceId, deviceName: 'Desk tablet', deviceCode: 'K09', proof: await proofFor(deviceId, code) });
    expect(retry).toMatchObject({ deviceId, deviceCode: 'K09', fairId, expectedSeq: 1 });
    expect(retry.token).not.toBe(first.token);
    expect(await storage().authenticate(retry.token)).toMatchObject({ kind: 'device', deviceId, fairId });
    // Another tablet with that code, its own id or this one's, gets nothing.
    const stranger = newId();
    await expect(storage().redeemEnrolment({ code, deviceId: stranger, deviceName: 'Other', proof: await proofFor(stranger, code) })).rejects.toMatchObject({ code: 'ENROLMENT_INVALID' });
    await expect(storage().redeemEnrolment({ code, deviceName: 'Other' })).rejects.toMatchObject({ code: 'ENROLMENT_INVALID' });
    await expect(storage().redeemEnrolment({ code, deviceId, deviceName: 'Other', proof: await proofWith(await newKeyPair(), code, deviceId) })).rejects.toMatchObject({ code: 'DEVICE_PROOF_INVALID' });
    await expect(storage().redeemEnrolment({ code, deviceId, deviceName: 'Other' })).rejects.toMatchObject({ code: 'DEVICE_PROOF_REQUIRED' });
    // Past its expiry the code works for nobody, the tablet included.
    await storage().sql.query(`update enrolments set expires_at = now() - interval '1 minute' where code_hash = $1`, [hashSecret(code)]);
    await expect(storage().redeemEnrolment({ code, deviceId, deviceName: 'Desk tablet', proof: await proofFor(deviceId, code) })).rejects.toMatchObject({ code: 'ENROLMENT_INVALID' });
  });

  test('[SY44] a claimed id needs a proof; the first proof keeps its key only if it signs; a keyless device cannot be claimed', async () => {
    const fairId = newId();
    const code = await freshCode(fairId);
    const deviceId = newId();
    await expect(storage().redeemEnrolment({ code, deviceId, deviceName: 'Old app' })).rejects.toMatchObject({ code: 'DEVICE_PROOF_REQUIRED' });
    // A public key with a signature its private half did not make is kept by nobody.
    const mismatched = { publicKey: (await proofWith(await newKeyPair(), code, deviceId)).publicKey, signature: (await proofFor(deviceId, code)).signature };
    await expect(storage().redeemEnrolment({ code, deviceId, deviceName: 'Desk tablet', proof: mismatched })).rejects.toMatchObject({ code: 'DEVICE_PROOF_INVALID' });
    expect((await storage().redeemEnrolment({ code, deviceId, deviceName: 'Desk tablet', proof: await proofFor(deviceId, code) })).deviceId).toBe(deviceId);
    // A server-made id has no key: nobody, not even its holder, can claim it later.
    const keyless = await storage().redeemEnrolment({ code: await freshCode(fairId), deviceName: 'No id' });
    const later = await freshCode(fairId);
    await expect(storage().redeemEnrolment({ code: later, deviceId: keyless.deviceId, deviceName: 'No id', proof: await proofFor(keyless.deviceId, later) })).rejects.toMatchObject({ code: 'DEVICE_PROOF_INVALID' });
  });

  test('[SY40] two first claims of one new id at once: one key is kept, the other is refused now and later', async () => {
    const fairId = newId();
    const deviceId = newId();
    const [a, b] = [await freshCode(fairId), await freshCode(fairId)];
    const [keysA, keysB] = [await keysOf(deviceId), await newKeyPair()];
    const outcomes = await Promise.allSettled([
      storage().redeemEnrolment({ code: a, deviceId, deviceName: 'A', proof: await proofWith(keysA, a, deviceId) }),
      storage().redeemEnrolment({ code: b, deviceId, deviceName: 'B', proof: await proofWith(keysB, b, deviceId) }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code: string }).code] : []))).toEqual(['DEVICE_PROOF_INVALID']);
    const [winner, loser] = outcomes[0]?.status === 'fulfilled' ? [keysA, keysB] : [keysB, keysA];
    const c = await freshCode(fairId);
    await expect(storage().redeemEnrolment({ code: c, deviceId, deviceName: 'Loser', proof: await proofWith(loser, c, deviceId) })).rejects.toMatchObject({ code: 'DEVICE_PROOF_INVALID' });
    expect((await storage().redeemEnrolment({ code: c, deviceId, deviceName: 'Winner', proof: await proofWith(winner, c, deviceId) })).deviceId).toBe(deviceId);
  });

  test('[SY44] over HTTP an old client naming its id without a proof gets 403 DEVICE_PROOF_REQUIRED', async () => {
    const app = createHttpApp({ distDir: 'dist', storage: storage() });
    const res = await app.request('/api/devices/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await freshCode(newId()), deviceId: newId(), deviceName: 'Old app' }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ type: 'error', code: 'DEVICE_PROOF_REQUIRED' });
  });
});
