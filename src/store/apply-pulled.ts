import type { Table } from 'dexie';
import type { z } from 'zod';
import { CaseEvent } from '../domain/case/events';
import { causalOrder, fold, replay } from '../domain/case/fold';
import type { Case } from '../domain/case/case';
import type { SyncItem } from '../domain/sync-item';
import type { CaseId } from '../domain/ids';
import { getDb } from './db';
import { ORPHANS_KEY, type FairCaseDb, type PulledRow } from './db';
import { fromRecord } from './case-rows';
import { CASE_TABLES, putCases } from './case-summaries';
import { flagSharedNumbers } from './shared-numbers';
import { newId } from './ids';
import { inWrite } from './transaction';
import { payloadOf } from './pull-parse';
import { heldKeys } from './held-keys';

/**
 * Items pulled from the other tablets, written inside the pull page's own transaction (the
 * caller's `runWrite`), so a page lands together with its cursor or not at all.
 *
 * Another device's case events do NOT go into `items`: that table is this device's own log
 * (`&seq` is gap-free per device and unique, and a restored server gets the whole of it pushed
 * again). SY80: the events new to this tablet in one batch are kept as ONE row of `pulled`,
 * found by the cases it holds; applying the same batch again keeps nothing twice.
 */

/** The tables the pull appliers of appliers.ts write (a PullApplier's `tables`). */
export const PULLED_TABLES = ['items', 'meta', ...CASE_TABLES, 'exhibitors', 'commitments', 'consultations', 'evidence', 'pulled'] as const;

/**
 * The payload through its kind's schema and the entity and fair checks, parsed ONCE (SY91: a
 * page asked ahead was checked already). `schema` names what the caller's kind filter
 * guarantees; the parse itself is the kind's (`parsePayload`), the very schema the server
 * checked on push.
 */
export const parsed = <S extends z.ZodType>(_schema: S, item: SyncItem): z.output<S> | undefined => {
  const r = payloadOf(item);
  return r.ok ? (r.data as z.output<S>) : undefined;
};

/** Every event of one case known here: this device's log and the kept ones (CS5 fold input), each once. */
function eventsOf(db: FairCaseDb, caseId: string): Promise<CaseEvent[]> {
  return inWrite(async () => {
    const [own, pulled] = await Promise.all([db.items.where('entityId').equals(caseId).toArray(), db.pulled.where('caseIds').equals(caseId).toArray()]);
    return keptOnce(caseId, own, pulled);
  });
}

function keptOnce(caseId: string, own: readonly SyncItem[], pulled: readonly PulledRow[]): CaseEvent[] {
  const byId = new Map<string, CaseEvent>();
  for (const i of own) if (i.kind === 'case_event') byId.set(i.id, i.payload as CaseEvent);
  for (const row of pulled) for (const e of row.events) if (e.caseId === caseId) byId.set(e.id, e);
  return [...byId.values()];
}

/**
 * What the new events of one case make of it without reading its history (P5), or `undefined`
 * when only a full re-fold can tell (CS5). Fold order is causal order, ties by hlc; a child's
 * hlc is always above its parents' (HLC), so when every new event is later than every event the
 * stored case was folded from (`lastHlc` is their maximum), the full fold is the stored fold
 * followed by the new events in causal order. A case first seen with its Submit, with no event
 * of it kept before (`orphaned` false), is folded from the new events alone.
 */
export function foldForward(current: Case | undefined, fresh: readonly CaseEvent[], orphaned: boolean): { readonly case: Case | undefined } | undefined {
  if (current !== undefined) {
    if (!fresh.every((e) => e.hlc > current.lastHlc)) return undefined;
    let c: Case | undefined = current;
    for (const e of causalOrder(fresh)) c = replay(c, e);
    return { case: c };
  }
  if (!orphaned && fresh.some((e) => e.type === 'Submit')) return { case: fold(fresh) };
  return undefined;
}

/** One touched case of a batch: its state after the batch and the events new to this tablet. */
interface Folded {
  readonly id: string;
  readonly case: Case | undefined;
  readonly fresh: readonly CaseEvent[];
}

/**
 * A touched case brought up to date. Every kept event of a case with a record is folded into it
 * (SY81), so events later than its `lastHlc` are new and fold forward; an event from the past
 * (a fork, the same batch again, one served before its Submit) reads the case's events once to
 * drop what is kept and fold the whole set again.
 */
