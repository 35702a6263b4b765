import type { CaseEvent } from '../domain/case/events';
import type { FairId } from '../domain/ids';
import type { Case } from '../domain/case/case';
import type { SessionData } from '../domain/report/session-data';
import type { SummaryCase } from '../domain/report/summary-case';
import { needsEvents } from '../domain/report/timeline';
import { serviceDataOf } from '../domain/report/service-record';
import { fairCloseAt } from '../domain/fair';
import type { Instant } from '../domain/time';
import { fromRecord } from './case-rows';
import { summaryRowsOf } from './case-summaries';
import { commitmentsOfFair } from './commitment-rows';
import { getDb, type FairCaseDb } from './db';
import type { EvidenceRow } from './evidence';

/**
 * Reads for the post-show summary (PS1–PS5; report/SPEC.md): everything one session holds on this
 * tablet, shaped as the domain's `SessionData`, so `postShowSummary` runs over it unchanged.
 * Outreach and experts on duty (R18, R19) come from the fair record (`Fair.service`).
 */
export async function sessionDataOf(fairId: FairId | string): Promise<SessionData | undefined> {
  const db = getDb();
  // P7: one explicit read transaction. Outside one, a read under `liveQuery` goes through Dexie's
  // query cache, which deep-copies every cached result on each delivery: thousands of folded
  // cases copied in script on top of IndexedDB's own copy. In one, the reads skip that cache,
  // are still observed by `liveQuery`, and all come from one snapshot.
  // A Dexie promise, not an async function: the reads after it stay in the transaction.
  const casesOf = (id: string): Promise<Case[]> => db.cases.where('fairId').equals(id).toArray().then((rs) => rs.map(fromRecord));
  return db.transaction('r', [db.fairs, db.cases, db.exhibitors, db.commitments, db.commitmentPages, db.consultations, db.items], () => readSession(db, fairId, casesOf));
}

/**
 * The same read for the figures alone (the summary screen): each case's summary row
 * (case-summaries.ts), a few fields written with the case, instead of its whole record (P7).
 */
export async function summaryDataOf(fairId: FairId | string): Promise<SessionData<SummaryCase> | undefined> {
  const db = getDb();
  const casesOf = (id: string): Promise<SummaryCase[]> => summaryRowsOf(db, id);
  return db.transaction('r', [db.fairs, db.caseSummaries, db.exhibitors, db.commitments, db.commitmentPages, db.consultations, db.items], () => readSession(db, fairId, casesOf));
}

async function readSession<C extends SummaryCase>(db: FairCaseDb, fairId: FairId | string, casesOf: (fairId: string) => Promise<C[]>): Promise<SessionData<C> | undefined> {
  const fair = await db.fairs.get(fairId);
  if (fair === undefined) return undefined;
  const [cases, exhibitors, commitments, consultations] = await Promise.all([
    casesOf(fairId),
    db.exhibitors.where('fairId').equals(fairId).toArray(),
    commitmentsOfFair(db, fairId),
    db.consultations.where('fairId').equals(fairId).toArray(),
  ]);
  // P7: the folded cases carry every figure but R14's replayed milestones; only the cases whose
  // history is not plain (or that may have closed after the close) need their events, read in
  // one indexed query instead of the fair's whole log (timeline.ts `needsEvents`).
  const closeAt = fairCloseAt(fair);
  const needed = cases.filter((c) => needsEvents(c, closeAt)).map((c) => c.id as string);
  const items = needed.length === 0 ? [] : await db.items.where('entityId').anyOf(needed).toArray();
  const events = items.filter((i) => i.kind === 'case_event' && i.fairId === fairId).map((i) => i.payload as CaseEvent);
  const priorCases = fair.previousFairId === undefined ? [] : await casesOf(fair.previousFairId);
  return {
    fair,
    cases,
    events,
    exhibitors,
    commitments,
    consultations,
    // R18/R19: what the organizer entered on the summary screen, inside the fair record.
    ...serviceDataOf(fair),
    priorCases,
  };
}

/** Whether this tablet holds any case of a fair (the previous session's figures can then be computed). */
export async function hasSessionData(fairId: FairId | string): Promise<boolean> {
  const db = getDb();
  if ((await db.fairs.get(fairId)) === undefined) return false;
  return (await db.cases.where('fairId').equals(fairId).count()) > 0;
}

/** This tablet's part of the completeness gate (PS2): what it has not yet synced. */
export interface LocalCompleteness {
  readonly deviceId?: string;
  readonly deviceName?: string;
  readonly shortCode?: string;
  readonly lastSeq: number;
  readonly unsynced: number;
  readonly oldestUnsynced?: Instant;
}

export async function localCompleteness(): Promise<LocalCompleteness> {
  const db = getDb();
  const [device, last, unsynced, oldest] = await Promise.all([db.device.get('this'), db.items.orderBy('seq').last(), db.outbox.count(), db.outbox.orderBy('at').first()]);
  return {
    ...(device === undefined ? {} : { deviceId: device.id, deviceName: device.name, shortCode: device.shortCode }),
    lastSeq: last?.seq ?? 0,
    unsynced,
    ...(oldest === undefined ? {} : { oldestUnsynced: oldest.at }),
  };
}

/** The raw export (PS5): every local log item of the fair, in seq order. */
export async function rawItemsOf(fairId: FairId | string): Promise<{ kind: string; entityId: string; seq: number; at: Instant; payload: unknown }[]> {
  const items = await getDb().items.where('[fairId+seq]').between([fairId, 0], [fairId, Number.MAX_SAFE_INTEGER]).toArray();
  return items.map((i) => ({ kind: i.kind, entityId: i.entityId, seq: i.seq, at: i.at, payload: i.payload }));
}

/** The fair's evidence records (the raw export puts their files in the ZIP). */
export async function evidenceOf(fairId: FairId | string): Promise<EvidenceRow[]> {
  return getDb().evidence.where('fairId').equals(fairId).toArray();
}
