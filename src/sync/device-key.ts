import { DevicePublicKey, enrolProofMessage, type DeviceProof } from '../domain/wire/accounts';
import { deviceKeyPair as keptKeyPair, type StoreResult } from '../store';

/**
 * SY40: the tablet's identity, an ECDSA P-256 key pair made on the tablet at its first
 * enrolment. The private key is not extractable: it signs here and never leaves the tablet, so
 * a device id read off a pulled item is worth nothing to anyone else (SY41). The store keeps it.
 */
const KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** This device's key pair, made and kept on first use. */
export const deviceKeyPair = (deviceId: string): Promise<StoreResult<CryptoKeyPair>> =>
  keptKeyPair(deviceId, () => crypto.subtle.generateKey(KEY, false, ['sign', 'verify']));

const base64Url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** SY41: the proof that this tablet is `deviceId`, for redeeming `code` and no other (SY42). */
export async function signEnrolment(keys: CryptoKeyPair, code: string, deviceId: string): Promise<DeviceProof> {
  const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
  const publicKey = DevicePublicKey.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
  const signature = await crypto.subtle.sign(SIGNATURE, keys.privateKey, new TextEncoder().encode(enrolProofMessage(code, deviceId)));
  return { publicKey, signature: base64Url(new Uint8Array(signature)) };
}
