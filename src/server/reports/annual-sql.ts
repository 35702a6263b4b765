import type { Case } from '../../domain/case/case';
import { MEASURE_CODES } from '../../domain/codes';
import { Fair } from '../../domain/fair';
import type { Hlc } from '../../domain/hlc';
import { latestPerEntity } from '../../domain/last-writer-wins';
import type { AnnualSourceFigure } from '../../domain/report/annual';
import { recommendSanctions } from '../../domain/report/repeat';
import { outreachFigures } from '../../domain/report/service-figures';
import { serviceDataOf } from '../../domain/report/service-record';
import { num, type SqlClient, type SqlRunner } from '../storage/sql';
import type { RepeatCase } from './case-projection';
import { catchUp } from './projection-sync';

/**
 * AR11: the roll-up's source figures of fairs not closed, for many fairs at once: the few
 * figures `annualRollup` reads (ANNUAL_SOURCE_FIGURES) and R15's repeat infringers, as the live
 * summary (summary-service.ts) computes them, in a handful of grouped statements over the report
 * projection instead of a whole summary per fair. test/server/annual.test.ts holds them equal to
 * `serverSummary`'s on the same data.
 */
export interface LiveSource {
  readonly figures: Record<AnnualSourceFigure, number>;
  readonly repeatInfringerKeys: readonly string[];
}

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * Every fair's current record held here, in one statement: SY20/SY21's pick (greatest clock,
 * then item id, compared as the domain compares them: code-unit order, so `collate "C"`).
 */
export async function currentFairs(db: SqlRunner): Promise<Fair[]> {
  const rows = await db.query<{ payload: string }>(
    `select distinct on (fair_id) payload::text as payload from items where kind = 'fair' and entity_id = fair_id
     order by fair_id, hlc collate "C" desc, id collate "C" desc`,
  );
  const out: Fair[] = [];
  for (const r of rows) {
    const fair = Fair.safeParse(JSON.parse(r.payload));
    if (fair.success) out.push(fair.data);
  }
  return out;
}

/** A text[] parameter (ids are ULIDs: no quote or comma to escape). */
const arrayParam = (ids: readonly string[]): string => `{${ids.map((id) => `"${id}"`).join(',')}}`;

/** Brings the projection of each fair up to date when it is behind (one statement to find which). */
async function catchUpAll(db: SqlClient, fairIds: readonly string[]): Promise<void> {
  if (fairIds.length === 0) return;
  const behind = await db.query<{ id: string }>(
    `select f.id from unnest($1::text[]) f(id)
     where exists (select 1 from items i where i.fair_id = f.id and i.kind = 'case_event'
                   and i.server_seq > coalesce((select last_seq from report_watermarks w where w.fair_id = f.id), 0))`,
    [arrayParam(fairIds)],
  );
  for (const r of behind) await catchUp(db, r.id);
}

