import { afterEach, describe, expect, test } from 'vitest';
import type { SyncItem } from '../../src/domain/sync-item';
import type { Fair } from '../../src/domain/fair';
import { applyCaseCommand, getCase, listCaseRows, recordComplaint, type CaseCommandFields } from '../../src/store/cases';
import { allCaseEvents } from '../../src/store/apply-pulled';
import { fold } from '../../src/domain/case/fold';
import { getDb } from '../../src/store/db';
import { listExhibitors, saveExhibitor } from '../../src/store/exhibitors';
import { runWrite } from '../../src/store/transaction';
import { ALL_APPLIERS, caseEventApplier } from '../../src/store/appliers';
import { conflictBranches } from '../../src/domain/case/conflict-branches';
import { pullPages, type PullApplier } from '../../src/sync/pull-pages';
import { readSyncState, type SyncCredentials } from '../../src/store/sync-state';
import { admit, clerk, complaintInput, expert, EXPERT_ID, setupDevice, setupFair } from '../store/case-fixtures';
import { clock, exhibitorInput, freshDb, resetDb } from '../store/fixtures';
import { must, pagesTransport } from './pages-transport';

/**
 * The pull appliers (CS5, SY6) on the real store (fake-indexeddb): two tablets are two
 * databases; the "server" is a list of pages handed out by cursor.
 */
afterEach(resetDb);

const now = clock();

const creds = (fairId: string): SyncCredentials => ({ baseUrl: '', token: 't', deviceId: '01JRZ8Q4W6M00000000000000B', deviceCode: 'KB', fairId });

const allItems = async (): Promise<SyncItem[]> => (await getDb().items.toArray()).sort((a, b) => a.seq - b.seq);

/** Tablet A: a fair, a complaint taken up to the respondent's admission (both tablets then act on it). */
async function tabletA(): Promise<{ fair: Fair; caseId: string; upToAdmission: SyncItem[] }> {
  freshDb('tabletA');
  const fair = await setupFair({}, now());
  await setupDevice(fair, now(), 'KA');
  const filed = await must(recordComplaint(complaintInput(fair, now()), clerk, now()));
  const c = filed.cases[0]!;
  await admit(c, now);
  return { fair, caseId: c.id, upToAdmission: await allItems() };
}

const opinion = (conclusion: 'ESTABLISHED_ALLEGED' | 'NOT_ESTABLISHED'): CaseCommandFields => ({
  type: 'IssueOpinion',
  payload: { conclusion, basis: conclusion === 'ESTABLISHED_ALLEGED' ? 'ADMISSION' : 'EXPERT_REVIEW', reasons: '意见', experts: [EXPERT_ID] },
});

