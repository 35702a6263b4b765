import type { Case } from '../../domain/case/case';
import { MEASURE_CODES } from '../../domain/codes';
import type { Hlc } from '../../domain/hlc';
import { latestPerEntity } from '../../domain/last-writer-wins';
import type { AnnualSourceFigure } from '../../domain/report/annual';
import { RollupFair } from '../../domain/report/annual-fair';
import { recommendSanctions } from '../../domain/report/repeat';
import { outreachFigures } from '../../domain/report/service-figures';
import { num, type SqlClient, type SqlRunner } from '../storage/sql';
import type { RepeatCase } from './case-projection';
import { keptLiveSources } from './annual-live-cache';
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

type FairRow = {
  id: string; items_seq: unknown; code: string | null; name_zh: string | null; name_en: string | null; session_no: string | null; previous_fair_id: string | null;
  first_day: string | null; region: string | null; organizer: string | null; repeat_rule: string | null; outreach: string | null;
};

/**
 * The current record of every fair held here whose first day falls in [from, to], in one
 * statement: SY20/SY21's pick (greatest clock, then item id, compared as the domain compares
 * them: code-unit order, so `collate "C"`), read as columns of what the roll-up needs
 * (RollupFair; of the days only the first, AR2), with the fair's newest item sequence at the
 * same moment (AR15).
 */
