import { z } from 'zod';
import { FairId } from '../ids';
import { RegionCode } from '../region';
import { ANNUAL_FIGURES, type Threshold } from '../report/annual';
import { CivilDate, Instant } from '../time';

/**
 * The administration's roll-up in the console (src/domain/report/ANNUAL-SPEC.md AR8–AR14),
 * parsed on both ends like the rest of the console's contract:
 *
 *   POST /api/console/fairs/:fairId/summary/close                    -> SummaryClosed
 *   GET  /api/console/fairs/:fairId/summary/closes                   -> SummaryCloses
 *   GET  /api/console/annual?from=&to=                               -> AnnualReply
 *   GET  /api/console/annual/fairs?from=&to=&region=                 -> AnnualFairs
 *   GET  /api/console/fairs/:fairId/summary-file                     -> SummaryFile (signed)
 *   POST /api/console/summary-files        SummaryFile               -> SummaryImported
 *   GET  /api/console/trusted-keys                                   -> TrustedKeys
 *   POST /api/console/trusted-keys         AddTrustedKeyRequest      -> TrustedKeys
 */

export const SummaryClosed = z.object({
  type: z.literal('summary-closed'),
  fairId: FairId,
  revision: z.number().int().min(1),
  /** AR10: the summary had not changed since the last close: no new revision was made. */
  unchanged: z.boolean(),
  closedAt: Instant,
});
export type SummaryClosed = z.infer<typeof SummaryClosed>;

export const SummaryCloseRow = z.object({
  revision: z.number().int().min(1),
  source: z.enum(['closed', 'imported']),
  final: z.boolean(),
  at: Instant,
  by: z.string().nullable(),
});
export const SummaryCloses = z.object({ type: z.literal('summary-closes'), fairId: FairId, closes: z.array(SummaryCloseRow) });
export type SummaryCloses = z.infer<typeof SummaryCloses>;

/** `A2.received:500,A3.opinions:100`: a figure and its minimum N, at most one per figure. */
const Thresholds = z
  .string()
  .max(600)
  .transform((text, ctx): Threshold[] => {
    const out: Threshold[] = [];
    for (const part of text.split(',').filter((p) => p !== '')) {
      const [figure, min] = part.split(':');
      const f = z.enum(ANNUAL_FIGURES).safeParse(figure);
      const n = Number(min);
      if (!f.success || !Number.isInteger(n) || n < 0 || n > 1e9 || out.some((t) => t.figure === f.data)) {
        ctx.addIssue({ code: 'custom', message: 'THRESHOLD' });
        return z.NEVER;
      }
      out.push({ figure: f.data, min: n });
    }
    return out;
  });

/** AR12: inclusive dates; at most ten years at once. */
export const AnnualQuery = z
  .object({ from: CivilDate, to: CivilDate, thresholds: Thresholds.optional() })
  .refine((q) => q.from <= q.to, { message: 'PERIOD_ORDER', path: ['to'] })
  .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10, { message: 'PERIOD_TOO_LONG', path: ['to'] });
export type AnnualQuery = z.infer<typeof AnnualQuery>;

const Figure = z.enum(ANNUAL_FIGURES);
const Values = z.record(Figure, z.number().int().nullable());
const Change = z.object({ prev: z.number().int().nullable(), delta: z.number().int().nullable(), deltaPctTenths: z.number().int().nullable() });
/**
 * A unit's or the nation's figures (AR1, AR5). Which fairs stand behind them is the drill-down's
 * (`AnnualFairs`, AR8), asked for when a unit is opened; the table needs only the figures, and a
 * unit without a fair of the period is one whose A1 is 0.
 */
const Block = z.object({
  values: Values,
  previous: Values,
  changes: z.record(Figure, Change),
  provisional: z.boolean(),
});
const Period = z.object({ from: CivilDate, to: CivilDate });

/** One fair behind the table: for the drill-down (region → its fairs → a fair's summary). */
export const AnnualFair = z.object({
  fairId: FairId,
  region: RegionCode,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().optional(),
  sessionNo: z.number().int(),
  organizer: z.string().nullable(),
  firstDay: CivilDate,
  final: z.boolean(),
  /** Where its figures came from: a close on this server, an imported file, or the live data (provisional). */
  source: z.enum(['closed', 'imported', 'live']),
  revision: z.number().int().nullable(),
  /** The period it counts in (AR2). */
  period: z.enum(['current', 'previous']),
});
export type AnnualFair = z.infer<typeof AnnualFair>;

export const AnnualReply = z.object({
  type: z.literal('annual'),
  period: Period,
  previousPeriod: Period,
  national: Block,
  units: z.array(Block.extend({ region: RegionCode })),
  /** AR5: how many of the period's counted fairs are provisional; the drill-down names them (`final`). */
  provisionalFairs: z.number().int().min(0),
  /** AR9: fairs of the period in sight without a region: in no unit and not in the totals. */
  withoutRegion: z.number().int().min(0),
  shares: z.array(
    z.object({
      figure: z.enum(ANNUAL_FIGURES), min: z.number().int(), units: z.number().int(), shareTenths: z.number().int(),
      previousUnits: z.number().int(), previousShareTenths: z.number().int(), deltaPointsTenths: z.number().int(),
    }),
  ),
  generatedAt: Instant,
});
export type AnnualReply = z.infer<typeof AnnualReply>;

/** AR12's period, and the unit drilled into (none: every unit in sight, as the XLSX lists them). */
export const AnnualFairsQuery = z
  .object({ from: CivilDate, to: CivilDate, region: RegionCode.optional() })
  .refine((q) => q.from <= q.to, { message: 'PERIOD_ORDER', path: ['to'] })
  .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10, { message: 'PERIOD_TOO_LONG', path: ['to'] });
export type AnnualFairsQuery = z.infer<typeof AnnualFairsQuery>;

/** The drill-down (AR8): the period's fairs behind the table, of the unit asked for, in the account's sight only. */
export const AnnualFairs = z.object({
  type: z.literal('annual-fairs'),
  period: Period,
  region: RegionCode.nullable(),
  fairs: z.array(AnnualFair),
});
export type AnnualFairs = z.infer<typeof AnnualFairs>;

export const SummaryImported = z.object({
  type: z.literal('summary-imported'),
  fairId: FairId,
  revision: z.number().int().min(1),
  /** AR13: what the import did: a first revision, a newer one replacing an older, or nothing (same or older). */
  result: z.enum(['imported', 'replaced', 'unchanged', 'older']),
  replacedRevision: z.number().int().nullable(),
});
export type SummaryImported = z.infer<typeof SummaryImported>;

export const TrustedKey = z.object({
  publicKey: z.string().regex(/^[0-9a-f]{64}$/),
  /** SHA-256 of the raw key, grouped for reading aloud (AR14). */
  fingerprint: z.string(),
  label: z.string(),
  addedAt: Instant,
});
export const TrustedKeys = z.object({
  type: z.literal('trusted-keys'),
  /** This server's own key, which its exported files carry. */
  own: z.object({ publicKey: z.string(), fingerprint: z.string() }),
  keys: z.array(TrustedKey),
});
export type TrustedKeys = z.infer<typeof TrustedKeys>;

export const AddTrustedKeyRequest = z.object({
  publicKey: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.string().regex(/^[0-9a-f]{64}$/, { message: 'PUBLIC_KEY' })),
  label: z.string().trim().min(1).max(100),
});
export type AddTrustedKeyRequest = z.infer<typeof AddTrustedKeyRequest>;
