import type { Fair } from '../../domain/fair';
import { fairCloseAt } from '../../domain/fair';
import type { Instant } from '../../domain/time';
import { CLOCK_MOVED_EVENT, nowInstant } from '../lib/clock';

/**
 * The system actor of the desk (DOMAIN.md §4.2 role S): while the app runs it issues
 * `MarkDefenceOverdue` (CS16) for notified cases past an uncapped defence deadline (DL6: a capped
 * one never goes overdue) and, after `fairCloseAt`, `CloseFair` (CS26) on every open case. Both
 * are idempotent (CS3): a case another device already moved gives no event, so running on
 * several tablets at once is harmless. The store is imported lazily: the shell paints without it.
 */
export const TICK_MS = 15_000;
const SYSTEM = { role: 'system' } as const;

interface Row {
  readonly id: string;
  readonly state: string;
  readonly nextDeadline?: { readonly kind: string; readonly dueAt: Instant; readonly capped: boolean } | undefined;
}

/** The commands due now for one case row (pure: tested without a browser). */
export function dueSystemCommands(row: Row, now: Instant, closeAt: Instant | undefined): ('MarkDefenceOverdue' | 'CloseFair')[] {
  const out: ('MarkDefenceOverdue' | 'CloseFair')[] = [];
  if (row.state === 'CLOSED') return out;
  const d = row.nextDeadline;
  if (row.state === 'NOTIFIED' && d?.kind === 'defence' && !d.capped && now > d.dueAt) out.push('MarkDefenceOverdue');
  if (closeAt !== undefined && now >= closeAt) out.push('CloseFair');
  return out;
}

/** One pass over the fair's cases. Returns how many commands were applied. */
export async function runSystemTick(fair: Fair, closedThisRun: Set<string>): Promise<number> {
  const { listCaseRows, applyCaseCommand } = await import('../../store/cases');
  const now = nowInstant();
  const closeAt = fairCloseAt(fair);
  let applied = 0;
  for (const row of await listCaseRows(fair.id)) {
    for (const type of dueSystemCommands(row, now, closeAt)) {
      if (type === 'CloseFair' && closedThisRun.has(row.id)) continue;
      const r = await applyCaseCommand(row.id as never, { type, payload: {} } as never, SYSTEM, now);
      // A guard that fails (another device was first) is no error here (CS3).
      if (r.ok) applied++;
      if (type === 'CloseFair') closedThisRun.add(row.id);
    }
  }
  return applied;
}

/** Starts the ticker for the current fair; returns the stop function. */
export function startSystemTicker(currentFair: () => Fair | undefined): () => void {
  const closed = new Set<string>();
  let running = false;
  const tick = (): void => {
    const fair = currentFair();
    if (fair === undefined || running) return;
    running = true;
    void runSystemTick(fair, closed)
      .then((n) => {
        document.documentElement.dataset.systemTicks = String(Number(document.documentElement.dataset.systemTicks ?? '0') + 1);
        if (n > 0) console.info(`system ticker: ${n} command(s)`);
      })
      .catch((e: unknown) => console.warn('system ticker failed', e))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, TICK_MS);
  window.addEventListener(CLOCK_MOVED_EVENT, tick);
  tick();
  return () => {
    clearInterval(timer);
    window.removeEventListener(CLOCK_MOVED_EVENT, tick);
  };
}
