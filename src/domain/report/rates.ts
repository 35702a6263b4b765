/**
 * The arithmetic of the post-show summary (PS3, `report/SPEC.md` "Arithmetic"): rates are integers
 * in basis points (1 bp = 0.01 %), rounded half-up to two decimals, and the change against the
 * previous session. Integers only, so the tablet, the server's SQL and a spreadsheet agree to the
 * last digit.
 */

/** A rate in basis points (0–10000 for a share), or null for a zero denominator ("—"). */
export type RateBp = number | null;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * §10: `bp = floor((20000·num + den) / (2·den))`, i.e. num/den × 10000 rounded half-up.
 * Needs integers `num ≥ 0`, `den ≥ 0`; large operands fall back to BigInt so the result stays exact.
 */
export function rateBp(num: number, den: number): RateBp {
  if (!Number.isInteger(num) || !Number.isInteger(den) || num < 0 || den < 0) {
    throw new RangeError(`rateBp needs non-negative integers, got ${num}/${den}`);
  }
  if (den === 0) return null;
  const top = 20000 * num + den;
  if (Number.isSafeInteger(top) && Number.isSafeInteger(2 * den)) return Math.floor(top / (2 * den));
  const q = (20000n * BigInt(num) + BigInt(den)) / (2n * BigInt(den));
  if (q > SAFE) throw new RangeError('rateBp result out of range');
  return Number(q);
}

/** `4279` → `"42.79"`; null → "—" (§10). The app adds the % sign in the reader's language. */
export function formatBp(bp: number | null): string {
  if (bp === null) return '—';
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A signed change in basis points: `+13.56`, `-2.10`, `0.00`, or "—". */
export function formatSignedBp(bp: number | null): string {
  if (bp === null) return '—';
  return bp > 0 ? `+${formatBp(bp)}` : formatBp(bp);
}

/** How a figure compares: a count (Δ and Δ%), a rate (Δ in percentage points) or a median in minutes. */
export const FIGURE_KINDS = ['count', 'rate', 'minutes'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export interface Change {
  /** The previous session's value (stored or typed by the organizer). */
  readonly prev: number | null;
  /** cur − prev; for a rate, in basis points (= percentage points × 100). Null when either is missing. */
  readonly delta: number | null;
  /**
   * Δ/prev × 100 in basis points, rounded on |Δ| then signed; null ("—") when prev = 0, when a
   * value is missing, and for rates (they change in percentage points only).
   */
  readonly deltaPctBp: number | null;
}

/** §10: the change of one figure against the previous session. */
export function changeOf(kind: FigureKind, cur: number | null, prev: number | null): Change {
  if (cur === null || prev === null) return { prev, delta: null, deltaPctBp: null };
  const delta = cur - prev;
  if (kind === 'rate' || prev <= 0) return { prev, delta, deltaPctBp: null };
  const pct = rateBp(Math.abs(delta), prev) as number;
  return { prev, delta, deltaPctBp: delta < 0 ? -pct : pct };
}

/**
 * R14: the median of whole minutes; with an even count, the lower middle (§10), so the value is
 * always one that occurred. Null for no values.
 */
export function lowerMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

/** A duration in whole minutes, rounded half-up like the rates. */
export const wholeMinutes = (ms: number): number => Math.floor((ms + 30_000) / 60_000);
