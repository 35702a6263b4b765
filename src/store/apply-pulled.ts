import type { z } from 'zod';
import { CaseEvent } from '../domain/case/events';
import { causalOrder, fold, replay } from '../domain/case/fold';
import type { Case } from '../domain/case/case';
import { Commitment } from '../domain/commitment';
import { Consultation } from '../domain/consultation';
import { Evidence } from '../domain/evidence';
import { Exhibitor } from '../domain/exhibitor';
import type { SyncItem } from '../domain/sync-item';
import { normaliseText } from '../domain/text';
import { boothKey } from '../domain/validators/booth';
import type { CaseId } from '../domain/ids';
import { parsePayload } from '../domain/wire/payload-parsers';
import { getDb } from './db';
import type { ExhibitorRow, FairCaseDb } from './db';
import { fromRecord, toCaseRow, toRecord } from './case-rows';
import { flagSharedNumbers } from './shared-numbers';
import { inWrite } from './write';

/**
 * Items pulled from the other tablets (issue 7 part 5), written inside the pull page's own
 * transaction (the caller's `runWrite`), so a page lands together with its cursor or not at all.
 *
 * Another device's case events do NOT go into `items`: that table is this device's own log
 * (`&seq` is gap-free per device and unique, and a restored server gets the whole of it pushed
 * again). They are kept in `meta` under `pulled|<caseId>|<eventId>`, one row per event, so the
 * same page applied twice writes the same rows and folds to the same case.
 */

const PULLED = 'pulled|';
const pulledKey = (caseId: string, eventId: string): string => `${PULLED}${caseId}|${eventId}`;
const versionKey = (entityId: string): string => `sync.version.${entityId}`;

/** The tables `applyPulledItems` writes (a PullApplier's `tables`). */
export const PULLED_TABLES = ['items', 'meta', 'cases', 'caseRows', 'exhibitors', 'commitments', 'consultations', 'evidence'] as const;

/**
 * The payload through its kind's schema and the entity and fair checks, parsed ONCE (P5: zod is
 * most of a pull's CPU time). `schema` names what the caller's kind filter guarantees; the
 * parse itself is the kind's (`parsePayload`), the very schema the server checked on push.
 */
const parsed = <S extends z.ZodType>(_schema: S, item: SyncItem): z.output<S> | undefined => {
  const r = parsePayload(item);
  return r.ok ? (r.data as z.output<S>) : undefined;
};

/** Every event of one case known here: this device's log and the pulled ones (CS5 fold input). */
async function eventsOf(db: FairCaseDb, caseId: string): Promise<CaseEvent[]> {
  const [own, pulled] = await Promise.all([
    db.items.where('entityId').equals(caseId).toArray(),
    db.meta.where('key').startsWith(`${PULLED}${caseId}|`).toArray(),
  ]);
  return [...own.filter((i) => i.kind === 'case_event').map((i) => i.payload as CaseEvent), ...pulled.map((r) => r.value as CaseEvent)];
}

/**
 * A case with no stored record whose events were kept anyway (no Submit among them yet: the
 * server may serve another tablet's event before the Submit it acted on, e.g. when that tablet
 * got the case by a bundle file and pushed first). Its Submit must then re-fold every kept event.
 */
const orphanKey = (caseId: string): string => `sync.orphan.${caseId}`;

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

/**
 * Case events of other tablets: each kept, then every touched case brought up to date with the
 * domain's fold (CS5: the result depends only on the set of events) and written with its board
 * row. Two tablets that acted on one case offline both keep their events; an event whose guard
 * fails on replay flags the case `CONFLICT` for an expert's review. Returns the ids written.
 *
 * P5 (a pull applied at ≥ 20,000 events/s): every read and write of a page is one bulk request
 * per table (kept events, cases, orphan marks; then the same for writing), and a case is folded
 * forward from its stored state (`foldForward`); only an event from the past (a fork, or one
 * served before its Submit) reads the case's events to fold it again.
 */
