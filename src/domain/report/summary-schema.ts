import { z } from 'zod';
import { FairId } from '../ids';
import { figureKind, isFigureKey, isHallKey, STATIC_FIGURE_KEYS } from './figures';
import type { FigureKey, Figures } from './figures';
import type { Change } from './rates';
import { RepeatInfringer } from './repeat';

/**
 * The post-show summary on the wire and in exports (XLSX, CSV, the server's report route): one
 * schema that both ends parse. Figures travel as a flat record keyed by figure id (figures.ts).
 */

const Value = z.number().int().nullable();

function checkValues(values: Record<string, number | null>, ctx: z.RefinementCtx, all: boolean): void {
  for (const [key, v] of Object.entries(values)) {
    if (!isFigureKey(key)) {
      ctx.addIssue({ code: 'custom', message: 'UNKNOWN_FIGURE', path: [key] });
      continue;
    }
    if (v === null) {
      if (isHallKey(key) || figureKind(key) === 'count') ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: [key] });
      continue;
    }
    const kind = figureKind(key);
    // Counts are never negative; rates are shares (numerator within denominator), 0–100 %.
    if (kind === 'count' && v < 0) ctx.addIssue({ code: 'custom', message: 'TOO_SMALL', path: [key] });
    if (kind === 'rate' && (v < 0 || v > 10000)) ctx.addIssue({ code: 'custom', message: 'OUT_OF_RANGE', path: [key] });
  }
  if (all) for (const key of STATIC_FIGURE_KEYS) if (!(key in values)) ctx.addIssue({ code: 'custom', message: 'REQUIRED', path: [key] });
}

/** Every figure of one session (null = "—": a rate over zero, a median of nothing). */
export const FiguresSchema = z
  .record(z.string(), Value)
  .superRefine((v, ctx) => checkValues(v, ctx, true))
  .transform((v) => v as Figures);

/** Previous-session values typed by the organizer (§10): any subset, rates in basis points. */
export const PreviousFigures = z
  .record(z.string(), Value)
  .superRefine((v, ctx) => checkValues(v, ctx, false))
  .transform((v) => v as Partial<Figures>);
export type PreviousFigures = z.output<typeof PreviousFigures>;

export const ChangeSchema = z.object({ prev: Value, delta: Value, deltaPctBp: Value }) satisfies z.ZodType<Change>;

export const PostShowSummary = z.object({
  fairId: FairId,
  sessionNo: z.number().int().min(1),
  previousFairId: FairId.optional(),
  figures: FiguresSchema,
  /** The values compared against: computed from the previous session's data, then typed ones. */
  previous: PreviousFigures,
  /** The figures whose previous value the organizer typed (it overrides a computed one). */
  typedPrevious: z.array(z.string().refine(isFigureKey, { message: 'UNKNOWN_FIGURE' })).transform((v) => v as FigureKey[]),
  /** Every figure with a previous value: Δ and Δ% (§10). */
  changes: z
    .record(z.string(), ChangeSchema)
    .superRefine((v, ctx) => {
      for (const key of Object.keys(v)) if (!isFigureKey(key)) ctx.addIssue({ code: 'custom', message: 'UNKNOWN_FIGURE', path: [key] });
    })
    .transform((v) => v as Partial<Record<FigureKey, Change>>),
  /** R15: the exhibitors the repeat rule catches, with the recommended sanctions (§7). */
  repeatInfringers: z.array(RepeatInfringer),
});
export type PostShowSummary = z.output<typeof PostShowSummary>;