export async function liveSources(db: SqlClient, fairs: readonly Fair[]): Promise<Map<string, LiveSource>> {
  const out = new Map<string, LiveSource>();
  if (fairs.length === 0) return out;
  const ids = fairs.map((f) => f.id);
  const priorIds = [...new Set(fairs.flatMap((f) => (f.previousFairId === undefined ? [] : [f.previousFairId])))];
  await catchUpAll(db, [...new Set([...ids, ...priorIds])]);
  const [cases, complaints, consultations] = await Promise.all([
    // One pass over the fairs' rows (and their previous sessions', for R15): the counts, R12's
    // measure lists of accepted cases (counted per measure here, as summary-sql.ts does) and
    // R15's established cases as recommendSanctions reads them.
    db.query<{ fair_id: string; transfers: unknown; case_opinions: unknown; review_decisions: unknown; measures: string | null; repeats: string | null }>(
      `select fair_id,
         count(*) filter (where transfer_kind is not null) as transfers,
         count(*) filter (where has_opinion) as case_opinions,
         coalesce(sum(reviews_upheld + reviews_overturned), 0) as review_decisions,
         (jsonb_agg(measures) filter (where accepted and measures <> '[]'::jsonb))::text as measures,
         (json_agg(repeat) filter (where established and repeat is not null))::text as repeats
       from report_cases where fair_id = any($1::text[]) group by fair_id`,
      [arrayParam([...new Set([...ids, ...priorIds])])],
    ),
    // R3/R4 count distinct complaints: one group per complaint (in index order), then per fair.
    db.query<{ fair_id: string; received: unknown; accepted: unknown }>(
      `select fair_id, count(*) as received, count(*) filter (where a) as accepted
       from (select fair_id, bool_or(accepted) as a from report_cases where fair_id = any($1::text[]) group by fair_id, complaint_id) g group by fair_id`,
      [arrayParam(ids)],
    ),
    // R16/R17: the current version of each consultation (SY24), only what the figures read.
    db.query<{ fair_id: string; versions: string }>(
      `select fair_id, json_agg(json_build_object('entityId', entity_id, 'hlc', hlc, 'id', id, 'opinion', coalesce((payload->>'opinionGiven')::boolean, false)))::text as versions
       from items where fair_id = any($1::text[]) and kind = 'consultation' group by fair_id`,
      [arrayParam(ids)],
    ),
  ]);
  const codes = new Set<string>(MEASURE_CODES);
  const measureCounts = new Map<string, { ordered: number; done: number }>();
  for (const r of cases) {
    const m = { ordered: 0, done: 0 };
    for (const list of JSON.parse(r.measures ?? '[]') as { code: string; result: string | null }[][]) {
      for (const x of list) {
        if (!codes.has(x.code)) continue;
        m.ordered++;
        if (x.result === 'done') m.done++;
      }
    }
    measureCounts.set(r.fair_id, m);
  }
  const byFair = <R extends { fair_id: unknown }>(rows: readonly R[]): Map<string, R> => new Map(rows.map((r) => [r.fair_id as string, r]));
  const caseRows = byFair(cases);
  const complaintRows = byFair(complaints);
  const consultationRows = byFair(consultations);
  const repeatRows = new Map(cases.map((r) => [r.fair_id, parse<RepeatCase[]>(r.repeats ?? '[]')]));
  for (const fair of fairs) {
    const c: Record<string, unknown> = caseRows.get(fair.id) ?? {};
    const n = (k: string): number => num(c[k] ?? 0);
    const versions = parse<{ entityId: string; hlc: Hlc; id: string; opinion: boolean }[]>(consultationRows.get(fair.id)?.versions ?? '[]');
    const current = [...latestPerEntity(versions).values()];
    const outreach = outreachFigures(serviceDataOf(fair).outreach);
    const prior = fair.previousFairId === undefined ? [] : (repeatRows.get(fair.previousFairId) ?? []);
    // recommendSanctions reads only the fields RepeatCase keeps (case-projection.ts), as summary-service does.
    const infringers = recommendSanctions(fair.settings.repeatRule, (repeatRows.get(fair.id) ?? []) as unknown as Case[], prior as unknown as Case[]);
    const complaint = complaintRows.get(fair.id);
    out.set(fair.id, {
      figures: {
        'R3.received': num(complaint?.received ?? 0),
        'R4.accepted': num(complaint?.accepted ?? 0),
        'R17.total': n('case_opinions') + n('review_decisions') + current.filter((v) => v.opinion).length,
        'R16.total': current.length,
        'R18.trainingSessions': outreach['R18.trainingSessions'] ?? 0,
        'R18.trainingParticipants': outreach['R18.trainingParticipants'] ?? 0,
        'R18.publicityActivities': outreach['R18.publicityActivities'] ?? 0,
        'R18.publicityMaterials': outreach['R18.publicityMaterials'] ?? 0,
        'R12.measures.ordered': measureCounts.get(fair.id)?.ordered ?? 0,
        'R12.measures.done': measureCounts.get(fair.id)?.done ?? 0,
        'R13.transfers': n('transfers'),
      },
      repeatInfringerKeys: infringers.filter((r) => r.repeat).map((r) => r.exhibitorKey),
    });
  }
  return out;
}
