import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createHash } from 'node:crypto';
import type { Case } from '../../src/domain/case/case';
import { formatCaseNumber, type DeviceCode } from '../../src/domain/case/case-number';
import type { CaseEvent } from '../../src/domain/case/events';
import type { FairCode } from '../../src/domain/fair';
import { fold } from '../../src/domain/case/fold';
import type { Fair } from '../../src/domain/fair';
import { formatHlc } from '../../src/domain/hlc';
import type { SyncItem } from '../../src/domain/sync-item';
import { CaseBrowsePage, CaseDetailReply } from '../../src/domain/wire/console-cases';
import { createHttpApp } from '../../src/server/server';
import type { Storage } from '../../src/server/storage/storage';
import { createPerson } from '../../src/server/console/console-store';
import { makeFair } from '../support/builders';
import { complainantInput } from '../support/entity-builders';
import { right, runCase, uscc } from '../domain/report/session-builder';
import { bothStorages } from './both-storages';
import { enrol, newId, type TestDevice } from './support';

/** The console's case browser (CB1–CB4, src/server/CONSOLE-SPEC.md) through `app.request`, on both databases. */
const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery';
const BEFORE = Date.parse('2025-04-14T00:00:00Z');
const LONG_AFTER = Date.parse('2030-01-01T00:00:00Z');
const RESPONDENT_A = uscc('91440101MB0000001');
const RESPONDENT_B = uscc('91440101MB0000002');
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
const PHOTO_SHA = createHash('sha256').update(PHOTO).digest('hex');

