import { describe, expect, test } from 'vitest';
import { parseFields } from '../../src/domain/field-errors';
import { Inspection, inspectionSchemaFor } from '../../src/domain/inspection';
import { makeFair, ulidOf } from '../support/builders';
import { meta } from '../support/entity-builders';

const input = (over: Record<string, unknown> = {}) => ({
  id: ulidOf(1, '01N'),
  fairId: ulidOf(1, '01F'),
  at: '2025-04-17T03:00:00.000Z',
  booth: { hall: '9.2', stand: 'e16' },
  finding: 'ok',
  inspectedBy: ulidOf(2, '01H'),
  ...meta(),
  ...over,
});
const errors = (i: unknown) => {
  const r = parseFields(Inspection, i);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('Inspection (EN17)', () => {
  test('a routine visit parses; the booth is normalised', () => {
    expect(Inspection.parse(input()).booth).toEqual({ hall: '9.2', stand: 'E16' });
  });

  test('[CS30] a redisplay finding names its case and shows a photo', () => {
    expect(errors(input({ finding: 'redisplay' }))).toEqual(['caseId:REQUIRED', 'photos:PHOTO_REQUIRED']);
    expect(errors(input({ finding: 'redisplay', caseId: ulidOf(1, '01K'), photos: [ulidOf(1, '01V')] }))).toEqual([]);
  });

  test('bad input: bad booth, unknown finding, missing fields, overlong note', () => {
    expect(errors(input({ booth: { hall: 'HALL 9', stand: 'E16' } }))).toEqual(['booth.hall:INVALID_FORMAT']);
    expect(errors(input({ finding: 'bad' }))).toEqual(['finding:INVALID_VALUE']);
    expect(errors(input({ booth: undefined }))).toEqual(['booth:REQUIRED']);
    expect(errors(input({ note: '记'.repeat(501) }))).toEqual(['note:TOO_LONG']);
    expect(errors(input({ at: 1713322800000 }))).toEqual(['at:INVALID_TYPE']);
  });

  test("the booth follows the fair's own patterns", () => {
    const schema = inspectionSchemaFor(makeFair({ settings: { booth: { hall: '^[A-D]$', stand: '^\\d{3}$' } } }).settings.booth);
    expect(schema.parse(input({ booth: { hall: 'a', stand: '101' } })).booth).toEqual({ hall: 'A', stand: '101' });
    expect(schema.safeParse(input()).success).toBe(false);
  });
});
