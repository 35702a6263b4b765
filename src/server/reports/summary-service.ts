import type { Commitment } from '../../domain/commitment';
import type { Consultation } from '../../domain/consultation';
import type { Exhibitor } from '../../domain/exhibitor';
import type { Fair } from '../../domain/fair';
import type { FigureValues } from '../../domain/report/case-figures';
import type { Figures } from '../../domain/report/figures';
import { compareWithPrevious, completeFigures } from '../../domain/report/post-show-summary';
import type { SessionFigures } from '../../domain/report/post-show-summary';
import { sanctionsOfGroups } from '../../domain/report/repeat';
import { repeatFigures } from '../../domain/report/repeat-figures';
import { consultationFigures, exhibitorFigures, outreachFigures, serviceFigures } from '../../domain/report/service-figures';
import { serviceDataOf } from '../../domain/report/service-record';
import type { PostShowSummary } from '../../domain/report/summary-schema';
import type { SqlClient, SqlRunner } from '../storage/sql';
import { currentRecords } from './current-records';
import { catchUp } from './projection-sync';
import { repeatGroups } from './repeat-sql';
import { caseFiguresSql } from './summary-sql';

/**
 * The server's post-show summary of a fair (PS1; `report/SPEC.md` "The server"): across every
 * device, without loading the fair's events into Node. The case figures (R3–R15, R17's case part)
 * are SQL aggregates over the report projection (case-projection.ts, kept current by every push,
 * and brought up to date first for anything that arrived another way, projection-sync.ts); the
 * small record sets (exhibitors, commitments, consultations, outreach, experts on duty: R1, R2,
 * R16–R19) are read and counted with the same domain functions the tablet runs; R15's
 * recommendations run the domain's rule (`sanctionsOfGroups`) over the established cases grouped
 * per exhibitor in SQL (repeat-sql.ts). The comparison with
 * the previous session is the domain's (`compareWithPrevious`). test/server/summary-sql.test.ts
 * holds the result equal to `postShowSummary` on seeded random data.
 */
export interface ServerSummary {
  readonly summary: PostShowSummary;
  /** Cases the catch-up folded before answering (0 when the pushes had kept it current). */
  readonly refreshed: number;
}

const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

async function all<T>(db: SqlRunner, fairId: string, kind: string): Promise<T[]> {
  const rows = await db.query<{ payload: unknown }>(`select payload from items where fair_id = $1 and kind = $2 and kind <> 'case_event'`, [fairId, kind]);
  return rows.map((r) => parse(r.payload) as T);
}

/** One session's figures on the server; undefined when the fair is unknown. */
export async function serverSessionFigures(db: SqlClient, fairId: string): Promise<(SessionFigures & { fair: Fair; refreshed: number }) | undefined> {
  const [fair] = await currentRecords<Fair>(db, fairId, 'fair');
  if (fair === undefined) return undefined;
  // Normally nothing to do: every push keeps the projection current (projection-sync.ts).
  const refreshed = await catchUp(db, fairId);
  if (fair.previousFairId !== undefined) await catchUp(db, fair.previousFairId);
  const [exhibitors, commitments, consultations, caseValues, groups] = await Promise.all([
    currentRecords<Exhibitor>(db, fairId, 'exhibitor'),
    // Every version: CM2's "current" is the domain's to decide (supersedes).
    all<Commitment>(db, fairId, 'commitment'),
    currentRecords<Consultation>(db, fairId, 'consultation'),
    caseFiguresSql(db, fair),
    repeatGroups(db, fairId, fair.previousFairId),
  ]);
  const service = serviceDataOf(fair);
  const repeatInfringers = sanctionsOfGroups(fair.settings.repeatRule, groups.now, groups.before);
  const values: FigureValues = {
    ...exhibitorFigures(exhibitors, commitments),
    ...caseValues,
    ...repeatFigures(repeatInfringers, []),
    'R15.frequentComplainants': caseValues['R15.frequentComplainants'] ?? 0,
    ...consultationFigures(consultations, caseValues['R17.caseOpinions'] ?? 0, caseValues['R17.reviewDecisions'] ?? 0),
    ...outreachFigures(service.outreach),
    ...serviceFigures(service.expertsOnDuty, service.authorities ?? fair.settings.authorities),
  };
  return { fair, figures: completeFigures(values), repeatInfringers, refreshed };
}

export async function serverSummary(
  db: SqlClient, fairId: string, typed: Partial<Figures> = {}, knownPreviousId?: string,
): Promise<ServerSummary | undefined> {
  // A caller that has read the fair already knows its previous session: both sessions' figures
  // are then made at once (on PostgreSQL, each on its own connection). The fair's own record
  // decides all the same; a previous session it no longer names is made again.
  const early = knownPreviousId === undefined ? undefined : serverSessionFigures(db, knownPreviousId);
  early?.catch(() => undefined);
  const current = await serverSessionFigures(db, fairId);
  if (current === undefined) return undefined;
  const previousId = current.fair.previousFairId;
  const previous =
    previousId === undefined ? undefined : previousId === knownPreviousId && early !== undefined ? await early : await serverSessionFigures(db, previousId);
  const summary = compareWithPrevious(current.fair, current, previous?.figures ?? {}, typed);
  return { summary, refreshed: current.refreshed };
}
