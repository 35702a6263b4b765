import { describe, expect, test } from 'vitest';
import { parseFields } from '../../src/domain/field-errors';
import { OutreachActivity } from '../../src/domain/outreach';
import { ulidOf } from '../support/builders';
import { meta } from '../support/entity-builders';

const input = (over: Record<string, unknown> = {}) => ({
  id: ulidOf(1, '01R'),
  fairId: ulidOf(1, '01F'),
  kind: 'training',
  date: '2025-04-15',
  title: '参展企业知识产权培训',
  participants: 120,
  materials: 0,
  ...meta(),
  ...over,
});
const errors = (i: unknown) => {
  const r = parseFields(OutreachActivity, i);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('OutreachActivity (EN16, R18)', () => {
  test('training and publicity; counts may be zero', () => {
    expect(errors(input())).toEqual([]);
    expect(errors(input({ kind: 'publicity', participants: 0, materials: 3000 }))).toEqual([]);
  });

  test('bad input: negative or fractional counts, bad dates, missing fields, overlong title', () => {
    expect(errors(input({ participants: -1 }))).toEqual(['participants:TOO_SMALL']);
    expect(errors(input({ materials: 2.5 }))).toEqual(['materials:INVALID_TYPE']);
    expect(errors(input({ date: '2025-02-30' }))).toEqual(['date:CIVIL_DATE']);
    expect(errors(input({ title: '' }))).toEqual(['title:REQUIRED']);
    expect(errors(input({ title: '培'.repeat(201) }))).toEqual(['title:TOO_LONG']);
    expect(errors(input({ kind: 'seminar' }))).toEqual(['kind:INVALID_VALUE']);
    expect(errors(input({ participants: undefined }))).toEqual(['participants:REQUIRED']);
  });
});
