import { describe, expect, test } from 'vitest';
import type { BenchSuite, Figure } from './figure';
import { runFailed, runSuites, runWithin, selectSuites } from './suite-runner';

const figure = (name: string, value: number): Figure => ({ name, value, unit: 'ms', goal: { op: '<=', value: 100 } });

const suite = (name: string, run: () => Promise<readonly Figure[]>, timeLimitS?: number): BenchSuite =>
  timeLimitS === undefined ? { name, run } : { name, run, timeLimitS };

describe('the bench runs every suite within its time limit', () => {
  test('a suite that never settles ends at its limit with an error line, and the next suite still runs', async () => {
    const printed: string[] = [];
    const started = performance.now();
    const run = await runSuites(
      [suite('hangs', () => new Promise<never>(() => undefined), 0.2), suite('fine', () => Promise.resolve([figure('P1 save', 50)]))],
      (line) => printed.push(line),
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(5_000);
    expect(printed[0]).toMatch(/^suite hangs\s+error: timed out after 0\.2 s$/);
    expect(printed[1]).toMatch(/^P1 save\s+50\s+ms\s+goal <= 100\s+PASS$/);
    expect(run.errors).toEqual([{ suite: 'hangs', message: 'timed out after 0.2 s' }]);
    expect(run.lines.map((l) => [l.name, l.pass])).toEqual([['P1 save', true]]);
    expect(runFailed(run, [])).toBe(true);
  });

  test('a figure taken with its load prints the load after PASS or FAIL', async () => {
    const printed: string[] = [];
    await runSuites([suite('loaded', () => Promise.resolve([{ ...figure('import', 120), load: 3.14 }]))], (line) => printed.push(line));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^import\s+120\s+ms\s+goal <= 100\s+FAIL {2}at load 3\.1$/);
  });

  test('a suite that finishes within its limit gives its figures, and a failing one its first error line', async () => {
    expect(await runWithin(suite('quick', () => Promise.resolve([figure('P1 save', 5)])), 5)).toEqual({ figures: [figure('P1 save', 5)] });
    expect(await runWithin(suite('broken', () => Promise.reject(new Error('Chromium did not start\nstack'))), 5)).toEqual({ error: 'Chromium did not start' });
  });

  test('the run fails on a figure over its goal or a budget not measured, and passes otherwise', async () => {
    const over = await runSuites([suite('slow', () => Promise.resolve([figure('P1 save', 150)]))], () => undefined);
    expect(runFailed(over, [])).toBe(true);
    const good = await runSuites([suite('quick', () => Promise.resolve([figure('P1 save', 5)]))], () => undefined);
    expect(runFailed(good, [])).toBe(false);
    expect(runFailed(good, ['P5'])).toBe(true);
  });

  test('a name picks that suite alone; a word picks every suite whose name contains it', () => {
    const all = ['summary', 'server-summary', 'phone'].map((n) => suite(n, () => Promise.resolve([])));
    expect(selectSuites(all, ['summary']).map((s) => s.name)).toEqual(['summary']);
    expect(selectSuites(all, ['summ']).map((s) => s.name)).toEqual(['summary', 'server-summary']);
    expect(selectSuites(all, []).map((s) => s.name)).toEqual(['summary', 'server-summary', 'phone']);
  });
});
