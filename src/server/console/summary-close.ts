import { canonicalJson } from '../../domain/canonical-json';
import type { Fair } from '../../domain/fair';
import type { PostShowSummary } from '../../domain/report/summary-schema';
import { instantFromMs, type Instant } from '../../domain/time';
import { summaryProvisional, tabletWaiting } from '../../domain/wire/console-summary';
import type { SummaryClosed, SummaryCloses } from '../../domain/wire/console-annual';
import { SUMMARY_FILE_FORMAT, type SummaryFileBody } from '../../domain/wire/summary-file';
import { serverSummary } from '../reports/summary-service';
import { num, type SqlClient, type SqlRunner } from '../storage/sql';
import { audit, type Actor } from './audit';
import { currentFair, tablets } from './console-store';
import { typedPrevious } from './summary-store';

const iso = (v: unknown): Instant => new Date(v as string).toISOString() as Instant;

/** The summary file body of a fair as closed now (AR7's fields; `final` by AR5). */
function bodyOf(fair: Fair & { settings: { region: NonNullable<Fair['settings']['region']>; organizer: string } }, revision: number, summary: PostShowSummary, nowMs: number): SummaryFileBody {
  return {
    format: SUMMARY_FILE_FORMAT,
    formatVersion: 1,
    fair: {
      id: fair.id, code: fair.code, nameZh: fair.nameZh, ...(fair.nameEn === undefined ? {} : { nameEn: fair.nameEn }), sessionNo: fair.sessionNo,
      region: fair.settings.region, firstDay: fair.days[0]?.date ?? ('' as never), organizer: fair.settings.organizer,
    },
    revision,
    final: true,
    exportedAt: instantFromMs(nowMs),
    summary,
  } as SummaryFileBody;
}

/** What decides whether a close changed anything (AR10): the figures and the fair's facts, not the time. */
const closedContent = (body: Pick<SummaryFileBody, 'fair' | 'summary'>): string => canonicalJson({ fair: body.fair, summary: body.summary });

/**
 * AR10: the organizer closes a fair's summary: refused while any tablet is not complete (CO41's
 * provisional) or while the fair lacks its region or organizer; else the server's summary (CO40,
 * with the typed previous values) is stored as the next revision with its audit row, in one
 * transaction. Closing again with nothing changed makes no revision; after late data it makes
 * the next one. The fair's rows are taken under a transaction-scoped lock, so two closes take turns.
 */
export async function closeSummary(db: SqlClient, fairId: string, actor: Actor & { userId: string }, nowMs: number): Promise<SummaryClosed | 'missing' | 'incomplete' | 'facts-missing'> {
  const fair = await currentFair(db, fairId);
  if (fair === undefined) return 'missing';
  const { region, organizer } = fair.settings;
  if (region === undefined || organizer === undefined) return 'facts-missing';
  const rows = (await tablets(db, fairId, fair.settings.tabletStatusMinutes, nowMs)).map((t) => ({ ...t, waiting: tabletWaiting(t) }));
  if (summaryProvisional(rows)) return 'incomplete';
  const result = await serverSummary(db, fairId, await typedPrevious(db, fairId));
  if (result === undefined) return 'missing';
  const factual = { ...fair, settings: { ...fair.settings, region, organizer } };
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('summary_snapshots:' || $1))`, [fairId]);
    const [last] = await tx.query<{ revision: unknown; body: unknown; at: unknown }>(
      `select revision, body::text as body, at from summary_snapshots where fair_id = $1 order by revision desc limit 1`,
      [fairId],
    );
    const lastRevision = last === undefined ? 0 : num(last.revision);
    const body = bodyOf(factual, lastRevision + 1, result.summary, nowMs);
    if (last !== undefined && closedContent(JSON.parse(last.body as string) as SummaryFileBody) === closedContent(body)) {
      return { type: 'summary-closed', fairId: fair.id, revision: lastRevision, unchanged: true, closedAt: iso(last.at) } satisfies SummaryClosed;
    }
    await tx.query(
      `insert into summary_snapshots (fair_id, revision, source, final, region, first_day, body, signer, at, by_id)
       values ($1, $2, 'closed', true, $3, $4, $5::text::jsonb, null, $6, $7)`,
      [fairId, body.revision, region, body.fair.firstDay, JSON.stringify(body), instantFromMs(nowMs), actor.userId],
    );
    await audit(tx, actor, 'summary_closed', `fair:${fairId}`, { revision: body.revision, previousRevision: lastRevision === 0 ? null : lastRevision }, nowMs);
    return { type: 'summary-closed', fairId: fair.id, revision: body.revision, unchanged: false, closedAt: instantFromMs(nowMs) } satisfies SummaryClosed;
  });
}

/** Every revision of a fair's summary, newest first. */
export async function summaryCloses(db: SqlRunner, fairId: string): Promise<SummaryCloses['closes']> {
  const rows = await db.query<{ revision: unknown; source: 'closed' | 'imported'; final: boolean; at: unknown; name: string | null }>(
    `select s.revision, s.source, s.final, s.at, u.name from summary_snapshots s left join users u on u.id = s.by_id where s.fair_id = $1 order by s.revision desc`,
    [fairId],
  );
  return rows.map((r) => ({ revision: num(r.revision), source: r.source, final: r.final, at: iso(r.at), by: r.name }));
}

/** The newest revision's stored body (a closed body, or an imported signed file). */
export async function latestSnapshot(db: SqlRunner, fairId: string): Promise<{ revision: number; source: 'closed' | 'imported'; body: unknown } | undefined> {
  const [row] = await db.query<{ revision: unknown; source: 'closed' | 'imported'; body: string }>(
    'select revision, source, body::text as body from summary_snapshots where fair_id = $1 order by revision desc limit 1',
    [fairId],
  );
  return row === undefined ? undefined : { revision: num(row.revision), source: row.source, body: JSON.parse(row.body) as unknown };
}
