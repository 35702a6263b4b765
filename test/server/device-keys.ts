import { webcrypto } from 'node:crypto';
import { DevicePublicKey, enrolProofMessage, type DeviceProof } from '../../src/domain/wire/accounts';

/**
 * Test tablets' key pairs (SY40), made with Node's WebCrypto as a browser makes them, and
 * remembered per device id so that a test re-enrolling a device signs with the same key.
 */
const pairs = new Map<string, CryptoKeyPair>();

export const newKeyPair = (): Promise<CryptoKeyPair> =>
  webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;

/** The key pair of the test tablet `deviceId`, made on first use. */
export async function keysOf(deviceId: string): Promise<CryptoKeyPair> {
  const known = pairs.get(deviceId);
  if (known !== undefined) return known;
  const made = await newKeyPair();
  pairs.set(deviceId, made);
  return made;
}

/** The proof a tablet holding `keys` sends to redeem `code` as `deviceId` (SY41). */
export async function proofWith(keys: CryptoKeyPair, code: string, deviceId: string): Promise<DeviceProof> {
  const jwk = await webcrypto.subtle.exportKey('jwk', keys.publicKey);
  const signature = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, Buffer.from(enrolProofMessage(code, deviceId), 'utf8'));
  return { publicKey: DevicePublicKey.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }), signature: Buffer.from(signature).toString('base64url') };
}

/** The proof of the test tablet `deviceId` (its remembered key pair) for `code`. */
export const proofFor = async (deviceId: string, code: string): Promise<DeviceProof> => proofWith(await keysOf(deviceId), code, deviceId);
