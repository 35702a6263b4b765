import { IP_TYPES, MEASURE_CODES, NOT_ACCEPTED_REASONS, OUTCOMES, PATENT_TYPES } from '../../domain/codes';
import type { Fair } from '../../domain/fair';
import { fairCloseAt } from '../../domain/fair';
import type { FigureValues } from '../../domain/report/case-figures';
import { hallKey } from '../../domain/report/figures';
import type { FigureKey } from '../../domain/report/figures';
import { rateBp } from '../../domain/report/rates';
import type { SqlRunner } from '../storage/sql';
import { num } from '../storage/sql';
import type { RepeatCase } from './case-projection';

/**
 * The case figures of `report/SPEC.md` (R3–R15) in SQL across every device of a fair, over
 * the report projection (`report_cases`, one folded row per case, case-projection.ts). The
 * definitions are SPEC.md's, word for word; the property test in test/server/summary-sql.test.ts
 * holds every value equal to the domain's `postShowSummary` on the same data.
 *
 * - R3/R4/R7 count distinct complaints, R8/R9 distinct enterprises (one `group by` each), R11–R13 cases.
 * - R6: CLOSED + NOT_ACCEPTED by reason. R9: accepted and established.
 * - R11: a case naming two types counts in both (`ip_types ? t`).
 * - R12: outcomes + open = accepted; halls of accepted cases; measures in force by result.
 * - R14: `percentile_disc(0.5)` is the lower middle for an even count, as §10 asks; closed by
 *   close compares ISO instants as text, as the domain does.
 * - R15 RP6 tallies opinions per complainant; R17 counts the cases' opinions and review decisions.
 * Rates are `rateBp` of the counts (one formula, rates.ts).
 */

export async function caseFiguresSql(db: SqlRunner, fair: Fair): Promise<FigureValues> {
  const typeCols = IP_TYPES.map(
    (t) => `count(*) filter (where accepted and ip_types ? '${t}') as "acc_${t}", count(*) filter (where accepted and established and ip_types ? '${t}') as "est_${t}"`,
  ).join(',\n');
  const outcomeCols = OUTCOMES.map((o) => `count(*) filter (where accepted and outcome = '${o}') as "out_${o}"`).join(',\n');
  const reasonCols = NOT_ACCEPTED_REASONS.map((r) => `count(*) filter (where not_accepted_reason = '${r}') as "rej_${r}"`).join(',\n');
  // The five statements are independent (CO46: a summary not yet made): on PostgreSQL each goes to its own connection and core.
  const rp6 = fair.settings.frequentComplainant;
  const [[row], [distinct], halls, measures, [freq]] = await Promise.all([
    db.query<Record<string, unknown>>(
    `select
       count(*) filter (where not_accepted_reason is not null) as rejected,
       ${reasonCols},
       count(*) filter (where accepted) as accepted_cases,
       count(*) filter (where accepted and (${PATENT_TYPES.map((t) => `ip_types ? '${t}'`).join(' or ')})) as patent_cases,
       ${typeCols},
       count(*) filter (where accepted and outcome is null) as open,
       ${outcomeCols},
       count(*) filter (where transfer_kind is not null) as transfers,
       count(*) filter (where transfer_kind = 'admin') as transfer_admin,
       count(*) filter (where transfer_kind = 'enforcement') as transfer_enforcement,
       count(*) filter (where handed_over_in_time) as handed_over,
       coalesce(sum(reviews_requested), 0) as reviews_requested,
       coalesce(sum(reviews_upheld), 0) as reviews_upheld,
       coalesce(sum(reviews_overturned), 0) as reviews_overturned,
       percentile_disc(0.5) within group (order by to_accept_min) filter (where accepted) as to_accept,
       percentile_disc(0.5) within group (order by to_opinion_min) filter (where accepted) as to_opinion,
       percentile_disc(0.5) within group (order by to_verified_min) filter (where accepted) as to_verified,
       count(*) filter (where accepted and closed and closed_at <= $2) as closed_by_close,
       count(*) filter (where has_opinion) as case_opinions
     from report_cases where fair_id = $1`,
    [fair.id, fairCloseAt(fair)],
    ),
    // Distinct complaints and enterprises: one hash aggregate each (cheaper than count(distinct), a sort per figure).
    db.query<Record<string, unknown>>(
    `select c.received, c.accepted_complaints, c.foreign_complaints, e.enterprises, e.established_enterprises
     from (select count(*) as received, count(*) filter (where a) as accepted_complaints, count(*) filter (where f) as foreign_complaints
           from (select bool_or(accepted) as a, bool_or(accepted and foreign_related) as f from report_cases where fair_id = $1 group by complaint_id) g) c,
          (select count(*) filter (where a) as enterprises, count(*) filter (where e) as established_enterprises
           from (select bool_or(accepted) as a, bool_or(accepted and established) as e from report_cases where fair_id = $1 group by enterprise) g) e`,
    [fair.id],
    ),
    hallFigures(db, fair.id),
    measureFigures(db, fair.id),
    db.query<{ n: unknown }>(
      `select count(*) as n from (
         select complainant_key from report_cases where fair_id = $1 and has_opinion group by complainant_key
         having count(*) filter (where opinion_not_established) >= $2
            and count(*) filter (where opinion_not_established) >= $3::float8 * count(*)
       ) f`,
      [fair.id, rp6.minNotEstablished, rp6.minShare],
    ),
  ]);
  const r = { ...row, ...distinct };
  const n = (k: string): number => num(r[k] ?? 0);
  const nullable = (k: string): number | null => (r[k] === null || r[k] === undefined ? null : num(r[k]));
  const out: Record<string, number | null> = {};
  const set = (k: FigureKey, v: number | null): void => void (out[k] = v);

  set('R3.received', n('received'));
  set('R4.accepted', n('accepted_complaints'));
  set('R5.rate', rateBp(n('accepted_complaints'), n('received')));
  set('R6.total', n('rejected'));
  for (const reason of NOT_ACCEPTED_REASONS) if (n(`rej_${reason}`) > 0) set(`R6.${reason}`, n(`rej_${reason}`));
  set('R7.foreign', n('foreign_complaints'));
  set('R7.rate', rateBp(n('foreign_complaints'), n('accepted_complaints')));
  set('R8.enterprises', n('enterprises'));
  set('R9.enterprises', n('established_enterprises'));
  set('R10.rate', rateBp(n('established_enterprises'), n('enterprises')));

  const acceptedCases = n('accepted_cases');
  const patentCases = n('patent_cases');
  for (const t of IP_TYPES) {
    if (n(`acc_${t}`) > 0) set(`R11.${t}.accepted`, n(`acc_${t}`));
    if (n(`est_${t}`) > 0) set(`R11.${t}.established`, n(`est_${t}`));
    set(`R11.${t}.rate`, rateBp(n(`est_${t}`), n(`acc_${t}`)));
  }
  set('R11.patent.accepted', patentCases);
  set('R11.patent.share', rateBp(patentCases, acceptedCases));
  for (const t of PATENT_TYPES) set(`R11.${t}.share`, rateBp(n(`acc_${t}`), patentCases));

  set('R12.accepted', acceptedCases);
  set('R12.open', n('open'));
  for (const o of OUTCOMES) if (n(`out_${o}`) > 0) set(`R12.outcome.${o}`, n(`out_${o}`));

  set('R13.transfers', n('transfers'));
  if (n('transfer_admin') > 0) set('R13.transfer.admin', n('transfer_admin'));
  if (n('transfer_enforcement') > 0) set('R13.transfer.enforcement', n('transfer_enforcement'));
  set('R13.handedOverIn24h', n('handed_over'));
  set('R13.handoverRate', rateBp(n('handed_over'), n('transfers')));
  set('R13.reviews.requested', n('reviews_requested'));
  set('R13.reviews.upheld', n('reviews_upheld'));
  set('R13.reviews.overturned', n('reviews_overturned'));

  set('R14.receivedToAccepted', nullable('to_accept'));
  set('R14.acceptedToOpinion', nullable('to_opinion'));
  set('R14.orderedToVerified', nullable('to_verified'));
  set('R14.closedByClose', n('closed_by_close'));
  set('R14.closedByCloseRate', rateBp(n('closed_by_close'), acceptedCases));

  set('R17.caseOpinions', n('case_opinions'));
  set('R17.reviewDecisions', n('reviews_upheld') + n('reviews_overturned'));

  Object.assign(out, halls, measures);
  set('R15.frequentComplainants', num(freq?.n ?? 0));
  return out as FigureValues;
}

