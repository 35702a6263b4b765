import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fieldErrors } from '../../../src/domain/field-errors';
import { Phone, isMainlandMobile } from '../../../src/domain/validators/phone';

describe('phone numbers, E.164 (VA5)', () => {
  test('a bare 11-digit mainland mobile gets +86', () => {
    expect(Phone.parse('13812345678')).toBe('+8613812345678');
    expect(Phone.parse('138 1234 5678')).toBe('+8613812345678');
    expect(Phone.parse('１３８１２３４５６７８')).toBe('+8613812345678');
    expect(isMainlandMobile(Phone.parse('13812345678'))).toBe(true);
  });

  test('international numbers stay E.164; 00 becomes +', () => {
    expect(Phone.parse('+49 30 1234567')).toBe('+49301234567');
    expect(Phone.parse('0049-30-1234567')).toBe('+49301234567');
    expect(Phone.parse('+86 (20) 8913 8888')).toBe('+862089138888');
    expect(isMainlandMobile(Phone.parse('+862089138888'))).toBe(false);
  });

  test('anything else is INVALID_FORMAT; absence is REQUIRED', () => {
    for (const bad of ['12812345678', '+0123456789', '+12345', '+1234567890123456', 'phone', '']) {
      const r = Phone.safeParse(bad);
      expect(r.success, bad).toBe(false);
      if (!r.success) expect(fieldErrors(r.error, bad)[0]?.code).toBe('INVALID_FORMAT');
    }
    const r = Phone.safeParse(undefined);
    expect(r.success ? undefined : fieldErrors(r.error, undefined)[0]?.code).toBe('REQUIRED');
  });

  test('property: a parsed phone parses again to itself (records are re-parsed at every boundary)', () => {
    const raw = fc.array(fc.constantFrom(...'0123456789+ -().１３８'), { minLength: 1, maxLength: 20 }).map((c) => c.join(''));
    fc.assert(
      fc.property(fc.oneof(raw, fc.stringMatching(/^1[3-9]\d{9}$/)), (input) => {
        const r = Phone.safeParse(input);
        if (r.success) expect(Phone.parse(r.data)).toBe(r.data);
      }),
      { numRuns: 1000 },
    );
  });
});
