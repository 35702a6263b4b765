import type { SqlRunner } from '../storage/sql';
import { num } from '../storage/sql';

/**
 * The core post-show counts in SQL across every device of a fair (issue 9 §1, DOMAIN.md §10),
 * straight from the synced `case_event` items: the set work (distinct complaints, distinct
 * enterprises) is what a database does best, and it needs no folding.
 *
 * - R3 `received`: distinct `complaintId` of `Submit` events.
 * - R4 `accepted`: distinct `complaintId` of cases with an `Accept` event (reached ACCEPTED).
 * - R5 `rate`: R4 / R3 in basis points, `floor((20000·num + den) / (2·den))`, null for den = 0.
 * - R8 `enterprises`: distinct enterprises of accepted cases (`exhibitorKey`, else `NAME:` + the
 *   name as submitted — the domain normalises the name; a case without a key is rare at a desk
 *   that picks respondents from the exhibitor list).
 *
 * The rest needs each case's final state (CS5 fold order, conflicts): `summary-service.ts`
 * folds the events with the domain and the test proves both agree on the same data.
 */
export interface CoreCounts {
  readonly 'R3.received': number;
  readonly 'R4.accepted': number;
  readonly 'R5.rate': number | null;
  readonly 'R8.enterprises': number;
}

export async function coreCounts(db: SqlRunner, fairId: string): Promise<CoreCounts> {
  const [row] = await db.query<{ received: unknown; accepted: unknown; enterprises: unknown }>(
    `with ev as (
       select entity_id, payload->>'type' as type, payload->'payload' as p
       from items where fair_id = $1 and kind = 'case_event'
     ),
     submitted as (
       select distinct on (entity_id) entity_id, p->>'complaintId' as complaint_id,
              coalesce(p->'respondent'->>'exhibitorKey', 'NAME:' || (p->'respondent'->>'name')) as enterprise
       from ev where type = 'Submit' order by entity_id
     ),
     accepted as (select distinct entity_id from ev where type = 'Accept')
     select
       (select count(distinct complaint_id) from submitted) as received,
       (select count(distinct s.complaint_id) from submitted s join accepted a using (entity_id)) as accepted,
       (select count(distinct s.enterprise) from submitted s join accepted a using (entity_id)) as enterprises`,
    [fairId],
  );
  const received = num(row?.received ?? 0);
  const accepted = num(row?.accepted ?? 0);
  return {
    'R3.received': received,
    'R4.accepted': accepted,
    'R5.rate': received === 0 ? null : Math.floor((20000 * accepted + received) / (2 * received)),
    'R8.enterprises': num(row?.enterprises ?? 0),
  };
}
