import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fieldErrors } from '../../../src/domain/field-errors';
import { PatentNumber, patentCheckChar, patentTypeOf } from '../../../src/domain/validators/patent';

const codeOf = (input: unknown) => {
  const r = PatentNumber.safeParse(input);
  return r.success ? 'OK' : fieldErrors(r.error, input)[0]?.code;
};

describe('CNIPA patent numbers (VA3)', () => {
  test('vector 201710601862.3 is valid, with or without ZL, canonicalised', () => {
    expect(patentCheckChar('201710601862')).toBe('3');
    expect(PatentNumber.parse('201710601862.3')).toBe('201710601862.3');
    expect(PatentNumber.parse('ZL 2017 1 0601862.3')).toBe('201710601862.3');
    expect(PatentNumber.parse('zl201710601862.3')).toBe('201710601862.3');
  });

  test('the old 8-digit form uses the first 8 weights', () => {
    // 9 3 1 0 0 0 0 1: 18+9+4+0+0+0+0+9 = 40, mod 11 = 7
    expect(patentCheckChar('93100001')).toBe('7');
    expect(PatentNumber.parse('93100001.7')).toBe('93100001.7');
    expect(patentTypeOf('93100001.7')).toBe('invention');
  });

  test('a check of 10 is written X', () => {
    // 2·2 + 0·3 + 1·4 + 7·5 + 2·6 + 2·5 = 65, mod 11 = 10
    expect(patentCheckChar('201720000002')).toBe('X');
    expect(PatentNumber.parse('201720000002.x')).toBe('201720000002.X');
    expect(codeOf('201720000002.0')).toBe('PATENT_CHECK_DIGIT');
  });

  test('the type digit: 1/8 invention, 2/9 utility model, 3 design; others refused', () => {
    expect(patentTypeOf('201710601862.3')).toBe('invention');
    expect(patentTypeOf('201720601862.0')).toBe('utility_model');
    expect(patentTypeOf('201730601862.0')).toBe('design');
    expect(patentTypeOf('201790601862.0')).toBe('utility_model');
    expect(patentTypeOf('201780601862.0')).toBe('invention');
    expect(codeOf(`201750601862.${patentCheckChar('201750601862')}`)).toBe('PATENT_TYPE_DIGIT');
  });

  test('a bad check digit is PATENT_CHECK_DIGIT, a bad shape INVALID_FORMAT', () => {
    expect(codeOf('201710601862.4')).toBe('PATENT_CHECK_DIGIT');
    expect(codeOf('20171060186.3')).toBe('INVALID_FORMAT');
    expect(codeOf('201710601862')).toBe('INVALID_FORMAT');
    expect(codeOf('')).toBe('INVALID_FORMAT');
  });

  test('property: a generated number with its check char parses; one changed digit is caught', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const body = fc.oneof(
      fc.tuple(digits(4), fc.constantFrom('1', '2', '3', '8', '9'), digits(7)).map((p) => p.join('')),
      fc.tuple(digits(2), fc.constantFrom('1', '2', '3', '8', '9'), digits(5)).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 9 }), (b, rawPos, shift) => {
        const no = `${b}.${patentCheckChar(b)}`;
        expect(PatentNumber.parse(`ZL${no}`)).toBe(no);
        const pos = rawPos % b.length;
        const changed = b.slice(0, pos) + String((Number(b.charAt(pos)) + shift) % 10) + b.slice(pos + 1);
        expect(PatentNumber.safeParse(`${changed}.${patentCheckChar(b)}`).success).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
