import { describe, expect, test } from 'vitest';
import { fieldErrors } from '../../../src/domain/field-errors';
import { Country, ISO_COUNTRIES } from '../../../src/domain/validators/country';

const codeOf = (input: unknown) => {
  const r = Country.safeParse(input);
  return r.success ? r.data : fieldErrors(r.error, input)[0]?.code;
};

describe('countries, ISO 3166-1 alpha-2', () => {
  test('249 assigned codes, input upper-cased', () => {
    expect(ISO_COUNTRIES).toHaveLength(249);
    expect(new Set(ISO_COUNTRIES).size).toBe(249);
    expect(codeOf(' cn ')).toBe('CN');
    expect(codeOf('DE')).toBe('DE');
    expect(codeOf('HK')).toBe('HK');
  });

  test('unassigned codes and bad shapes are refused', () => {
    expect(codeOf('UK')).toBe('UNKNOWN_COUNTRY');
    expect(codeOf('XX')).toBe('UNKNOWN_COUNTRY');
    expect(codeOf('CHN')).toBe('INVALID_FORMAT');
    expect(codeOf(86)).toBe('INVALID_TYPE');
  });
});