export async function currentFairs(db: SqlRunner, from: string, to: string): Promise<(RollupFair & { readonly itemsSeq: number })[]> {
  const rows = await db.query<FairRow>(
    // The pick sorts ids only; each picked record is then read once, its fields taken in one pass (jsonb_to_record).
    `select k.fair_id as id, (select max(i.server_seq) from items i where i.fair_id = k.fair_id) as items_seq,
       r.code, r."nameZh" as name_zh, r."nameEn" as name_en, r."sessionNo"::text as session_no, r."previousFairId" as previous_fair_id,
       r.days->0->>'date' as first_day, r.settings->>'region' as region, r.settings->>'organizer' as organizer,
       (r.settings->'repeatRule')::text as repeat_rule, (r.service->'outreach')::text as outreach
     from (select distinct on (fair_id) fair_id, id from items where kind = 'fair' and entity_id = fair_id
           order by fair_id, hlc collate "C" desc, id collate "C" desc) k
     join items p on p.id = k.id
     cross join lateral jsonb_to_record(p.payload) as r(code text, "nameZh" text, "nameEn" text, "sessionNo" jsonb, "previousFairId" text, days jsonb, settings jsonb, service jsonb)
     where r.days->0->>'date' between $1 and $2`,
    [from, to],
  );
  const out: (RollupFair & { itemsSeq: number })[] = [];
  const text = (v: string | null): string | undefined => v ?? undefined;
  for (const r of rows) {
    const fair = RollupFair.safeParse({
      id: r.id, code: r.code, nameZh: r.name_zh, nameEn: text(r.name_en), sessionNo: r.session_no === null ? undefined : JSON.parse(r.session_no), previousFairId: text(r.previous_fair_id),
      days: [{ date: r.first_day }],
      settings: { region: text(r.region), organizer: text(r.organizer), repeatRule: r.repeat_rule === null ? undefined : JSON.parse(r.repeat_rule) },
      service: r.outreach === null ? undefined : { outreach: JSON.parse(r.outreach) },
    });
    if (fair.success) out.push({ ...fair.data, itemsSeq: num(r.items_seq) });
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

/** One fair's counts over the projection and its records: what `liveSources` keeps per fair (annual-live-cache.ts). */
export interface LiveCounts {
  readonly received: number;
  readonly accepted: number;
  readonly transfers: number;
  readonly caseOpinions: number;
  readonly reviewDecisions: number;
  readonly measuresOrdered: number;
  readonly measuresDone: number;
  readonly consultations: number;
  readonly consultationOpinions: number;
  /** R15's established cases as recommendSanctions reads them. */
  readonly repeats: readonly RepeatCase[];
}

/** The counts of these fairs, in three grouped statements over the report projection and the items (projection current). */
export async function liveCounts(db: SqlClient, fairIds: readonly string[]): Promise<Map<string, LiveCounts>> {
  const out = new Map<string, LiveCounts>();
  if (fairIds.length === 0) return out;
  const ids = arrayParam(fairIds);
  const [cases, complaints, consultations] = await Promise.all([
    // One pass over the fairs' rows: the counts, R12's measure lists of accepted cases (counted
    // per measure here, as summary-sql.ts does) and R15's established cases.
    db.query<{ fair_id: string; transfers: unknown; case_opinions: unknown; review_decisions: unknown; measures: string | null; repeats: string | null }>(
      `select fair_id,
         count(*) filter (where transfer_kind is not null) as transfers,
         count(*) filter (where has_opinion) as case_opinions,
         coalesce(sum(reviews_upheld + reviews_overturned), 0) as review_decisions,
         (jsonb_agg(measures) filter (where accepted and measures <> '[]'::jsonb))::text as measures,
         (json_agg(repeat) filter (where established and repeat is not null))::text as repeats
       from report_cases where fair_id = any($1::text[]) group by fair_id`,
      [ids],
    ),
    // R3/R4 count distinct complaints: one group per complaint (in index order), then per fair.
    db.query<{ fair_id: string; received: unknown; accepted: unknown }>(
      `select fair_id, count(*) as received, count(*) filter (where a) as accepted
       from (select fair_id, bool_or(accepted) as a from report_cases where fair_id = any($1::text[]) group by fair_id, complaint_id) g group by fair_id`,
      [ids],
    ),
    // R16/R17: the current version of each consultation (SY24), only what the figures read.
    db.query<{ fair_id: string; versions: string }>(
      `select fair_id, json_agg(json_build_object('entityId', entity_id, 'hlc', hlc, 'id', id, 'opinion', coalesce((payload->>'opinionGiven')::boolean, false)))::text as versions
       from items where fair_id = any($1::text[]) and kind = 'consultation' group by fair_id`,
      [ids],
    ),
  ]);
  const codes = new Set<string>(MEASURE_CODES);
  const byFair = <R extends { fair_id: unknown }>(rows: readonly R[]): Map<string, R> => new Map(rows.map((r) => [r.fair_id as string, r]));
  const caseRows = byFair(cases);
  const complaintRows = byFair(complaints);
  const consultationRows = byFair(consultations);
  for (const id of fairIds) {
    const c = caseRows.get(id);
    let measuresOrdered = 0;
    let measuresDone = 0;
    for (const list of JSON.parse(c?.measures ?? '[]') as { code: string; result: string | null }[][]) {
      for (const x of list) {
        if (!codes.has(x.code)) continue;
        measuresOrdered++;
        if (x.result === 'done') measuresDone++;
      }
    }
    const versions = parse<{ entityId: string; hlc: Hlc; id: string; opinion: boolean }[]>(consultationRows.get(id)?.versions ?? '[]');
    const current = [...latestPerEntity(versions).values()];
    const complaint = complaintRows.get(id);
    out.set(id, {
      received: num(complaint?.received ?? 0),
      accepted: num(complaint?.accepted ?? 0),
      transfers: num(c?.transfers ?? 0),
      caseOpinions: num(c?.case_opinions ?? 0),
      reviewDecisions: num(c?.review_decisions ?? 0),
      measuresOrdered,
      measuresDone,
      consultations: current.length,
      consultationOpinions: current.filter((v) => v.opinion).length,
      repeats: parse<RepeatCase[]>(c?.repeats ?? '[]'),
    });
  }
  return out;
}

/**
 * The roll-up's source of each fair (AR11), kept while neither the fair nor its previous session
 * has a newer item (AR15, annual-live-cache.ts); `itemsSeq`, when given, is the fair's newest
 * item sequence read with the record passed.
 */
export async function liveSources(db: SqlClient, fairs: readonly (RollupFair & { readonly itemsSeq?: number })[]): Promise<Map<string, LiveSource>> {
  return keptLiveSources(db, fairs, {
    catchUp: (stale) => catchUpAll(db, stale),
    count: (stale) => liveCounts(db, stale),
    derive: (fair, c, priorCounts) => {
      const outreach = outreachFigures(fair.service?.outreach ?? []);
      const prior = priorCounts?.repeats ?? [];
      // recommendSanctions reads only the fields RepeatCase keeps (case-projection.ts), as summary-service does.
      const infringers = recommendSanctions(fair.settings.repeatRule, c.repeats as unknown as Case[], prior as unknown as Case[]);
      return {
        figures: {
          'R3.received': c.received,
          'R4.accepted': c.accepted,
          'R17.total': c.caseOpinions + c.reviewDecisions + c.consultationOpinions,
          'R16.total': c.consultations,
          'R18.trainingSessions': outreach['R18.trainingSessions'] ?? 0,
          'R18.trainingParticipants': outreach['R18.trainingParticipants'] ?? 0,
          'R18.publicityActivities': outreach['R18.publicityActivities'] ?? 0,
          'R18.publicityMaterials': outreach['R18.publicityMaterials'] ?? 0,
          'R12.measures.ordered': c.measuresOrdered,
          'R12.measures.done': c.measuresDone,
          'R13.transfers': c.transfers,
        },
        repeatInfringerKeys: infringers.filter((r) => r.repeat).map((r) => r.exhibitorKey),
      };
    },
  });
}
