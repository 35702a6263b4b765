import { z } from 'zod';
import type { FairCode } from '../fair';
import type { DomainError, Result } from '../result';
import { domainError, err, ok } from '../result';
import { normaliseText } from '../text';
import { usccCheckChar } from '../validators/uscc';

/**
 * Case numbers `<FAIR>-<DEVICE>-<SEQ>-<C>` (CN1–CN3), e.g. `CF137-K07-0042-4`. Two offline
 * devices never collide: the device code is unique per fair (CN1) and the sequence is per device
 * (CN2). The check char (CN3) catches a mistyped number read out over the phone.
 */
const ALPHABET_CLASS = '[0-9A-HJ-NP-RTUWXY]';

/** CN1: 2–4 USCC-alphabet chars, issued at enrolment, unique per fair. */
export const DeviceCode = z
  .string()
  .transform((v) => normaliseText(v).toUpperCase())
  .pipe(z.string().regex(new RegExp(`^${ALPHABET_CLASS}{2,4}$`), { message: 'INVALID_FORMAT' }))
  .brand<'DeviceCode'>();
export type DeviceCode = z.infer<typeof DeviceCode>;

export type CaseNumber = string & z.$brand<'CaseNumber'>;

export interface CaseNumberParts {
  readonly fair: FairCode;
  readonly device: DeviceCode;
  /** CN2: from 1, per device and fair. */
  readonly seq: number;
}

/** CN2: SEQ is at least 4 digits, zero-padded. */
const formatSeq = (seq: number): string => String(seq).padStart(4, '0');

/** CN3: `<FAIR>-<DEVICE>-<SEQ>-<C>`, C = the USCC check char over `FAIR+DEVICE+SEQ`. */
export function formatCaseNumber({ fair, device, seq }: CaseNumberParts): CaseNumber {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError('formatCaseNumber: seq must be a positive integer');
  const s = formatSeq(seq);
  return `${fair}-${device}-${s}-${usccCheckChar(`${fair}${device}${s}`)}` as CaseNumber;
}

const FAIR_RE = new RegExp(`^${ALPHABET_CLASS}{2,8}$`);
const DEVICE_RE = new RegExp(`^${ALPHABET_CLASS}{2,4}$`);
const SEQ_RE = /^(?!0000$)(\d{4}|[1-9]\d{4,})$/;
const COMPACT_RE = new RegExp(`^${ALPHABET_CLASS}{9,}$`);

export interface KnownCodes {
  /** The fair's code, when the reader knows which fair it is at. */
  readonly fair?: string;
  /** The device codes enrolled at the fair. */
  readonly devices?: readonly string[];
}

/**
 * CN3: reads a case number typed or spoken back: case, spaces and full-width forms do not
 * matter, and hyphens are optional. Without hyphens the split between FAIR, DEVICE and SEQ can be
 * ambiguous; hyphens present, the known fair code or the enrolled device codes settle it.
 * Errors: `CASE_NUMBER_FORMAT`, `CASE_NUMBER_CHECK`, `CASE_NUMBER_AMBIGUOUS`.
 */
export function parseCaseNumber(input: string, known: KnownCodes = {}): Result<CaseNumberParts & { readonly caseNo: CaseNumber }, DomainError> {
  const cleaned = normaliseText(input).toUpperCase().replace(/\s+/g, '');
  const compact = cleaned.replace(/-/g, '');
  if (!COMPACT_RE.test(compact) || /^-|--|-$/.test(cleaned)) return err(domainError('CASE_NUMBER_FORMAT'));
  const check = compact.charAt(compact.length - 1);
  const body = compact.slice(0, -1);
  if (usccCheckChar(body) !== check) return err(domainError('CASE_NUMBER_CHECK'));

  // Positions (in `compact`) after which the input had a hyphen: each must be a segment boundary.
  const cuts = new Set<number>();
  let pos = 0;
  for (const ch of cleaned) {
    if (ch === '-') cuts.add(pos);
    else pos++;
  }
  const fairCode = known.fair === undefined ? undefined : normaliseText(known.fair).toUpperCase();
  const devices = known.devices?.map((d) => normaliseText(d).toUpperCase());
  const found: CaseNumberParts[] = [];
  for (let f = 2; f <= 8; f++) {
    for (let d = 2; d <= 4; d++) {
      const fair = body.slice(0, f);
      const device = body.slice(f, f + d);
      const seq = body.slice(f + d);
      const boundaries = [f, f + d, body.length];
      if (![...cuts].every((c) => boundaries.includes(c))) continue;
      if (!FAIR_RE.test(fair) || !DEVICE_RE.test(device) || !SEQ_RE.test(seq)) continue;
      if (fairCode !== undefined && fair !== fairCode) continue;
      if (devices !== undefined && !devices.includes(device)) continue;
      found.push({ fair: fair as FairCode, device: device as DeviceCode, seq: Number(seq) });
    }
  }
  const only = found[0];
  if (only === undefined) return err(domainError('CASE_NUMBER_FORMAT'));
  if (found.length > 1) return err(domainError('CASE_NUMBER_AMBIGUOUS', { candidates: found.length }));
  return ok({ ...only, caseNo: formatCaseNumber(only) });
}

/** A case number as a schema field: canonical form only (hyphens, upper case, valid check char). */
export const CaseNumber = z
  .string()
  .superRefine((v, ctx) => {
    const r = parseCaseNumber(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error.code });
    else if (r.value.caseNo !== v) ctx.addIssue({ code: 'custom', message: 'NOT_CANONICAL' });
  })
  .transform((v) => v as CaseNumber);
