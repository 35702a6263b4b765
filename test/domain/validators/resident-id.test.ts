import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fieldErrors } from '../../../src/domain/field-errors';
import { IdDoc, ResidentId, maskId, residentIdCheckChar } from '../../../src/domain/validators/resident-id';

// GB 11643-1999 worked example: 11010519491231002X.
const VALID = '11010519491231002X';

const codesOf = (schema: typeof ResidentId | typeof IdDoc, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : fieldErrors(r.error, input).map((e) => `${e.field}:${e.code}`);
};

describe('resident ID, GB 11643-1999 (VA2)', () => {
  test('the standard vector is valid; a lower-case x is folded', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(ResidentId.parse(VALID)).toBe(VALID);
    expect(ResidentId.parse(' 11010519491231002x')).toBe(VALID);
  });

  test('a wrong check char, birth date or shape is refused with its code', () => {
    expect(codesOf(ResidentId, '110105194912310021')).toEqual([':RESIDENT_ID_CHECK_DIGIT']);
    expect(codesOf(ResidentId, '110105194902300027')).toEqual([':RESIDENT_ID_BIRTH_DATE']);
    expect(codesOf(ResidentId, '1101051949123100')).toEqual([':INVALID_FORMAT']);
  });

  test('an ID document: resident IDs by GB 11643, others 5–20 [A-Z0-9]', () => {
    expect(IdDoc.parse({ type: 'resident_id', number: VALID }).number).toBe(VALID);
    expect(IdDoc.parse({ type: 'passport', number: 'e12345678' }).number).toBe('E12345678');
    expect(codesOf(IdDoc, { type: 'resident_id', number: '110105194912310021' })).toEqual(['number:RESIDENT_ID_CHECK_DIGIT']);
    expect(codesOf(IdDoc, { type: 'passport', number: 'E12' })).toEqual(['number:INVALID_FORMAT']);
    expect(codesOf(IdDoc, { type: 'visa', number: 'E1234567' })).toEqual(['type:INVALID_VALUE']);
    expect(codesOf(IdDoc, { type: 'passport' })).toEqual(['number:REQUIRED']);
  });

  test('[NO2] printed IDs are masked, the birth date hidden', () => {
    expect(maskId(VALID)).toBe('110***********002X');
    expect(maskId(VALID)).not.toContain('19491231');
    expect(maskId('E12345678')).toBe('E******78');
    expect(maskId('AB12')).toBe('**12');
    expect(maskId('')).toBe('');
  });

  test('property: one changed digit of a valid ID is caught by the check char', () => {
    const birth = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits(6), birth, digits(3), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (region, date, order, pos, shift) => {
        const body = `${region}${date}${order}`;
        const id = body + residentIdCheckChar(body);
        expect(ResidentId.safeParse(id).success).toBe(true);
        const changed = body.slice(0, pos) + String((Number(body.charAt(pos)) + shift) % 10) + body.slice(pos + 1) + id.charAt(17);
        expect(ResidentId.safeParse(changed).success).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
