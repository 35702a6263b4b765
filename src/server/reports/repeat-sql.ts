import type { ExhibitorKey } from '../../domain/exhibitor';
import type { CaseId } from '../../domain/ids';
import { AGGRAVATIONS, type EstablishedGroup } from '../../domain/report/repeat';
import type { SqlRunner } from '../storage/sql';

/**
 * R15's input in SQL (`report/SPEC.md` R15, RP1): each exhibitor's final established cases of a
 * session, grouped as `sanctionsOfGroups` (repeat.ts) reads them, instead of every established
 * case shipped as JSON to be grouped here. The definitions are `establishedGroups`':
 *
 * - final established = the projected case is CLOSED with ESTABLISHED_ALLEGED (CS6); a case
 *   without an exhibitor key is left out (RP1);
 * - received order, then id: both ASCII (ISO instants, ULIDs), so `collate "C"` orders them as
 *   the domain's code-unit comparison does on any database locale;
 * - aggravations: a REDISPLAY or MEASURE_REFUSED flag, an opinion based on PRIOR_RULING (RP3).
 *
 * Weak keys of the previous session come back too; `sanctionsOfGroups` never matches them (RP1),
 * and it sorts the exhibitors by key itself (keys may be names, not ASCII).
 * test/server/repeat-sql.test.ts holds the groups equal to `establishedGroups` on both databases.
 */
export interface SessionGroups {
  readonly now: Map<ExhibitorKey, EstablishedGroup>;
  readonly before: Map<ExhibitorKey, EstablishedGroup>;
}

interface GroupRow {
  readonly prev: boolean;
  readonly key: string;
  readonly ids: string[];
  readonly name: string;
  readonly REDISPLAY: boolean;
  readonly MEASURE_REFUSED: boolean;
  readonly PRIOR_RULING: boolean;
}

const GROUPS_SQL = `
  with est as (
    select fair_id <> $1 as prev, repeat->'respondent'->>'exhibitorKey' as key, repeat->>'id' as id,
           repeat->>'receivedAt' as received_at, repeat->'respondent'->>'name' as name,
           coalesce(repeat->'flags' ? 'REDISPLAY', false) as redisplay,
           coalesce(repeat->'flags' ? 'MEASURE_REFUSED', false) as refused,
           coalesce(repeat->'opinion'->>'basis' = 'PRIOR_RULING', false) as prior_ruling
    from report_cases
    where fair_id in ($1, $2) and established and repeat is not null
      and repeat->>'state' = 'CLOSED' and repeat->>'outcome' = 'ESTABLISHED_ALLEGED'
      and repeat->'respondent'->>'exhibitorKey' is not null
  ), g as (
    select prev, key,
           array_agg(id order by received_at collate "C", id collate "C") as ids,
           (array_agg(name order by received_at collate "C" desc, id collate "C" desc))[1] as name,
           bool_or(redisplay) as "REDISPLAY", bool_or(refused) as "MEASURE_REFUSED", bool_or(prior_ruling) as "PRIOR_RULING"
    from est group by prev, key
  )
  select coalesce(json_agg(g), '[]')::text as groups from g`;

/** The established groups of a fair (`now`) and of its previous session (`before`, empty without one): one statement, one row. */
export async function repeatGroups(db: SqlRunner, fairId: string, previousFairId: string | undefined): Promise<SessionGroups> {
  // Without a previous session `$2` is the fair itself: its rows are all `prev = false`.
  const [row] = await db.query<{ groups: string }>(GROUPS_SQL, [fairId, previousFairId ?? fairId]);
  const now = new Map<ExhibitorKey, EstablishedGroup>();
  const before = new Map<ExhibitorKey, EstablishedGroup>();
  for (const r of JSON.parse(row?.groups ?? '[]') as GroupRow[]) {
    const group: EstablishedGroup = { caseIds: r.ids as CaseId[], latestName: r.name, aggravations: AGGRAVATIONS.filter((a) => r[a]) };
    (r.prev ? before : now).set(r.key as ExhibitorKey, group);
  }
  return { now, before };
}
