import { afterEach, describe, expect, test } from 'vitest';
import { fold } from '../../src/domain/case/fold';
import { resolutionEvent } from '../../src/domain/case/resolve-conflict';
import type { Fair } from '../../src/domain/fair';
import { DeviceId, EventId } from '../../src/domain/ids';
import type { SyncItem } from '../../src/domain/sync-item';
import { instantFromMs } from '../../src/domain/time';
import { allCaseEvents } from '../../src/store/apply-pulled';
import { applyCaseCommand, getCase, listCaseRows, recordComplaint, type CaseCommandFields } from '../../src/store/cases';
import { getDb } from '../../src/store/db';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { pullPages } from '../../src/sync/pull-pages';
import type { SyncCredentials } from '../../src/store/sync-state';
import { clerk, complaintInput, EVIDENCE, EXPERT_ID, expert, setupDevice, setupFair } from '../store/case-fixtures';
import { clock, freshDb, resetDb } from '../store/fixtures';
import { must, pagesTransport } from './pages-transport';

/**
 * The organizer's decision on a forked case (CS31, CONSOLE-SPEC CO21) reaches a tablet as the
 * server device's case event in a pull page, and the tablet's fold clears the flag. Tablets are
 * fake-indexeddb databases; the server is a list of pages.
 */
afterEach(resetDb);

const now = clock();
const SERVER_DEVICE = DeviceId.parse('01JSRVR0000000000000000000');

const creds = (fairId: string): SyncCredentials => ({ baseUrl: '', token: 't', deviceId: '01JRZ8Q4W6M00000000000000B', deviceCode: 'KB', fairId });
const allItems = async (): Promise<SyncItem[]> => (await getDb().items.toArray()).sort((a, b) => a.seq - b.seq);
const opinion = (conclusion: 'ESTABLISHED_ALLEGED' | 'NOT_ESTABLISHED'): CaseCommandFields => ({
  type: 'IssueOpinion',
  payload: { conclusion, basis: conclusion === 'ESTABLISHED_ALLEGED' ? 'ADMISSION' : 'EXPERT_REVIEW', reasons: '意见', experts: [EXPERT_ID] },
});

/** Tablets A and B issue opposite opinions offline on one admitted case; B has pulled A's and is flagged. */
async function forked(): Promise<{ fair: Fair; caseId: string; pages: SyncItem[][] }> {
  freshDb('tabletA');
  const fair = await setupFair({}, now());
  await setupDevice(fair, now(), 'KA');
  const c = (await must(recordComplaint(complaintInput(fair, now()), clerk, now()))).cases[0]!;
  const checklist = c.checklist.filter((i) => i.required && i.status !== 'waived').map((i) => ({ code: i.code, required: true, status: 'verified' as const, originalSighted: true }));
  await must(applyCaseCommand(c.id, { type: 'Accept', payload: { checklist } }, expert, now()));
  const at = now();
  await must(applyCaseCommand(c.id, { type: 'NotifyRespondent', payload: { servedAt: at, service: { kind: 'signed', signatureEvidenceId: EVIDENCE[1] } } }, clerk, at));
  await must(applyCaseCommand(c.id, { type: 'RecordAdmission', payload: { signatureEvidenceId: EVIDENCE[1] } }, clerk, now()));
  const shared = await allItems();
  await must(applyCaseCommand(c.id, opinion('ESTABLISHED_ALLEGED'), expert, now()));
  const fromA = (await allItems()).slice(shared.length);
  freshDb('tabletB');
  await pullPages({ transport: pagesTransport([shared]), credentials: creds(fair.id), appliers: ALL_APPLIERS });
  await setupDevice(fair, now(), 'KB');
  await must(applyCaseCommand(c.id, opinion('NOT_ESTABLISHED'), expert, now()));
  const fromB = (await allItems()).filter((i) => i.kind === 'case_event');
  await pullPages({ transport: pagesTransport([shared, fromA]), credentials: creds(fair.id), appliers: ALL_APPLIERS });
  return { fair, caseId: c.id, pages: [shared, fromA, fromB] };
}

describe('a decision made on the server, pulled by a tablet', () => {
  test('[CS31] the server device’s ResolveConflict clears CONFLICT on the tablet’s case and board row after pull', async () => {
    const { fair, caseId, pages } = await forked();
    const flagged = await getCase(caseId);
    expect(flagged?.flags).toContain('CONFLICT');
    expect((await listCaseRows(fair.id))[0]?.flags).toContain('CONFLICT');

    // The server folds every event it holds (both tablets'), as the review queue does.
    const onServer = fold(await allCaseEvents(caseId));
    if (onServer === undefined) throw new Error('no case on the server');
    const nowMs = Date.parse(now());
    const made = resolutionEvent(onServer, { resolves: onServer.conflicts, stands: 'applied', reason: '以先签署的意见为准', decidedBy: '王组织' }, {
      eventId: EventId.parse('01JSRVR0000000000000000001'), deviceId: SERVER_DEVICE, now: instantFromMs(nowMs), nowMs,
    });
    if (!made.ok) throw new Error(made.error.code);
    const decision: SyncItem = {
      id: made.value.id, fairId: fair.id, deviceId: SERVER_DEVICE, seq: 1, hlc: made.value.hlc, at: made.value.at, kind: 'case_event', entityId: caseId, payload: made.value,
    } as SyncItem;
    await pullPages({ transport: pagesTransport([...pages, [decision]]), credentials: creds(fair.id), appliers: ALL_APPLIERS });

    const cleared = await getCase(caseId);
    expect(cleared).toMatchObject({ flags: expect.not.arrayContaining(['CONFLICT']), conflicts: [], state: flagged?.state, opinion: flagged?.opinion });
    expect((await listCaseRows(fair.id))[0]?.flags).not.toContain('CONFLICT');
    expect((await allCaseEvents(caseId)).at(-1)?.type).toBe('ResolveConflict');
  });
});
