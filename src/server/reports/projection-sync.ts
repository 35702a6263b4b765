import type { Case } from '../../domain/case/case';
import type { CaseEvent } from '../../domain/case/events';
import { foldAll } from '../../domain/case/fold';
import type { SqlClient, SqlRunner } from '../storage/sql';
import { num } from '../storage/sql';
import { projectCase, upsertRows, type ReportCaseRow } from './case-projection';
import { browseRow, upsertBrowseRows } from '../console/case-browse-projection';

/**
 * Keeping the report projection (`report_cases`, case-projection.ts) exact and current
 * (`report/SPEC.md` "The server").
 *
 * Watermark: every `case_event` item of the fair with `server_seq <= report_watermarks.last_seq`
 * is folded into the projection. Two writers keep it:
 *
 * - every push that brings case events, right after it commits, in a short transaction of its
 *   own (`projectPushed`, called by sync-store.ts: never inside the push's write, whose
 *   sequence-counter lock every pusher waits on; a push of other records cannot put the watermark
 *   behind, which counts case events only): the cases it brought events for are folded again from all their events,
 *   and the watermark moves past the push when nothing older is missing. So a summary normally
 *   reads the projection only.
 * - a catch-up (`catchUp`, first thing in every summary) for whatever the pushes left: a push
 *   whose hook failed or whose process died after the commit, rows stored before migration 0006,
 *   a restored backup, the bench's seed. Past the watermark, about `CATCH_UP_EVENTS` events per
 *   transaction, so pushers never wait long behind it.
 *
 * A case is always folded again whole (CS5: the fold depends on the set of its events, in causal
 * order, not on their arrival), so folding a case twice, or a case whose events span batches, is
 * harmless. Whoever folds takes the cases' advisory locks (`lockCases`) before reading their
 * events and holds them until commit, and reads only committed events: whoever folds a case later
 * sees a superset of the events the earlier one saw, so no row folded from fewer events can
 * overwrite a newer one, on PostgreSQL with several instances. Pushes of other cases of the same
 * fair never wait for each other. Locks: the cases' (in key order), then the watermark row, only
 * in the last statement: no cycle.
 *
 * The watermark only moves forward (`greatest`), and a push moves it only when no case_event
 * between it and the push's first number exists (one a push left to the catch-up, or one stored
 * another way): checked in the same statement that takes the row, so it is never past an event
 * no one folded.
 */

/** Events per catch-up transaction (about 1,000 cases of 10 events, a second or so on PGlite). */
export const CATCH_UP_EVENTS = 10_000;

/**
 * Reads the events of these cases of the fair: all of them, except those numbered in `except`
 * (a push's own, which the caller holds).
 */
async function eventsOf(db: SqlRunner, fairId: string, caseIds: readonly string[], except?: { readonly from: number; readonly to: number }): Promise<CaseEvent[]> {
  // One JSON array, not a row per event: on PGlite every result row costs far more than its bytes.
  const [row] = await db.query<{ events: string }>(
    `select coalesce(json_agg(payload), '[]')::text as events from items
     where fair_id = $1 and kind = 'case_event' and entity_id in (select jsonb_array_elements_text($2::text::jsonb))
       and not (server_seq > $3 and server_seq <= $4)`,
    [fairId, JSON.stringify(caseIds), except?.from ?? 0, except?.to ?? 0],
  );
  return JSON.parse(row?.events ?? '[]') as CaseEvent[];
}

/** The fair's cases among these events (each case's events all there), folded by the domain, with their events. */
function foldFair(fairId: string, events: readonly CaseEvent[]): [Case, CaseEvent[]][] {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const g = byCase.get(e.caseId);
    if (g === undefined) byCase.set(e.caseId, [e]);
    else g.push(e);
  }
  // A case is the fair's when its Submit says so (items of another fair are refused at push).
  return [...foldAll(events).values()].filter((c) => c.fairId === fairId).map((c) => [c, byCase.get(c.id) ?? []]);
}

/** The rows of the fair's cases among these events (each case's events all there): the domain's fold. */
export const projectEvents = (fairId: string, events: readonly CaseEvent[]): ReportCaseRow[] =>
  foldFair(fairId, events).map(([c, evs]) => projectCase(c, evs));

/** Both projections' rows of these cases (the report's and the console's case browser's, CB1), from one fold. */
async function writeRows(db: SqlRunner, fairId: string, events: readonly CaseEvent[]): Promise<void> {
  const folded = foldFair(fairId, events);
  await upsertRows(db, fairId, folded.map(([c, evs]) => projectCase(c, evs)));
  await upsertBrowseRows(db, fairId, folded.map(([c, evs]) => browseRow(c, evs)));
}

/** Folds these cases of the fair again from all their events and writes their rows. */
export async function foldCases(db: SqlRunner, fairId: string, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  await writeRows(db, fairId, await eventsOf(db, fairId, caseIds));
}

