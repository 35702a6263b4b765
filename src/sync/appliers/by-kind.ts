import type { PullApplier } from '../pull-pages';
import { applyPulledCaseEvents, applyPulledExhibitors, applyPulledRecords, PULLED_TABLES } from '../../store/apply-pulled';
import { learnCodesFromPulled } from '../../store/device-codes';

/**
 * Case events of other tablets (issue 7 part 6): kept, the case re-folded from all its events
 * (CS5) with its board row, in the pull page's transaction. A fork flags `CONFLICT`.
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

/** Commitments, consultations, evidence records: immutable, added once. */
export const recordApplier: PullApplier = {
  tables: PULLED_TABLES,
  async apply(db, items) {
    await applyPulledRecords(db, items);
  },
};

/** SY30: the device codes in pulled case numbers, remembered to be reported to the server. */
export const deviceCodeApplier: PullApplier = {
  tables: ['meta'],
  async apply(db, items) {
    await learnCodesFromPulled(db, items);
  },
};
