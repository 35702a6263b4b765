import { describe, expect, test } from 'vitest';
import { parseFields } from '../../src/domain/field-errors';
import { Measure, allMeasuresDone, anyMeasureRefused, isMeasureOverdue } from '../../src/domain/measure';
import { at, ulidOf } from '../support/builders';

const verification = (over: Record<string, unknown> = {}) => ({
  result: 'done',
  at: '2025-04-16T05:00:00.000Z',
  by: ulidOf(1, '01H'),
  photos: [ulidOf(1, '01V')],
  ...over,
});
const input = (over: Record<string, unknown> = {}) => ({ code: 'COVER', itemIndex: 0, dueAt: '2025-04-16T06:00:00.000Z', ...over });
const errors = (i: unknown) => {
  const r = parseFields(Measure, i);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('Measure and its verification (EN14, CD3, CS19)', () => {
  test('[CS19] all measures done → verified; a refusal is seen', () => {
    const done = Measure.parse(input({ verification: verification() }));
    const refused = Measure.parse(input({ code: 'WITHDRAW_EXHIBIT', verification: verification({ result: 'refused', photos: [] }) }));
    const open = Measure.parse(input());
    expect(allMeasuresDone([done])).toBe(true);
    expect(allMeasuresDone([done, open])).toBe(false);
    expect(allMeasuresDone([])).toBe(false);
    expect(anyMeasureRefused([done, refused])).toBe(true);
    expect(refused.verification?.photos).toEqual([]);
  });

  test('[CS19] a measure is verified done with a photo', () => {
    expect(errors(input({ verification: verification({ photos: [] }) }))).toEqual(['verification.photos:PHOTO_REQUIRED']);
  });

  test('[DL5] overdue when now > dueAt and not verified', () => {
    const open = Measure.parse(input());
    expect(isMeasureOverdue(open, at('2025-04-16T06:00:00.000Z'))).toBe(false);
    expect(isMeasureOverdue(open, at('2025-04-16T06:00:00.001Z'))).toBe(true);
    expect(isMeasureOverdue(Measure.parse(input({ verification: verification() })), at('2025-04-17T00:00:00.000Z'))).toBe(false);
  });

  test('bad input: unknown code, missing dueAt, wrong types, overlong note', () => {
    expect(errors(input({ code: 'FINE' }))).toEqual(['code:INVALID_VALUE']);
    expect(errors(input({ dueAt: undefined }))).toEqual(['dueAt:REQUIRED']);
    expect(errors(input({ itemIndex: -1 }))).toEqual(['itemIndex:TOO_SMALL']);
    expect(errors(input({ itemIndex: '0' }))).toEqual(['itemIndex:INVALID_TYPE']);
    expect(errors(input({ verification: verification({ result: 'partly' }) }))).toEqual(['verification.result:INVALID_VALUE']);
    expect(errors(input({ verification: verification({ note: '注'.repeat(501) }) }))).toEqual(['verification.note:TOO_LONG']);
    expect(errors(input({ verification: verification({ by: undefined }) }))).toEqual(['verification.by:REQUIRED']);
  });
});
