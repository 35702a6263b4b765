import { describe, expect, test } from 'vitest';
import { weakPinReason } from '../../src/store/pin-strength';

describe('weakPinReason', () => {
  test.each([
    ['0000', 'PIN_REPEATED'],
    ['1111', 'PIN_REPEATED'],
    ['99999999', 'PIN_REPEATED'],
    ['1234', 'PIN_SEQUENCE'],
    ['12345678', 'PIN_SEQUENCE'],
    ['4321', 'PIN_SEQUENCE'],
    ['7890', 'PIN_SEQUENCE'],
    ['0123', 'PIN_SEQUENCE'],
    ['1212', 'PIN_PATTERN'],
    ['123123', 'PIN_PATTERN'],
    ['1122', 'PIN_PATTERN'],
    ['112233', 'PIN_PATTERN'],
    ['2580', 'PIN_COMMON'],
  ] as const)('%s is refused as %s', (pin, reason) => {
    expect(weakPinReason(pin)).toBe(reason);
  });

  test.each(['4827', '1357', '90210', '385961', '20571948'])('%s is accepted', (pin) => {
    expect(weakPinReason(pin)).toBeUndefined();
  });
});
