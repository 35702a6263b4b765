import type { Fair } from '../../domain/fair';
import { fairCloseAt } from '../../domain/fair';
import type { Instant } from '../../domain/time';
import { CLOCK_MOVED_EVENT, nowInstant } from '../lib/clock';
import { dueRows, tickerIndex, type TickerRow } from './ticker-index';

/**
 * The system actor of the desk (LC3 role S, CS3): while the app runs it issues
 * `MarkDefenceOverdue` (CS16) for notified cases past an uncapped defence deadline (DL6: a capped
 * one never goes overdue) and, after `fairCloseAt`, `CloseFair` (CS26) on every open case. Both
 * are idempotent (CS3): a case another device already moved gives no event, so running on
 * several tablets at once is harmless. The store is imported lazily: the shell paints without it.
 *
 * It reads no table on a tick: the board's rows are already in memory (kept live for the rail's
 * overdue badge, DL8), and the ticker's index over them (ticker-index.ts: the notified cases by
 * defence deadline) is built once per rows array; a tick is a binary search plus the few rows
 * whose deadline has passed and that were not tried yet.
 */
export const TICK_MS = 15_000;
const SYSTEM = { role: 'system' } as const;

/** The commands due now for one case row (pure: tested without a browser). */
export function dueSystemCommands(row: TickerRow, now: Instant, closeAt: Instant | undefined): ('MarkDefenceOverdue' | 'CloseFair')[] {
  const out: ('MarkDefenceOverdue' | 'CloseFair')[] = [];
  if (row.state === 'CLOSED') return out;
  const d = row.nextDeadline;
  if (row.state === 'NOTIFIED' && d?.kind === 'defence' && !d.capped && now > d.dueAt) out.push('MarkDefenceOverdue');
  if (closeAt !== undefined && now >= closeAt) out.push('CloseFair');
  return out;
}

/**
 * What the ticker already tried in this run, so a command the store refused (another device was
 * first, CS3; the case is not on this tablet yet) is not retried every 15 s: `MarkDefenceOverdue`
 * per case and deadline, `CloseFair` per case.
 */
export interface TickerMemo {
  readonly overdueTried: Map<string, Instant>;
  readonly closeTried: Set<string>;
}

export const newTickerMemo = (): TickerMemo => ({ overdueTried: new Map(), closeTried: new Set() });

/** The (case, command) pairs due now that were not tried yet (pure: unit-tested). */
export function pendingSystemCommands(rows: readonly TickerRow[], now: Instant, closeAt: Instant | undefined, memo: TickerMemo): { id: string; type: 'MarkDefenceOverdue' | 'CloseFair' }[] {
  const out: { id: string; type: 'MarkDefenceOverdue' | 'CloseFair' }[] = [];
  const index = tickerIndex(rows);
  if (closeAt !== undefined && now >= closeAt) {
    // CS26 after the close: every open case once (CS16 is moot, DL6 caps the windows).
    for (const r of index.open) if (!memo.closeTried.has(r.id)) out.push({ id: r.id, type: 'CloseFair' });
    return out;
  }
  for (const r of dueRows(index, now)) {
    const due = r.nextDeadline?.dueAt;
    if (due !== undefined && memo.overdueTried.get(r.id) !== due) out.push({ id: r.id, type: 'MarkDefenceOverdue' });
  }
  return out;
}

/** One tick over the fair's rows in memory. Returns how many commands were applied. */
export async function runSystemTick(fair: Fair, rows: readonly TickerRow[], memo: TickerMemo): Promise<number> {
  const now = nowInstant();
  const pending = pendingSystemCommands(rows, now, fairCloseAt(fair), memo);
  if (pending.length === 0) return 0;
  const { applyCaseCommand } = await import('../../store/cases');
  const byId = new Map(rows.map((r) => [r.id, r] as const));
  let applied = 0;
  for (const { id, type } of pending) {
    if (type === 'CloseFair') memo.closeTried.add(id);
    else memo.overdueTried.set(id, byId.get(id)?.nextDeadline?.dueAt ?? now);
    const r = await applyCaseCommand(id as never, { type, payload: {} } as never, SYSTEM, now);
    // A guard that fails (another device was first) is no error here (CS3).
    if (r.ok) applied++;
  }
  return applied;
}

/**
 * Starts the ticker for the current fair; returns the stop function. `rowsOf` hands the fair's
 * live board rows (undefined until first read).
 */
export function startSystemTicker(currentFair: () => Fair | undefined, rowsOf: (fairId: string) => readonly TickerRow[] | undefined): () => void {
  const memo = newTickerMemo();
  let running = false;
  const tick = (): void => {
    const fair = currentFair();
    if (fair === undefined || running) return;
    const rows = rowsOf(fair.id);
    if (rows === undefined) return;
    running = true;
    void runSystemTick(fair, rows, memo)
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
