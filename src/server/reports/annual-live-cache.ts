import { num, type SqlClient } from '../storage/sql';
import type { LiveCounts, LiveSource } from './annual-sql';

/**
 * AR15: the live counts of a fair never closed, kept with the newest server sequence among the
 * fair's items when they were counted (`annual_live_figures`, migration-steps.ts 0018). An item is
 * stored once and never overwritten (SY1), in the commit order of its server sequence (SY6), and
 * the report projection is a fold of the fair's case events, so while no item of the fair arrived
 * since, its counts are what counting again would give: the roll-up counts again only the fairs
 * that moved. A migration that folds the projection anew empties the table with it.
 *
 * Beside the counts the row keeps the fair's roll-up source (migration-steps.ts 0019): its figures and
 * R15's repeat infringers, made from the fair's record, its counts and its previous session's
 * counts, so it holds while neither fair has a newer item (`source_prior_seq` is the previous
 * session's sequence it was made with). A roll-up then reads a few numbers per fair that did not
 * move, not their case lists.
 *
 * Every sequence is read before the counts are taken, so what is stored under it covers at least
 * that sequence; an item landing in between leaves the row under an older sequence than the
 * fair's, and the next roll-up counts that fair again.
 */
export interface KeptFair {
  readonly id: string;
  /** The previous session's fair, whose R15 cases the fair's repeat infringers read. */
  readonly previousFairId?: string | undefined;
  /** The fair's newest item sequence read with its record (its record is one of its items), if known. */
  readonly itemsSeq?: number | undefined;
}

type MarkRow = { id: string; seq: unknown; kept_seq: unknown; source: string | null; prior_seq: unknown };

const arrayParam = (ids: readonly string[]): string => `{${ids.map((id) => `"${id}"`).join(',')}}`;

export async function keptLiveSources<F extends KeptFair>(
  db: SqlClient,
  fairs: readonly F[],
  work: {
    readonly catchUp: (stale: readonly string[]) => Promise<void>;
    readonly count: (stale: readonly string[]) => Promise<Map<string, LiveCounts>>;
    readonly derive: (fair: F, counts: LiveCounts, prior: LiveCounts | undefined) => LiveSource;
  },
): Promise<Map<string, LiveSource>> {
  const out = new Map<string, LiveSource>();
  if (fairs.length === 0) return out;
  const all = [...new Set(fairs.flatMap((f) => (f.previousFairId === undefined ? [f.id] : [f.id, f.previousFairId])))];
  // One probe of the pull index (fair, sequence) per fair, with its kept row; the source only where it may hold.
  const marks = new Map(
    (
      await db.query<MarkRow>(
        `select m.id, m.seq, k.items_seq as kept_seq, k.source_prior_seq as prior_seq, case when k.items_seq = m.seq then k.source::text end as source
         from (select f.id, coalesce((select max(i.server_seq) from items i where i.fair_id = f.id), 0) as seq from unnest($1::text[]) f(id)) m
         left join annual_live_figures k on k.fair_id = m.id`,
        [arrayParam(all)],
      )
    ).map((r) => [r.id, r]),
  );
  const seqOf = (id: string): number => num(marks.get(id)?.seq ?? 0);
  const ownSeq = (f: F): number => f.itemsSeq ?? seqOf(f.id);
  const deriving: F[] = [];
  for (const fair of fairs) {
    const m = marks.get(fair.id);
    const priorHolds = fair.previousFairId === undefined ? m?.prior_seq === null : num(m?.prior_seq) === seqOf(fair.previousFairId);
    if (m?.source != null && num(m.kept_seq) === ownSeq(fair) && priorHolds) out.set(fair.id, JSON.parse(m.source) as LiveSource);
    else deriving.push(fair);
  }
  if (deriving.length === 0) return out;

  // The counts the sources to make read: kept where they hold, else counted again.
  const needed = new Map<string, number>();
  for (const f of deriving) {
    needed.set(f.id, ownSeq(f));
    if (f.previousFairId !== undefined) needed.set(f.previousFairId, seqOf(f.previousFairId));
  }
  const keptIds = [...needed].filter(([id, seq]) => marks.get(id)?.kept_seq != null && num(marks.get(id)?.kept_seq) === seq).map(([id]) => id);
  const staleIds = [...needed.keys()].filter((id) => !keptIds.includes(id));
  const counts = new Map<string, LiveCounts>();
  if (keptIds.length > 0) {
    const rows = await db.query<{ fair_id: string; counts: string }>(`select fair_id, counts::text as counts from annual_live_figures where fair_id = any($1::text[])`, [arrayParam(keptIds)]);
    for (const r of rows) counts.set(r.fair_id, JSON.parse(r.counts) as LiveCounts);
  }
  if (staleIds.length > 0) {
    await work.catchUp(staleIds);
    for (const [id, c] of await work.count(staleIds)) counts.set(id, c);
  }

  const rows: { fair_id: string; items_seq: number; counts: LiveCounts; source: LiveSource | null; source_prior_seq: number | null }[] = [];
  for (const fair of deriving) {
    const own = counts.get(fair.id);
    if (own === undefined) continue;
    const prior = fair.previousFairId === undefined ? undefined : counts.get(fair.previousFairId);
    const source = work.derive(fair, own, prior);
    out.set(fair.id, source);
    rows.push({ fair_id: fair.id, items_seq: ownSeq(fair), counts: own, source, source_prior_seq: fair.previousFairId === undefined ? null : seqOf(fair.previousFairId) });
  }
  // A previous session counted again keeps its new counts; a source it had is made again when asked for.
  const deriven = new Set(rows.map((r) => r.fair_id));
  for (const id of staleIds) {
    const c = counts.get(id);
    if (c !== undefined && !deriven.has(id)) rows.push({ fair_id: id, items_seq: needed.get(id) ?? 0, counts: c, source: null, source_prior_seq: null });
  }
  await db.query(
    `insert into annual_live_figures (fair_id, items_seq, counts, source, source_prior_seq)
     select r.fair_id, r.items_seq, r.counts, r.source, r.source_prior_seq
     from jsonb_to_recordset($1::text::jsonb) as r(fair_id text, items_seq bigint, counts jsonb, source jsonb, source_prior_seq bigint)
     on conflict (fair_id) do update set items_seq = excluded.items_seq, counts = excluded.counts, source = excluded.source, source_prior_seq = excluded.source_prior_seq`,
    [JSON.stringify(rows)],
  );
  return out;
}
