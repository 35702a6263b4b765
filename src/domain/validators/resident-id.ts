import { z } from 'zod';
import { normaliseText } from '../text';

/**
 * Identity documents (VA2). A mainland resident ID (GB 11643-1999) has 17 digits and a
 * check char `"10X98765432"[Σ digit × weight mod 11]`; other documents are 5–20 `[A-Z0-9]`.
 * Numbers are printed masked (NO2).
 */
export const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
export const RESIDENT_ID_PATTERN = /^\d{17}[0-9X]$/;

/** The check char of the first 17 digits of a resident ID. */
export function residentIdCheckChar(body17: string): string {
  let sum = 0;
  RESIDENT_ID_WEIGHTS.forEach((w, i) => {
    sum += Number(body17.charAt(i)) * w;
  });
  return CHECK_CHARS.charAt(sum % 11);
}

/** Positions 7–14 are the birth date `YYYYMMDD`; a real calendar date from 1900 on. */
const hasValidBirthDate = (id: string): boolean => {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const upper = (v: string): string => normaliseText(v).toUpperCase();

export const ResidentId = z
  .string()
  .transform(upper)
  .pipe(
    z
      .string()
      .regex(RESIDENT_ID_PATTERN, { message: 'INVALID_FORMAT', abort: true })
      .refine(hasValidBirthDate, { message: 'RESIDENT_ID_BIRTH_DATE', abort: true })
      .refine((v) => residentIdCheckChar(v) === v.charAt(17), { message: 'RESIDENT_ID_CHECK_DIGIT', abort: true }),
  )
  .brand<'ResidentId'>();
export type ResidentId = z.infer<typeof ResidentId>;

export const ID_DOC_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent_residence', 'other'] as const;
export const IdDocType = z.enum(ID_DOC_TYPES);
export type IdDocType = z.infer<typeof IdDocType>;
const OTHER_ID_PATTERN = /^[A-Z0-9]{5,20}$/;

/** `{type, number}`: a resident ID is checked by GB 11643; any other document is 5–20 `[A-Z0-9]`. */
export const IdDoc = z
  .object({ type: IdDocType, number: z.string().transform(upper) })
  .superRefine((doc, ctx) => {
    if (doc.type === 'resident_id') {
      const r = ResidentId.safeParse(doc.number);
      if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['number'] });
    } else if (!OTHER_ID_PATTERN.test(doc.number)) {
      ctx.addIssue({ code: 'custom', message: 'INVALID_FORMAT', path: ['number'] });
    }
  });
export type IdDoc = z.infer<typeof IdDoc>;

/**
 * The printed form (§11 "IDs masked"): keeps the first 3 and the last 4 chars of a long number
 * (a resident ID keeps its region prefix and check char, not the birth date), the last 2 of a
 * short one; every other char becomes `*`.
 */
export function maskId(number: string): string {
  const n = number.length;
  if (n === 0) return '';
  const [head, tail] = n >= 12 ? [3, 4] : n >= 6 ? [1, 2] : [0, Math.min(2, n - 1)];
  return number.slice(0, head) + '*'.repeat(n - head - tail) + number.slice(n - tail);
}
