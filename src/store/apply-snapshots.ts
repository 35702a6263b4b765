import { Commitment } from '../domain/commitment';
import { Consultation } from '../domain/consultation';
import { Evidence } from '../domain/evidence';
import { Exhibitor } from '../domain/exhibitor';
import { Fair } from '../domain/fair';
import { pickLatest, supersedes, type Version } from '../domain/last-writer-wins';
import type { SyncItem } from '../domain/sync-item';
import { parsed } from './apply-pulled';
import type { FairCaseDb } from './db';
import { exhibitorRow } from './exhibitors';
import { inWrite } from './transaction';
import { storedVersion, versionKey } from './versions';

/**
 * Pulled records other than case events, inside the pull page's (or bundle's) transaction:
 * fairs and exhibitors are whole snapshots where the last writer wins (SY20, SY22); commitments,
 * consultations and evidence records are immutable, added once.
 */

/**
 * The current version (SY22) of each of `ids`, read in two bulk requests: this device's own log
 * items about them and the versions applied from other tablets.
 */
function knownVersions(db: FairCaseDb, ids: readonly string[]): Promise<Map<string, Version>> {
  return inWrite(() => knownVersionsNow(db, ids));
}

async function knownVersionsNow(db: FairCaseDb, ids: readonly string[]): Promise<Map<string, Version>> {
  const [own, applied] = await Promise.all([db.items.where('entityId').anyOf([...ids]).toArray(), db.meta.bulkGet(ids.map(versionKey))]);
  const candidates = new Map<string, Version[]>();
  const add = (id: string, v: Version): void => {
    const list = candidates.get(id);
    if (list === undefined) candidates.set(id, [v]);
    else list.push(v);
  };
  for (const i of own) add(i.entityId, { hlc: i.hlc, id: i.id });
  ids.forEach((id, k) => {
    const v = storedVersion(applied[k]?.value);
    if (v !== undefined) add(id, v);
  });
  const out = new Map<string, Version>();
  for (const [id, list] of candidates) {
    const latest = pickLatest<Version>(list);
    if (latest !== undefined) out.set(id, latest);
  }
  return out;
}

/**
 * Whole snapshots of one kind, the last writer wins (SY20, SY22): of the parsed `records`, the
 * ones newer than what is here, each entity once (the page's newest), with their new versions.
 */
function latestSnapshots<T>(db: FairCaseDb, records: readonly { readonly item: SyncItem; readonly value: T }[]): Promise<{ rows: T[]; versions: { key: string; value: Version }[] }> {
  return inWrite(() => latestSnapshotsNow(db, records));
}

async function latestSnapshotsNow<T>(db: FairCaseDb, records: readonly { readonly item: SyncItem; readonly value: T }[]): Promise<{ rows: T[]; versions: { key: string; value: Version }[] }> {
  if (records.length === 0) return { rows: [], versions: [] };
  const known = await knownVersions(db, [...new Set(records.map((r) => r.item.entityId))]);
  const winners = new Map<string, T>();
  for (const { item, value } of records) {
    if (!supersedes(item, known.get(item.entityId))) continue;
    known.set(item.entityId, { hlc: item.hlc, id: item.id });
    winners.set(item.entityId, value);
  }
  const versions = [...winners.keys()].map((id) => ({ key: versionKey(id), value: known.get(id) as Version }));
  return { rows: [...winners.values()], versions };
}

/** Exhibitors travel as whole snapshots: the last writer wins (SY20, SY22). */
export function applyPulledExhibitors(db: FairCaseDb, items: readonly SyncItem[]): Promise<number> {
  return inWrite(async () => {
    const records = items.flatMap((item) => {
      if (item.kind !== 'exhibitor') return [];
      const e = parsed(Exhibitor, item);
      return e === undefined ? [] : [{ item, value: exhibitorRow(e) }];
    });
    const { rows, versions } = await latestSnapshots(db, records);
    if (rows.length === 0) return 0;
    await Promise.all([db.exhibitors.bulkPut(rows), db.meta.bulkPut(versions)]);
    return rows.length;
  });
}

/** Fairs: whole snapshots, the last writer wins (SY20, SY22). */
export function applyPulledFairs(db: FairCaseDb, items: readonly SyncItem[]): Promise<number> {
  return inWrite(async () => {
    const records = items.flatMap((item) => {
      if (item.kind !== 'fair') return [];
      const f = parsed(Fair, item);
      return f === undefined ? [] : [{ item, value: f }];
    });
    const { rows, versions } = await latestSnapshots(db, records);
    if (rows.length === 0) return 0;
    await Promise.all([db.fairs.bulkPut(rows), db.meta.bulkPut(versions)]);
    return rows.length;
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

