/**
 * The desk's system actor (role S of LC3; CS3, CS16, CS26): which commands a tick issues, read
 * from the board rows in memory through the ticker's index, never twice for the same deadline.
 */
import { describe, expect, test } from 'vitest';
import type { Instant } from '../../src/domain/time';
import { dueSystemCommands, newTickerMemo, pendingSystemCommands } from '../../src/app/system/system-ticker';
import { dueRows, tickerIndex, type TickerRow } from '../../src/app/system/ticker-index';

const T = (h: number): Instant => new Date(Date.UTC(2025, 3, 15, h)).toISOString() as Instant;
const defence = (id: string, dueH: number, capped = false, state = 'NOTIFIED'): TickerRow => ({ id, state, nextDeadline: { kind: 'defence', dueAt: T(dueH), capped } });

const rows: readonly TickerRow[] = [
  defence('late', 3),
  defence('later', 5),
  defence('capped', 2, true),
  defence('answered', 1, false, 'DEFENCE_RECEIVED'),
  { id: 'accepted', state: 'ACCEPTED', nextDeadline: { kind: 'handover', dueAt: T(1), capped: false } },
  { id: 'closed', state: 'CLOSED' },
  defence('future', 9),
];

describe('the system ticker', () => {
  test('[CS16][DL6] only notified cases past an uncapped defence deadline are marked overdue', () => {
    expect(dueSystemCommands(defence('a', 3), T(4), undefined)).toEqual(['MarkDefenceOverdue']);
    expect(dueSystemCommands(defence('a', 3, true), T(4), undefined)).toEqual([]);
    expect(dueSystemCommands(defence('a', 3), T(3), undefined)).toEqual([]);
    const index = tickerIndex(rows);
    expect(index.defence.map((r) => r.id)).toEqual(['late', 'later', 'future']);
    expect(dueRows(index, T(6)).map((r) => r.id)).toEqual(['late', 'later']);
    expect(dueRows(index, T(3)).map((r) => r.id)).toEqual([]);
    // The index is built once per rows array.
    expect(tickerIndex(rows)).toBe(index);
  });

  test('[CS16][CS3] a tick issues each due command once; the same deadline is not retried on the next tick', () => {
    const memo = newTickerMemo();
    const first = pendingSystemCommands(rows, T(6), undefined, memo);
    expect(first).toEqual([
      { id: 'late', type: 'MarkDefenceOverdue' },
      { id: 'later', type: 'MarkDefenceOverdue' },
    ]);
    for (const c of first) memo.overdueTried.set(c.id, rows.find((r) => r.id === c.id)?.nextDeadline?.dueAt ?? T(0));
    expect(pendingSystemCommands(rows, T(7), undefined, memo)).toEqual([]);
    expect(pendingSystemCommands(rows, T(10), undefined, memo)).toEqual([{ id: 'future', type: 'MarkDefenceOverdue' }]);
  });

  test('[CS26] after the fair closes, CloseFair once for every open case', () => {
    const memo = newTickerMemo();
    const due = pendingSystemCommands(rows, T(12), T(11), memo);
    expect(due.map((c) => c.id).sort()).toEqual(['accepted', 'answered', 'capped', 'future', 'late', 'later']);
    expect(due.every((c) => c.type === 'CloseFair')).toBe(true);
    for (const c of due) memo.closeTried.add(c.id);
    expect(pendingSystemCommands(rows, T(13), T(11), memo)).toEqual([]);
  });
});
