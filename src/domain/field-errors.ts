import type { z } from 'zod';

/**
 * Turns a ZodError into stable, translatable field errors (CD7): the app shows
 * each one next to its field, in zh-CN and English, from `code` and `params`. Custom refinements
 * put their UPPER_SNAKE code in the issue message; zod's own issues are mapped here.
 */
export interface FieldError {
  /** Dotted path, array indices included: `respondent.booth.hall`, `booths.0.stand`; `''` for the whole input. */
  readonly field: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Every field-error code the entity schemas and validators produce, for the app's message
 * catalogue (zh-CN and English) to cover. Generic codes come from zod's issues; the rest are
 * refinements' codes.
 */
export const FIELD_ERROR_CODES = [
  // zod issues, mapped below
  'REQUIRED', 'INVALID_TYPE', 'TOO_SHORT', 'TOO_LONG', 'TOO_FEW', 'TOO_MANY', 'TOO_SMALL', 'TOO_BIG',
  'INVALID_FORMAT', 'INVALID_VALUE', 'UNKNOWN_FIELD', 'NOT_MULTIPLE_OF', 'INVALID',
  // identifiers (§2)
  'USCC_CHECK_DIGIT', 'RESIDENT_ID_CHECK_DIGIT', 'RESIDENT_ID_BIRTH_DATE', 'PATENT_CHECK_DIGIT', 'PATENT_TYPE_DIGIT',
  'PATENT_TYPE_MISMATCH', 'UNKNOWN_COUNTRY', 'ULID', 'INSTANT', 'CIVIL_DATE', 'CLOCK_TIME', 'TIME_ZONE', 'COUNTRY',
  'FAIR_CODE', 'REGEX', 'HLC',
  // consistency between fields
  'USCC_NOT_APPLICABLE', 'FOREIGN_REG_NO_NOT_APPLICABLE', 'STANDING_NOT_APPLICABLE', 'NOT_APPLICABLE', 'DUPLICATE_VALUE',
  'END_BEFORE_START', 'DAYS_ORDER', 'DESK_HOURS_ORDER', 'ORIGINAL_NOT_SIGHTED', 'MIME_NOT_ALLOWED', 'PHOTO_REQUIRED',
  // commitments (§8), sanctions (§7), case numbers (§9)
  'CLAUSES_NOT_ACCEPTED', 'CONTENT_HASH_MISMATCH', 'GUARD_FAILED:RP3', 'GUARD_FAILED:CM1', 'INVALID_COMMITMENT',
  'CASE_NUMBER_FORMAT', 'CASE_NUMBER_CHECK', 'CASE_NUMBER_AMBIGUOUS', 'NOT_CANONICAL',
  // the text rule (TX3–TX5)
  'CONTROL_CHARACTER', 'LONE_SURROGATE', 'BIDI_CONTROL',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** A code is UPPER_SNAKE, optionally `CODE:DETAIL` (e.g. `GUARD_FAILED:CS14`). */
const CODE = /^[A-Z][A-Z0-9_]*(:[A-Z0-9_-]+)?$/;

/** Marks a call without the parsed input. */
const NO_INPUT = Symbol('no input');

const pathOf = (path: readonly PropertyKey[]): string => path.map((p) => String(p)).join('.');

/** Whether the input held nothing at `path`: a missing field, not a wrong type. */
function absentAt(input: unknown, path: readonly PropertyKey[]): boolean {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return true;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v === undefined || v === null;
}

const scalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function mapIssue(issue: z.core.$ZodIssue, input: unknown): Omit<FieldError, 'field'> {
  const custom = CODE.test(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      // Without the input, zod's default English message tells a missing value apart.
      const missing = input === NO_INPUT ? /received (undefined|null)$/.test(issue.message) : absentAt(input, issue.path);
      return { code: missing ? 'REQUIRED' : 'INVALID_TYPE', params: { expected: issue.expected } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return { code: min <= 1 && issue.inclusive !== false ? 'REQUIRED' : 'TOO_SHORT', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'TOO_FEW', params: { min } };
      return { code: 'TOO_SMALL', params: { min, inclusive: issue.inclusive !== false } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'TOO_LONG', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'TOO_MANY', params: { max } };
      return { code: 'TOO_BIG', params: { max, inclusive: issue.inclusive !== false } };
    }
    case 'invalid_format':
      return { code: custom ? issue.message : 'INVALID_FORMAT', params: { format: issue.format } };
    case 'invalid_value':
      if (input !== NO_INPUT && absentAt(input, issue.path)) return { code: 'REQUIRED', params: {} };
      return { code: 'INVALID_VALUE', params: { allowed: issue.values.filter(scalar).map(String).join('|') } };
    case 'invalid_union':
      if (input !== NO_INPUT && absentAt(input, issue.path)) return { code: 'REQUIRED', params: {} };
      return { code: 'INVALID_VALUE', params: {} };
    case 'unrecognized_keys':
      return { code: 'UNKNOWN_FIELD', params: { keys: issue.keys.join(',') } };
    case 'not_multiple_of':
      return { code: 'NOT_MULTIPLE_OF', params: { divisor: Number(issue.divisor) } };
    case 'custom': {
      const params: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(issue.params ?? {})) if (scalar(v)) params[k] = v;
      return { code: custom ? issue.message : 'INVALID', params };
    }
    default:
      return { code: custom ? issue.message : 'INVALID', params: {} };
  }
}

/**
 * The field errors of a failed parse. Pass the parsed `input` to tell a missing field
 * (`REQUIRED`) from a wrong type (`INVALID_TYPE`) without relying on zod's message text.
 */
export function fieldErrors(error: z.ZodError, input: unknown = NO_INPUT): FieldError[] {
  // One error per field and code: a value failing two checks of the same meaning (a regex and a
  // refinement both saying `INSTANT`) is told once.
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const e = { field: pathOf(issue.path), ...mapIssue(issue, input) };
    const key = `${e.field}\u0000${e.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** Parses with `schema`; on failure, the field errors. */
export function parseFields<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { readonly ok: true; readonly value: z.output<S> } | { readonly ok: false; readonly errors: FieldError[] } {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: fieldErrors(r.error, input) };
}
