/**
 * A PIN a passer-by would guess first is refused when it is set (a new user, a PIN reset): the
 * tablet lies on a public desk, and its lock after five wrong PINs only helps when the first
 * guesses miss. Pure: tested in Node. Each reason is a field-error code the app words.
 */
export const WEAK_PIN_REASONS = ['PIN_REPEATED', 'PIN_SEQUENCE', 'PIN_PATTERN', 'PIN_COMMON'] as const;
export type WeakPinReason = (typeof WEAK_PIN_REASONS)[number];

/** Well-known choices that are neither runs nor repeats: a keypad column, years, dates-like. */
const COMMON = new Set(['2580', '0852', '1004', '2000', '1010', '6969', '1998', '1999', '2001', '1379', '1397', '7777777', '5683', '0520', '1314', '520520', '5201314']);

/** Each step between neighbouring digits, modulo 10 (so 7890 and 8901 run upwards too). */
const steps = (pin: string): number[] => Array.from(pin.slice(1), (c, i) => (Number(c) - Number(pin[i]) + 10) % 10);

/** Why a PIN of digits is too easy to guess, or undefined when it is not. */
export function weakPinReason(pin: string): WeakPinReason | undefined {
  if (!/^\d+$/.test(pin)) return undefined;
  if (new Set(pin).size === 1) return 'PIN_REPEATED';
  const s = steps(pin);
  if (s.every((x) => x === 1) || s.every((x) => x === 9)) return 'PIN_SEQUENCE';
  // A short block said again: 1212, 123123, 1122 (pairs), 112233.
  for (let len = 1; len <= pin.length / 2; len++) {
    if (pin.length % len === 0 && pin === pin.slice(0, len).repeat(pin.length / len)) return 'PIN_PATTERN';
  }
  const pairs = pin.length % 2 === 0 && Array.from({ length: pin.length / 2 }, (_, i) => pin[2 * i] === pin[2 * i + 1]).every(Boolean);
  if (pairs) return 'PIN_PATTERN';
  if (COMMON.has(pin)) return 'PIN_COMMON';
  return undefined;
}