function foldCase(db: FairCaseDb, id: string, events: readonly CaseEvent[], current: Case | undefined, orphaned: boolean): Promise<Folded> {
  return inWrite(() => foldCaseNow(db, id, events, current, orphaned));
}

async function foldCaseNow(db: FairCaseDb, id: string, events: readonly CaseEvent[], current: Case | undefined, orphaned: boolean): Promise<Folded> {
  const forward = foldForward(current, events, orphaned);
  if (forward !== undefined) return { id, case: forward.case, fresh: events };
  // Never orphaned and no record: nothing of it is kept yet, no read needed.
  const kept = current === undefined && !orphaned ? [] : await eventsOf(db, id);
  const known = new Set(kept.map((e) => e.id));
  const fresh = events.filter((e) => !known.has(e.id));
  if (fresh.length === 0) return { id, case: current, fresh };
  return { id, case: fold([...kept, ...fresh]), fresh };
}

/**
 * One pull run (SY83): the cases its pages touched, folded in memory and written once, at the
 * run's last page (or when too many wait). Until then `sync.unfolded` names them with the run's
 * id, in each page's transaction: a run that finds another run's cases there (a crash, a reload,
 * another tab, a bundle import) folds them again from the kept events first.
 */
export interface PullRun {
  readonly id: string;
  /** Case id → its fold after this run's pages so far. */
  readonly cases: Map<string, Case | undefined>;
  /** Case id → `eventCount|lastHlc` of the stored case when the run first read it. */
  readonly base: Map<string, string>;
  /** This device's log seq at the run's first page: a local write since may have changed a waiting case. */
  seq?: number;
}

export const newPullRun = (): PullRun => ({ id: newId(), cases: new Map(), base: new Map() });

/** What one batch of case events is within a pull: the run, and whether it is the run's last page. */
export interface PullContext {
  readonly run: PullRun;
  readonly last: boolean;
}

const UNFOLDED_KEY = 'sync.unfolded';
interface Unfolded {
  readonly run: string;
  readonly ids: readonly string[];
}
/** More cases than this waiting in memory are written at once (memory stays bounded). */
const MAX_WAITING = 10_000;

const baseOf = (c: Case | undefined): string => (c === undefined ? '' : `${c.eventCount}|${c.lastHlc}`);

/**
 * Case events of other tablets: each kept, then every touched case brought up to date with the
 * domain's fold (CS5: the result depends only on the set of events) and written with its board
 * row. Two tablets that acted on one case offline both keep their events; an event whose guard
 * fails on replay flags the case `CONFLICT` for an expert's review. Returns the ids written.
 *
 * P5: a batch reads each touched case once (one bulk request; none for a case the run holds),
 * folds it in memory once, and keeps its new events as one row; within a pull run (SY83) the
 * case and board rows are written once per run.
 */