export function applyPulledCaseEvents(db: FairCaseDb, items: readonly SyncItem[]): Promise<CaseId[]> {
  return inWrite(async () => {
    const parsedEvents = items.filter((i) => i.kind === 'case_event').flatMap((i) => {
      const e = parsed(CaseEvent, i);
      return e === undefined ? [] : [e];
    });
    if (parsedEvents.length === 0) return [];
    const keys = parsedEvents.map((e) => pulledKey(e.caseId, e.id));
    const touched = [...new Set(parsedEvents.map((e) => e.caseId))];
    const [seen, records, orphans] = await Promise.all([db.meta.bulkGet(keys), db.cases.bulkGet(touched), db.meta.bulkGet(touched.map(orphanKey))]);
    // The same page twice: events already kept change nothing.
    const fresh = parsedEvents.filter((_, k) => seen[k] === undefined);
    if (fresh.length === 0) return [];
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of fresh) {
      const list = byCase.get(e.caseId);
      if (list === undefined) byCase.set(e.caseId, [e]);
      else list.push(e);
    }
    const stored = new Map<string, Case>();
    const orphaned = new Set<string>();
    touched.forEach((id, k) => {
      const r = records[k];
      if (r !== undefined) stored.set(id, fromRecord(r));
      if (orphans[k] !== undefined) orphaned.add(id);
    });
    // Read before this page's events are written: a re-fold reads them from the page itself.
    const folded = await Promise.all(
      [...byCase].map(async ([id, events]) => {
        const forward = foldForward(stored.get(id), events, orphaned.has(id));
        return [id, forward === undefined ? fold([...(await eventsOf(db, id)), ...events]) : forward.case] as const;
      }),
    );
    // SY34: a number another case holds is kept, both cases flagged.
    const cases = await flagSharedNumbers(db, folded.flatMap(([, c]) => (c === undefined ? [] : [c])));
    const nowOrphaned = folded.flatMap(([id, c]) => (c === undefined && !orphaned.has(id) ? [{ key: orphanKey(id), value: true }] : []));
    const adopted = folded.flatMap(([id, c]) => (c !== undefined && orphaned.has(id) ? [orphanKey(id)] : []));
    await Promise.all([
      db.meta.bulkPut([...fresh.map((e) => ({ key: pulledKey(e.caseId, e.id), value: e })), ...nowOrphaned]),
      adopted.length === 0 ? undefined : db.meta.bulkDelete(adopted),
      db.cases.bulkPut(cases.map(toRecord)),
      db.caseRows.bulkPut(cases.map(toCaseRow)),
    ]);
    return cases.map((c) => c.id);
  });
}

/** The newest hlc known for a snapshot record: this device's own items about it or the last pulled. */
async function knownVersion(db: FairCaseDb, entityId: string): Promise<string> {
  const local = await db.items.where('entityId').equals(entityId).toArray();
  const remote = (await db.meta.get(versionKey(entityId)))?.value as string | undefined;
  return [...local.map((i) => i.hlc as string), remote ?? ''].reduce((a, b) => (a > b ? a : b), '');
}

const searchToken = (text: string): string => normaliseText(text).toUpperCase();

/** The stored exhibitor row, its index keys derived exactly as `exhibitors.ts` derives them. */
function exhibitorRow(e: Exhibitor): ExhibitorRow {
  const tokens = new Set<string>();
  for (const b of e.booths) {
    tokens.add(boothKey(b));
    tokens.add(b.stand);
  }
  tokens.add(searchToken(e.nameZh));
  if (e.nameEn !== undefined) tokens.add(searchToken(e.nameEn));
  if (e.uscc !== undefined) tokens.add(e.uscc);
  if (e.foreignRegNo !== undefined) tokens.add(searchToken(e.foreignRegNo));
  return { ...e, boothKeys: e.booths.map((b) => `${e.fairId}|${boothKey(b)}`), search: [...tokens].map((t) => `${e.fairId}|${t}`) };
}

/** Exhibitors travel as whole snapshots: the greatest hlc wins (sync-item.ts). */
export function applyPulledExhibitors(db: FairCaseDb, items: readonly SyncItem[]): Promise<number> {
  return inWrite(async () => {
    let n = 0;
    for (const item of items) {
      if (item.kind !== 'exhibitor') continue;
      const e = parsed(Exhibitor, item);
      if (e === undefined || item.hlc <= (await knownVersion(db, item.entityId))) continue;
      await db.exhibitors.put(exhibitorRow(e));
      await db.meta.put({ key: versionKey(item.entityId), value: item.hlc });
      n++;
    }
    return n;
  });
}

/**
 * Commitments, consultations and evidence records are written once and never edited (a new
 * commitment version is a new record, CM2): a pulled one is added unless it is already here.
 */
export function applyPulledRecords(db: FairCaseDb, items: readonly SyncItem[]): Promise<number> {
  return inWrite(async () => {
    const commitments = items.filter((i) => i.kind === 'commitment').flatMap((i) => parsed(Commitment, i) ?? []);
    const consultations = items.filter((i) => i.kind === 'consultation').flatMap((i) => parsed(Consultation, i) ?? []);
    const evidence = items.filter((i) => i.kind === 'evidence_meta').flatMap((i) => {
      const e = parsed(Evidence, i);
      return e === undefined ? [] : [{ ...e, fairId: i.fairId }];
    });
    // A page of case events only (the usual pull): no request at all.
    if (commitments.length + consultations.length + evidence.length === 0) return 0;
    const fresh = async <T extends { id: string }>(table: { bulkGet(keys: string[]): Promise<(unknown | undefined)[]> }, rows: T[]): Promise<T[]> => {
      const have = await table.bulkGet(rows.map((r) => r.id));
      return rows.filter((_, k) => have[k] === undefined);
    };
    const [c, k, e] = await Promise.all([fresh(db.commitments, commitments), fresh(db.consultations, consultations), fresh(db.evidence, evidence)]);
    await Promise.all([db.commitments.bulkPut(c), db.consultations.bulkPut(k), db.evidence.bulkPut(e)]);
    return c.length + k.length + e.length;
  });
}

/** Read: a case's events from every tablet known here, in fold order (CS5), for the conflict review. */
export async function allCaseEvents(caseId: CaseId | string): Promise<CaseEvent[]> {
  const db = getDb();
  return db.transaction('r', db.items, db.meta, async () => causalOrder(await eventsOf(db, caseId)));
}
