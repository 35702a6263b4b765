import type { z } from 'zod';
import { CaseEvent } from '../domain/case/events';
import { causalOrder, compareEvents, fold, replay } from '../domain/case/fold';
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
 * Case events of other tablets: each kept, then every touched case brought up to date with the
 * domain's fold (CS5: the result depends only on the set of events) and written with its board
 * row. Two tablets that acted on one case offline both keep their events; an event whose guard
 * fails on replay flags the case `CONFLICT` for an expert's review. Returns the ids written.
 *
 * P5 (a pull applied at ≥ 20,000 events/s): when every new event of a case is later (hlc) than
 * the case as stored, fold order is simply hlc order after it, so the new events are replayed
 * onto the stored case without reading its history; a case first seen with its Submit is folded
 * from the page's events; otherwise (an event from the past: a fork) the case is folded again
 * from all its events.
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
    const [seen, records] = await Promise.all([db.meta.bulkGet(keys), db.cases.bulkGet(touched)]);
    // The same page twice: events already kept change nothing.
    const fresh = parsedEvents.filter((_, k) => seen[k] === undefined);
    if (fresh.length === 0) return [];
    await db.meta.bulkPut(fresh.map((e) => ({ key: pulledKey(e.caseId, e.id), value: e })));
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of fresh) {
      const list = byCase.get(e.caseId);
      if (list === undefined) byCase.set(e.caseId, [e]);
      else list.push(e);
    }
    const stored = new Map(records.flatMap((r) => (r === undefined ? [] : [[r.id as string, fromRecord(r)] as const])));
    const folded = await Promise.all(
      [...byCase].map(async ([id, events]) => {
        const current = stored.get(id);
        const sorted = [...events].sort(compareEvents);
        if (current !== undefined && sorted.every((e) => e.hlc > current.lastHlc)) {
          let c: Case | undefined = current;
          for (const e of sorted) c = replay(c, e);
          return c;
        }
        // A case first seen here, with its Submit: nothing of it can be stored yet (the server
        // serves in commit order and any other event on it was made after that Submit).
        if (current === undefined && sorted.some((e) => e.type === 'Submit')) return fold(sorted);
        return fold(await eventsOf(db, id));
      }),
    );
    const cases = folded.filter((c): c is Case => c !== undefined);
    await Promise.all([db.cases.bulkPut(cases.map(toRecord)), db.caseRows.bulkPut(cases.map(toCaseRow))]);
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
