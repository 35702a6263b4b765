import type { Instant } from '../../domain/time';

/** The part of a board row the system ticker reads (store `CaseRow`). */
export interface TickerRow {
  readonly id: string;
  readonly state: string;
  readonly nextDeadline?: { readonly kind: string; readonly dueAt: Instant; readonly capped: boolean } | undefined;
}

/**
 * The ticker's index of one rows array (built once, kept while the array lives): the open rows,
 * and the notified rows with an uncapped defence deadline (CS16, DL6) in ascending `dueAt`.
 * Instants are ISO strings of one shape, compared as strings.
 */
export interface TickerIndex<R extends TickerRow = TickerRow> {
  readonly open: readonly R[];
  readonly defence: readonly R[];
}

const indexes = new WeakMap<readonly TickerRow[], TickerIndex>();

export function tickerIndex<R extends TickerRow>(rows: readonly R[]): TickerIndex<R> {
  const cached = indexes.get(rows);
  if (cached !== undefined) return cached as TickerIndex<R>;
  const open: R[] = [];
  const defence: R[] = [];
  for (const r of rows) {
    if (r.state === 'CLOSED') continue;
    open.push(r);
    const d = r.nextDeadline;
    if (r.state === 'NOTIFIED' && d?.kind === 'defence' && !d.capped) defence.push(r);
  }
  defence.sort((a, b) => ((a.nextDeadline?.dueAt ?? '') < (b.nextDeadline?.dueAt ?? '') ? -1 : 1));
  const index = { open, defence };
  indexes.set(rows, index);
  return index;
}

/** DL5: the notified rows whose defence deadline is before `now` (a binary search for the end). */
export function dueRows<R extends TickerRow>(index: TickerIndex<R>, now: Instant): readonly R[] {
  const d = index.defence;
  let lo = 0;
  let hi = d.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((d[mid]?.nextDeadline?.dueAt ?? '') < now) lo = mid + 1;
    else hi = mid;
  }
  return d.slice(0, lo);
}
