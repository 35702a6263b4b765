import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CaseNumber, DeviceCode, formatCaseNumber, parseCaseNumber } from '../../../src/domain/case/case-number';
import { FairCode } from '../../../src/domain/fair';
import { USCC_ALPHABET } from '../../../src/domain/validators/uscc';

const fair = FairCode.parse('CF137');
const device = DeviceCode.parse('K07');

describe('case numbers (CN1–CN3)', () => {
  test('[CN1] device codes are 2–4 USCC-alphabet chars', () => {
    expect(DeviceCode.parse(' k07 ')).toBe('K07');
    expect(DeviceCode.safeParse('K').success).toBe(false);
    expect(DeviceCode.safeParse('K0701').success).toBe(false);
    expect(DeviceCode.safeParse('KO7').success).toBe(false); // O is not in the alphabet
  });

  test('[CN2] SEQ is at least 4 digits and grows past 9999', () => {
    expect(formatCaseNumber({ fair, device, seq: 1 })).toMatch(/^CF137-K07-0001-.$/);
    expect(formatCaseNumber({ fair, device, seq: 12345 })).toMatch(/^CF137-K07-12345-.$/);
    expect(() => formatCaseNumber({ fair, device, seq: 0 })).toThrow(RangeError);
  });

  test('[CN3] the check char is the USCC formula over FAIR+DEVICE+SEQ: CF137-K07-0042-4', () => {
    expect(formatCaseNumber({ fair, device, seq: 42 })).toBe('CF137-K07-0042-4');
    expect(parseCaseNumber('CF137-K07-0042-4')).toEqual({ ok: true, value: { fair: 'CF137', device: 'K07', seq: 42, caseNo: 'CF137-K07-0042-4' } });
  });

  test('[CN3] input ignores case, spaces and full-width forms; hyphens are optional hints', () => {
    expect(parseCaseNumber(' cf137-k07-0042-4 ')).toMatchObject({ ok: true, value: { caseNo: 'CF137-K07-0042-4' } });
    expect(parseCaseNumber('ＣＦ１３７－Ｋ０７－００４２－４')).toMatchObject({ ok: true, value: { caseNo: 'CF137-K07-0042-4' } });
    expect(parseCaseNumber('CF137 K07 0042 4')).toMatchObject({ ok: false, error: { code: 'CASE_NUMBER_AMBIGUOUS' } });
    // Without hyphens, the fair and its enrolled devices settle the split.
    expect(parseCaseNumber('cf137k0700424', { fair: 'CF137', devices: ['K07', 'K08'] })).toMatchObject({ ok: true, value: { caseNo: 'CF137-K07-0042-4' } });
    expect(parseCaseNumber('CF137-K070042-4', { devices: ['K07'] })).toMatchObject({ ok: true, value: { seq: 42 } });
  });

  test('[CN3] a mistyped number fails its check; a malformed one its format', () => {
    expect(parseCaseNumber('CF137-K07-0042-5')).toEqual({ ok: false, error: { code: 'CASE_NUMBER_CHECK' } });
    expect(parseCaseNumber('CF137-K07-0043-4')).toEqual({ ok: false, error: { code: 'CASE_NUMBER_CHECK' } });
    expect(parseCaseNumber('CF137-K07-042-X')).toMatchObject({ ok: false });
    expect(parseCaseNumber('')).toEqual({ ok: false, error: { code: 'CASE_NUMBER_FORMAT' } });
    expect(parseCaseNumber('CF137--K07-0042-4')).toEqual({ ok: false, error: { code: 'CASE_NUMBER_FORMAT' } });
    // A zero-padded SEQ beyond 4 digits would give one case two numbers.
    const padded = `CF137-K07-00042-${formatCaseNumber({ fair, device, seq: 42 }).slice(-1)}`;
    expect(parseCaseNumber(padded).ok).toBe(false);
  });

  test('[CN3] the CaseNumber field accepts the canonical form only', () => {
    expect(CaseNumber.parse('CF137-K07-0042-4')).toBe('CF137-K07-0042-4');
    expect(CaseNumber.safeParse('cf137-k07-0042-4').error?.issues[0]?.message).toBe('NOT_CANONICAL');
    expect(CaseNumber.safeParse('CF137-K07-0042-5').error?.issues[0]?.message).toBe('CASE_NUMBER_CHECK');
  });

  const code = (min: number, max: number) => fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
  const parts = fc.record({
    fair: code(2, 8).map((s) => FairCode.parse(s)),
    device: code(2, 4).map((s) => DeviceCode.parse(s)),
    seq: fc.integer({ min: 1, max: 10_000_000 }),
  });

  test('[CN3] property: parseCaseNumber(formatCaseNumber(p)) round-trips', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const no = formatCaseNumber(p);
        expect(parseCaseNumber(no)).toEqual({ ok: true, value: { ...p, caseNo: no } });
        expect(parseCaseNumber(no.toLowerCase().replace(/-/g, ''), { fair: p.fair, devices: [p.device] })).toEqual({ ok: true, value: { ...p, caseNo: no } });
      }),
      { numRuns: 1000 },
    );
  });

  test('[CN1] [CN2] property: two devices of a fair never collide; equal numbers mean equal parts', () => {
    // Small pools so that equal and near-equal parts (device K07 vs K0, seq 7 vs 70…) come up often.
    const near = fc.record({
      fair: fc.constantFrom('CF137', 'CF13', 'CF1').map((s) => FairCode.parse(s)),
      device: fc.constantFrom('K07', 'K0', '7K', 'K07A', 'A2').map((s) => DeviceCode.parse(s)),
      seq: fc.integer({ min: 1, max: 120 }),
    });
    fc.assert(
      fc.property(near, near, (a, b) => {
        const same = a.fair === b.fair && a.device === b.device && a.seq === b.seq;
        expect(formatCaseNumber(a) === formatCaseNumber(b)).toBe(same);
      }),
      { numRuns: 1000 },
    );
  });

  test('[CN3] property: one changed character is caught', () => {
    fc.assert(
      fc.property(parts, fc.nat(), fc.integer({ min: 1, max: 30 }), (p, rawPos, shift) => {
        const no = formatCaseNumber(p);
        const positions = [...no].flatMap((ch, i) => (ch === '-' ? [] : [i]));
        const pos = positions[rawPos % positions.length] ?? 0;
        const ch = no.charAt(pos);
        const alphabet = /\d/.test(ch) && pos > no.length - 2 - String(p.seq).length ? '0123456789' : USCC_ALPHABET;
        const next = alphabet.charAt((alphabet.indexOf(ch) + (shift % alphabet.length || 1)) % alphabet.length);
        fc.pre(next !== ch);
        const changed = no.slice(0, pos) + next + no.slice(pos + 1);
        expect(parseCaseNumber(changed).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
