import { reachCount } from '../support/fc-seed';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Exhibitor, ExhibitorKey, exhibitorKey, exhibitorKeyOf, exhibitorSchemaFor, isWeakKey } from '../../src/domain/exhibitor';
import { DEFAULT_BOOTH_PATTERNS } from '../../src/domain/validators/booth';
import { makeFair } from '../support/builders';
import { parseFields } from '../../src/domain/field-errors';
import { USCC, exhibitorInput } from '../support/entity-builders';

const errors = (input: unknown) => {
  const r = parseFields(Exhibitor, input);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('Exhibitor (EN4, EN5)', () => {
  test('[RP1] the key is CN:<uscc> for a Chinese exhibitor', () => {
    const e = Exhibitor.parse(exhibitorInput({ uscc: ' 91350100m000100y43' }));
    expect(exhibitorKeyOf(e)).toEqual({ key: `CN:${USCC}`, weakKey: false });
    expect(ExhibitorKey.parse(exhibitorKey(e))).toBe(`CN:${USCC}`);
  });

  test('[RP1] a foreign exhibitor is keyed <country>:<regNo>', () => {
    const e = Exhibitor.parse(exhibitorInput({ country: 'de', uscc: undefined, foreignRegNo: ' hrb  12345 ' }));
    expect(exhibitorKeyOf(e)).toEqual({ key: 'DE:HRB 12345', weakKey: false });
  });

  test('[RP1] without a number the key is NAME:<name>, weak, with a warning', () => {
    const e = Exhibitor.parse(exhibitorInput({ uscc: undefined, nameZh: ' 某某  贸易公司 ' }));
    const k = exhibitorKeyOf(e);
    expect(k).toEqual({ key: 'NAME:某某 贸易公司', weakKey: true });
    expect(isWeakKey(k.key)).toBe(true);
    expect(ExhibitorKey.safeParse(k.key).success).toBe(true);
    // Upper-casing may lengthen a name; its key still parses.
    expect(ExhibitorKey.safeParse(exhibitorKey(Exhibitor.parse(exhibitorInput({ uscc: undefined, nameZh: 'ß'.repeat(100) })))).success).toBe(true);
  });

  test('booths ≥ 1, upper-cased, not repeated; contacts default to none', () => {
    const e = Exhibitor.parse(exhibitorInput({ booths: [{ hall: '9.2', stand: 'e16' }], contacts: undefined }));
    expect(e.booths).toEqual([{ hall: '9.2', stand: 'E16' }]);
    expect(e.contacts).toEqual([]);
    expect(errors(exhibitorInput({ booths: [] }))).toEqual(['booths:TOO_FEW']);
    expect(errors(exhibitorInput({ booths: [{ hall: '9.2', stand: 'E16' }, { hall: '9.2', stand: 'e16' }] }))).toEqual(['booths.1:DUPLICATE_VALUE']);
    expect(errors(exhibitorInput({ booths: [{ hall: '9.2', stand: 'E16/7' }] }))).toEqual(['booths.0.stand:INVALID_FORMAT']);
  });

  test('bad input: missing fields, wrong types, overlong strings, bad USCC check digit', () => {
    expect(errors({ ...exhibitorInput(), nameZh: undefined, booths: undefined })).toEqual(['nameZh:REQUIRED', 'booths:REQUIRED']);
    expect(errors(exhibitorInput({ nameZh: 7 as never }))).toEqual(['nameZh:INVALID_TYPE']);
    expect(errors(exhibitorInput({ nameZh: '长'.repeat(101) }))).toEqual(['nameZh:TOO_LONG']);
    expect(errors(exhibitorInput({ foreignRegNo: 'x'.repeat(41), country: 'US', uscc: undefined }))).toEqual(['foreignRegNo:TOO_LONG']);
    expect(errors(exhibitorInput({ uscc: '91350100M000100Y44' }))).toEqual(['uscc:USCC_CHECK_DIGIT']);
    expect(errors(exhibitorInput({ id: 'exhibitor-1' }))).toEqual(['id:ULID']);
    expect(errors(exhibitorInput({ contacts: [{ name: '张三', phone: '555' }] }))).toEqual(['contacts.0.phone:INVALID_FORMAT']);
  });

  test('a USCC belongs to a CN exhibitor; a foreign number to a foreign one', () => {
    expect(errors(exhibitorInput({ country: 'US' }))).toEqual(['uscc:USCC_NOT_APPLICABLE']);
    expect(errors(exhibitorInput({ uscc: undefined, foreignRegNo: '12345' }))).toEqual(['foreignRegNo:FOREIGN_REG_NO_NOT_APPLICABLE']);
  });

  test("a fair's own booth patterns (settings.booth) replace the defaults", () => {
    const fair = makeFair({ settings: { booth: { hall: '^[A-D]$', stand: '^[A-D]-\\d{1,3}$' } } });
    const schema = exhibitorSchemaFor(fair.settings.booth);
    expect(schema.parse(exhibitorInput({ booths: [{ hall: 'b', stand: 'b-12' }] })).booths).toEqual([{ hall: 'B', stand: 'B-12' }]);
    const r = schema.safeParse(exhibitorInput());
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['booths.0.hall', 'booths.0.stand']);
    expect(exhibitorSchemaFor(fair.settings.booth)).toBe(schema);
    expect(exhibitorSchemaFor(DEFAULT_BOOTH_PATTERNS)).toBe(Exhibitor);
  });

  test('[RP1] property: a parsed exhibitor parses again unchanged, and its key is a valid ExhibitorKey', () => {
    // Records are re-parsed at every boundary (store, sync, server): normalisation must be idempotent.
    const messy = (chars: string) => fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
    const count = reachCount('[RP1] re-parse');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 0, maxLength: 110 }),
        fc.option(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 45 }), { nil: undefined }),
        fc.constantFrom('CN', 'de', ' us '),
        messy('0123456789.９ａ '),
        messy('abcE16-１２ '),
        (nameZh, regNo, country, hall, stand) => {
          const input = exhibitorInput({ nameZh, country, uscc: undefined, foreignRegNo: country === 'CN' ? undefined : regNo, booths: [{ hall, stand }] });
          const r = Exhibitor.safeParse(input);
          if (!r.success) return;
          count.reached();
          expect(Exhibitor.parse(r.data)).toEqual(r.data);
          expect(ExhibitorKey.safeParse(exhibitorKey(r.data)).success).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    expect(count.report(1000)).toBeGreaterThanOrEqual(100);
  });
});
