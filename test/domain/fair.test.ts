import { describe, expect, test } from 'vitest';
import { Fair, fairCloseAt } from '../../src/domain/fair';
import type { FairInput } from '../../src/domain/fair';
import { parseFields } from '../../src/domain/field-errors';
import { makeFair, ulidOf } from '../support/builders';

const input = (over: Partial<FairInput> = {}): FairInput => ({
  id: ulidOf(1, '01F'),
  code: 'CF137',
  nameZh: '第137届中国进出口商品交易会',
  sessionNo: 137,
  days: [
    { date: '2025-04-15', opensAt: '09:00', closesAt: '17:00' },
    { date: '2025-04-16', opensAt: '09:00', closesAt: '17:00' },
  ] as FairInput['days'],
  ...over,
});
const errors = (i: unknown) => {
  const r = parseFields(Fair, i);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('Fair: bad input, the Fair schema seen through field errors', () => {
  test('a fair parses with its FS defaults; it closes at the last desk closing', () => {
    expect(errors(input())).toEqual([]);
    expect(fairCloseAt(makeFair())).toBe('2025-04-19T09:00:00.000Z');
  });

  test('fair days out of order: an end before the start is refused on the later day', () => {
    const days = [
      { date: '2025-04-16', opensAt: '09:00', closesAt: '17:00' },
      { date: '2025-04-15', opensAt: '09:00', closesAt: '17:00' },
    ] as FairInput['days'];
    expect(errors(input({ days }))).toEqual(['days.1.date:DAYS_ORDER']);
    const closingFirst = [{ date: '2025-04-15', opensAt: '17:00', closesAt: '09:00' }] as FairInput['days'];
    expect(errors(input({ days: closingFirst }))).toEqual(['days.0.closesAt:DESK_HOURS_ORDER']);
  });

  test('missing fields, wrong types, overlong strings, bad codes', () => {
    expect(errors({ ...input(), code: undefined, sessionNo: undefined })).toEqual(['code:REQUIRED', 'sessionNo:REQUIRED']);
    expect(errors(input({ sessionNo: '137' as never }))).toEqual(['sessionNo:INVALID_TYPE']);
    expect(errors(input({ nameZh: '届'.repeat(101) }))).toEqual(['nameZh:TOO_LONG']);
    expect(errors(input({ code: 'CF-137' }))).toEqual(['code:FAIR_CODE']);
    expect(errors(input({ days: [] }))).toEqual(['days:TOO_FEW']);
    expect(errors(input({ settings: { timeZone: 'Mars/Olympus' } }))).toEqual(['settings.timeZone:TIME_ZONE']);
  });
});
