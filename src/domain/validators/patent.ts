import { z } from 'zod';
import type { IpType } from '../codes';
import { normaliseText } from '../text';

/**
 * CNIPA application / patent numbers (VA3): optional `ZL`, 12 digits (8 before 2003),
 * `.`, a check char = Σ digit × weight mod 11 with weights `2 3 4 5 6 7 8 9 2 3 4 5` (the first
 * 8 for the old form), 10 written `X`. Vector `201710601862.3`. The type digit (5th; 3rd in the
 * old form) must match the right's type: 1/8 invention, 2/9 utility model, 3 design.
 */
export const PATENT_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;
const PATENT_SHAPE = /^(\d{12}|\d{8})\.([0-9X])$/;

export function patentCheckChar(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits.charAt(i)) * (PATENT_WEIGHTS[i] ?? 0);
  const c = sum % 11;
  return c === 10 ? 'X' : String(c);
}

/** The right type a patent number's type digit stands for, or `undefined` for an unknown digit. */
export function patentTypeOf(number: string): IpType | undefined {
  const digits = number.split('.')[0] ?? '';
  const typeDigit = digits.length === 12 ? digits.charAt(4) : digits.charAt(2);
  switch (typeDigit) {
    case '1':
    case '8':
      return 'invention';
    case '2':
    case '9':
      return 'utility_model';
    case '3':
      return 'design';
    default:
      return undefined;
  }
}

/** Canonical form: no `ZL`, no spaces, upper-case `X`: `201710601862.3`. */
export const PatentNumber = z
  .string()
  .transform((v) =>
    normaliseText(v)
      .toUpperCase()
      .replace(/\s+/g, '')
      .replace(/^ZL/, ''),
  )
  .pipe(
    z
      .string()
      .regex(PATENT_SHAPE, { message: 'INVALID_FORMAT', abort: true })
      .refine((v) => patentTypeOf(v) !== undefined, { message: 'PATENT_TYPE_DIGIT', abort: true })
      .refine((v) => {
        const [digits = '', check = ''] = v.split('.');
        return patentCheckChar(digits) === check;
      }, { message: 'PATENT_CHECK_DIGIT', abort: true }),
  )
  .brand<'PatentNumber'>();
export type PatentNumber = z.infer<typeof PatentNumber>;
