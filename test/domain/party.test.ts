import { describe, expect, test } from 'vitest';
import { parseFields } from '../../src/domain/field-errors';
import { Party, isForeign, standingOf } from '../../src/domain/party';
import { complainantInput } from '../support/entity-builders';

const errors = (input: unknown) => {
  const r = parseFields(Party, input);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('Party (EN6, EN7)', () => {
  test('a CN complainant entity parses; text is trimmed and NFKC-normalised, phone made E.164', () => {
    const p = Party.parse(complainantInput({ name: ' 福建某某科技有限公司　', phone: '138 1234 5678' }));
    expect(p.name).toBe('福建某某科技有限公司');
    expect(p.phone).toBe('+8613812345678');
    expect(standingOf(p)).toBe('holder');
    expect(isForeign(p, 'CN')).toBe(false);
  });

  test('a foreign person with a passport; standing defaults to holder', () => {
    const p = Party.parse({ role: 'complainant', kind: 'person', name: 'Anna Schmidt', country: 'de', phone: '+49 30 1234567', idDoc: { type: 'passport', number: 'c01x00t47' } });
    expect(p.country).toBe('DE');
    expect(p.idDoc).toEqual({ type: 'passport', number: 'C01X00T47' });
    expect(standingOf(p)).toBe('holder');
    expect(isForeign(p, 'CN')).toBe(true);
  });

  test('bad input: missing fields, wrong types, overlong strings, bad USCC check digit', () => {
    expect(errors({})).toEqual(['role:REQUIRED', 'kind:REQUIRED', 'name:REQUIRED', 'country:REQUIRED', 'phone:REQUIRED']);
    expect(errors(complainantInput({ name: 42 as unknown as string }))).toEqual(['name:INVALID_TYPE']);
    expect(errors(complainantInput({ name: '某'.repeat(101) }))).toEqual(['name:TOO_LONG']);
    expect(errors(complainantInput({ name: '   ' }))).toEqual(['name:REQUIRED']);
    expect(errors(complainantInput({ uscc: '91350100M000100Y44' }))).toEqual(['uscc:USCC_CHECK_DIGIT']);
    expect(errors(complainantInput({ kind: 'company' as never }))).toEqual(['kind:INVALID_VALUE']);
    expect(errors(complainantInput({ standing: 'owner' as never }))).toEqual(['standing:INVALID_VALUE']);
    expect(errors(complainantInput({ phone: '12345' }))).toEqual(['phone:INVALID_FORMAT']);
    expect(errors(complainantInput({ idDoc: { type: 'resident_id', number: '110105194912310021' } }))).toEqual(['idDoc.number:RESIDENT_ID_CHECK_DIGIT']);
    expect(errors('not a party')).toEqual([':INVALID_TYPE']);
  });

  test('identifiers fit the party: USCC for CN entities, foreign numbers for foreign ones, standing for complainants', () => {
    expect(errors(complainantInput({ country: 'DE' }))).toEqual(['uscc:USCC_NOT_APPLICABLE']);
    expect(errors(complainantInput({ foreignRegNo: 'HRB 12345' }))).toEqual(['foreignRegNo:FOREIGN_REG_NO_NOT_APPLICABLE']);
    expect(errors(complainantInput({ role: 'agent' }))).toEqual(['standing:STANDING_NOT_APPLICABLE']);
    expect(errors(complainantInput({ country: 'DE', uscc: undefined, foreignRegNo: 'HRB 12345' }))).toEqual([]);
  });
});