describe('pull appliers', () => {
  test('[CS5] a pulled page lands with its cursor: the other tablet’s case is folded and on the board', async () => {
    const a = await tabletA();
    freshDb('tabletB');
    const summary = await pullPages({ transport: pagesTransport([a.upToAdmission]), credentials: creds(a.fair.id), appliers: ALL_APPLIERS });
    expect(summary.items).toBe(a.upToAdmission.length);
    const c = await getCase(a.caseId);
    expect(c?.state).toBe('ADMITTED');
    expect(c?.eventCount).toBe(a.upToAdmission.filter((i) => i.kind === 'case_event').length);
    expect((await listCaseRows(a.fair.id)).map((r) => r.id)).toEqual([a.caseId]);
    expect((await readSyncState()).cursor).toBe(1);
    // Nothing of another device enters this device's own log or outbox.
    expect(await getDb().items.count()).toBe(0);
    expect(await getDb().outbox.count()).toBe(0);
  });

  test('[CS5] a page whose applying fails leaves nothing, not even the cursor', async () => {
    const a = await tabletA();
    freshDb('tabletB');
    const broken: PullApplier = { tables: ['meta'], apply: () => Promise.reject(new Error('disk gone')) };
    await expect(pullPages({ transport: pagesTransport([a.upToAdmission]), credentials: creds(a.fair.id), appliers: [...ALL_APPLIERS, broken] })).rejects.toThrow();
    expect(await getDb().cases.count()).toBe(0);
    expect(await getDb().caseRows.count()).toBe(0);
    expect(await getDb().fairs.count()).toBe(0);
    expect((await readSyncState()).cursor).toBe(0);
  });

  test('[CS5] the same page applied twice changes nothing', async () => {
    const a = await tabletA();
    freshDb('tabletB');
    const apply = () => runWrite(caseEventApplier.tables, (db) => caseEventApplier.apply(db, a.upToAdmission), { log: false });
    await must(apply());
    const snapshot = async () => ({ cases: await getDb().cases.toArray(), rows: await getDb().caseRows.toArray(), meta: await getDb().meta.toArray() });
    const once = await snapshot();
    await must(apply());
    expect(await snapshot()).toEqual(once);
  });

  test('[CS5] two opinions issued offline on two tablets: the case is flagged CONFLICT on both, every event kept, reviewed only by an expert who saw both branches', async () => {
    const a = await tabletA();
    // A issues an established opinion…
    await must(applyCaseCommand(a.caseId, opinion('ESTABLISHED_ALLEGED'), expert, now()));
    const fromA = (await allItems()).slice(a.upToAdmission.length);
    // …while B, which had the case up to the admission, issues the opposite one.
    freshDb('tabletB');
    await pullPages({ transport: pagesTransport([a.upToAdmission]), credentials: creds(a.fair.id), appliers: ALL_APPLIERS });
    await setupDevice(a.fair, now(), 'KB');
    await must(applyCaseCommand(a.caseId, opinion('NOT_ESTABLISHED'), expert, now()));
    const fromB = (await allItems()).filter((i) => i.kind === 'case_event');
    expect((await getCase(a.caseId))?.flags).not.toContain('CONFLICT');

    await pullPages({ transport: pagesTransport([a.upToAdmission, fromA]), credentials: creds(a.fair.id), appliers: ALL_APPLIERS });
    const onB = await getCase(a.caseId);
    expect(onB?.flags).toContain('CONFLICT');
    expect(onB?.conflicts).toHaveLength(1);
    expect((await listCaseRows(a.fair.id))[0]?.flags).toContain('CONFLICT');
    const events = await allCaseEvents(a.caseId);
    expect(events.filter((e) => e.type === 'IssueOpinion')).toHaveLength(2);
    // The review screen: the shared history, one branch in effect, one set aside, not yet reviewed.
    const before = conflictBranches(onB!, events);
    expect(before.resolved).toBe(false);
    expect(before.setAside.map((e) => e.id)).toEqual(onB?.conflicts);
    expect(before.applied.map((e) => e.type)).toEqual(['IssueOpinion']);
    expect(before.common.map((e) => e.type)).toEqual(['Submit', 'Accept', 'NotifyRespondent', 'RecordAdmission']);
    // A clerk's note after both branches does not resolve it; an expert's does.
    await must(applyCaseCommand(a.caseId, { type: 'AddNote', payload: { text: '已看到两份意见' } }, clerk, now()));
    expect(conflictBranches((await getCase(a.caseId))!, await allCaseEvents(a.caseId)).resolved).toBe(false);
    await must(applyCaseCommand(a.caseId, { type: 'AddNote', payload: { text: '冲突复核:维持' } }, expert, now()));
    const after = conflictBranches((await getCase(a.caseId))!, await allCaseEvents(a.caseId));
    expect(after.resolved).toBe(true);
    expect(after.after.map((e) => e.type)).toEqual(['AddNote', 'AddNote']);

    // A receives B's opinion: the same fold, the same case (CS5 depends only on the set of events).
    const dbB = onB;
    freshDb('tabletA-again');
    await pullPages({ transport: pagesTransport([a.upToAdmission, fromA, fromB.slice(0, 1)]), credentials: creds(a.fair.id), appliers: ALL_APPLIERS });
    const onA = await getCase(a.caseId);
    expect(onA?.flags).toContain('CONFLICT');
    expect(onA?.opinion).toEqual(dbB?.opinion);
    expect(onA?.conflicts).toEqual(dbB?.conflicts);
    // Page by page (replayed onto the stored case) equals one fold of every event (CS5, P5 path).
    expect(onA).toEqual(fold(await allCaseEvents(a.caseId)));
  });

  test('a pulled exhibitor lands with its index keys; an older snapshot does not overwrite a newer one', async () => {
    const a = await tabletA();
    const first = await must(saveExhibitor(a.fair.id, exhibitorInput(3), now()));
    await must(saveExhibitor(a.fair.id, { ...exhibitorInput(3), id: first.id, nameZh: '新名字' }, now()));
    const items = (await allItems()).filter((i) => i.kind === 'exhibitor' || i.kind === 'fair');
    freshDb('tabletB');
    const newestFirst = [items[0]!, ...items.slice(1).reverse()];
    await pullPages({ transport: pagesTransport([newestFirst]), credentials: creds(a.fair.id), appliers: ALL_APPLIERS });
    const list = await listExhibitors(a.fair.id);
    expect(list.map((e) => e.nameZh)).toEqual(['新名字']);
  });
});
