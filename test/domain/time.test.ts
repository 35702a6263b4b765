import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CivilDate, Instant, formatInZone, zonedParts, zonedToInstant, addDays } from '../../src/domain/time';
import { fcSeed } from '../support/fc-seed';

const at = (s: string) => Instant.parse(s);
const date = (s: string) => CivilDate.parse(s);

describe('time in the fair zone (EN2, EN3)', () => {
  test('an instant is shown in the fair zone with its offset', () => {
    expect(formatInZone(at('2025-04-16T02:30:00.000Z'), 'Asia/Shanghai')).toBe('2025-04-16 10:30 (UTC+8)');
    expect(formatInZone(at('2025-04-16T02:30:00.000Z'), 'Asia/Kolkata')).toBe('2025-04-16 08:00 (UTC+5:30)');
    expect(formatInZone(at('2025-01-16T02:30:00.000Z'), 'America/New_York')).toBe('2025-01-15 21:30 (UTC-5)');
  });

  test('a wall-clock time in a zone maps to one instant and back', () => {
    const i = zonedToInstant(date('2025-04-16'), '09:00', 'Asia/Shanghai');
    expect(i).toBe('2025-04-16T01:00:00.000Z');
    expect(zonedParts(i, 'Asia/Shanghai')).toEqual({ date: '2025-04-16', time: '09:00', offsetMinutes: 480 });
    // Across a DST change (Europe/Berlin switches on 2025-03-30).
    expect(zonedToInstant(date('2025-03-30'), '09:00', 'Europe/Berlin')).toBe('2025-03-30T07:00:00.000Z');
    expect(zonedToInstant(date('2025-03-29'), '09:00', 'Europe/Berlin')).toBe('2025-03-29T08:00:00.000Z');
  });

  test('bad instants and dates are refused', () => {
    expect(Instant.safeParse('2025-04-16 10:30').success).toBe(false);
    expect(Instant.safeParse('2025-02-30T00:00:00.000Z').success).toBe(false);
    expect(CivilDate.safeParse('2025-13-01').success).toBe(false);
    expect(CivilDate.safeParse('2025-02-29').success).toBe(false);
    expect(addDays(date('2024-02-28'), 1)).toBe('2024-02-29');
  });

  test('an instant of the pattern is accepted exactly when a Date round trip gives it back', () => {
    const seed = fcSeed('instant check');
    const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const shaped = fc
      .tuple(fc.oneof(digits(4, 9999), fc.constantFrom('0000', '1900', '2000', '2024', '2100')), digits(2, 99), fc.oneof(digits(2, 99), fc.constantFrom('28', '29', '30', '31')), digits(2, 99), digits(2, 99), digits(2, 99), digits(3, 999))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    const real = fc.integer({ min: -62167219200000, max: 253402300799999 }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.oneof(shaped, real), (v) => {
        const ms = Date.parse(v);
        expect(Instant.safeParse(v).success).toBe(!Number.isNaN(ms) && new Date(ms).toISOString() === v);
      }),
      { seed, numRuns: 2000 },
    );
    expect(Instant.safeParse('2024-02-29T23:59:59.999Z').success).toBe(true);
    expect(Instant.safeParse('2100-02-29T00:00:00.000Z').success).toBe(false);
    expect(Instant.safeParse('2025-04-16T24:00:00.000Z').success).toBe(false);
  });
});
