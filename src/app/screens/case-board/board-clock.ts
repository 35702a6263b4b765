import { createRoot, createSignal, type Accessor } from 'solid-js';
import type { Instant } from '../../../domain/time';
import { nowInstant } from '../../lib/clock';

/**
 * Two shared clocks for the board (DL8): `secondNow` drives the live countdowns of the rows on
 * screen; `minuteNow` re-evaluates which cases are overdue (and so the order and the count) twice
 * a minute, not every second over 10,000 rows.
 */
const SORT_TICK_MS = 30_000;

const clocks = createRoot(() => {
  const [second, setSecond] = createSignal<Instant>(nowInstant());
  const [minute, setMinute] = createSignal<Instant>(nowInstant());
  setInterval(() => setSecond(nowInstant()), 1000);
  setInterval(() => setMinute(nowInstant()), SORT_TICK_MS);
  return { second, minute };
});

export const secondNow: Accessor<Instant> = clocks.second;
export const minuteNow: Accessor<Instant> = clocks.minute;
