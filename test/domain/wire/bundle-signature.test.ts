import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleManifest } from '../../../src/domain/wire/bundle';
import { bundleKeyFromTokenHash, bundleSigningKey, signManifest, verifyManifestSignature } from '../../../src/domain/wire/bundle-signature';

const manifest = BundleManifest.parse({
  format: BUNDLE_FORMAT,
  formatVersion: BUNDLE_FORMAT_VERSION,
  fairId: '01JRY6X320S4QVDMBJRMRKD57K',
  deviceId: '01JRY6X3200P81MDFK9W9P5QR4',
  deviceCode: 'K07',
  createdAt: '2025-04-16T02:30:00.000Z',
  itemCount: 1,
  itemsSha256: 'a'.repeat(64),
  files: [{ path: 'items.jsonl', sha256: 'a'.repeat(64), bytes: 10 }],
});

describe('BN13: a bundle is signed by its tablet', () => {
  test('[BN13] the tablet signs with SHA-256 of its token, which is exactly what the server stores', () => {
    const token = 'tablet-token-from-enrolment';
    const stored = createHash('sha256').update(token).digest('hex'); // src/server/auth/secrets.ts hashSecret
    const signed = signManifest(manifest, bundleSigningKey(token));
    expect(verifyManifestSignature(signed, [bundleKeyFromTokenHash(stored)])).toBe(true);
  });

  test('[BN13] no signature, another key, or any field changed after signing: not genuine', () => {
    const key = bundleSigningKey('tablet A');
    const signed = signManifest(manifest, key);
    expect(verifyManifestSignature(manifest, [key])).toBe(false);
    expect(verifyManifestSignature(signed, [bundleSigningKey('tablet B')])).toBe(false);
    expect(verifyManifestSignature(signed, [bundleSigningKey('tablet B'), key])).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom('itemsSha256', 'deviceId', 'fairId', 'createdAt', 'itemCount'), fc.string({ minLength: 1, maxLength: 8 }), (field, change) => {
        const value = (signed as Record<string, unknown>)[field];
        const altered = { ...signed, [field]: typeof value === 'number' ? value + change.length : `${String(value)}${change}` } as typeof signed;
        return !verifyManifestSignature(altered, [key]);
      }),
      { numRuns: 200 },
    );
  });
});
