import type { Case } from '../../domain/case/case';
import type { CaseEvent } from '../../domain/case/events';
import { partyKey } from '../../domain/case/intake';
import { enterpriseOf, isAccepted, isEstablished } from '../../domain/report/case-figures';
import { wholeMinutes } from '../../domain/report/rates';
import { timelineOf } from '../../domain/report/timeline';
import { instantToMs } from '../../domain/time';
import type { Instant } from '../../domain/time';
import type { SqlRunner } from '../storage/sql';

/**
 * The server's report projection (`report/SPEC.md` "The server"): one flat row per case of a fair,
 * folded with the domain (`foldAll`, CS5) from its synced events, so the post-show figures are SQL
 * aggregates over 100,000 rows instead of a fold of a million events per request. Every push folds
 * again the cases it brings events for, and a summary first catches up whatever is past the fair's
 * watermark (projection-sync.ts); the tables are migration 0006's (report-schema.ts). The rows
 * hold what §10 counts, named after the rule that reads them.
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

/** The projection's columns (their table is made by migration 0006, report-schema.ts). */
export const COLUMNS = `case_id text, complaint_id text, enterprise text, hall text, accepted boolean, established boolean,
  not_accepted_reason text, foreign_related boolean, ip_types jsonb, outcome text, measures jsonb, transfer_kind text,
  handed_over_in_time boolean, reviews_requested int, reviews_upheld int, reviews_overturned int, has_opinion boolean,
  opinion_not_established boolean, complainant_key text, to_accept_min int, to_opinion_min int, to_verified_min int,
  closed boolean, closed_at text, repeat jsonb`;
const NAMES = COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0] as string);

const BATCH = 2_000;

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
