import type { SyncItem } from '../domain/sync-item';
import { applyPulledCaseEvents, PULLED_TABLES, type PullContext } from './apply-pulled';
import { applyPulledExhibitors, applyPulledFairs, applyPulledRecords, keepSnapshotCommitments } from './apply-snapshots';
import type { FairCaseDb, TableName } from './db';
import { learnCodesFromPulled } from './device-codes';

/**
 * Applies pulled items of some kinds to the store's tables, inside the page's (or a bundle's)
 * transaction. An applier never throws for a bad item (the server checked it; a newer schema may
 * still disagree): it skips it. `tables` are the tables it writes. Sync chooses which appliers a
 * pull uses and hands them back to `applyPulledPage` / `importBundleContents`, never calling one.
 */
export interface PullApplier {
  readonly tables: readonly TableName[];
  /** `context`: the pull run and whether this is its last page (none for a bundle: write everything now). */
  apply(db: FairCaseDb, items: readonly SyncItem[], context?: PullContext): Promise<void>;
  /** How a snapshot page keeps the items instead (SY93), where it keeps them otherwise than a pull page. */
  snapshot?(db: FairCaseDb, items: readonly SyncItem[]): Promise<void>;
}

/** Fairs: whole snapshots, the last writer wins (SY20, SY22). */
export const fairApplier: PullApplier = {
  tables: ['fairs', 'items', 'meta'],
  async apply(db, items) {
    await applyPulledFairs(db, items);
  },
};

/**
 * Case events of other tablets (SY80, SY81): kept, the case re-folded from all its events (CS5)
 * with its board row, in the pull page's transaction. A fork flags `CONFLICT`.
 */
export const caseEventApplier: PullApplier = {
  tables: PULLED_TABLES,
  async apply(db, items, context) {
    await applyPulledCaseEvents(db, items, context);
  },
};

/** Exhibitors: whole snapshots, the last writer wins (SY20). */
export const exhibitorApplier: PullApplier = {
  tables: PULLED_TABLES,
  async apply(db, items) {
    await applyPulledExhibitors(db, items);
  },
};

/** Commitments, consultations, evidence records: immutable, added once; a snapshot page's commitments as one row (SY93). */
export const recordApplier: PullApplier = {
  tables: [...PULLED_TABLES, 'commitmentPages'],
  async apply(db, items) {
    await applyPulledRecords(db, items);
  },
  async snapshot(db, items) {
    await keepSnapshotCommitments(db, items);
    await applyPulledRecords(db, items.filter((i) => i.kind !== 'commitment'));
  },
};

/** SY30: the device codes in pulled case numbers, remembered to be reported to the server. */
export const deviceCodeApplier: PullApplier = {
  tables: ['meta'],
  async apply(db, items) {
    await learnCodesFromPulled(db, items);
  },
};

/**
 * Every kind a tablet pulls (SY6). Order matters only for reading: fairs first, so a case of a
 * fair first seen in this page finds its fair.
 */
export const ALL_APPLIERS: readonly PullApplier[] = [fairApplier, exhibitorApplier, recordApplier, caseEventApplier, deviceCodeApplier];

/** Only the fairs: what a pull applies unless told otherwise. */
export const FAIR_APPLIERS: readonly PullApplier[] = [fairApplier];
