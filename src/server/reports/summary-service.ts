import { foldAll } from '../../domain/case/fold';
import type { CaseEvent } from '../../domain/case/events';
import type { Commitment } from '../../domain/commitment';
import type { Consultation } from '../../domain/consultation';
import type { Exhibitor } from '../../domain/exhibitor';
import type { Fair } from '../../domain/fair';
import { postShowSummary } from '../../domain/report/post-show-summary';
import type { SessionData } from '../../domain/report/session-data';
import type { PostShowSummary } from '../../domain/report/summary-schema';
import type { SqlRunner } from '../storage/sql';
import { coreCounts, type CoreCounts } from './summary-sql';

/**
 * The server's post-show summary of a fair (issue 9 §1): every synced item of the fair and of
 * the previous session, the cases folded with the domain (`foldAll`, CS5), then the same pure
 * `postShowSummary` the tablet runs. The core counts come from SQL (`summary-sql.ts`); when
 * they differ from the fold, the fold wins and `mismatch` lists the figures (a bug to look at).
 */
export interface ServerSummary {
  readonly summary: PostShowSummary;
  readonly sql: CoreCounts;
  readonly mismatch: readonly string[];
}

/** The latest version of each record (items in server order: the last write wins). */
async function latest<T>(db: SqlRunner, fairId: string, kind: string): Promise<T[]> {
  const rows = await db.query<{ payload: unknown }>(
    `select distinct on (entity_id) payload from items where fair_id = $1 and kind = $2 order by entity_id, server_seq desc`,
    [fairId, kind],
  );
  return rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as T);
}

export async function sessionDataFromServer(db: SqlRunner, fairId: string): Promise<SessionData | undefined> {
  const [fair] = await latest<Fair>(db, fairId, 'fair');
  if (fair === undefined) return undefined;
  const rows = await db.query<{ payload: unknown }>(`select payload from items where fair_id = $1 and kind = 'case_event'`, [fairId]);
  const events = rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as CaseEvent);
  const commitments = await db.query<{ payload: unknown }>(`select payload from items where fair_id = $1 and kind = 'commitment'`, [fairId]);
  return {
    fair,
    cases: [...foldAll(events).values()],
    events,
    exhibitors: await latest<Exhibitor>(db, fairId, 'exhibitor'),
    // Every version: CM2's "current" is the domain's to decide (supersedes).
    commitments: commitments.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Commitment),
    consultations: await latest<Consultation>(db, fairId, 'consultation'),
    outreach: [],
    expertsOnDuty: [],
  };
}

export async function serverSummary(db: SqlRunner, fairId: string): Promise<ServerSummary | undefined> {
  const data = await sessionDataFromServer(db, fairId);
  if (data === undefined) return undefined;
  const previousId = data.fair.previousFairId;
  const previous = previousId === undefined ? undefined : await sessionDataFromServer(db, previousId);
  const summary = postShowSummary({ ...data, ...(previous === undefined ? {} : { previousSession: previous }) });
  const sql = await coreCounts(db, fairId);
  const mismatch = (Object.keys(sql) as (keyof CoreCounts)[]).filter((k) => sql[k] !== summary.figures[k]);
  return { summary, sql, mismatch };
}
