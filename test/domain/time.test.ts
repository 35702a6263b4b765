import { describe, expect, test } from 'vitest';
import { CivilDate, Instant, formatInZone, zonedParts, zonedToInstant, addDays } from '../../src/domain/time';

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
});
