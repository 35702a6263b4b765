import { z } from 'zod';
import { normaliseText } from '../text';

/**
 * Phone numbers in E.164 (VA5). A mainland mobile is `+861[3-9]` and 9 digits; a bare
 * 11-digit mobile gets `+86`; `00` becomes `+`. Spaces, dots, hyphens and brackets are dropped.
 */
export const MAINLAND_MOBILE = /^\+861[3-9]\d{9}$/;
export const E164 = /^\+[1-9]\d{6,14}$/;

export function normalisePhone(input: string): string {
  const compact = normaliseText(input).replace(/[\s.\-()]/g, '');
  if (/^1[3-9]\d{9}$/.test(compact)) return `+86${compact}`;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  return compact;
}

export const Phone = z
  .string()
  .transform(normalisePhone)
  .pipe(z.string().refine((v) => MAINLAND_MOBILE.test(v) || E164.test(v), { message: 'INVALID_FORMAT' }))
  .brand<'Phone'>();
export type Phone = z.infer<typeof Phone>;

export const isMainlandMobile = (phone: Phone): boolean => MAINLAND_MOBILE.test(phone);
