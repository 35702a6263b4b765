import { describe, expect, test } from 'vitest';
import { formatHlc, MAX_FOREIGN_LEAD_MS, measureOffsetMs, receiveAll, stampOfTime, tickHlc } from '../../src/domain/hlc';

/** The receive rule and the offset measure of `src/domain/hlc.ts` (SPEC.md SY10, SY12, SY13). */
const T = Date.parse('2025-04-15T02:00:00.000Z');
const HOUR = 3_600_000;

describe('receiveAll', () => {
  test('[SY10] the clock after receiving stamps ahead of it ticks after every one of them, whatever the wall clock says', () => {
    const local = formatHlc({ wallMs: T - 3 * HOUR, counter: 0, node: 'B' });
    const remote = [formatHlc({ wallMs: T, counter: 4, node: 'A' }), formatHlc({ wallMs: T - HOUR, counter: 9, node: 'C' })];
    const after = receiveAll(local, remote, T - 3 * HOUR + 1000, 'B');
    expect(after).toBe(formatHlc({ wallMs: T, counter: 5, node: 'B' }));
    expect(tickHlc(after, T - 3 * HOUR + 2000, 'B')).toBe(formatHlc({ wallMs: T, counter: 6, node: 'B' }));
  });

  test('[SY10] stamps no newer than the local clock leave it as it was', () => {
    const local = formatHlc({ wallMs: T, counter: 2, node: 'B' });
    expect(receiveAll(local, [formatHlc({ wallMs: T, counter: 1, node: 'A' })], T + HOUR, 'B')).toBe(local);
    expect(receiveAll(local, [], T + HOUR, 'B')).toBe(local);
  });
});

describe('times from outside the log', () => {
  test('[SY12] a foreign time counts at most 24 h ahead of the local wall clock', () => {
    expect(stampOfTime(T + HOUR, T)).toBe(formatHlc({ wallMs: T + HOUR, counter: 0, node: '0' }));
    expect(stampOfTime(T + 400 * 24 * HOUR, T)).toBe(formatHlc({ wallMs: T + MAX_FOREIGN_LEAD_MS, counter: 0, node: '0' }));
  });

  test('[SY13] the offset is the midpoint of sending and receiving minus the server\'s time', () => {
    expect(measureOffsetMs(T, T + 2000, T + 1000 + 3 * HOUR)).toBe(-3 * HOUR);
    expect(measureOffsetMs(T, T + 400, T - 5 * 60_000)).toBe(5 * 60_000 + 200);
  });
});
