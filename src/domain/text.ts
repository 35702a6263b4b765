import { z } from 'zod';

/**
 * The one text rule of every entry (TEXT-SPEC.md): the form, the phone's payload, a QR frame, a
 * bundle, a push and the public intake all parse with these schemas, so what a tablet stores the
 * server accepts (SY50).
 */

/** TX1: identifiers (USCC, ID and rights numbers, booths, phones, codes) fold full-width forms. */
export const normaliseIdentifier = (value: string): string => value.normalize('NFKC').trim();

/**
 * Identifier normalisation, kept under its old name for the validators and search folds that
 * compare codes; free text uses `normaliseFreeText`.
 */
export const normaliseText = normaliseIdentifier;

/** TX2: free text is only composed (NFC): （），；。 stay as typed, unlike under NFKC. */
export const normaliseFreeText = (value: string): string => value.normalize('NFC').trim();

/** Where a field allows line breaks: a textarea's tab and newline are text there, not control. */
export type Lines = 'single' | 'multi';

export const TEXT_ERROR_CODES = ['CONTROL_CHARACTER', 'LONE_SURROGATE', 'BIDI_CONTROL'] as const;
export type TextErrorCode = (typeof TEXT_ERROR_CODES)[number];

export interface TextProblem {
  readonly code: TextErrorCode;
  /** The offending character as `U+XXXX`, for the message. */
  readonly char: string;
  /** Its UTF-16 index in the normalised text. */
  readonly at: number;
}

/** TX3: C0 (tab and newline allowed in multi-line text), DEL and C1. */
const isControl = (unit: number, lines: Lines): boolean =>
  (unit <= 0x1f && !(lines === 'multi' && (unit === 0x09 || unit === 0x0a))) || (unit >= 0x7f && unit <= 0x9f);
/** TX5: embeddings, overrides (U+202A–202E) and isolates (U+2066–2069) reorder what a reader sees. */
const isBidiControl = (unit: number): boolean => (unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069);
const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

const codePoint = (unit: number): string => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character the text rule refuses in `value`, or undefined when there is none. */
export function textProblem(value: string, lines: Lines = 'single'): TextProblem | undefined {
  for (let at = 0; at < value.length; at++) {
    const unit = value.charCodeAt(at);
    if (unit < 0xa0) {
      if (isControl(unit, lines)) return { code: 'CONTROL_CHARACTER', char: codePoint(unit), at };
    } else if (isBidiControl(unit)) {
      return { code: 'BIDI_CONTROL', char: codePoint(unit), at };
    } else if (isHigh(unit)) {
      // TX4: a surrogate not in a pair is no character; PostgreSQL's jsonb refuses it.
      if (!isLow(value.charCodeAt(at + 1))) return { code: 'LONE_SURROGATE', char: codePoint(unit), at };
      at++;
    } else if (isLow(unit)) {
      return { code: 'LONE_SURROGATE', char: codePoint(unit), at };
    }
  }
  return undefined;
}

/** A zod string that refuses what `textProblem` finds, before any length or pattern check. */
const ruled = (lines: Lines) =>
  z.string().superRefine((v, ctx) => {
    const p = textProblem(v, lines);
    if (p !== undefined) ctx.addIssue({ code: 'custom', message: p.code, params: { char: p.char, at: p.at }, continue: false });
  });

/** A required free-text field (names, descriptions, reasons, titles) of `min`–`max` characters after NFC and trim. */
export const Text = (min: number, max: number, lines: Lines = 'single') =>
  z.string().transform(normaliseFreeText).pipe(ruled(lines).min(min).max(max));

/** An optional free-text field; an empty string after normalisation becomes `undefined`. */
export const OptionalText = (max: number, lines: Lines = 'single') =>
  z
    .string()
    .transform(normaliseFreeText)
    .pipe(ruled(lines).max(max))
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** A required identifier without a fixed format (a foreign registration or rights number), NFKC. */
export const IdText = (min: number, max: number) => z.string().transform(normaliseIdentifier).pipe(ruled('single').min(min).max(max));

/** An optional identifier; empty becomes `undefined`. */
export const OptionalIdText = (max: number) =>
  z
    .string()
    .transform(normaliseIdentifier)
    .pipe(ruled('single').max(max))
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** Upper-cased code-like input (booths, registration numbers): NFKC folds full-width forms. */
export const CodeText = (pattern: RegExp, message: string) =>
  z
    .string()
    .transform((v) => normaliseIdentifier(v).toUpperCase())
    .pipe(ruled('single').regex(pattern, { message }));
