import { afterEach, describe, expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import type { SyncItem } from '../../src/domain/sync-item';
import { postShowSummary } from '../../src/domain/report/post-show-summary';
import { applyCaseCommand, recordComplaint, type CaseCommandFields } from '../../src/store/cases';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { fromRecord } from '../../src/store/case-rows';
import { toSummaryRow } from '../../src/store/case-summaries';
import { getDb } from '../../src/store/db';
import { sessionDataOf, summaryDataOf } from '../../src/store/report-reads';
import type { SyncCredentials } from '../../src/store/sync-state';
import { buildBundle } from '../../src/sync/bundle/build-bundle';
import { importBundle } from '../../src/sync/bundle/import-bundle';
import { pullPages } from '../../src/sync/pull-pages';
import { admit, clerk, complaintInput, expert, EXPERT_ID, respondent, setupDevice, setupFair } from '../store/case-fixtures';
import { clock, freshDb, resetDb } from '../store/fixtures';
import { must, pagesTransport } from './pages-transport';

/**
 * The summary rows (case-summaries.ts, PS1) on the real store (fake-indexeddb): after every kind
 * of case write (a local action, a pulled page, an imported bundle, a case flagged by a fork or a
 * shared number) each stored case's row is its record's summary fields, and the summary over the
 * rows is the summary over the whole records.
 */
afterEach(resetDb);

const now = clock();

const creds = (fairId: string): SyncCredentials => ({ baseUrl: '', token: 't', deviceId: '01JRZ8Q4W6M00000000000000B', deviceCode: 'KB', fairId });
const pull = (fair: Fair, pages: readonly (readonly SyncItem[])[]) => pullPages({ transport: pagesTransport(pages), credentials: creds(fair.id), appliers: ALL_APPLIERS });
const allItems = async (): Promise<SyncItem[]> => (await getDb().items.toArray()).sort((a, b) => a.seq - b.seq);
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The stored summary rows, each equal to its case record's summary fields; the summaries over both equal. */
async function expectRowsAgree(fair: Fair, cases: number): Promise<void> {
  const records = await getDb().cases.toArray();
  expect(records).toHaveLength(cases);
  expect((await getDb().caseSummaries.toArray()).sort(byId)).toEqual(records.map((r) => toSummaryRow(fromRecord(r))).sort(byId));
  const whole = await sessionDataOf(fair.id);
  const rows = await summaryDataOf(fair.id);
  if (whole === undefined || rows === undefined) throw new Error('no session data');
  expect(postShowSummary(rows)).toEqual(postShowSummary(whole));
}

const opinion = (conclusion: 'ESTABLISHED_ALLEGED' | 'NOT_ESTABLISHED'): CaseCommandFields => ({
  type: 'IssueOpinion',
  payload: { conclusion, basis: conclusion === 'ESTABLISHED_ALLEGED' ? 'ADMISSION' : 'EXPERT_REVIEW', reasons: '意见', experts: [EXPERT_ID] },
});

/** Tablet A: a fair, two complaints (one with two respondents), one case taken up to the respondent's admission. */
async function tabletA(): Promise<{ fair: Fair; caseId: string }> {
  freshDb('summariesA');
  const fair = await setupFair({}, now());
  await setupDevice(fair, now(), 'KA');
  const filed = await must(recordComplaint(complaintInput(fair, now()), clerk, now()));
  await must(recordComplaint(complaintInput(fair, now(), { respondents: [respondent(2), respondent(3)] }), clerk, now()));
  const c = filed.cases[0]!;
  await admit(c, now);
  return { fair, caseId: c.id };
}

describe('summary rows', { timeout: 60_000 }, () => {
  test('[PS1] filings and case actions on this tablet keep each summary row equal to its case', async () => {
    const a = await tabletA();
    await expectRowsAgree(a.fair, 3);
    await must(applyCaseCommand(a.caseId, opinion('ESTABLISHED_ALLEGED'), expert, now()));
    expect((await getDb().caseSummaries.get([a.fair.id, a.caseId]))?.opinion?.conclusion).toBe('ESTABLISHED_ALLEGED');
    await expectRowsAgree(a.fair, 3);
  });

  test('[PS1] the summary read holds this fair\'s rows as its cases and the previous session\'s as its prior cases, no other fair\'s', async () => {
    freshDb('summariesTwoFairs');
    const earlier = clock('2024-10-15T01:30:00.000Z');
    const previous = await setupFair({ code: 'CF136', sessionNo: 136, days: [{ date: '2024-10-15', opensAt: '09:00', closesAt: '17:00' }] }, earlier());
    await setupDevice(previous, earlier());
    const old = (await must(recordComplaint(complaintInput(previous, earlier()), clerk, earlier()))).cases.map((c) => c.id);
    const before = clock('2024-04-15T01:30:00.000Z');
    const other = await setupFair({ code: 'CF135', sessionNo: 135, days: [{ date: '2024-04-15', opensAt: '09:00', closesAt: '17:00' }] }, before());
    await setupDevice(other, before());
    await must(recordComplaint(complaintInput(other, before()), clerk, before()));
    const current = await setupFair({ code: 'CF137', previousFairId: previous.id }, now());
    await setupDevice(current, now());
    const mine = (await must(recordComplaint(complaintInput(current, now(), { respondents: [respondent(2), respondent(3)] }), clerk, now()))).cases.map((c) => c.id);
    const read = await summaryDataOf(current.id);
    expect(read?.cases.map((c) => c.id).sort()).toEqual([...mine].sort());
    expect(read?.priorCases?.map((c) => c.id)).toEqual(old);
    await expectRowsAgree(current, 4);
  });

  test('[PS1] a pulled page writes the summary rows of the cases it folds', async () => {
    const a = await tabletA();
    const items = await allItems();
    freshDb('summariesB');
    await pull(a.fair, [items]);
    expect((await getDb().caseSummaries.get([a.fair.id, a.caseId]))?.state).toBe('ADMITTED');
    await expectRowsAgree(a.fair, 3);
  });

  test('[PS1] an imported bundle writes the summary rows of its cases', async () => {
    const a = await tabletA();
    const built = await must(buildBundle(now()));
    freshDb('summariesB');
    await must(importBundle(built.bytes));
    expect((await getDb().caseSummaries.get([a.fair.id, a.caseId]))?.state).toBe('ADMITTED');
    await expectRowsAgree(a.fair, 3);
  });

  test('[PS1][CS5] a fork pulled in flags the case CONFLICT in its summary row too', async () => {
    const a = await tabletA();
    const upToAdmission = await allItems();
    await must(applyCaseCommand(a.caseId, opinion('ESTABLISHED_ALLEGED'), expert, now()));
    const fromA = (await allItems()).slice(upToAdmission.length);
    freshDb('summariesB');
    await pull(a.fair, [upToAdmission]);
    await setupDevice(a.fair, now(), 'KB');
    await must(applyCaseCommand(a.caseId, opinion('NOT_ESTABLISHED'), expert, now()));
    expect((await getDb().caseSummaries.get([a.fair.id, a.caseId]))?.flags).not.toContain('CONFLICT');
    await pull(a.fair, [upToAdmission, fromA]);
    const row = await getDb().caseSummaries.get([a.fair.id, a.caseId]);
    expect(row?.flags).toContain('CONFLICT');
    expect(row?.conflicts).toHaveLength(1);
    await expectRowsAgree(a.fair, 3);
  });

  test('[PS1][SY34] a pulled case with this tablet\'s number flags this tablet\'s case CONFLICT in its summary row too', async () => {
    const a = await tabletA();
    const items = await allItems();
    freshDb('summariesB');
    // B numbers with A's code (a code given twice): its first case takes A's first number.
    await pull(a.fair, [items.filter((i) => i.kind === 'fair')]);
    await setupDevice(a.fair, now(), 'KA');
    const mine = (await must(recordComplaint(complaintInput(a.fair, now()), clerk, now()))).cases[0]!;
    expect((await getDb().caseSummaries.get([a.fair.id, mine.id]))?.flags).not.toContain('CONFLICT');
    await pull(a.fair, [items.filter((i) => i.kind === 'fair'), items.filter((i) => i.kind !== 'fair')]);
    expect((await getDb().caseSummaries.get([a.fair.id, mine.id]))?.flags).toContain('CONFLICT');
    await expectRowsAgree(a.fair, 4);
  });
});
