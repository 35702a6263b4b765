import { z } from 'zod';

/** Input is trimmed and NFKC-normalised (DOMAIN.md §2) before any length or pattern check. */
export const normaliseText = (value: string): string => value.normalize('NFKC').trim();

/** A required free-text field of `min`–`max` characters after normalisation. */
export const Text = (min: number, max: number) =>
  z.string().transform(normaliseText).pipe(z.string().min(min).max(max));

/** An optional free-text field; an empty string after normalisation becomes `undefined`. */
export const OptionalText = (max: number) =>
  z
    .string()
    .transform(normaliseText)
    .pipe(z.string().max(max))
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** Upper-cased code-like input (booths, registration numbers): NFKC folds full-width forms. */
export const CodeText = (pattern: RegExp, message: string) =>
  z
    .string()
    .transform((v) => normaliseText(v).toUpperCase())
    .pipe(z.string().regex(pattern, { message }));
