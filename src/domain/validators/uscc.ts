import { z } from 'zod';
import { normaliseText } from '../text';

/** VA1: the USCC alphabet (no I O S V Z); fair codes (FS2) and case numbers (CN3) use it too. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015 (VA1): 18 chars of the
 * USCC alphabet (no I O S V Z), the last a check char. Case numbers reuse the same check formula
 * over a body of any length (CN3), hence `usccCheckChar`.
 */
export const USCC_PATTERN = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const BODY_PATTERN = /^[0-9A-HJ-NP-RTUWXY]+$/;

/** Weight of position i (1-based) is 3^(i−1) mod 31: `1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28` for 17. */
export const usccWeight = (position: number): number => {
  let w = 1;
  for (let i = 1; i < position; i++) w = (w * 3) % 31;
  return w;
};

/**
 * The check char of `body` (USCC-alphabet chars, upper case): value (31 − S mod 31) mod 31 where
 * S = Σ value × 3^(i−1) mod 31. A body outside the alphabet is a programming error: callers
 * validate first.
 */
export function usccCheckChar(body: string): string {
  if (!BODY_PATTERN.test(body)) throw new RangeError('usccCheckChar: body outside the USCC alphabet');
  let sum = 0;
  let weight = 1;
  for (const ch of body) {
    sum += USCC_ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** True when `value` is a well-formed USCC whose check char is right. */
export const isValidUscc = (value: string): boolean =>
  USCC_PATTERN.test(value) && usccCheckChar(value.slice(0, 17)) === value.charAt(17);

/** Input form: trimmed, NFKC (full-width folds), upper-cased; then format, then the check char. */
export const Uscc = z
  .string()
  .transform((v) => normaliseText(v).toUpperCase())
  .pipe(
    z
      .string()
      .regex(USCC_PATTERN, { message: 'INVALID_FORMAT', abort: true })
      .refine((v) => usccCheckChar(v.slice(0, 17)) === v.charAt(17), { message: 'USCC_CHECK_DIGIT', abort: true }),
  )
  .brand<'Uscc'>();
export type Uscc = z.infer<typeof Uscc>;
