import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fieldErrors } from '../../../src/domain/field-errors';
import { USCC_ALPHABET, Uscc, isValidUscc, usccCheckChar, usccWeight } from '../../../src/domain/validators/uscc';

const codeOf = (input: unknown) => {
  const r = Uscc.safeParse(input);
  return r.success ? 'OK' : fieldErrors(r.error, input)[0]?.code;
};

describe('USCC, GB 32100-2015 (VA1)', () => {
  test('the weights are 3^(i−1) mod 31', () => {
    expect(Array.from({ length: 17 }, (_, i) => usccWeight(i + 1))).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  test('vector 91350100M000100Y43 is valid: S = 1640, check 3', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(Uscc.parse('91350100M000100Y43')).toBe('91350100M000100Y43');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  test('input is trimmed, NFKC-normalised and upper-cased', () => {
    expect(Uscc.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(Uscc.parse('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
  });

  test('a bad check digit is USCC_CHECK_DIGIT, a bad shape INVALID_FORMAT', () => {
    expect(codeOf('91350100M000100Y44')).toBe('USCC_CHECK_DIGIT');
    expect(codeOf('91350100M000100Y4')).toBe('INVALID_FORMAT');
    expect(codeOf('91350100M000100O43')).toBe('INVALID_FORMAT'); // O is not in the alphabet
    expect(codeOf(913501)).toBe('INVALID_TYPE');
    expect(codeOf(undefined)).toBe('REQUIRED');
  });

  test('[CN3] the same formula over a body of any length: CF137K070042 → 4', () => {
    expect(usccCheckChar('CF137K070042')).toBe('4');
    expect(() => usccCheckChar('ABCI')).toThrow(RangeError);
  });

  const body = (min: number, max: number) =>
    fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

  test('property: usccCheckChar makes every generated 17-char body a valid USCC', () => {
    fc.assert(
      fc.property(body(17, 17), (b) => Uscc.safeParse(b + usccCheckChar(b)).success),
      { numRuns: 1000 },
    );
  });

  test('property: any single changed character is caught', () => {
    fc.assert(
      fc.property(body(2, 40), fc.nat(), fc.integer({ min: 1, max: 30 }), (b, rawPos, shift) => {
        const code = b + usccCheckChar(b);
        const pos = rawPos % code.length;
        const old = USCC_ALPHABET.indexOf(code.charAt(pos));
        const changed = code.slice(0, pos) + USCC_ALPHABET.charAt((old + shift) % 31) + code.slice(pos + 1);
        return usccCheckChar(changed.slice(0, -1)) !== changed.slice(-1);
      }),
      { numRuns: 1000 },
    );
  });
});
