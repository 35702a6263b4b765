import { CASE_STATES, type CaseFlag, type CaseState, type IpType } from '../../../domain/codes';
import type { Deadline } from '../../../domain/case/deadlines';
import { normaliseText } from '../../../domain/text';
import type { Instant } from '../../../domain/time';

/**
 * The case board's logic (DL8), pure and fast over 10,000 rows (P3): open
 * cases by default, closed or all on request, filters by hall, state, IP type and expert, a search
 * by case number, booth, name or USCC over every case of the fair (a closed case is still reprinted,
 * reviewed or reordered after a redisplay, CS30), and the order "overdue first" (DL8: overdue
 * cases top the queue).
 *
 * Speed comes from an index built once per rows array (the live query hands out a new array only
 * when the table changes): the rows of each pool (open, closed, all) already sorted in each order,
 * so a change of order is never a sort; each order split once into buckets per hall, state, IP
 * type and expert, so a filter on one of them is a lookup and several are one pass over the
 * smallest bucket; and the overdue count is a binary search.
 */
export interface BoardRowLike {
  readonly id: string;
  readonly caseNo: string;
  readonly booth: string;
  readonly hall: string;
  readonly state: CaseState;
  readonly ipTypes: readonly IpType[];
  readonly experts: readonly string[];
  readonly flags: readonly CaseFlag[];
  readonly nextDeadline?: Deadline | undefined;
  readonly receivedAt: Instant;
  /** Searched fields (the store's rows carry them; a row without one is found by the others). */
  readonly complainant?: string;
  readonly respondent?: string;
  readonly complainantKey?: string;
  readonly respondentKey?: string;
}

