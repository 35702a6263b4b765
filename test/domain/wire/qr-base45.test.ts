import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { strToU8 } from 'fflate';
import { BASE45_ALPHABET, base45Decode, base45Encode, base45Length, isAlphanumeric } from '../../../src/domain/wire/qr/base45';

const text = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));

describe('base45 (RFC 9285), QR-SPEC.md QR4', () => {
  test('[QR4] the alphabet is exactly QR alphanumeric mode', () => {
    expect(BASE45_ALPHABET).toHaveLength(45);
    expect(new Set(BASE45_ALPHABET).size).toBe(45);
    expect(isAlphanumeric(BASE45_ALPHABET)).toBe(true);
    expect(isAlphanumeric('abc')).toBe(false);
    expect(isAlphanumeric('FC1:é')).toBe(false);
  });

  test.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
    ['', ''],
  ])('[QR4] RFC 9285 §4.3 example %j ↔ %j', (plain, encoded) => {
    expect(base45Encode(strToU8(plain))).toBe(encoded);
    expect(text(base45Decode(encoded))).toBe(plain);
  });

  test.each([
    ['GGW', 'a group above 65535 (RFC 9285 §4.2)'],
    ['ZZ', 'a final pair above 255'],
    ['QED8WEX', 'a length of 3k+1'],
    ['qed', 'lower case'],
    ['AB=', 'a character outside the alphabet'],
  ])('[QR4] %j is refused: %s', (bad) => {
    expect(base45Decode(bad)).toBeUndefined();
  });

  test('[QR4] decode(encode(bytes)) is the bytes; the text has the announced length and never ends in a space', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = base45Encode(bytes);
        expect(encoded).toHaveLength(base45Length(bytes.length));
        expect(isAlphanumeric(encoded)).toBe(true);
        expect(encoded.endsWith(' ')).toBe(false);
        expect(base45Decode(encoded)).toEqual(bytes);
      }),
      { numRuns: 1000 },
    );
  });
});
