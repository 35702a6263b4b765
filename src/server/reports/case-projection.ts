import type { Case } from '../../domain/case/case';
import type { CaseEvent } from '../../domain/case/events';
import { foldAll } from '../../domain/case/fold';
import { partyKey } from '../../domain/case/intake';
import { enterpriseOf, isAccepted, isEstablished } from '../../domain/report/case-figures';
import { wholeMinutes } from '../../domain/report/rates';
import { timelineOf } from '../../domain/report/timeline';
import { instantToMs } from '../../domain/time';
import type { Instant } from '../../domain/time';
import type { SqlClient, SqlRunner } from '../storage/sql';
import { num } from '../storage/sql';

/**
 * The server's report projection (issue 9, P7): one flat row per case of a fair, folded with the
 * domain (`foldAll`, CS5) from its synced events, so the post-show figures are SQL aggregates
 * over 100,000 rows instead of a fold of a million events per request. It is brought up to date
 * before every summary: only the cases with items newer than the fair's watermark are folded
 * again (server sequences are handed out in commit order, sync-store.ts, so nothing below the
 * watermark can still arrive). The rows hold what §10 counts, named after the rule that reads them.
 */
export interface ReportCaseRow {
  readonly case_id: string;
  readonly complaint_id: string;
  /** R8–R10: `exhibitorKey`, else `NAME:` + the normalised name (case-figures.ts). */
  readonly enterprise: string;
  readonly hall: string;
  readonly accepted: boolean;
  /** CLOSED with ESTABLISHED_ALLEGED (final, CS6). */
  readonly established: boolean;
  /** R6: CLOSED with NOT_ACCEPTED, by reason (none recorded: NR_OTHER). */
  readonly not_accepted_reason: string | null;
  readonly foreign_related: boolean;
  /** R11: the distinct IP types the case names. */
  readonly ip_types: readonly string[];
  /** R12: the current outcome (a transfer's provisional one included). */
  readonly outcome: string | null;
  /** R12: measures in force, by code and verification result. */
  readonly measures: readonly { code: string; result: string | null }[];
  /** R13 */
  readonly transfer_kind: string | null;
  readonly handed_over_in_time: boolean;
  readonly reviews_requested: number;
  readonly reviews_upheld: number;
  readonly reviews_overturned: number;
  /** R17 and RP6 */
  readonly has_opinion: boolean;
  readonly opinion_not_established: boolean;
  readonly complainant_key: string;
  /** R14, whole minutes (accepted cases only). */
  readonly to_accept_min: number | null;
  readonly to_opinion_min: number | null;
  readonly to_verified_min: number | null;
  readonly closed: boolean;
  /** R14: the last entry into CLOSED, replayed from the events. */
  readonly closed_at: Instant | null;
  /** R15: what `recommendSanctions` reads of an established case (null for the others). */
  readonly repeat: RepeatCase | null;
}

/** The fields of a `Case` that `recommendSanctions` (repeat.ts) reads. */
export type RepeatCase = Pick<Case, 'id' | 'receivedAt' | 'state' | 'outcome' | 'flags'> & {
  readonly respondent: Pick<Case['respondent'], 'exhibitorKey' | 'name'>;
  readonly opinion?: Pick<NonNullable<Case['opinion']>, 'basis'>;
};

const minutes = (from: Instant, to: Instant): number => wholeMinutes(instantToMs(to) - instantToMs(from));

/** One case's row; `events` are all of the case's events (R14 replays them when its history is not plain). */
export function projectCase(c: Case, events: readonly CaseEvent[]): ReportCaseRow {
  const accepted = isAccepted(c);
  const t = accepted ? timelineOf(c, events) : undefined;
  const established = isEstablished(c);
  return {
    case_id: c.id,
    complaint_id: c.complaintId,
    enterprise: enterpriseOf(c),
    hall: c.respondent.booth.hall,
    accepted,
    established,
    not_accepted_reason: c.state === 'CLOSED' && c.outcome === 'NOT_ACCEPTED' ? (c.rejection?.reason ?? 'NR_OTHER') : null,
    foreign_related: c.foreignRelated,
    ip_types: [...new Set(c.rights.map((r) => r.type))],
    outcome: c.outcome ?? null,
    measures: c.measures.map((m) => ({ code: m.code, result: m.verification?.result ?? null })),
    transfer_kind: c.transfer?.kind ?? null,
    handed_over_in_time: c.transfer !== undefined && c.handover?.inTime === true,
    reviews_requested: c.review.requestedBy.length,
    reviews_upheld: c.review.decisions.filter((d) => d.decision === 'upheld').length,
    reviews_overturned: c.review.decisions.filter((d) => d.decision === 'overturned').length,
    has_opinion: c.opinion !== undefined,
    opinion_not_established: c.opinion?.conclusion === 'NOT_ESTABLISHED',
    complainant_key: partyKey(c.complainant),
    to_accept_min: c.acceptedAt === undefined ? null : minutes(c.receivedAt, c.acceptedAt),
    to_opinion_min: c.acceptedAt === undefined || t?.firstOpinionAt === undefined ? null : minutes(c.acceptedAt, t.firstOpinionAt),
    to_verified_min: t?.measuresOrderedAt === undefined || t.measuresVerifiedAt === undefined ? null : minutes(t.measuresOrderedAt, t.measuresVerifiedAt),
    closed: c.state === 'CLOSED',
    closed_at: t?.closedAt ?? null,
    repeat: established
      ? {
          id: c.id,
          receivedAt: c.receivedAt,
          state: c.state,
          outcome: c.outcome,
          flags: c.flags,
          respondent: { exhibitorKey: c.respondent.exhibitorKey, name: c.respondent.name },
          ...(c.opinion === undefined ? {} : { opinion: { basis: c.opinion.basis } }),
        }
      : null,
  };
}

