import { CASE_STATES, type CaseFlag, type CaseState, type IpType } from '../../../domain/codes';
import type { Deadline } from '../../../domain/case/deadlines';
import { normaliseText } from '../../../domain/text';
import type { Instant } from '../../../domain/time';

/**
 * The case board's logic (issue 6 §4, DOMAIN.md DL8), pure and fast over 10,000 rows (P3): open
 * cases only, filters by hall, state, IP type and expert, a search by case number, booth, name or
 * USCC, and the order "overdue first" (DL8: overdue cases top the queue).
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
}

export const BOARD_SORTS = ['urgency', 'caseNo', 'received'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export interface BoardFilter {
  readonly hall: string;
  readonly state: CaseState | '';
  readonly ipType: IpType | '';
  readonly expert: string;
  readonly text: string;
  readonly sort: BoardSort;
}

export const BLANK_FILTER: BoardFilter = { hall: '', state: '', ipType: '', expert: '', text: '', sort: 'urgency' };

/** §4: open = not CLOSED. */
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter((s) => s !== 'CLOSED');

/** DL5: overdue when `now` is past the next deadline's `dueAt`. */
export const isOverdueRow = (r: BoardRowLike, now: Instant): boolean => r.nextDeadline !== undefined && now > r.nextDeadline.dueAt;

/** Search folds width, case and hyphens, so `cf137-k07-0042-4`, `CF137K0700424` and a booth `1.1/a01` all match. */
export const foldSearch = (text: string): string => normaliseText(text).toUpperCase().replace(/[-\s]/g, '');

/** Row fields that are not what a person searches by (ids, times). */
const NOT_SEARCHED = new Set(['id', 'fairId', 'complaintId', 'nextDeadline', 'receivedAt', 'updatedAt']);

/** Every text a row can be found by, folded once per row object (the rows are immutable records). */
const haystacks = new WeakMap<object, string>();
function haystackOf(r: BoardRowLike): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    const parts: string[] = [];
    // Names, booths and keys (USCC in `CN:<uscc>`) wherever the row carries them.
    const collect = (v: unknown, depth: number): void => {
      if (typeof v === 'string') parts.push(v);
      else if (depth < 2 && typeof v === 'object' && v !== null && !Array.isArray(v)) for (const x of Object.values(v)) collect(x, depth + 1);
    };
    for (const [k, v] of Object.entries(r)) if (!NOT_SEARCHED.has(k)) collect(v, 0);
    h = foldSearch(parts.join('\u0001'));
    haystacks.set(r, h);
  }
  return h;
}

export const matchesText = (r: BoardRowLike, folded: string): boolean => folded === '' || haystackOf(r).includes(folded);

export function filterRows<R extends BoardRowLike>(rows: readonly R[], f: BoardFilter): R[] {
  const text = foldSearch(f.text);
  const out: R[] = [];
  for (const r of rows) {
    if (r.state === 'CLOSED') continue;
    if (f.hall !== '' && r.hall !== f.hall) continue;
    if (f.state !== '' && r.state !== f.state) continue;
    if (f.ipType !== '' && !r.ipTypes.includes(f.ipType)) continue;
    if (f.expert !== '' && !r.experts.includes(f.expert)) continue;
    if (!matchesText(r, text)) continue;
    out.push(r);
  }
  return out;
}

const NO_DUE = '9999';

/**
 * Sorts in place. `urgency` is the domain's DL8 queue order (`deskQueue` in case/queue.ts): overdue
 * first, then the nearest deadline, then the case number; here over board rows, not whole cases.
 */
export function sortRows<R extends BoardRowLike>(rows: R[], sort: BoardSort, now: Instant): R[] {
  if (sort === 'caseNo') return rows.sort((a, b) => (a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0));
  if (sort === 'received') return rows.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
  // Decorate once: a comparator that re-derives keys would do it n log n times.
  const keyed = rows.map((r) => ({ r, k: `${isOverdueRow(r, now) ? '0' : '1'}${r.nextDeadline?.dueAt ?? NO_DUE}${r.caseNo}` }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  for (let i = 0; i < keyed.length; i++) rows[i] = (keyed[i] as { r: R }).r;
  return rows;
}

/** DL8: the overdue count shown on every screen. */
export function overdueCount(rows: readonly BoardRowLike[], now: Instant): number {
  let n = 0;
  for (const r of rows) if (r.state !== 'CLOSED' && isOverdueRow(r, now)) n++;
  return n;
}

/** The filter's choices, from the rows themselves (halls of this fair, experts on its cases). */
export function choicesOf(rows: readonly BoardRowLike[]): { halls: string[]; experts: string[] } {
  const halls = new Set<string>();
  const experts = new Set<string>();
  for (const r of rows) {
    if (r.state === 'CLOSED') continue;
    halls.add(r.hall);
    for (const e of r.experts) experts.add(e);
  }
  const byNatural = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });
  return { halls: [...halls].sort(byNatural), experts: [...experts].sort() };
}

/** DL8 countdown text parts: hours and minutes left (negative = overdue by). */
export function countdownParts(dueAt: Instant, now: Instant): { overdue: boolean; hours: number; minutes: number; seconds: number } {
  const ms = Date.parse(dueAt) - Date.parse(now);
  const abs = Math.abs(ms);
  const totalSeconds = Math.floor(abs / 1000);
  return { overdue: ms < 0, hours: Math.floor(totalSeconds / 3600), minutes: Math.floor((totalSeconds % 3600) / 60), seconds: totalSeconds % 60 };
}
