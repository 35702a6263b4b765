import { Commitment } from '../domain/commitment';
import { Consultation } from '../domain/consultation';
import { Evidence } from '../domain/evidence';
import { Exhibitor } from '../domain/exhibitor';
import { Fair } from '../domain/fair';
import { pickLatest, supersedes, type Version } from '../domain/last-writer-wins';
import type { SyncItem } from '../domain/sync-item';
import { parsed } from './apply-pulled';
import type { Table } from 'dexie';
import type { FairCaseDb } from './db';
import { commitmentPageRow } from './commitment-rows';
import { exhibitorRow } from './exhibitors';
import { heldKeys } from './held-keys';
import { inWrite } from './transaction';
import { storedVersion, versionKey } from './versions';

/**
 * Pulled records other than case events, inside the pull page's (or bundle's) transaction:
 * fairs and exhibitors are whole snapshots where the last writer wins (SY20, SY22); commitments,
 * consultations and evidence records are immutable, added once.
 */


/** Applied versions of some records: where this tablet keeps them (SY88: fairs in `meta`, exhibitors on their rows). */
type AppliedVersions = (db: FairCaseDb, ids: readonly string[]) => Promise<Map<string, Version>>;

/** Fairs: the versions applied from other tablets that `meta` keeps, read only where it holds one. */
const metaVersions: AppliedVersions = (db, ids) =>
  inWrite(async () => {
    const held = await heldKeys(db.meta, ids.map(versionKey));
    const stored = ids.filter((id) => held.has(versionKey(id)));
    const rows = await db.meta.bulkGet(stored.map(versionKey));
    const out = new Map<string, Version>();
    stored.forEach((id, k) => {
      const v = storedVersion(rows[k]?.value);
      if (v !== undefined) out.set(id, v);
    });
    return out;
  });

/** Exhibitors: the version applied from another tablet is kept on the row (SY88), read only for rows held here. */
const rowVersions: AppliedVersions = (db, ids) =>
  inWrite(async () => {
    const held = [...(await heldKeys(db.exhibitors as Table<unknown, string>, ids))];
    const rows = await db.exhibitors.bulkGet(held);
    const out = new Map<string, Version>();
    for (const row of rows) if (row?.applied !== undefined) out.set(row.id, row.applied);
    return out;
  });

/**
 * The current version (SY22) of each of `ids`: the winner among this device's own log items
 * about them and the version applied from another tablet.
 */
function knownVersions(db: FairCaseDb, ids: readonly string[], appliedOf: AppliedVersions): Promise<Map<string, Version>> {
  return inWrite(async () => {
    const [own, applied] = await Promise.all([db.items.where('entityId').anyOf([...ids]).toArray(), appliedOf(db, ids)]);
    const candidates = new Map<string, Version[]>();
    const add = (id: string, v: Version): void => {
      const list = candidates.get(id);
      if (list === undefined) candidates.set(id, [v]);
      else list.push(v);
    };
    for (const i of own) add(i.entityId, { hlc: i.hlc, id: i.id });
    for (const [id, v] of applied) add(id, v);
    const out = new Map<string, Version>();
    for (const [id, list] of candidates) {
      const latest = pickLatest<Version>(list);
      if (latest !== undefined) out.set(id, latest);
    }
    return out;
  });
}

/**
 * Whole snapshots of one kind, the last writer wins (SY20, SY22): of the parsed `records`, the
 * ones newer than what is here, each entity once (the page's newest), with their new versions.
 */
function latestSnapshots<T>(
  db: FairCaseDb,
  records: readonly { readonly item: SyncItem; readonly value: T }[],
  appliedOf: AppliedVersions,
): Promise<{ rows: { value: T; version: Version }[] }> {
  return inWrite(async () => {
    if (records.length === 0) return { rows: [] };
    const known = await knownVersions(db, [...new Set(records.map((r) => r.item.entityId))], appliedOf);
    const winners = new Map<string, T>();
    for (const { item, value } of records) {
      if (!supersedes(item, known.get(item.entityId))) continue;
      known.set(item.entityId, { hlc: item.hlc, id: item.id });
      winners.set(item.entityId, value);
    }
    return { rows: [...winners].map(([id, value]) => ({ value, version: known.get(id) as Version })) };
  });
}

/** Exhibitors travel as whole snapshots: the last writer wins (SY20, SY22). */
export function applyPulledExhibitors(db: FairCaseDb, items: readonly SyncItem[]): Promise<number> {
  return inWrite(async () => {
    const records = items.flatMap((item) => {
      if (item.kind !== 'exhibitor') return [];
      const e = parsed(Exhibitor, item);
      return e === undefined ? [] : [{ item, value: exhibitorRow(e) }];
    });
    const { rows } = await latestSnapshots(db, records, rowVersions);
    if (rows.length === 0) return 0;
    // SY88: the applied version rides on the row: no second row per exhibitor.
    await db.exhibitors.bulkPut(rows.map(({ value, version }) => ({ ...value, applied: { hlc: version.hlc, id: version.id } })));
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
    const { rows } = await latestSnapshots(db, records, metaVersions);
    if (rows.length === 0) return 0;
    await Promise.all([db.fairs.bulkPut(rows.map((r) => r.value)), db.meta.bulkPut(rows.map((r) => ({ key: versionKey(r.value.id), value: { hlc: r.version.hlc, id: r.version.id } })))]);
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
    // Which are here already, by key alone: no row is read (a first sync's pages are all new).
    const fresh = async <T extends { id: string }>(table: Table<unknown, string>, rows: T[]): Promise<T[]> => {
      const have = await heldKeys(table, rows.map((r) => r.id));
      return rows.filter((r) => !have.has(r.id));
    };
    const [c, k, e] = await Promise.all([
      fresh(db.commitments as Table<unknown, string>, commitments),
      fresh(db.consultations as Table<unknown, string>, consultations),
      fresh(db.evidence as Table<unknown, string>, evidence),
    ]);
    await Promise.all([db.commitments.bulkPut(c), db.consultations.bulkPut(k), db.evidence.bulkPut(e)]);
    return c.length + k.length + e.length;
  });
}


/**
 * SY93: a snapshot page's commitments (the record applier's way with a snapshot, appliers.ts),
 * checked as a pulled one is (a bad one is skipped), kept as ONE row of `commitmentPages`. The page is new to this tablet (SY86), so nothing is read first;
 * a commitment also held in `commitments` (a bundle imported before) is read once (commitment-rows.ts).
 */
export function keepSnapshotCommitments(db: FairCaseDb, items: readonly SyncItem[]): Promise<number> {
  return inWrite(async () => {
    const row = commitmentPageRow(items.filter((i) => i.kind === 'commitment').flatMap((i) => parsed(Commitment, i) ?? []));
    if (row === undefined) return 0;
    await db.commitmentPages.put(row);
    return row.commitments.length;
  });
}
