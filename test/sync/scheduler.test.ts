import { describe, expect, test } from 'vitest';
import { backoffDelay, startScheduler } from '../../src/sync/scheduler';

/** A fake clock: timers run only when the test says so (nothing moves until the test flushes). */
function timers() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms };
      pending.push(t);
      return t;
    },
    clearTimer: (h: unknown) => {
      const i = pending.indexOf(h as { fn: () => void; ms: number });
      if (i >= 0) pending.splice(i, 1);
    },
    fire: () => pending.shift()?.fn(),
  };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('sync scheduler', () => {
  test('backoff grows exponentially, capped, with full jitter', () => {
    expect(backoffDelay(1, () => 1)).toBe(2_000);
    expect(backoffDelay(3, () => 1)).toBe(8_000);
    expect(backoffDelay(30, () => 1)).toBe(300_000);
    expect(backoffDelay(3, () => 0.5)).toBe(4_000);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });

  test('a failing run is retried after a growing, jittered delay; success goes back to the timer', async () => {
    const t = timers();
    let calls = 0;
    let failUntil = 3;
    const s = startScheduler({
      run: async () => {
        calls++;
        if (calls <= failUntil) throw new Error('offline');
      },
      random: () => 0.5,
      intervalMs: 60_000,
      setTimer: t.setTimer,
      clearTimer: t.clearTimer,
    });
    await settle();
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      delays.push(t.pending[0]!.ms);
      t.fire();
      await settle();
    }
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(calls).toBe(4);
    expect(t.pending[0]?.ms).toBe(60_000);
    failUntil = 0;
    s.stop();
    expect(t.pending).toHaveLength(0);
  });

  test('online and a visible page run sync at once; a run that needs a person is not retried', async () => {
    const t = timers();
    const network = new EventTarget();
    const page = new EventTarget();
    let visible = false;
    let calls = 0;
    let stop = false;
    const s = startScheduler({
      run: async () => {
        calls++;
        if (stop) throw new Error('revoked');
      },
      retryable: (e) => (e as Error).message !== 'revoked',
      setTimer: t.setTimer,
      clearTimer: t.clearTimer,
      network,
      page,
      isVisible: () => visible,
    });
    await settle();
    expect(calls).toBe(1);
    network.dispatchEvent(new Event('online'));
    await settle();
    expect(calls).toBe(2);
    page.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(calls).toBe(2);
    visible = true;
    page.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(calls).toBe(3);
    stop = true;
    s.trigger();
    await settle();
    expect(calls).toBe(4);
    expect(t.pending).toHaveLength(0);
    expect(s.nextDelayMs()).toBeUndefined();
    s.stop();
  });
});
