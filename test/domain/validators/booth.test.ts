import { describe, expect, test } from 'vitest';
import { fieldErrors } from '../../../src/domain/field-errors';
import { Booth, boothKey, boothSchemaFor, parseBoothKey, sameBooth } from '../../../src/domain/validators/booth';
import { makeFair } from '../../support/builders';

const errorsOf = (schema: typeof Booth, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : fieldErrors(r.error, input).map((e) => `${e.field}:${e.code}`);
};

describe('booths (VA6)', () => {
  test('hall and stand are trimmed, NFKC-folded and upper-cased; key hall/stand', () => {
    const b = Booth.parse({ hall: ' 9.2 ', stand: 'ｅ１６' });
    expect(b).toEqual({ hall: '9.2', stand: 'E16' });
    expect(boothKey(b)).toBe('9.2/E16');
    expect(boothKey(Booth.parse({ hall: '11', stand: 'a01-3' }))).toBe('11/A01-3');
    expect(sameBooth(Booth.parse({ hall: '9.2', stand: 'e16' }), b)).toBe(true);
  });

  test('the default patterns refuse bad halls and stands, naming the field', () => {
    expect(errorsOf(Booth, { hall: '9.123', stand: 'E16' })).toEqual(['hall:INVALID_FORMAT']);
    expect(errorsOf(Booth, { hall: 'HALL9', stand: 'E16' })).toEqual(['hall:INVALID_FORMAT']);
    expect(errorsOf(Booth, { hall: '9', stand: 'E16/17' })).toEqual(['stand:INVALID_FORMAT']);
    expect(errorsOf(Booth, { hall: '9' })).toEqual(['stand:REQUIRED']);
    expect(errorsOf(Booth, { hall: 9, stand: 'E16' })).toEqual(['hall:INVALID_TYPE']);
  });

  test('per-fair patterns come from settings.booth', () => {
    const fair = makeFair({ settings: { booth: { hall: '^[A-D]$', stand: '^\\d{3}$' } } });
    const schema = boothSchemaFor(fair.settings.booth);
    expect(schema.parse({ hall: 'b', stand: '101' })).toEqual({ hall: 'B', stand: '101' });
    expect(errorsOf(schema, { hall: '9.2', stand: 'E16' })).toEqual(['hall:INVALID_FORMAT', 'stand:INVALID_FORMAT']);
    expect(boothSchemaFor(fair.settings.booth)).toBe(schema);
    // The default fair's schema accepts what the default Booth does.
    expect(boothSchemaFor(makeFair().settings.booth).parse({ hall: '9.2', stand: 'E16' })).toEqual({ hall: '9.2', stand: 'E16' });
  });

  test('a booth key reads back into the same booth', () => {
    expect(parseBoothKey('9.2/e16')).toEqual({ hall: '9.2', stand: 'E16' });
    expect(parseBoothKey(boothKey(Booth.parse({ hall: '11', stand: 'A01-3' })))).toEqual({ hall: '11', stand: 'A01-3' });
    expect(parseBoothKey('9.2-E16')).toBeUndefined();
    expect(parseBoothKey('9.2/E16/1')).toBeUndefined();
    expect(parseBoothKey('B/101', { hall: '^[A-D]$', stand: '^\\d{3}$' })).toEqual({ hall: 'B', stand: '101' });
  });
});