describe.each(bothStorages())('the case browser on $name', (db) => {
  let nowMs = BEFORE;
  let app: Hono;
  let storage: Storage;
  let fair: Fair;
  let deskA: TestDevice;
  let deskB: TestDevice;
  let cookie: string;
  const organizer = `browse-org-${newId().slice(-6)}`;
  const ids: Record<'closed' | 'notified' | 'received', { caseId: string; caseNo: string }> = {} as never;
  const evidenceIdOf = newId();
  let acceptReceived: CaseEvent;

  const call = (path: string, asCookie = cookie): Promise<Response> =>
    Promise.resolve(app.request(`${ORIGIN}/api/console${path}`, { headers: { origin: ORIGIN, cookie: asCookie } }));
  const signIn = async (name: string): Promise<string> => {
    const res = await app.request(`${ORIGIN}/api/console/session`, {
      method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return /^([^=]+=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  };
  const list = async (query: string): Promise<CaseBrowsePage> => {
    const res = await call(`/fairs/${fair.id}/cases?${query}`);
    expect(res.status, query).toBe(200);
    return CaseBrowsePage.parse(await res.json());
  };
  const found = async (query: string): Promise<string[]> => (await list(query)).rows.map((r) => r.caseNo).sort();

  /** A run's events renumbered `CF137-K07-<n>` (the builder gives every case one number). */
  const numbered = (run: { case: Case; events: readonly CaseEvent[] }, n: number): { caseId: string; caseNo: string; events: CaseEvent[] } => {
    const caseNo = formatCaseNumber({ fair: 'CF137' as FairCode, device: 'K07' as DeviceCode, seq: n });
    return { caseId: run.case.id, caseNo, events: run.events.map((e) => JSON.parse(JSON.stringify(e).split(run.case.caseNo).join(caseNo)) as CaseEvent) };
  };

  /** The events of a case as `device` recorded them, pushed as its items from `seq`. */
  const push = async (device: TestDevice, events: readonly CaseEvent[], seq: number, extra: readonly SyncItem[] = []): Promise<void> => {
    const items = events.map((e, i) => {
      const event = JSON.parse(JSON.stringify(e).split(e.deviceId).join(device.deviceId)) as CaseEvent;
      return {
        id: newId(), fairId: fair.id, deviceId: device.deviceId, seq: seq + i, hlc: event.hlc, at: event.at, kind: 'case_event', entityId: event.caseId, payload: event,
      } as unknown as SyncItem;
    });
    const out = await storage.push({ deviceId: device.deviceId, fairId: fair.id }, [...items, ...extra.map((x, i) => ({ ...x, seq: seq + items.length + i }))], Date.now());
    expect(out).toMatchObject({ kind: 'pushed' });
  };

  beforeAll(async () => {
    storage = db.storage();
    app = createHttpApp({ distDir: 'dist', storage, now: () => nowMs });
    fair = makeFair({ id: newId(), code: 'CF137' } as never);
    deskA = await enrol(storage, fair.id, { deviceCode: 'K07' });
    deskB = await enrol(storage, fair.id, { deviceCode: 'K12' });
    const fairItem = { id: newId(), fairId: fair.id, deviceId: deskA.deviceId, seq: 1, hlc: formatHlc({ wallMs: BEFORE, counter: 0, node: 'N1' }), at: new Date(BEFORE).toISOString(), kind: 'fair', entityId: fair.id, payload: fair } as unknown as SyncItem;
    expect(await storage.push({ deviceId: deskA.deviceId, fairId: fair.id }, [fairItem], Date.now())).toMatchObject({ kind: 'pushed' });

    const closed = numbered(runCase(fair, {
      n: 1, complaint: 1, respondent: { key: `CN:${RESPONDENT_A}`, name: '广州甲电器有限公司', hall: '1.1', stand: 'B12' },
      rights: [right('invention', 1)], start: '2025-04-15 10:00', steps: ['RequestSupplement', ['Reject', { payload: { reason: 'NR_OTHER', text: '非本展会展品' } }]],
    }), 1);
    const notified = numbered(runCase(fair, {
      n: 2, complaint: 2, respondent: { key: `CN:${RESPONDENT_B}`, name: '深圳乙贸易有限公司', hall: '2.1', stand: 'C03' },
      complainant: complainantInput({ name: '上海丙品牌管理有限公司' }), rights: [right('trademark', 2)], start: '2025-04-15 11:00', steps: ['Accept', 'NotifyRespondent'],
    }), 2);
    const received = numbered(runCase(fair, {
      n: 3, complaint: 3, respondent: { key: `CN:${RESPONDENT_A}`, name: '广州甲电器有限公司', hall: '1.1', stand: 'B14' },
      rights: [right('design', 3)], start: '2025-04-15 12:00', steps: [],
    }), 3);
    const accepted = numbered(runCase(fair, {
      n: 3, complaint: 3, respondent: { key: `CN:${RESPONDENT_A}`, name: '广州甲电器有限公司', hall: '1.1', stand: 'B14' },
      rights: [right('design', 3)], start: '2025-04-15 12:00', steps: ['Accept'],
    }), 3);
    acceptReceived = accepted.events[accepted.events.length - 1] as CaseEvent;
    ids.closed = closed;
    ids.notified = notified;
    ids.received = received;
    const evidence = {
      id: evidenceIdOf, fairId: fair.id, deviceId: deskB.deviceId, seq: 0, hlc: formatHlc({ wallMs: BEFORE + 5, counter: 0, node: 'N2' }), at: new Date(BEFORE).toISOString(),
      kind: 'evidence_meta', entityId: evidenceIdOf,
      payload: { id: evidenceIdOf, caseId: received.caseId, kind: 'photo', sha256: PHOTO_SHA, mime: 'image/jpeg', bytes: PHOTO.byteLength, capturedAt: '2025-04-15T04:01:00.000Z', capturedBy: '01J00000000000000000000000', deviceId: deskB.deviceId },
    } as unknown as SyncItem;
    await push(deskA, closed.events, 2);
    // The notified case: filed on K07, then its last event recorded on K12.
    await push(deskA, notified.events.slice(0, -1), 2 + closed.events.length);
    await push(deskB, [...notified.events.slice(-1)], 1);
    await push(deskB, received.events, 2, [evidence]);
    await storage.putBlob(PHOTO_SHA, PHOTO);

    await storage.createUser({ name: organizer, password: PASSWORD, role: 'organizer' });
    cookie = await signIn(organizer);
  });

  test('[CB2] a search finds cases by case number, booth, party name and USCC, ignoring case and full width', async () => {
    nowMs = BEFORE;
    expect(await found(`q=${encodeURIComponent(ids.notified.caseNo)}`)).toEqual([ids.notified.caseNo]);
    // CN3: typed without hyphens, in lower case.
    expect(await found(`q=${ids.closed.caseNo.replace(/-/g, '').toLowerCase()}`)).toEqual([ids.closed.caseNo]);
    expect(await found(`q=${encodeURIComponent('1.1/b12')}`)).toEqual([ids.closed.caseNo]);
    expect(await found(`q=${encodeURIComponent('Ｂ14')}`)).toEqual([ids.received.caseNo]);
    expect(await found(`q=${encodeURIComponent('甲电器')}`)).toEqual([ids.closed.caseNo, ids.received.caseNo].sort());
    expect(await found(`q=${encodeURIComponent('丙品牌')}`)).toEqual([ids.notified.caseNo]);
    expect(await found(`q=${RESPONDENT_B.toLowerCase()}`)).toEqual([ids.notified.caseNo]);
    expect(await found(`q=${encodeURIComponent('100%_')}`)).toEqual([]);
  });

  test('[CB2] filters by state, outcome, IP type, hall, tablet and overdue, with the total over every page', async () => {
    nowMs = BEFORE;
    expect(await found('state=NOTIFIED')).toEqual([ids.notified.caseNo]);
    expect(await found('outcome=NOT_ACCEPTED')).toEqual([ids.closed.caseNo]);
    expect(await found('ipType=design')).toEqual([ids.received.caseNo]);
    expect(await found('hall=1.1')).toEqual([ids.closed.caseNo, ids.received.caseNo].sort());
    expect(await found(`tablet=${deskA.deviceId}`)).toEqual([ids.closed.caseNo, ids.notified.caseNo].sort());
    expect(await found(`tablet=${deskB.deviceId}`)).toEqual([ids.notified.caseNo, ids.received.caseNo].sort());
    expect(await found('overdue=1')).toEqual([]);
    // Years later (the session of 2025 long ended, CO3): signed in again.
    nowMs = LONG_AFTER;
    cookie = await signIn(organizer);
    expect(await found('overdue=1')).toEqual([ids.notified.caseNo, ids.received.caseNo].sort());
    expect(await found('overdue=1&hall=2.1')).toEqual([ids.notified.caseNo]);
    const page = await list('limit=1&offset=1');
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.caseNo)).toEqual([ids.notified.caseNo]);
    expect(page.rows[0]?.tablets).toEqual(['K07', 'K12']);
    expect(page.halls).toEqual(['1.1', '2.1']);
    expect(page.tabletOptions.map((t) => t.deviceCode)).toEqual(['K07', 'K12']);
  });

  test('[CB2] a query parameter out of its schema is refused 400 INVALID_QUERY', async () => {
    for (const bad of ['state=OPEN', 'limit=500', 'offset=-1', 'tablet=K07', 'overdue=yes', 'ipType=patent', 'state=NOTIFIED&state=CLOSED']) {
      const res = await call(`/fairs/${fair.id}/cases?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json(), bad).toMatchObject({ type: 'error', code: 'INVALID_QUERY' });
    }
    expect((await call(`/fairs/not-a-fair/cases`)).status).toBe(400);
  });

  test('[CB3] a case is the domain fold of its events, with every event\'s tablet by code and its flags and deadlines', async () => {
    const res = await call(`/fairs/${fair.id}/cases/${ids.notified.caseId}`);
    expect(res.status).toBe(200);
    const detail = CaseDetailReply.parse(await res.json());
    expect(detail.case).toEqual(fold(detail.events));
    expect(detail.case.state).toBe('NOTIFIED');
    expect(detail.case.deadlines.defence?.dueAt).toMatch(/^2025-04-1/);
    expect(detail.events.map((e) => detail.deviceCodes[e.deviceId])).toEqual(['K07', 'K07', 'K12']);
    expect((await call(`/fairs/${fair.id}/cases/${newId()}`)).status).toBe(404);
  });

  test('[CB4] a case\'s evidence comes with its SHA-256, device code and custody facts, and its file with the recorded type', async () => {
    const detail = CaseDetailReply.parse(await (await call(`/fairs/${fair.id}/cases/${ids.received.caseId}`)).json());
    expect(detail.evidence).toHaveLength(1);
    expect(detail.evidence[0]).toMatchObject({ deviceCode: 'K12', held: true, evidence: { id: evidenceIdOf, sha256: PHOTO_SHA, kind: 'photo', bytes: PHOTO.byteLength } });
    const file = await call(`/fairs/${fair.id}/cases/${ids.received.caseId}/evidence/${evidenceIdOf}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(createHash('sha256').update(new Uint8Array(await file.arrayBuffer())).digest('hex')).toBe(PHOTO_SHA);
    // Another case's evidence is not served through this case.
    expect((await call(`/fairs/${fair.id}/cases/${ids.closed.caseId}/evidence/${evidenceIdOf}`)).status).toBe(404);
  });

  test('[CO8] without a session 401; an administration viewer 403; a tablet\'s token 403', async () => {
    expect((await call(`/fairs/${fair.id}/cases`, '')).status).toBe(401);
    const viewer = `browse-viewer-${newId().slice(-6)}`;
    expect(await createPerson(storage.sql, { name: viewer, password: PASSWORD, role: 'admin_viewer', scope: { kind: 'national' } }, { userId: null, name: 'test', address: '127.0.0.1' }, Date.now())).toMatchObject({ role: 'admin_viewer' });
    const viewerCookie = await signIn(viewer);
    expect((await call(`/fairs/${fair.id}/cases`, viewerCookie)).status).toBe(403);
    expect((await call(`/fairs/${fair.id}/cases/${ids.closed.caseId}`, viewerCookie)).status).toBe(403);
    const res = await app.request(`${ORIGIN}/api/console/fairs/${fair.id}/cases`, { headers: { authorization: `Bearer ${deskA.token}` } });
    expect(res.status).toBe(403);
  });

  test('[CB1] a pushed event rewrites its case\'s row before the push answers, from the same fold as the report\'s row', async () => {
    const row = async () => (await storage.sql.query<{ state: string; due_at: string | null }>('select state, due_at from console_cases where fair_id = $1 and case_id = $2', [fair.id, ids.received.caseId]))[0];
    expect(await row()).toMatchObject({ state: 'RECEIVED' });
    await push(deskB, [acceptReceived], 4);
    expect(await row()).toEqual({ state: 'ACCEPTED', due_at: null });
    const [report] = await storage.sql.query<{ accepted: boolean }>('select accepted from report_cases where fair_id = $1 and case_id = $2', [fair.id, ids.received.caseId]);
    expect(report?.accepted).toBe(true);
  });
});