export const BOARD_SORTS = ['urgency', 'caseNo', 'received'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** Which cases the board lists: open ones (the default), closed ones, or both. */
export const BOARD_SCOPES = ['open', 'closed', 'all'] as const;
export type BoardScope = (typeof BOARD_SCOPES)[number];

export interface BoardFilter {
  readonly scope: BoardScope;
  readonly hall: string;
  readonly state: CaseState | '';
  readonly ipType: IpType | '';
  readonly expert: string;
  readonly text: string;
  readonly sort: BoardSort;
}

export const BLANK_FILTER: BoardFilter = { scope: 'open', hall: '', state: '', ipType: '', expert: '', text: '', sort: 'urgency' };

/** §4: open = not CLOSED. */
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter((s) => s !== 'CLOSED');

/** The rows a filter walks: the ones of its scope, except that a search, or the state CLOSED, looks beyond the open ones (§4: CLOSED is terminal; the desk still finds it). */
export function poolOf(f: Pick<BoardFilter, 'scope' | 'state' | 'text'>): BoardScope {
  if (f.state === 'CLOSED') return 'closed';
  if (f.scope === 'open' && foldSearch(f.text) !== '') return 'all';
  return f.scope;
}

/** DL5: overdue when `now` is past the next deadline's `dueAt`. */
export const isOverdueRow = (r: BoardRowLike, now: Instant): boolean => r.nextDeadline !== undefined && now > r.nextDeadline.dueAt;

/** Search folds width, case and hyphens, so `cf137-k07-0042-4`, `CF137K0700424` and a booth `1.2/a01` all match. */
export const foldSearch = (text: string): string => normaliseText(text).toUpperCase().replace(/[-\s]/g, '');

/** Fields a row is found by (besides the case number): names, booth, keys (USCC in `CN:<uscc>`). */
const SEARCHED = ['booth', 'complainant', 'respondent', 'complainantKey', 'respondentKey'] as const;

/** The folded text a row is searched in; stored text is already NFKC-normalised by the domain. */
function haystackOf(r: BoardRowLike): string {
  let s = r.caseNo;
  for (const k of SEARCHED) {
    const v = r[k];
    if (v !== undefined) s += `\u0001${v}`;
  }
  return s.toUpperCase().replace(/[-\s]/g, '');
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface BoardIndex<R extends BoardRowLike> {
  /** Open rows in the DL8 order: ascending `dueAt` (so the overdue ones, due before now, come first), then case number; none last. */
  readonly byUrgency: readonly R[];
  /** `dueAt` of `byUrgency`, aligned ('~' without a deadline, after every ISO instant): the overdue count is a binary search. */
  readonly dueAt: readonly string[];
  /** The rows of `pool` (open by default) in the order `sort` (built on first use, kept). */
  order(sort: BoardSort, pool?: BoardScope): readonly R[];
  /** The rows of `order(sort, pool)` whose `field` holds `value`, in that order (built on first use, kept). */
  bucket(sort: BoardSort, field: BucketField, value: string, pool?: BoardScope): readonly R[];
  haystack(r: R): string;
  /** The search texts of a list the filter walks (an order or a bucket), aligned with it: a search is one pass over an array (P3). */
  haystacks(list: readonly R[]): readonly string[];
  /** Builds the other orders of every pool, their buckets and every row's haystack now (the board calls it in idle time). */
  warm(): void;
  /** Halls and experts of every row, closed ones included (the filters offer them in every scope). */
  readonly halls: readonly string[];
  readonly experts: readonly string[];
}

/** The filters that pick rows by an exact value of one field (the search is a substring match). */
export const BUCKET_FIELDS = ['hall', 'state', 'ipType', 'expert'] as const;
export type BucketField = (typeof BUCKET_FIELDS)[number];

/** The values of `field` a row holds (IP types and experts are lists). */
function valuesOf(r: BoardRowLike, field: BucketField): readonly string[] {
  switch (field) {
    case 'hall':
      return [r.hall];
    case 'state':
      return [r.state];
    case 'ipType':
      return r.ipTypes;
    case 'expert':
      return r.experts;
  }
}

/** Splits `order` by every value of `field`, keeping the order inside each bucket. */
function splitBy<R extends BoardRowLike>(order: readonly R[], field: BucketField): ReadonlyMap<string, readonly R[]> {
  const out = new Map<string, R[]>();
  for (const r of order) {
    for (const v of valuesOf(r, field)) {
      const list = out.get(v);
      if (list === undefined) out.set(v, [r]);
      else list.push(r);
    }
  }
  return out;
}

const NO_ROWS: readonly never[] = [];

const indexes = new WeakMap<readonly BoardRowLike[], BoardIndex<BoardRowLike>>();
/** Sorts after every ISO instant (`~` > digits). */
const NO_DUE = '~';
const dueOf = (r: BoardRowLike): string => r.nextDeadline?.dueAt ?? NO_DUE;

/**
 * The index of one rows array, built once and kept while the array lives. The DL8 order does not
 * depend on the clock: overdue means due before now, and due-earlier sorts first anyway, so
 * "overdue first, then the nearest deadline" is one ascending order (the domain's `deskQueue`).
 * Instants are ISO strings of one shape, compared as strings (no parsing).
 */
export function boardIndex<R extends BoardRowLike>(rows: readonly R[]): BoardIndex<R> {
  const cached = indexes.get(rows);
  if (cached !== undefined) return cached as unknown as BoardIndex<R>;
  const open: R[] = [];
  const closed: R[] = [];
  const halls = new Set<string>();
  const experts = new Set<string>();
  for (const r of rows) {
    (r.state === 'CLOSED' ? closed : open).push(r);
    halls.add(r.hall);
    for (const e of r.experts) experts.add(e);
  }
  const pools: Readonly<Record<BoardScope, readonly R[]>> = { open, closed, all: rows };
  const sorted = (list: readonly R[], sort: BoardSort): readonly R[] =>
    sort === 'urgency'
      ? list.slice().sort((a, b) => byString(dueOf(a), dueOf(b)) || byString(a.caseNo, b.caseNo))
      : sort === 'caseNo'
        ? list.slice().sort((a, b) => byString(a.caseNo, b.caseNo))
        : list.slice().sort((a, b) => byString(b.receivedAt, a.receivedAt));
  const byUrgency = sorted(open, 'urgency');
  const orders = new Map<string, readonly R[]>([['open urgency', byUrgency]]);
  const hay = new Map<R, string>();
  const aligned = new Map<readonly R[], readonly string[]>();
  /** `warm()` ran: every bucket and search text is built (a board opened again need not check 10,000 rows). */
  let warmed = false;
  const buckets = new Map<string, ReadonlyMap<string, readonly R[]>>();
  const natural = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
  const index: BoardIndex<R> = {
    byUrgency,
    dueAt: byUrgency.map(dueOf),
    order: (sort, pool = 'open') => {
      const key = `${pool} ${sort}`;
      let o = orders.get(key);
      if (o === undefined) {
        o = sorted(pools[pool], sort);
        orders.set(key, o);
      }
      return o;
    },
    bucket: (sort, field, value, pool = 'open') => {
      const key = `${pool} ${sort} ${field}`;
      let split = buckets.get(key);
      if (split === undefined) {
        split = splitBy(index.order(sort, pool), field);
        buckets.set(key, split);
      }
      return split.get(value) ?? NO_ROWS;
    },
    haystack: (r) => {
      let h = hay.get(r);
      if (h === undefined) {
        h = haystackOf(r);
        hay.set(r, h);
      }
      return h;
    },
    haystacks: (list) => {
      let h = aligned.get(list);
      if (h === undefined) {
        h = list.map(index.haystack);
        aligned.set(list, h);
      }
      return h;
    },
    warm: () => {
      if (warmed) return;
      warmed = true;
      for (const pool of BOARD_SCOPES) {
        for (const sort of BOARD_SORTS) {
          for (const field of BUCKET_FIELDS) index.bucket(sort, field, '', pool);
          index.haystacks(index.order(sort, pool));
        }
      }
    },
    halls: [...halls].sort(natural),
    experts: [...experts].sort(),
  };
  indexes.set(rows, index as unknown as BoardIndex<BoardRowLike>);
  return index;
}

/**
 * The rows of the filter's pool (`poolOf`) matching the filter, in the filter's order, never a
 * sort: the smallest bucket of the exact-value filters set (or the whole order), returned as it
 * is when it is the only condition, else one pass over it checking the others.
 */
export function filterRows<R extends BoardRowLike>(index: BoardIndex<R>, f: BoardFilter): readonly R[] {
  const text = foldSearch(f.text);
  const pool = poolOf(f);
  let from = index.order(f.sort, pool);
  let conditions = text === '' ? 0 : 1;
  for (const field of BUCKET_FIELDS) {
    const value = f[field];
    if (value === '') continue;
    conditions += 1;
    const bucket = index.bucket(f.sort, field, value, pool);
    if (bucket.length <= from.length) from = bucket;
  }
  if (conditions <= 1 && text === '') return from;
  const hay = text === '' ? undefined : index.haystacks(from);
  const out: R[] = [];
  for (let i = 0; i < from.length; i++) {
    const r = from[i] as R;
    if (hay !== undefined && !(hay[i] as string).includes(text)) continue;
    if (f.hall !== '' && r.hall !== f.hall) continue;
    if (f.state !== '' && r.state !== f.state) continue;
    if (f.ipType !== '' && !r.ipTypes.includes(f.ipType)) continue;
    if (f.expert !== '' && !r.experts.includes(f.expert)) continue;
    out.push(r);
  }
  return out;
}

/** DL8: the overdue count shown on every screen: the open rows due before `now` (binary search). */
export function overdueCount(index: BoardIndex<BoardRowLike>, now: Instant): number {
  const d = index.dueAt;
  let lo = 0;
  let hi = d.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((d[mid] as string) < now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** DL8 countdown text parts: hours and minutes left (negative = overdue by). */
export function countdownParts(dueAt: Instant, now: Instant): { overdue: boolean; hours: number; minutes: number; seconds: number } {
  const ms = Date.parse(dueAt) - Date.parse(now);
  const abs = Math.abs(ms);
  const totalSeconds = Math.floor(abs / 1000);
  return { overdue: ms < 0, hours: Math.floor(totalSeconds / 3600), minutes: Math.floor((totalSeconds % 3600) / 60), seconds: totalSeconds % 60 };
}
