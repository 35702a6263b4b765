import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson, hashCanonical, sha256Hex } from '../../src/domain/canonical-json';

describe('canonical JSON for content hashes (CM7 contentHash)', () => {
  test('keys sorted, no whitespace, undefined members dropped, -0 as 0', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: -0, y: 1.5 } })).toBe('{"a":[true,null,"x"],"b":1,"d":{"y":1.5,"z":0}}');
    expect(canonicalJson('展会')).toBe('"展会"');
  });

  test('SHA-256 matches the FIPS 180-2 vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('non-JSON values are refused rather than hashed silently', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(new Date(0))).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });

  test('property: key order never changes the hash, and the text parses back to the value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(hashCanonical(reversed)).toBe(hashCanonical(obj));
        expect(canonicalJson(JSON.parse(canonicalJson(obj)))).toBe(canonicalJson(obj));
      }),
      { numRuns: 1000 },
    );
  });
});
