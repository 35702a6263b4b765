import type { SqlRunner, SqlValue } from '../storage/sql';
import { num } from '../storage/sql';

/**
 * The case browser's search index and counts (CB2, CB5), the same on PGlite and PostgreSQL and
 * under any database locale.
 *
 * Search: every stored search text (`searchText`, already NFKC and lower case) is indexed by its
 * character pairs, `console_case_grams(search)`, in a GIN index over a plain `text[]`. A typed
 * text of two characters or more is found among the rows holding all its pairs, and `like`
 * confirms the substring (pairs can match out of order). pg_trgm is not used: under the C locale
 * it drops every Chinese character, so a party name would narrow nothing.
 *
 * Counts: the fair's number of cases is kept in `console_case_totals` by statement triggers on
 * `console_cases`, so in the same transaction that writes the projection's rows (CB1). A filtered
 * list counts at most `COUNT_CAP` + 1 matches and says "more than" past the cap.
 */

/** CB5: a filtered count stops past this many matches. */
export const COUNT_CAP = 10_000;

/** The distinct character pairs of a text, by code point (as PostgreSQL's `substr` counts in UTF-8). */
export function searchGrams(text: string): string[] {
  const chars = Array.from(text);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return [...grams];
}

/**
 * The SQL condition for a substring (already normalised by `searchText`) and its LIKE pattern;
 * `$` adds a parameter and names it.
 */
export function searchCondition(text: string, pattern: string, $: (v: SqlValue) => string): string {
  const like = `search like ${$(pattern)} escape '\\'`;
  const grams = searchGrams(text);
  // One character has no pair: the fair's rows are read, as CB2 allows.
  return grams.length === 0 ? like : `(console_case_grams(search) @> array[${grams.map((g) => $(g)).join(', ')}]::text[] and ${like})`;
}

/** CB5: the fair's total (no condition), or the matches counted up to the cap. */
export async function countCases(db: SqlRunner, fairId: string, where: string | undefined, params: readonly SqlValue[]): Promise<{ total: number; more: boolean }> {
  if (where === undefined) {
    const [row] = await db.query<{ n: unknown }>('select n from console_case_totals where fair_id = $1', [fairId]);
    return { total: num(row?.n ?? 0), more: false };
  }
  const [row] = await db.query<{ n: unknown }>(`select count(*) as n from (select 1 from console_cases where ${where} limit ${COUNT_CAP + 1}) s`, [fairId, ...params]);
  const n = num(row?.n ?? 0);
  return n > COUNT_CAP ? { total: COUNT_CAP, more: true } : { total: n, more: false };
}

/**
 * The migration's part (migration-steps.ts): the pair function and its index (built from the rows
 * already there), the trigram index dropped, and the totals table filled from the rows already
 * there and kept by triggers from then on. Only inserts, deletes and a truncate change a fair's
 * total (an upsert that updates a row fires no insert trigger).
 */
export const CASE_SEARCH_SQL = `
  create function console_case_grams(s text) returns text[] language sql immutable strict parallel safe as
    $f$ select coalesce(array_agg(distinct substr(s, i, 2)), '{}'::text[]) from generate_series(1, char_length(s) - 1) as i $f$;
  create index console_cases_grams on console_cases using gin (console_case_grams(search));
  drop index if exists console_cases_search;

  create table console_case_totals (fair_id text primary key, n bigint not null);
  insert into console_case_totals (fair_id, n) select fair_id, count(*) from console_cases group by fair_id;
  create function console_case_totals_add() returns trigger language plpgsql as $f$
  begin
    insert into console_case_totals (fair_id, n)
      select fair_id, count(*) from console_cases_added group by fair_id order by fair_id
      on conflict (fair_id) do update set n = console_case_totals.n + excluded.n;
    return null;
  end $f$;
  create function console_case_totals_remove() returns trigger language plpgsql as $f$
  begin
    update console_case_totals t set n = t.n - d.n
      from (select fair_id, count(*) as n from console_cases_removed group by fair_id) d where t.fair_id = d.fair_id;
    return null;
  end $f$;
  create trigger console_cases_total_add after insert on console_cases
    referencing new table as console_cases_added for each statement execute function console_case_totals_add();
  create trigger console_cases_total_remove after delete on console_cases
    referencing old table as console_cases_removed for each statement execute function console_case_totals_remove();
  create function console_case_totals_clear() returns trigger language plpgsql as $f$
  begin
    delete from console_case_totals;
    return null;
  end $f$;
  create trigger console_cases_total_clear after truncate on console_cases for each statement execute function console_case_totals_clear();`;
