import type { RegionCode } from '../region';
import { PROVINCIAL_UNITS, PROVINCIAL_UNIT_COUNT } from '../region';
import type { Figures } from './figures';

/**
 * The administration's figures over a period, made from the fairs' own post-show summaries
 * (ANNUAL-SPEC.md: A1–A8, AR1–AR6). Pure: the caller passes every fair it may see with its
 * summary figures; this picks the period's fairs and the same period a year before (AR3),
 * sums per provincial unit and nationally, and rounds as the national report does (AR4).
 */

export const ANNUAL_FIGURES = [
  'A1.services',
  'A2.received',
  'A2.accepted',
  'A3.opinions',
  'A4.consultations',
  'A5.trainingSessions',
  'A5.trainingParticipants',
  'A5.averageParticipants',
  'A5.publicityActivities',
  'A5.publicityMaterials',
  'A6.measuresOrdered',
  'A6.measuresVerified',
  'A6.transfers',
  'A7.repeatInfringers',
] as const;
export type AnnualFigure = (typeof ANNUAL_FIGURES)[number];

/** The summary figures each annual sum reads (A2–A6); A1, A5's average and A7 are made here. */
const SUMMED = {
  'A2.received': 'R3.received',
  'A2.accepted': 'R4.accepted',
  'A3.opinions': 'R17.total',
  'A4.consultations': 'R16.total',
  'A5.trainingSessions': 'R18.trainingSessions',
  'A5.trainingParticipants': 'R18.trainingParticipants',
  'A5.publicityActivities': 'R18.publicityActivities',
  'A5.publicityMaterials': 'R18.publicityMaterials',
  'A6.measuresOrdered': 'R12.measures.ordered',
  'A6.measuresVerified': 'R12.measures.done',
  'A6.transfers': 'R13.transfers',
} as const satisfies Partial<Record<AnnualFigure, keyof Figures>>;
type SummedFigure = keyof typeof SUMMED;
export type AnnualSourceFigure = (typeof SUMMED)[SummedFigure];
export const ANNUAL_SOURCE_FIGURES = [...new Set(Object.values(SUMMED))] as AnnualSourceFigure[];

/** One fair as the roll-up needs it: where and when it was, whether final, and its summary's figures. */
export interface AnnualFairInput {
  readonly fairId: string;
  readonly region: RegionCode;
  /** Its first desk day, `YYYY-MM-DD` in the fair's own zone (AR2). */
  readonly firstDay: string;
  /** AR5: its organizer closed the summary with every tablet complete. */
  readonly final: boolean;
  readonly figures: Readonly<Record<AnnualSourceFigure, number>>;
  /** R15's repeat infringers of the fair, by exhibitor key (A7). */
  readonly repeatInfringerKeys: readonly string[];
}

/** Inclusive dates, `YYYY-MM-DD`. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface Threshold {
  readonly figure: AnnualFigure;
  readonly min: number;
}

/** A value in tenths where the figure is a ratio (A5's average), else a plain count; null for "—". */
export type AnnualValues = Record<AnnualFigure, number | null>;

export interface AnnualChange {
  readonly prev: number | null;
  readonly delta: number | null;
  /** Δ/prev in tenths of a percent, rounded on |Δ| then signed (AR4); null when prev is 0 or missing. */
  readonly deltaPctTenths: number | null;
}

export interface AnnualBlock {
  readonly values: AnnualValues;
  readonly previous: AnnualValues;
  readonly changes: Record<AnnualFigure, AnnualChange>;
  readonly fairIds: readonly string[];
  /** AR5: some fair of the block is not final. */
  readonly provisional: boolean;
}

export interface ThresholdShare {
  readonly figure: AnnualFigure;
  readonly min: number;
  readonly units: number;
  /** units / 32 in tenths of a percent (AR4). */
  readonly shareTenths: number;
  readonly previousUnits: number;
  readonly previousShareTenths: number;
  /** The change in tenths of a percentage point (AR4: a share changes in points). */
  readonly deltaPointsTenths: number;
}

export interface AnnualRollup {
  readonly period: Period;
  readonly previousPeriod: Period;
  readonly national: AnnualBlock;
  /** Every one of the 32 units, in code order, fairs or not (AR1). */
  readonly units: readonly ({ readonly region: RegionCode } & AnnualBlock)[];
  readonly shares: readonly ThresholdShare[];
  readonly provisionalFairIds: readonly string[];
}

/** AR4: `floor((2000·num + den) / (2·den))` tenths of a percent; null for den = 0. */
export function percentTenths(num: number, den: number): number | null {
  if (!Number.isInteger(num) || !Number.isInteger(den) || num < 0 || den < 0) throw new RangeError(`percentTenths needs non-negative integers, got ${num}/${den}`);
  if (den === 0) return null;
  return Number((2000n * BigInt(num) + BigInt(den)) / (2n * BigInt(den)));
}

/** AR4: num/den to one decimal, half-up, in tenths (A5's average per session). */
function ratioTenths(num: number, den: number): number | null {
  if (den === 0) return null;
  return Number((20n * BigInt(num) + BigInt(den)) / (2n * BigInt(den)));
}