export function applyPulledCaseEvents(db: FairCaseDb, items: readonly SyncItem[], context?: PullContext): Promise<CaseId[]> {
  return inWrite(async () => {
    const byCase = new Map<string, CaseEvent[]>();
    const seen = new Set<string>();
    for (const i of items) {
      if (i.kind !== 'case_event') continue;
      const e = parsed(CaseEvent, i);
      if (e === undefined || seen.has(e.id)) continue;
      seen.add(e.id);
      const list = byCase.get(e.caseId);
      if (list === undefined) byCase.set(e.caseId, [e]);
      else list.push(e);
    }
    const run = context?.run;
    const last = context === undefined || context.last;
    if (byCase.size === 0 && (run === undefined || !last || run.cases.size === 0)) return [];
    const [unfoldedRow, orphanRow, logRow] = await Promise.all([db.meta.get(UNFOLDED_KEY), db.meta.get(ORPHANS_KEY), run?.seq === undefined || last ? db.meta.get('log') : undefined]);
    const seq = (logRow?.value as { seq?: number } | undefined)?.seq ?? 0;
    if (run !== undefined && run.seq === undefined) run.seq = seq;
    const orphans = new Set((orphanRow?.value as readonly string[] | undefined) ?? []);
    // SY83: another run's waiting cases (or this run's, taken over meanwhile) fold again from what is kept.
    const unfolded = unfoldedRow?.value as Unfolded | undefined;
    const current = new Map<string, Case | undefined>();
    const write = new Set<string>();
    if (unfolded !== undefined && unfolded.run !== run?.id) {
      run?.cases.clear();
      run?.base.clear();
      const refolded = await refoldAll(db, unfolded.ids);
      for (const [id, c] of refolded) {
        current.set(id, c);
        write.add(id);
      }
    }
    for (const [id, c] of run?.cases ?? []) if (!current.has(id)) current.set(id, c);
    // SY88: which touched cases are held is asked by key alone; only those rows are read.
    const unread = [...byCase.keys()].filter((id) => !current.has(id));
    const held = [...(await heldKeys(db.cases as Table<unknown, string>, unread))];
    const records = held.length === 0 ? [] : await db.cases.bulkGet(held);
    const stored = new Map(held.map((id, k) => [id, records[k]] as const));
    for (const id of unread) {
      const r = stored.get(id);
      const c = r === undefined ? undefined : fromRecord(r);
      current.set(id, c);
      run?.base.set(id, baseOf(c));
    }
    const folded = await inWrite(() => Promise.all([...byCase].map(([id, events]) => foldCase(db, id, events, current.get(id), orphans.has(id)))));
    const changed = folded.filter((f) => f.fresh.length > 0);
    let orphansChanged = false;
    for (const f of changed) {
      current.set(f.id, f.case);
      write.add(f.id);
      // SY81: kept events with no Submit yet; the Submit's batch re-folds them all.
      const orphan = f.case === undefined;
      if (orphan !== orphans.has(f.id)) {
        orphansChanged = true;
        if (orphan) orphans.add(f.id);
        else orphans.delete(f.id);
      }
    }
    const fresh = changed.flatMap((f) => f.fresh);
    const keep = Promise.all([
      fresh.length === 0 ? undefined : db.pulled.put({ key: fresh[0]?.id ?? '', caseIds: changed.map((f) => f.id), events: fresh }),
      orphansChanged ? db.meta.put({ key: ORPHANS_KEY, value: [...orphans] }) : undefined,
    ]);
    if (run !== undefined && !last && current.size < MAX_WAITING) {
      // Waiting cases (recovered ones too): in memory, named in `sync.unfolded`, written at the run's end.
      for (const [id, c] of current) run.cases.set(id, c);
      await Promise.all([keep, db.meta.put({ key: UNFOLDED_KEY, value: { run: run.id, ids: [...run.cases.keys()] } satisfies Unfolded })]);
      return [];
    }
    await keep;
    if (run !== undefined) {
      for (const id of run.cases.keys()) write.add(id);
      // A local write during the run may have changed a waiting case: fold those again from every event.
      if (run.seq !== undefined && seq !== run.seq) {
        const ids = [...run.cases.keys()];
        const stored = await db.cases.bulkGet(ids);
        const stale = ids.filter((id, k) => baseOf(stored[k] === undefined ? undefined : fromRecord(stored[k])) !== run.base.get(id));
        for (const [id, c] of await refoldAll(db, stale)) current.set(id, c);
      }
      run.cases.clear();
      run.base.clear();
      run.seq = undefined;
    }
    const cases = [...write].flatMap((id) => current.get(id) ?? []);
    await Promise.all([unfolded === undefined && run === undefined ? undefined : db.meta.delete(UNFOLDED_KEY), writeCases(db, cases)]);
    return cases.map((c) => c.id);
  });
}

/** Each case folded again from every event of it kept here (CS5). */
function refoldAll(db: FairCaseDb, ids: readonly string[]): Promise<(readonly [string, Case | undefined])[]> {
  return inWrite(() => Promise.all(ids.map((id) => eventsOf(db, id).then((events) => [id, fold(events)] as const))));
}

/** Cases with their board rows, SY34's shared numbers flagged. */
function writeCases(db: FairCaseDb, cases: readonly Case[]): Promise<unknown> {
  return inWrite(async () => {
    if (cases.length === 0) return;
    // SY34: a number another case holds is kept, both cases flagged.
    const flagged = await flagSharedNumbers(db, cases);
    await putCases(db, flagged);
  });
}

/** Read: a case's events from every tablet known here, in fold order (CS5), for the conflict review. */
export async function allCaseEvents(caseId: CaseId | string): Promise<CaseEvent[]> {
  const db = getDb();
  return db.transaction('r', db.items, db.pulled, async () => causalOrder(await eventsOf(db, caseId)));
}
