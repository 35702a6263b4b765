import { describe, expect, test } from 'vitest';
import { parseFields } from '../../src/domain/field-errors';
import { IpRight, rightKey } from '../../src/domain/ip-right';
import { patentRightInput, trademarkRightInput } from '../support/entity-builders';

const errors = (input: unknown) => {
  const r = parseFields(IpRight, input);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('IpRight (EN8)', () => {
  test('a CN patent number is checked and stored canonically', () => {
    const r = IpRight.parse(patentRightInput({ number: 'ZL201710601862.3' }));
    expect(r.number).toBe('201710601862.3');
    expect(rightKey(r)).toBe('invention:CN:201710601862.3');
  });

  test("the patent's type digit must match the right's type", () => {
    expect(errors(patentRightInput({ type: 'design' }))).toEqual(['number:PATENT_TYPE_MISMATCH']);
    expect(errors(patentRightInput({ number: '201710601862.4' }))).toEqual(['number:PATENT_CHECK_DIGIT']);
    expect(errors(patentRightInput({ number: 'US1234567' }))).toEqual(['number:INVALID_FORMAT']);
    // A foreign-jurisdiction patent is not held to CNIPA's number format.
    expect(errors(patentRightInput({ number: 'US1234567', jurisdiction: 'US' }))).toEqual([]);
  });

  test('trademarks need a 1–9 digit number and ≥1 Nice class 1–45; others have no classes', () => {
    const tm = IpRight.parse(trademarkRightInput({ niceClasses: [35, 9] }));
    expect(tm.niceClasses).toEqual([9, 35]);
    expect(errors(trademarkRightInput({ niceClasses: [] }))).toEqual(['niceClasses:REQUIRED']);
    expect(errors(trademarkRightInput({ niceClasses: undefined }))).toEqual(['niceClasses:REQUIRED']);
    expect(errors(trademarkRightInput({ niceClasses: [46] }))).toEqual(['niceClasses.0:TOO_BIG']);
    expect(errors(trademarkRightInput({ niceClasses: [9, 9] }))).toEqual(['niceClasses:DUPLICATE_VALUE']);
    expect(errors(trademarkRightInput({ number: '1234567890' }))).toEqual(['number:INVALID_FORMAT']);
    expect(errors(patentRightInput({ niceClasses: [9] }))).toEqual(['niceClasses:NOT_APPLICABLE']);
  });

  test('bad input: missing fields, wrong types, overlong strings, unknown codes', () => {
    expect(errors({ type: 'copyright' })).toEqual([
      'number:REQUIRED',
      'title:REQUIRED',
      'holder:REQUIRED',
      'jurisdiction:REQUIRED',
      'status:REQUIRED',
      'statusSource:REQUIRED',
    ]);
    expect(errors(patentRightInput({ title: 'x'.repeat(201) }))).toEqual(['title:TOO_LONG']);
    expect(errors(patentRightInput({ type: 'patent' as never }))).toEqual(['type:INVALID_VALUE']);
    expect(errors(patentRightInput({ status: 'active' as never }))).toEqual(['status:INVALID_VALUE']);
    expect(errors(patentRightInput({ niceClasses: 'nine' as never }))).toEqual(['niceClasses:INVALID_TYPE']);
  });
});