/** R12 by hall of the respondent's booth (halls with accepted cases only). */
async function hallFigures(db: SqlRunner, fairId: string): Promise<FigureValues> {
  const rows = await db.query<{ hall: string; accepted: unknown; established: unknown }>(
    `select hall, count(*) as accepted, count(*) filter (where established) as established
     from report_cases where fair_id = $1 and accepted group by hall`,
    [fairId],
  );
  const out: FigureValues = {};
  for (const r of rows) {
    out[hallKey(r.hall, 'accepted')] = num(r.accepted);
    out[hallKey(r.hall, 'established')] = num(r.established);
  }
  return out;
}

/**
 * R12 measures in force on accepted cases: ordered, and by verification result (done, refused).
 * Grouped by the case's whole list (a handful of distinct lists), then counted per measure here.
 */
async function measureFigures(db: SqlRunner, fairId: string): Promise<FigureValues> {
  const rows = await db.query<{ measures: string; n: unknown }>(
    `select measures::text as measures, count(*) as n from report_cases where fair_id = $1 and accepted and measures <> '[]'::jsonb group by measures`,
    [fairId],
  );
  const out: Record<string, number> = { 'R12.measures.ordered': 0, 'R12.measures.done': 0, 'R12.measures.refused': 0 };
  const bump = (k: string, by: number): void => void (out[k] = (out[k] ?? 0) + by);
  const codes = new Set<string>(MEASURE_CODES);
  for (const r of rows) {
    const count = num(r.n);
    for (const m of JSON.parse(r.measures) as { code: string; result: string | null }[]) {
      if (!codes.has(m.code)) continue;
      bump('R12.measures.ordered', count);
      bump(`R12.measure.${m.code}.ordered`, count);
      if (m.result === 'done' || m.result === 'refused') {
        bump(`R12.measures.${m.result}`, count);
        bump(`R12.measure.${m.code}.${m.result}`, count);
      }
    }
  }
  return out as FigureValues;
}

/** R15: the established cases of a fair, as `recommendSanctions` reads them (one JSON array: one row, not one per case). */
export async function repeatCases(db: SqlRunner, fairId: string): Promise<RepeatCase[]> {
  const [row] = await db.query<{ cases: string }>(
    `select coalesce(json_agg(repeat), '[]')::text as cases from report_cases where fair_id = $1 and established and repeat is not null`,
    [fairId],
  );
  return JSON.parse(row?.cases ?? '[]') as RepeatCase[];
}