/** `281` → `"28.1"`, `-93` → `"-9.3"`, null → "—". */
export function formatTenths(tenths: number | null): string {
  if (tenths === null) return '—';
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.floor(abs / 10)}.${abs % 10}`;
}

export function formatSignedTenths(tenths: number | null): string {
  if (tenths === null) return '—';
  return tenths > 0 ? `+${formatTenths(tenths)}` : formatTenths(tenths);
}

/** AR3: the same dates one year before (29 February falls back to the 28th). */
export function yearBefore(period: Period): Period {
  const back = (date: string): string => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const leap = (y - 1) % 4 === 0 && ((y - 1) % 100 !== 0 || (y - 1) % 400 === 0);
    const day = m === 2 && d === 29 && !leap ? 28 : d;
    return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  return { from: back(period.from), to: back(period.to) };
}

/** AR2: a fair belongs to the period holding its first desk day, so a fair over New Year counts once. */
const inPeriod = (fair: AnnualFairInput, period: Period): boolean => fair.firstDay >= period.from && fair.firstDay <= period.to;

function valuesOf(fairs: readonly AnnualFairInput[]): AnnualValues {
  const sum = (figure: SummedFigure): number => fairs.reduce((n, f) => n + f.figures[SUMMED[figure]], 0);
  const sessions = sum('A5.trainingSessions');
  const participants = sum('A5.trainingParticipants');
  return {
    'A1.services': fairs.length,
    'A2.received': sum('A2.received'),
    'A2.accepted': sum('A2.accepted'),
    'A3.opinions': sum('A3.opinions'),
    'A4.consultations': sum('A4.consultations'),
    'A5.trainingSessions': sessions,
    'A5.trainingParticipants': participants,
    'A5.averageParticipants': ratioTenths(participants, sessions),
    'A5.publicityActivities': sum('A5.publicityActivities'),
    'A5.publicityMaterials': sum('A5.publicityMaterials'),
    'A6.measuresOrdered': sum('A6.measuresOrdered'),
    'A6.measuresVerified': sum('A6.measuresVerified'),
    'A6.transfers': sum('A6.transfers'),
    // A7: an exhibitor caught at two fairs of the period is one repeat infringer.
    'A7.repeatInfringers': new Set(fairs.flatMap((f) => f.repeatInfringerKeys)).size,
  };
}

/** AR4: Δ and Δ% against the year before; Δ% is null where there is nothing to compare with. */
export function annualChange(cur: number | null, prev: number | null): AnnualChange {
  if (cur === null || prev === null) return { prev, delta: null, deltaPctTenths: null };
  const delta = cur - prev;
  const pct = percentTenths(Math.abs(delta), prev);
  return { prev, delta, deltaPctTenths: pct === null ? null : Math.sign(delta) * pct };
}

function blockOf(current: readonly AnnualFairInput[], previous: readonly AnnualFairInput[]): AnnualBlock {
  const values = valuesOf(current);
  const prior = valuesOf(previous);
  const changes = Object.fromEntries(ANNUAL_FIGURES.map((k) => [k, annualChange(values[k], prior[k])])) as Record<AnnualFigure, AnnualChange>;
  return { values, previous: prior, changes, fairIds: current.map((f) => f.fairId), provisional: current.some((f) => !f.final) };
}

/** The roll-up of `period` over the fairs given (the caller has already applied the account's scope). */
export function annualRollup(fairs: readonly AnnualFairInput[], period: Period, thresholds: readonly Threshold[]): AnnualRollup {
  if (period.from > period.to) throw new RangeError('PERIOD_ORDER');
  const previousPeriod = yearBefore(period);
  const current = fairs.filter((f) => inPeriod(f, period));
  const previous = fairs.filter((f) => inPeriod(f, previousPeriod));
  const units = PROVINCIAL_UNITS.map((u) => ({
    region: u.code,
    ...blockOf(
      current.filter((f) => f.region === u.code),
      previous.filter((f) => f.region === u.code),
    ),
  }));
  const shares = thresholds.map(({ figure, min }): ThresholdShare => {
    const count = (pick: (b: AnnualBlock) => AnnualValues) => units.filter((u) => (pick(u)[figure] ?? -Infinity) >= min).length;
    const now = count((b) => b.values);
    const before = count((b) => b.previous);
    const shareTenths = percentTenths(now, PROVINCIAL_UNIT_COUNT) ?? 0;
    const previousShareTenths = percentTenths(before, PROVINCIAL_UNIT_COUNT) ?? 0;
    return { figure, min, units: now, shareTenths, previousUnits: before, previousShareTenths, deltaPointsTenths: shareTenths - previousShareTenths };
  });
  return {
    period,
    previousPeriod,
    national: blockOf(current, previous),
    units,
    shares,
    provisionalFairIds: current.filter((f) => !f.final).map((f) => f.fairId),
  };
}

/** A fair's roll-up input from its post-show summary (A2–A7 read R3, R4, R12, R13, R16–R18, R15). */
export function annualInputOf(
  summary: { readonly fairId: string; readonly figures: Figures; readonly repeatInfringers: readonly { readonly exhibitorKey: string; readonly repeat: boolean }[] },
  where: { readonly region: RegionCode; readonly firstDay: string; readonly final: boolean },
): AnnualFairInput {
  const figures = Object.fromEntries(ANNUAL_SOURCE_FIGURES.map((k) => [k, summary.figures[k] ?? 0])) as Record<AnnualSourceFigure, number>;
  return {
    fairId: summary.fairId,
    ...where,
    figures,
    repeatInfringerKeys: summary.repeatInfringers.filter((r) => r.repeat).map((r) => r.exhibitorKey),
  };
}
