import { reachCount } from '../../support/fc-seed';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { changeOf, formatBp, formatSignedBp, lowerMedian, rateBp, wholeMinutes } from '../../../src/domain/report/rates';

/** Exact half-up rounding of num/den × 10000 by quotient and remainder, independent of §10's formula. */
const exactBp = (num: bigint, den: bigint): bigint => {
  const q = (num * 10000n) / den;
  const r = (num * 10000n) % den;
  return 2n * r >= den ? q + 1n : q;
};

describe('rates in basis points', () => {
  test('[R10] worked example: 368 / 860 = 4279 bp = 42.79 %', () => {
    expect(rateBp(368, 860)).toBe(4279);
    expect(formatBp(rateBp(368, 860))).toBe('42.79');
  });

  test('[R4] worked example: 603 against 531 is +72 and +13.56 %', () => {
    expect(changeOf('count', 603, 531)).toEqual({ prev: 531, delta: 72, deltaPctBp: 1356 });
    expect(formatSignedBp(1356)).toBe('+13.56');
  });

  test('a zero denominator is "—", not 0', () => {
    expect(rateBp(0, 0)).toBeNull();
    expect(formatBp(null)).toBe('—');
    expect(rateBp(0, 7)).toBe(0);
    expect(rateBp(7, 7)).toBe(10000);
  });

  test('half-up at the exact half: 1/8 = 12.5 % = 1250 bp; 1/16000 = 0.625 bp → 1; 1/40000 = 0.25 bp → 0; 1/20000 = 0.5 bp → 1', () => {
    expect(rateBp(1, 8)).toBe(1250);
    expect(rateBp(1, 16000)).toBe(1);
    expect(rateBp(1, 40000)).toBe(0);
    expect(rateBp(1, 20000)).toBe(1);
  });

  test('negative or fractional operands are a programming error', () => {
    expect(() => rateBp(-1, 5)).toThrow(RangeError);
    expect(() => rateBp(1.5, 5)).toThrow(RangeError);
  });

  test('Δ% rounds on |Δ| then signs; "—" when prev = 0; rates change in percentage points only', () => {
    // 531 → 459: Δ = −72, |Δ|/531 = 13.56 % → −13.56 %, symmetric with the rise.
    expect(changeOf('count', 459, 531)).toEqual({ prev: 531, delta: -72, deltaPctBp: -1356 });
    // −1/8 = −12.5 %: half-up on the magnitude gives −12.50, not −12.49.
    expect(changeOf('count', 7, 8)).toEqual({ prev: 8, delta: -1, deltaPctBp: -1250 });
    expect(changeOf('count', 5, 0)).toEqual({ prev: 0, delta: 5, deltaPctBp: null });
    expect(changeOf('count', 5, 5)).toEqual({ prev: 5, delta: 0, deltaPctBp: 0 });
    expect(changeOf('rate', 4279, 4000)).toEqual({ prev: 4000, delta: 279, deltaPctBp: null });
    expect(changeOf('rate', null, 4000)).toEqual({ prev: 4000, delta: null, deltaPctBp: null });
    expect(changeOf('minutes', 30, 40)).toEqual({ prev: 40, delta: -10, deltaPctBp: -2500 });
    expect(formatSignedBp(-1356)).toBe('-13.56');
    expect(formatSignedBp(0)).toBe('0.00');
  });

  test('[R14] the median of an even count is the lower middle; whole minutes round half-up', () => {
    expect(lowerMedian([])).toBeNull();
    expect(lowerMedian([40, 10, 30, 20])).toBe(20);
    expect(lowerMedian([3, 1, 2])).toBe(2);
    expect(wholeMinutes(89_999)).toBe(1);
    expect(wholeMinutes(90_000)).toBe(2);
  });

  test('property: a share stays within 0–10000 bp', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a];
        const bp = rateBp(num, den);
        if (den === 0) return bp === null;
        return bp !== null && bp >= 0 && bp <= 10000;
      }),
      { numRuns: 2000 },
    );
  });

  test('property: half-up rounding to basis points equals exact rational half-up rounding (BigInt), large operands included', () => {
    const count = reachCount('rounding against BigInt');
    fc.assert(
      fc.property(fc.oneof(fc.nat(100_000), fc.maxSafeNat()), fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })), (num, den) => {
        const exact = exactBp(BigInt(num), BigInt(den));
        if (exact > BigInt(Number.MAX_SAFE_INTEGER)) return true;
        count.reached();
        return BigInt(rateBp(num, den) as number) === exact;
      }),
      { numRuns: 5000 },
    );
    expect(count.report(5000)).toBeGreaterThanOrEqual(2500);
  });

  test('property: Δ% of a fall mirrors the rise of the same size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(1_000_000), (prev, d) => {
        const up = changeOf('count', prev + d, prev);
        const down = changeOf('count', Math.max(0, prev - d), prev);
        return d > prev || (up.deltaPctBp === -(down.deltaPctBp as number) && up.deltaPctBp === rateBp(d, prev));
      }),
      { numRuns: 2000 },
    );
  });
});
