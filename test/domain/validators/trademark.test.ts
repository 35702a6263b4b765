import { describe, expect, test } from 'vitest';
import { NiceClass, TrademarkNumber } from '../../../src/domain/validators/trademark';

describe('trademark numbers and Nice classes (VA4)', () => {
  test('1–9 digits, spaces dropped, full-width folded', () => {
    expect(TrademarkNumber.parse(' 1234 5678 ')).toBe('12345678');
    expect(TrademarkNumber.parse('７')).toBe('7');
    expect(TrademarkNumber.safeParse('1234567890').success).toBe(false);
    expect(TrademarkNumber.safeParse('G123').success).toBe(false);
    expect(TrademarkNumber.safeParse('').success).toBe(false);
  });

  test('Nice classes are integers 1–45', () => {
    expect(NiceClass.safeParse(1).success).toBe(true);
    expect(NiceClass.safeParse(45).success).toBe(true);
    expect(NiceClass.safeParse(0).success).toBe(false);
    expect(NiceClass.safeParse(46).success).toBe(false);
    expect(NiceClass.safeParse(9.5).success).toBe(false);
  });
});