/** The class of the projection's per-case advisory locks (two-key form: apart from every one-key lock). */
const CASE_LOCK_CLASS = 734_020;

/**
 * Takes these cases' locks until commit, in one order (by key) so that two folders never
 * deadlock; two cases sharing a hash only wait for each other.
 */
async function lockCases(db: SqlRunner, caseIds: readonly string[]): Promise<void> {
  await db.query(
    `select count(pg_advisory_xact_lock(${CASE_LOCK_CLASS}, k)) from (
       select distinct hashtext(c) as k from jsonb_array_elements_text($1::text::jsonb) as c order by 1
     ) s`,
    [JSON.stringify(caseIds)],
  );
}

/**
 * A case_event of the fair past `mark` and at or below `upTo`: something not folded yet. Ordered
 * by sequence so the planner walks the pull index (fair, sequence) from `mark` on, never the
 * fair's million case_event entries of the case index.
 */
const missing = (mark: string, upTo: string): string =>
  `(select i.server_seq from items i where i.fair_id = $1 and i.server_seq > ${mark} and i.server_seq <= ${upTo} and i.kind = 'case_event'
    order by i.server_seq limit 1) is not null`;

/** What a push stored: the fair's new items, numbered `base + 1 … base + items.length`. */
export interface PushedItems {
  readonly fairId: string;
  readonly base: number;
  readonly items: readonly { readonly kind: string; readonly entityId: string; readonly payload?: unknown }[];
}

/**
 * The push's hook, after its write committed (sync-store.ts): folds the cases it brought events
 * for and moves the watermark past the push when no case_event at or below the push's first
 * number is past it (else the catch-up does the rest; the push's own cases are exact anyway).
 * This push's events come from memory; the cases' other events are read by the case index.
 */
export async function projectPushed(tx: SqlRunner, pushed: PushedItems): Promise<void> {
  const { fairId, base, items } = pushed;
  if (items.length === 0) return;
  const top = base + items.length;
  const events: CaseEvent[] = [];
  const cases = new Set<string>();
  for (const item of items) {
    if (item.kind !== 'case_event') continue;
    events.push(item.payload as CaseEvent);
    cases.add(item.entityId);
  }
  if (cases.size > 0) {
    await lockCases(tx, [...cases]);
    const stored = await eventsOf(tx, fairId, [...cases], { from: base, to: top });
    await writeRows(tx, fairId, [...stored, ...events]);
  }
  // The watermark past this push, unless an older case_event is past it (the catch-up's, then).
  await tx.query(
    `insert into report_watermarks (fair_id, last_seq) values ($1, case when ${missing('0', '$2')} then 0 else $3 end)
     on conflict (fair_id) do update
       set last_seq = case when ${missing('report_watermarks.last_seq', '$2')} then report_watermarks.last_seq
                           else greatest(report_watermarks.last_seq, $3) end`,
    [fairId, base, top],
  );
}

/** True when a case_event of the fair is past its watermark (a plain read, no lock). */
export async function isBehind(db: SqlRunner, fairId: string): Promise<boolean> {
  const [row] = await db.query<{ behind: boolean }>(
    `select (select i.server_seq from items i
             where i.fair_id = $1 and i.server_seq > coalesce((select last_seq from report_watermarks where fair_id = $1), 0) and i.kind = 'case_event'
             order by i.server_seq limit 1) is not null as behind`,
    [fairId],
  );
  return row?.behind === true;
}

/**
 * Folds every case with an event past the fair's watermark, `CATCH_UP_EVENTS` events a
 * transaction, and moves the watermark batch by batch. Returns how many cases it folded (a case
 * in two batches counts twice); 0 at once when the projection is current. Safe to run twice at
 * once, and beside pushes (the watermark row, above).
 */
export async function catchUp(db: SqlClient, fairId: string, batchEvents = CATCH_UP_EVENTS): Promise<number> {
  let folded = 0;
  while (await isBehind(db, fairId)) {
    folded += await db.transaction(async (tx) => {
      const [row] = await tx.query<{ last_seq: unknown }>('select last_seq from report_watermarks where fair_id = $1', [fairId]);
      const mark = num(row?.last_seq ?? 0);
      const rows = await tx.query<{ entity_id: string; server_seq: unknown }>(
        `select entity_id, server_seq from items where fair_id = $1 and kind = 'case_event' and server_seq > $2 order by server_seq limit $3`,
        [fairId, mark, batchEvents],
      );
      const last = rows[rows.length - 1];
      if (last === undefined) return 0;
      const cases = [...new Set(rows.map((r) => r.entity_id))];
      await lockCases(tx, cases);
      await foldCases(tx, fairId, cases);
      await tx.query(
        `insert into report_watermarks (fair_id, last_seq) values ($1, $2)
         on conflict (fair_id) do update set last_seq = greatest(report_watermarks.last_seq, excluded.last_seq)`,
        [fairId, num(last.server_seq)],
      );
      return cases.length;
    });
  }
  return folded;
}
