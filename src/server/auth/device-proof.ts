import { webcrypto } from 'node:crypto';
import type { DevicePublicKey } from '../../domain/wire/accounts';

const KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

/**
 * SY41: true when `signature` (base64url, raw r‖s) is `publicKey`'s signature of `message`. A key
 * that is not a point of the curve, or a signature that does not decode, is simply not a proof.
 */
export async function verifyDeviceProof(publicKey: DevicePublicKey, signature: string, message: string): Promise<boolean> {
  try {
    const key = await webcrypto.subtle.importKey('jwk', publicKey, KEY, false, ['verify']);
    return await webcrypto.subtle.verify(SIGNATURE, key, Buffer.from(signature, 'base64url'), Buffer.from(message, 'utf8'));
  } catch {
    return false;
  }
}
