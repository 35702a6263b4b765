import { COLUMNS } from './case-projection';

/**
 * Migration 0006 (migration-steps.ts): the report projection's tables and the two `items` indexes its
 * upkeep and the summary read (`report/SPEC.md` "The server").
 *
 * Before this step the same tables were made lazily on the first summary (an advisory lock and
 * `create … if not exists`); a database that has them holds only derived rows, so they are
 * dropped and made again, and the catch-up (projection-sync.ts) folds every case once from the
 * events (the new watermark starts at 0). The two indexes keep their names and shapes, so an
 * `if not exists` leaves a lazily made one in place.
 */
export const REPORT_PROJECTION_SQL = `
  drop table if exists report_cases;
  drop table if exists report_watermarks;
  create table report_cases (
    fair_id text not null,
    ${COLUMNS},
    primary key (fair_id, case_id)
  );
  -- Every case_event of the fair with server_seq <= last_seq is folded into report_cases. The row
  -- is also the fair's projection lock: whoever folds holds it (for update) until commit.
  create table report_watermarks (fair_id text primary key, last_seq bigint not null);
  -- The events of the cases to fold again, found by case (the pull index is by fair and sequence).
  create index if not exists items_case_events on items (fair_id, entity_id) where kind = 'case_event';
  -- The summary's small record sets (fair, exhibitors, commitments, consultations) without
  -- scanning the fair's million events.
  create index if not exists items_fair_kind on items (fair_id, kind, entity_id, server_seq) where kind <> 'case_event';`;
