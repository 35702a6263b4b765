import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../canonical-json';
import type { BundleManifest } from './bundle';

/**
 * BN13: a bundle says which tablet made it, and a forged one is refused. Hashes alone (BN3, BN4)
 * prove a file was not damaged, not who wrote it: anyone with a USB stick could write a bundle
 * "of tablet A". So the tablet signs the manifest (which holds the hash of every other entry)
 * with HMAC-SHA256 keyed by SHA-256 of its device token. The server never keeps the token, only
 * that same SHA-256 (src/server/auth/secrets.ts `hashSecret`), so it can check the signature
 * without holding anything new, and a person who never held A's token cannot make one.
 */
export const BUNDLE_SIGNATURE_ALG = 'HMAC-SHA256/device-token-sha256';

/** The key a tablet signs with: SHA-256 of its token, the very bytes the server stores as hex. */
export const bundleSigningKey = (token: string): Uint8Array => sha256(utf8ToBytes(token));

/** The server's stored token hash (hex) as a key. */
export const bundleKeyFromTokenHash = (tokenHashHex: string): Uint8Array => hexToBytes(tokenHashHex);

const signedBytes = (manifest: BundleManifest): Uint8Array => {
  const { signature: _ignored, ...unsigned } = manifest;
  return utf8ToBytes(canonicalJson(unsigned));
};

export const signManifest = (manifest: BundleManifest, key: Uint8Array): BundleManifest => ({
  ...manifest,
  signature: { alg: BUNDLE_SIGNATURE_ALG, mac: bytesToHex(hmac(sha256, key, signedBytes(manifest))) },
});

/** True when one of the keys (a device may hold more than one live token) made the signature. */
export function verifyManifestSignature(manifest: BundleManifest, keys: readonly Uint8Array[]): boolean {
  const mac = manifest.signature?.mac;
  if (mac === undefined) return false;
  const message = signedBytes(manifest);
  const given = hexToBytes(mac);
  return keys.some((key) => constantTimeEqual(hmac(sha256, key, message), given));
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
