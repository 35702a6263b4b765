import type { Exhibitor } from '../domain/exhibitor';
import type { FairId } from '../domain/ids';
import { normaliseText } from '../domain/text';
import { boothKey } from '../domain/validators/booth';
import { getDb } from './db';

/**
 * Finding an exhibitor by ANY part of what a clerk remembers: the Chinese name ("南山" in
 * "深圳市南山电器有限公司"), the English name in any case, a booth, the USCC or registration
 * number, a contact's name or phone. The `search` index of exhibitors.ts matches prefixes only, so
 * this is a substring scan in memory instead: the fair's exhibitors are read once (the app keeps
 * them live) and folded into ONE text, each exhibitor's fields on one line, so a keystroke is a few
 * `indexOf` calls over that text rather than a call per exhibitor or an IndexedDB query.
 */

/** Folds case, width (NFKC, TX1), spaces and hyphens, so `nanshan elec`, `ＮＡＮＳＨＡＮ-ELEC` and `NanshanElec` are one query. */
export const foldExhibitorQuery = (text: string): string =>
  normaliseText(text)
    .toUpperCase()
    // eslint-disable-next-line no-control-regex -- the separators of the folded text are never part of a query
    .replace(/[-\s\u0000-\u001f]/g, '');

/** A mainland number also as dialled at home: `+867551234567` is found by `0755…` too. */
const phoneForms = (phone: string): string => (phone.startsWith('+86') ? `${phone}\u0001` + `0${phone.slice(3)}` : phone);

/**
 * One exhibitor's searched fields, folded like a query, separated so that no match spans two of
 * them. Stored text is already NFKC-normalised by the domain's schemas, so only case, spaces and
 * hyphens are folded here (25,000 of these are built on every change of the list).
 */
export function exhibitorHaystack(e: Exhibitor): string {
  let s = e.nameZh;
  if (e.nameEn !== undefined) s += `\u0001${e.nameEn}`;
  for (const b of e.booths) s += `\u0001${boothKey(b)}`;
  if (e.uscc !== undefined) s += `\u0001${e.uscc}`;
  if (e.foreignRegNo !== undefined) s += `\u0001${e.foreignRegNo}`;
  for (const c of e.contacts) s += `\u0001${c.name}\u0001${phoneForms(c.phone)}`;
  return s.toUpperCase().replace(/[-\s]/g, '');
}

export interface ExhibitorSearchIndex {
  /** The exhibitors in list order (first booth). */
  readonly exhibitors: readonly Exhibitor[];
  /** Each exhibitor's haystack (exhibitorHaystack), in list order: a narrowed search reads only its matches' lines. */
  readonly lines: readonly string[];
  /** Every haystack, one per line, in list order: a full search is a few `indexOf` calls over it. */
  readonly text: string;
  /** Where each exhibitor's line starts in `text` (ascending: a match position finds its line). */
  readonly starts: Int32Array;
}

const indexes = new WeakMap<readonly Exhibitor[], ExhibitorSearchIndex>();

/** The index of one list, built once and kept while the list lives (a live read hands out a new array only on a change). */
export function exhibitorSearchIndex(exhibitors: readonly Exhibitor[]): ExhibitorSearchIndex {
  const cached = indexes.get(exhibitors);
  if (cached !== undefined) return cached;
  const starts = new Int32Array(exhibitors.length);
  const lines: string[] = [];
  let at = 0;
  exhibitors.forEach((e, i) => {
    const line = exhibitorHaystack(e);
    starts[i] = at;
    at += line.length + 1;
    lines.push(line);
  });
  const index = { exhibitors, lines, text: lines.join('\n'), starts };
  indexes.set(exhibitors, index);
  return index;
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

/** The positions of the lines holding `q`, in one pass over the text (hits are ascending, so is the line walk). */
function scanAll(index: ExhibitorSearchIndex, q: string): Int32Array {
  const { text, starts } = index;
  const out = new Int32Array(starts.length);
  let n = 0;
  let line = 0;
  let from = 0;
  for (;;) {
    const hit = text.indexOf(q, from);
    if (hit < 0) break;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= hit) line++;
    out[n++] = line;
    line++;
    if (line >= starts.length) break;
    from = starts[line] as number;
  }
  return out.subarray(0, n);
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
 * order. A miss is one scan of the text; a hit stops after `limit + 1` matches, so a common
 * one-letter query costs no more than a rare one.
 */
export function searchExhibitors(index: ExhibitorSearchIndex, query: string, limit: number): ExhibitorMatches {
  const q = foldExhibitorQuery(query);
  const all = index.exhibitors;
  if (q === '') return { found: all.slice(0, limit), more: all.length > limit };
  const found: Exhibitor[] = [];
  const { text, starts } = index;
  let line = 0;
  let from = 0;
  for (;;) {
    const hit = text.indexOf(q, from);
    if (hit < 0) return { found, more: false };
    if (found.length === limit) return { found, more: true };
    while (line + 1 < starts.length && (starts[line + 1] as number) <= hit) line++;
    found.push(all[line] as Exhibitor);
    line++;
    if (line >= starts.length) return { found, more: false };
    from = starts[line] as number;
  }
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
  return rows.map(({ boothKeys: _b, search: _s, ...e }) => e);
}
