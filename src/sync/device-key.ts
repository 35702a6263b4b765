import { DevicePublicKey, enrolProofMessage, type DeviceProof } from '../domain/wire/accounts';
import type { StoreResult } from '../store/result';
import { runWrite } from '../store/write';

/**
 * SY40: the tablet's identity, an ECDSA P-256 key pair made on the tablet at its first
 * enrolment. The private key is not extractable: it signs here and never leaves the tablet, so
 * a device id read off a pulled item is worth nothing to anyone else (SY41). IndexedDB keeps a
 * CryptoKey by structured clone, so the pair lives in `meta` beside the log state.
 */
export const DEVICE_KEY_KEY = 'sync.deviceKey';

interface StoredDeviceKey {
  /** The log's device id the pair belongs to: a new id (a wiped log) gets a new pair. */
  readonly deviceId: string;
  readonly keys: CryptoKeyPair;
}

const KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

const stored = (row: { value: unknown } | undefined, deviceId: string): CryptoKeyPair | undefined => {
  const value = row?.value as StoredDeviceKey | undefined;
  return value?.deviceId === deviceId ? value.keys : undefined;
};

/** This device's key pair, made and kept on first use. */
export async function deviceKeyPair(deviceId: string): Promise<StoreResult<CryptoKeyPair>> {
  const found = await runWrite(['meta'], async (db) => stored(await db.meta.get(DEVICE_KEY_KEY), deviceId), { log: false });
  if (!found.ok || found.value !== undefined) return found as StoreResult<CryptoKeyPair>;
  // Made outside the transaction (an IndexedDB transaction ends while it awaits anything else);
  // then kept unless another tab kept one first, which then wins.
  const made = await crypto.subtle.generateKey(KEY, false, ['sign', 'verify']);
  return runWrite(
    ['meta'],
    async (db) => {
      const first = stored(await db.meta.get(DEVICE_KEY_KEY), deviceId);
      if (first !== undefined) return first;
      await db.meta.put({ key: DEVICE_KEY_KEY, value: { deviceId, keys: made } satisfies StoredDeviceKey });
      return made;
    },
    { log: false },
  );
}

const base64Url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** SY41: the proof that this tablet is `deviceId`, for redeeming `code` and no other (SY42). */
export async function signEnrolment(keys: CryptoKeyPair, code: string, deviceId: string): Promise<DeviceProof> {
  const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
  const publicKey = DevicePublicKey.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
  const signature = await crypto.subtle.sign(SIGNATURE, keys.privateKey, new TextEncoder().encode(enrolProofMessage(code, deviceId)));
  return { publicKey, signature: base64Url(new Uint8Array(signature)) };
}
