import { describe, expect, test } from 'vitest';
import { parseFields } from '../../src/domain/field-errors';
import { Sanction, sanctionLabel } from '../../src/domain/sanction';
import { ulidOf } from '../support/builders';
import { USCC, meta } from '../support/entity-builders';

const input = (over: Record<string, unknown> = {}) => ({
  id: ulidOf(1, '01S'),
  fairId: ulidOf(1, '01F'),
  exhibitorKey: `CN:${USCC}`,
  code: 'PUBLIC_NOTICE',
  status: 'recommended',
  basisCaseIds: [ulidOf(1, '01K')],
  ...meta(),
  ...over,
});
const errors = (i: unknown) => {
  const r = parseFields(Sanction, i);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('Sanction (EN18, CD4, RP2, RP3)', () => {
  test('DEDUCT_BOOTHS(n) and BAN_SESSIONS(n) carry n; the others do not', () => {
    expect(sanctionLabel(Sanction.parse(input({ code: 'DEDUCT_BOOTHS', n: 2 })))).toBe('DEDUCT_BOOTHS(2)');
    expect(sanctionLabel(Sanction.parse(input()))).toBe('PUBLIC_NOTICE');
    expect(errors(input({ code: 'BAN_SESSIONS' }))).toEqual(['n:REQUIRED']);
    expect(errors(input({ n: 1 }))).toEqual(['n:NOT_APPLICABLE']);
  });

  test('a decision names who and when, not before the recommendation', () => {
    expect(errors(input({ status: 'decided' }))).toEqual(['decidedAt:REQUIRED', 'decidedBy:REQUIRED']);
    expect(errors(input({ status: 'decided', decidedAt: '2025-04-20T02:00:00.000Z', decidedBy: ulidOf(3, '01H') }))).toEqual([]);
    expect(errors(input({ status: 'decided', decidedAt: '2025-04-14T02:00:00.000Z', decidedBy: ulidOf(3, '01H') }))).toEqual(['decidedAt:END_BEFORE_START']);
  });

  test('[RP3] a lifetime ban is decided by hand, never merely recommended', () => {
    expect(errors(input({ code: 'BAN_PERMANENT' }))).toEqual(['status:GUARD_FAILED:RP3']);
    expect(errors(input({ code: 'BAN_PERMANENT', status: 'decided', decidedAt: '2025-04-20T02:00:00.000Z', decidedBy: ulidOf(3, '01H') }))).toEqual([]);
  });

  test('bad input: no basis, unknown code, bad key, wrong types', () => {
    expect(errors(input({ basisCaseIds: [] }))).toEqual(['basisCaseIds:TOO_FEW']);
    expect(errors(input({ code: 'FINE' }))).toEqual(['code:INVALID_VALUE']);
    expect(errors(input({ exhibitorKey: 'acme' }))).toEqual(['exhibitorKey:INVALID_FORMAT']);
    expect(errors(input({ code: 'DEDUCT_BOOTHS', n: '2' }))).toEqual(['n:INVALID_TYPE']);
    expect(errors(input({ status: undefined }))).toEqual(['status:REQUIRED']);
  });
});