const COLUMNS = `case_id text, complaint_id text, enterprise text, hall text, accepted boolean, established boolean,
  not_accepted_reason text, foreign_related boolean, ip_types jsonb, outcome text, measures jsonb, transfer_kind text,
  handed_over_in_time boolean, reviews_requested int, reviews_upheld int, reviews_overturned int, has_opinion boolean,
  opinion_not_established boolean, complainant_key text, to_accept_min int, to_opinion_min int, to_verified_min int,
  closed boolean, closed_at text, repeat jsonb`;
const NAMES = COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0] as string);

const SCHEMA = `
  create table if not exists report_cases (
    fair_id text not null,
    ${COLUMNS},
    primary key (fair_id, case_id)
  );
  create table if not exists report_watermarks (fair_id text primary key, last_seq bigint not null);
  -- The events of the cases to fold again, found by case (the pull index is by fair and sequence).
  create index if not exists items_case_events on items (fair_id, entity_id) where kind = 'case_event';
  -- The summary's small record sets (fair, exhibitors, commitments, consultations) without
  -- scanning the fair's million events.
  create index if not exists items_fair_kind on items (fair_id, kind, entity_id, server_seq) where kind <> 'case_event';`;

const ensured = new WeakSet<SqlClient>();
/** Created on first use, under an advisory lock so two instances starting at once do not collide. */
export async function ensureReportSchema(db: SqlClient): Promise<void> {
  if (ensured.has(db)) return;
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7340201609)');
    await tx.exec(SCHEMA);
  });
  ensured.add(db);
}

const BATCH = 2_000;
const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** Writes rows (replacing a case's earlier row) in batches, one JSON parameter each. */
export async function upsertRows(db: SqlRunner, fairId: string, rows: readonly ReportCaseRow[]): Promise<void> {
  const set = NAMES.filter((n) => n !== 'case_id')
    .map((n) => `${n} = excluded.${n}`)
    .join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.query(
      `insert into report_cases (fair_id, ${NAMES.join(', ')})
       select $1, ${NAMES.join(', ')} from jsonb_to_recordset($2::text::jsonb) as r(${COLUMNS})
       on conflict (fair_id, case_id) do update set ${set}`,
      [fairId, JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}

/**
 * Folds again every case of the fair with an event past the watermark and moves the watermark.
 * Returns how many cases were folded. Safe to run twice at once: both write the same rows.
 */
export async function refreshProjection(db: SqlClient, fairId: string): Promise<number> {
  await ensureReportSchema(db);
  const [mark] = await db.query<{ last_seq: unknown }>('select last_seq from report_watermarks where fair_id = $1', [fairId]);
  const from = num(mark?.last_seq ?? 0);
  const [top] = await db.query<{ last: unknown }>('select max(server_seq) as last from items where fair_id = $1', [fairId]);
  const to = top?.last === null || top?.last === undefined ? from : num(top.last);
  if (to <= from) return 0;
  const changed = await db.query<{ entity_id: string }>(
    `select distinct entity_id from items where fair_id = $1 and kind = 'case_event' and server_seq > $2 and server_seq <= $3`,
    [fairId, from, to],
  );
  for (let i = 0; i < changed.length; i += BATCH) {
    const ids = changed.slice(i, i + BATCH).map((r) => r.entity_id);
    const rows = await db.query<{ payload: unknown }>(
      `select payload from items where fair_id = $1 and kind = 'case_event' and entity_id in (select jsonb_array_elements_text($2::text::jsonb)) and server_seq <= $3`,
      [fairId, JSON.stringify(ids), to],
    );
    const events = rows.map((r) => parse(r.payload) as CaseEvent);
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of events) {
      const g = byCase.get(e.caseId);
      if (g === undefined) byCase.set(e.caseId, [e]);
      else g.push(e);
    }
    const folded = [...foldAll(events).values()].filter((c) => c.fairId === fairId);
    await upsertRows(db, fairId, folded.map((c) => projectCase(c, byCase.get(c.id) ?? [])));
  }
  await db.query(
    `insert into report_watermarks (fair_id, last_seq) values ($1, $2)
     on conflict (fair_id) do update set last_seq = greatest(report_watermarks.last_seq, excluded.last_seq)`,
    [fairId, to],
  );
  return changed.length;
}
