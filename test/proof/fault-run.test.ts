import { expect, test } from 'vitest';
import { faultRunPassed, reportLines, runFaultRun } from './fault-run';
import { seedFromEnv } from './rng';

/**
 * The quick version of the seeded fault run for `npm test`: 1,000 events from five tablets (two
 * with clocks hours off) through drops, lost answers, duplicates, delays, late deliveries, a
 * server killed mid-push, and a restore from a backup with a tablet enrolled in between that
 * enrols again and a replacement tablet. `npm run proof` runs the full 10,000. The seed is fixed
 * (DEFAULT_SEED) and printed; another comes from `PROOF_SEED=… npx vitest run --project proof`.
 */
test('seeded fault run, 1,000 events: every event on the server once, nothing freed unverified, nothing stuck, tablets agree', { timeout: 900_000 }, async () => {
  const seed = seedFromEnv();
  console.log(`fault run seed ${seed} (PROOF_SEED to change)`);
  const report = await runFaultRun({ seed, events: 1_000, kills: 1 });
  const lines = reportLines(report).join('\n');
  console.log(lines);
  const replay = `replay with PROOF_SEED=${seed}\n${lines}`;
  expect(report.produced, replay).toBeGreaterThanOrEqual(1_000);
  expect(report.duplicated, replay).toBe(0);
  expect(report.lost, replay).toBe(0);
  expect(report.onServer, replay).toBe(report.produced);
  expect(report.violations, replay).toEqual([]);
  expect(report.evidence.missing, replay).toBe(0);
  expect(report.outboxLeft, replay).toBe(0);
  expect(report.disagreements, replay).toEqual([]);
  expect(report.reEnrolments, replay).toBe(1);
  expect(report.kills.length, replay).toBe(1);
  expect(report.backup.serverItemsLost, replay).toBeGreaterThan(0);
  expect(faultRunPassed(report), replay).toBe(true);
});
