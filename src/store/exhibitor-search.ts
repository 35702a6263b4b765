import type { Exhibitor } from '../domain/exhibitor';
import type { FairId } from '../domain/ids';
import { getDb } from './db';
import { foldExhibitorQuery, type ExhibitorSearchIndex, type LineRun } from './exhibitor-search-index';

/**
 * Finding an exhibitor by ANY part of what a clerk remembers: the Chinese name ("南山" in
 * "深圳市南山电器有限公司"), the English name in any case, a booth, the USCC or registration
 * number, a contact's name or phone. No IndexedDB index serves that (SY94), so this is a
 * substring scan in memory: the fair's exhibitors are read once (the app keeps
 * them live) and folded into texts of a few lines each, each exhibitor's fields on one line, so a
 * keystroke is an `indexOf` per text rather than a call per exhibitor or an IndexedDB query, and a
 * change of the list folds and joins again only what it touches.
 */

export { exhibitorHaystack, exhibitorSearchIndex, foldExhibitorQuery, type ExhibitorSearchIndex, type LineRun } from './exhibitor-search-index';

/**
 * Writes into `out` the position of each line holding `q`, in list order, at most `limit`; returns
 * how many. One `indexOf` per run and per hit, each hit skipping to the next line.
 */
function linesHolding(index: ExhibitorSearchIndex, q: string, out: Int32Array, limit: number): number {
  const { runs, runStarts } = index;
  let n = 0;
  for (let r = 0; r < runs.length; r++) {
    const { text, starts } = runs[r] as LineRun;
    let from = text.indexOf(q);
    if (from < 0) continue;
    const base = runStarts[r] as number;
    let line = 0;
    while (from >= 0) {
      while (line + 1 < starts.length && (starts[line + 1] as number) <= from) line++;
      if (n === limit) return n + 1;
      out[n++] = base + line;
      line++;
      if (line >= starts.length) break;
      from = text.indexOf(q, starts[line]);
    }
  }
  return n;
}

/** Every exhibitor matching one query, in list order. */
export interface ExhibitorResult {
  readonly index: ExhibitorSearchIndex;
  /** The folded query (foldExhibitorQuery); '' lists everyone. */
  readonly query: string;
  /** The matching exhibitors' positions in the index, ascending (a list renders the ones in sight: `index.exhibitors[positions[i]]`). */
  readonly positions: Int32Array;
}

const everyone = new WeakMap<ExhibitorSearchIndex, Int32Array>();

/** 0 … n-1: the blank query's result, made once per index. */
function allPositions(index: ExhibitorSearchIndex): Int32Array {
  let all = everyone.get(index);
  if (all === undefined) {
    all = new Int32Array(index.exhibitors.length);
    for (let i = 0; i < all.length; i++) all[i] = i;
    everyone.set(index, all);
  }
  return all;
}

/** The positions of the lines holding `q`, in one pass over the runs. */
function scanAll(index: ExhibitorSearchIndex, q: string): Int32Array {
  const out = new Int32Array(index.lines.length);
  return out.subarray(0, linesHolding(index, q, out, out.length));
}

/** The lines among `previous` holding `q` (each of them holds the query `q` extends, so no other can). */
function narrow(index: ExhibitorSearchIndex, previous: Int32Array, q: string): Int32Array {
  const out = new Int32Array(previous.length);
  const lines = index.lines;
  let n = 0;
  for (let i = 0; i < previous.length; i++) {
    const p = previous[i] as number;
    if ((lines[p] as string).includes(q)) out[n++] = p;
  }
  return out.subarray(0, n);
}

/**
 * Every exhibitor whose folded fields contain the folded `query`, in list order. When the query
 * contains the `previous` result's query (the clerk typed on), only that result's lines are
 * searched: a line holding the longer query holds the shorter one too.
 */
export function matchExhibitors(index: ExhibitorSearchIndex, query: string, previous?: ExhibitorResult): ExhibitorResult {
  const q = foldExhibitorQuery(query);
  const same = previous !== undefined && previous.index === index;
  if (same && previous.query === q) return previous;
  if (q === '') return { index, query: q, positions: allPositions(index) };
  const positions = same && previous.query !== '' && q.includes(previous.query) ? narrow(index, previous.positions, q) : scanAll(index, q);
  return { index, query: q, positions };
}

/** The `i`-th exhibitor of a result. */
export const resultAt = (result: ExhibitorResult, i: number): Exhibitor | undefined => {
  const p = result.positions[i];
  return p === undefined ? undefined : result.index.exhibitors[p];
};

export interface ExhibitorMatches {
  /** The first `limit` matches, in list order. */
  readonly found: readonly Exhibitor[];
  /** More match than `found` holds (the list says "type more"). */
  readonly more: boolean;
}

/**
 * The exhibitors whose folded fields contain the folded `query`, first `limit` of them in list
 * order. A miss is one scan of the runs; a hit stops after `limit + 1` matches, so a common
 * one-letter query costs no more than a rare one.
 */
export function searchExhibitors(index: ExhibitorSearchIndex, query: string, limit: number): ExhibitorMatches {
  const q = foldExhibitorQuery(query);
  const all = index.exhibitors;
  if (q === '') return { found: all.slice(0, limit), more: all.length > limit };
  const positions = new Int32Array(Math.max(0, Math.min(Math.floor(limit), all.length)));
  const n = linesHolding(index, q, positions, positions.length);
  const found = Array.from(positions.subarray(0, Math.min(n, positions.length)), (p) => all[p] as Exhibitor);
  return { found, more: n > positions.length };
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The fair's exhibitors for the search, by first booth. Sorted by code point, not by locale (booth
 * keys are upper-case ASCII): a locale collation of every key would be most of the cost of
 * reading the list again after each change.
 */
export async function listExhibitorsForSearch(fairId: FairId | string): Promise<Exhibitor[]> {
  const rows = await getDb().exhibitors.where('fairId').equals(fairId).toArray();
  rows.sort((a, b) => byString(a.boothKeys[0] ?? '', b.boothKeys[0] ?? ''));
  return rows.map(({ boothKeys: _b, search: _s, applied: _a, ...e }) => e);
}
