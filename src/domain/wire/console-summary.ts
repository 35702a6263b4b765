import { z } from 'zod';
import { Fair } from '../fair';
import { FairId } from '../ids';
import { PostShowSummary } from '../report/summary-schema';
import { Instant } from '../time';
import { BundleAccepted, BundleRefused } from './bundle';
import { TabletRow, TabletThresholds, itemsAtRisk } from './console';

/**
 * The console's post-show summary, bundle upload and exports (src/server/CONSOLE-SPEC.md
 * CO40–CO45), parsed on both ends like the rest of `console.ts`:
 *
 *   GET    /api/console/fairs/:fairId/summary                        -> ConsoleSummary
 *   PUT    /api/console/fairs/:fairId/summary/previous  SetPreviousRequest -> PreviousSaved
 *   POST   /api/console/bundles      (application/zip, the raw file)  -> BundleAccepted | BundleRefused
 *   GET    /api/console/fairs/:fairId/exports/raw.zip                -> application/zip (streamed)
 */

/** A tablet of the fair with the items it still holds that the server lacks (CO41). */
export const SummaryTablet = TabletRow.extend({
  /** What it reported waiting minus what arrived since (CO13's arithmetic); null: never reported. */
  waiting: z.number().int().min(0).nullable(),
});
export type SummaryTablet = z.infer<typeof SummaryTablet>;

export const ConsoleSummary = z.object({
  type: z.literal('console-summary'),
  fairId: FairId,
  fair: Fair,
  thresholds: TabletThresholds,
  tablets: z.array(SummaryTablet),
  /** CO41: some tablet may still hold data the figures lack. */
  provisional: z.boolean(),
  /** The server holds the previous session's data (its values are computed, not typed). */
  previousHeld: z.boolean(),
  /** CO42: the values typed in the console, figure id → value in the figure's unit (rates in bp). */
  typed: z.record(z.string(), z.number()),
  summary: PostShowSummary,
  generatedAt: Instant,
});
export type ConsoleSummary = z.infer<typeof ConsoleSummary>;

/** CO42: one figure's previous value as typed (rates in %); an empty text clears it. */
export const SetPreviousRequest = z.object({ figure: z.string().min(1).max(80), text: z.string().max(20) });
export type SetPreviousRequest = z.infer<typeof SetPreviousRequest>;
export const PreviousSaved = z.object({ type: z.literal('previous-saved'), figure: z.string(), value: z.number().nullable() });
export type PreviousSaved = z.infer<typeof PreviousSaved>;

/** The bundle route's two answers, whatever the status. */
export const BundleReply = z.union([BundleAccepted, BundleRefused]);
export type BundleReply = z.infer<typeof BundleReply>;

/** CO41: waiting items of one tablet; a revoked one's are at risk, not waiting. */
export const tabletWaiting = (t: Pick<TabletRow, 'reported' | 'serverHasThroughSeq' | 'revocation'>): number | null =>
  t.reported === null ? null : t.revocation !== null ? 0 : itemsAtRisk(t.reported.outboxCount, t.reported.ackedSeqThen, t.serverHasThroughSeq);

/** CO41: provisional while an unrevoked tablet has items waiting, or is behind or silent. */
export const summaryProvisional = (tablets: readonly SummaryTablet[]): boolean =>
  tablets.some((t) => t.state.kind !== 'revoked' && (t.state.kind !== 'in_sync' || (t.waiting ?? 0) > 0));
