/**
 * The post-show summary's read (report-reads.ts, PS1): one read transaction, shaped so that
 * `postShowSummary` runs over it unchanged.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import { postShowSummary } from '../../src/domain/report/post-show-summary';
import type { Instant } from '../../src/domain/time';
import { getDb } from '../../src/store/db';
import { recordComplaint } from '../../src/store/cases';
import { fromRecord } from '../../src/store/case-rows';
import { sessionDataOf } from '../../src/store/report-reads';
import { clock, freshDb, resetDb } from './fixtures';
import { clerk, complaintInput, respondent, setupDevice, setupFair } from './case-fixtures';

let now: () => Instant;
let fair: Fair;
beforeEach(async () => {
  freshDb('report-reads');
  now = clock();
  fair = await setupFair({}, now());
  await setupDevice(fair, now());
});
afterEach(resetDb);

test('[PS1] the summary read holds the fair\'s stored cases, and the summary over it is the domain\'s over them', async () => {
  const filed = await recordComplaint(complaintInput(fair, now(), { respondents: [respondent(1), respondent(2)] }), clerk, now());
  if (!filed.ok) throw new Error(JSON.stringify(filed.error));
  const read = await sessionDataOf(fair.id);
  if (read === undefined) throw new Error('no session data');
  const stored = (await getDb().cases.where('fairId').equals(fair.id).toArray()).map(fromRecord);
  expect(read.fair).toEqual(fair);
  expect(read.cases).toEqual(stored);
  expect(read.cases.map((c) => c.id).sort()).toEqual(filed.value.cases.map((c) => c.id).sort());
  expect(postShowSummary(read)).toEqual(postShowSummary({ ...read, cases: stored }));
});
