import type { Case } from '../../domain/case/case';
import type { CaseEvent } from '../../domain/case/events';
import { runningDeadline } from '../../domain/case/queue';
import type { Party } from '../../domain/party';
import type { SqlRunner } from '../storage/sql';

/**
 * The case browser's projection (`console_cases`, CB1): one row per case of a fair, folded by
 * the domain from the case's events beside the report projection's row, in the same transaction
 * and under the same case locks and watermark (projection-sync.ts), so the two never disagree
 * about which events they saw. A search or filter is then one indexed query over these rows.
 */
export interface BrowseRow {
  readonly case_id: string;
  readonly case_no: string;
  readonly received_at: string;
  readonly state: string;
  readonly outcome: string | null;
  readonly hall: string;
  readonly booth: string;
  readonly respondent: string;
  readonly complainant: string;
  readonly ip_types: readonly string[];
  readonly flags: readonly string[];
  /** DL5: the running deadline's due time (null when the case waits on none). */
  readonly due_at: string | null;
  /** Every device that recorded an event of the case, the one that filed it first. */
  readonly devices: readonly string[];
  /** CB2: what a search matches, normalised by `searchText`. */
  readonly search: string;
}

/** CB2: searches ignore case and full-width forms (NFKC), so `ａ１/b12` finds `A1/B12`. */
export const searchText = (s: string): string => s.normalize('NFKC').toLowerCase();

const partyWords = (p: Party | undefined): string[] =>
  p === undefined ? [] : [p.name, p.uscc ?? '', p.foreignRegNo ?? ''].filter((w) => w !== '');

export function browseRow(c: Case, events: readonly CaseEvent[]): BrowseRow {
  const booth = `${c.respondent.booth.hall}/${c.respondent.booth.stand}`;
  const filer = events.find((e) => e.type === 'Submit')?.deviceId;
  const devices = [...new Set([...(filer === undefined ? [] : [filer]), ...events.map((e) => e.deviceId)])];
  const words = [c.caseNo, booth, c.respondent.name, c.respondent.exhibitorKey ?? '', ...partyWords(c.complainant), ...partyWords(c.agent)];
  const due = c.state === 'CLOSED' ? undefined : runningDeadline(c);
  return {
    case_id: c.id,
    case_no: c.caseNo,
    received_at: c.receivedAt,
    state: c.state,
    outcome: c.outcome ?? null,
    hall: c.respondent.booth.hall,
    booth,
    respondent: c.respondent.name,
    complainant: c.complainant.name,
    ip_types: [...new Set(c.rights.map((r) => r.type))],
    flags: c.flags,
    due_at: due?.dueAt ?? null,
    devices,
    search: searchText(words.filter((w) => w !== '').join('\n')),
  };
}

const COLUMNS = `case_id text, case_no text, received_at text, state text, outcome text, hall text, booth text, respondent text,
  complainant text, ip_types text[], flags text[], due_at text, devices text[], search text`;
const NAMES = COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0] as string);
const BATCH = 2_000;

/** Writes rows (replacing a case's earlier row) in batches, one JSON parameter each. */
export async function upsertBrowseRows(db: SqlRunner, fairId: string, rows: readonly BrowseRow[]): Promise<void> {
  const set = NAMES.filter((n) => n !== 'case_id')
    .map((n) => `${n} = excluded.${n}`)
    .join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.query(
      `insert into console_cases (fair_id, ${NAMES.join(', ')})
       select $1, ${NAMES.join(', ')} from jsonb_to_recordset($2::text::jsonb) as r(${COLUMNS})
       on conflict (fair_id, case_id) do update set ${set}`,
      [fairId, JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}

/**
 * The migration's part (migration-steps.ts): the table, its indexes, and a watermark reset so the
 * report catch-up folds every stored case once more and fills this table too (its rows are
 * derived, so folding again changes nothing else). The search is a substring match over one
 * short column per case, by a trigram index where the database has pg_trgm (replaced since by
 * the character-pair index of case-search.ts, CB5).
 */
export const CASE_BROWSE_SQL = `
  create table console_cases (
    fair_id text not null,
    ${COLUMNS},
    primary key (fair_id, case_id)
  );
  create index console_cases_received on console_cases (fair_id, received_at desc, case_id);
  create index console_cases_state on console_cases (fair_id, state, received_at desc);
  create index console_cases_hall on console_cases (fair_id, hall, received_at desc);
  create index console_cases_outcome on console_cases (fair_id, outcome, received_at desc);
  create index console_cases_due on console_cases (fair_id, due_at) where due_at is not null;
  create index console_cases_devices on console_cases using gin (devices);
  create index console_cases_ip_types on console_cases using gin (ip_types);
  -- CB2 on PostgreSQL: a trigram index answers a substring search without reading every row.
  -- PGlite has no pg_trgm loaded: there the search reads the fair's rows, as it may.
  do $$ begin
    create extension if not exists pg_trgm;
    create index console_cases_search on console_cases using gin (search gin_trgm_ops);
  exception when others then null;
  end $$;
  delete from report_watermarks;`;
