import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { fold } from '../../src/domain/case/fold';
import { CaseEvent } from '../../src/domain/case/events';
import { DeviceId } from '../../src/domain/ids';
import type { SyncItem } from '../../src/domain/sync-item';
import { addMinutes } from '../../src/domain/time';
import { ConflictDecided, ExhibitorList, ExhibitorsImported, ItemAcknowledged, ReviewQueue } from '../../src/domain/wire/console-review';
import { createHttpApp } from '../../src/server/server';
import type { Storage } from '../../src/server/storage/storage';
import { Desk, caseId, makeFair } from '../support/builders';
import { bothStorages } from './both-storages';
import { enrol, newId, type TestDevice } from './support';

/** The console's review queue and exhibitor list (CONSOLE-SPEC CO19–CO23) through `app.request`, on both databases. */
const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery';
const USCC = '91350100M000100Y43';

const asItems = (device: TestDevice, events: readonly CaseEvent[], firstSeq: number): SyncItem[] =>
  events.map((e, i) => ({ id: e.id, fairId: device.fairId, deviceId: device.deviceId, seq: firstSeq + i, hlc: e.hlc, at: e.at, kind: 'case_event', entityId: e.caseId, payload: e }) as unknown as SyncItem);

describe.each(bothStorages())('the review queue and exhibitor list on $name', (db) => {
  let app: Hono;
  let storage: Storage;
  let cookie = '';
  let organizer = '';
  let cases = 0;
  const nowMs = Date.now();

  beforeAll(async () => {
    storage = db.storage();
    app = createHttpApp({ distDir: 'dist', storage, now: () => nowMs });
    organizer = `reviewer-${newId().slice(-6)}`;
    await storage.createUser({ name: organizer, password: PASSWORD, role: 'organizer' });
    const res = await call('POST', '/session', { name: organizer, password: PASSWORD });
    cookie = /^([^=]+=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  });

  function call(method: string, path: string, body?: unknown): Promise<Response> {
    return Promise.resolve(app.request(`${ORIGIN}/api/console${path}`, {
      method,
      headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }));
  }
  const auditActions = async (action: string): Promise<number> =>
    Number((await storage.sql.query<{ n: unknown }>('select count(*) as n from audit_log where action = $1', [action]))[0]?.n);
  const newFair = async () => {
    const fair = makeFair({ id: newId() });
    expect((await call('POST', '/fairs', { fair })).status).toBe(201);
    return fair;
  };
  const pullAll = async (fairId: string) => (await storage.pull(fairId, 0, 1000)).items.map((p) => p.item);

  /** Two tablets of a fair fork a notified case: one withdraws it, the other records an admission, which is set aside. */
  async function forkedCase() {
    const fair = await newFair();
    const a = await enrol(storage, fair.id);
    const b = await enrol(storage, fair.id);
    const n = ++cases;
    const deskA = new Desk(fair, undefined, DeviceId.parse(a.deviceId), caseId(100 + n), n * 1000);
    for (const type of ['Submit', 'Accept', 'NotifyRespondent'] as const) deskA.must(type);
    const deskB = deskA.branch(DeviceId.parse(b.deviceId), n * 1000 + 500);
    deskA.must('Withdraw');
    deskB.must('RecordAdmission', { at: addMinutes(deskA.now, 1) });
    const admission = deskB.events.at(-1) as CaseEvent;
    await storage.push(a, asItems(a, deskA.events, 1), nowMs);
    await storage.push(b, asItems(b, [admission], 1), nowMs);
    return { fair, a, b, admission, caseNo: deskA.case?.caseNo, caseIdOf: deskA.id };
  }

  test('[CO19] a forked case is listed with what each tablet did, by device code', async () => {
    const { fair, a, b, admission, caseNo } = await forkedCase();
    const queue = ReviewQueue.parse(await (await call('GET', `/fairs/${fair.id}/review`)).json());
    expect(queue.conflicts).toHaveLength(1);
    const [c] = queue.conflicts;
    expect(c).toMatchObject({ caseNo, state: 'CLOSED', outcome: 'WITHDRAWN', forkAfter: { type: 'NotifyRespondent', deviceCode: a.deviceCode } });
    expect(c?.applied.map((e) => [e.type, e.deviceCode])).toEqual([['Withdraw', a.deviceCode]]);
    expect(c?.setAside.map((e) => [e.eventId, e.type, e.deviceCode, e.role])).toEqual([[admission.id, 'RecordAdmission', b.deviceCode, 'respondent']]);
  });

  test('[CO21][CS31] a decision is a server-authored event that clears the flag for every puller, audited once; a second is refused', async () => {
    const { fair, admission, caseIdOf } = await forkedCase();
    const before = await auditActions('conflict_decided');
    const res = await call('POST', `/fairs/${fair.id}/review/cases/${caseIdOf}/decide`, { resolves: [admission.id], stands: 'applied', reason: '撤回在先，承认无效' });
    expect(res.status).toBe(200);
    const decided = ConflictDecided.parse(await res.json());
    const items = await pullAll(fair.id);
    const decision = items.find((i) => i.id === decided.eventId);
    const [author] = await storage.sql.query<{ device_id: string }>('select device_id from console_fair_authors where fair_id = $1', [fair.id]);
    expect(decision).toMatchObject({ kind: 'case_event', entityId: caseIdOf, deviceId: author?.device_id, payload: { type: 'ResolveConflict', actor: { role: 'organizer' } } });
    expect((decision?.payload as CaseEvent).payload).toEqual({ resolves: [admission.id], stands: 'applied', reason: '撤回在先，承认无效', decidedBy: organizer });
    const folded = fold(items.filter((i) => i.kind === 'case_event').map((i) => CaseEvent.parse(i.payload)));
    expect(folded).toMatchObject({ state: 'CLOSED', outcome: 'WITHDRAWN', flags: [], conflicts: [] });
    expect(ReviewQueue.parse(await (await call('GET', `/fairs/${fair.id}/review`)).json()).conflicts).toEqual([]);
    expect(await auditActions('conflict_decided')).toBe(before + 1);
    const again = await call('POST', `/fairs/${fair.id}/review/cases/${caseIdOf}/decide`, { resolves: [admission.id], stands: 'set_aside', reason: '再次' });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ type: 'error', code: 'NOT_IN_CONFLICT' });
    expect(await pullAll(fair.id)).toHaveLength(items.length);
    expect(await auditActions('conflict_decided')).toBe(before + 1);
  });

  test('[CO20][CO22] a refused item is listed with its code and tablet, and acknowledged once with one audit row', async () => {
    const fair = await newFair();
    const t = await enrol(storage, fair.id);
    const bad = { id: newId(), fairId: fair.id, deviceId: t.deviceId, seq: 1, hlc: '000001700000000-0000-N1', at: new Date(nowMs).toISOString(), kind: 'consultation', entityId: newId(), payload: { nonsense: true } } as SyncItem;
    await storage.push(t, [bad], nowMs);
    const queue = ReviewQueue.parse(await (await call('GET', `/fairs/${fair.id}/review`)).json());
    expect(queue.items).toEqual([
      expect.objectContaining({ list: 'rejected', key: bad.id, itemId: bad.id, deviceCode: t.deviceCode, code: 'PAYLOAD_INVALID', kind: 'consultation', entityId: bad.entityId, acknowledged: null }),
    ]);
    const before = await auditActions('item_acknowledged');
    const ack = (note: string) => call('POST', `/fairs/${fair.id}/review/items/acknowledge`, { list: 'rejected', key: bad.id, note });
    expect(ItemAcknowledged.parse(await (await ack('旧版本应用的数据，已告知柜台')).json())).toEqual({ type: 'item-acknowledged', already: false });
    expect(ItemAcknowledged.parse(await (await ack('again')).json())).toEqual({ type: 'item-acknowledged', already: true });
    expect(await auditActions('item_acknowledged')).toBe(before + 1);
    const after = ReviewQueue.parse(await (await call('GET', `/fairs/${fair.id}/review`)).json());
    expect(after.items[0]?.acknowledged).toMatchObject({ by: organizer, note: '旧版本应用的数据，已告知柜台' });
    expect((await call('POST', `/fairs/${fair.id}/review/items/acknowledge`, { list: 'rejected', key: newId(), note: 'x' })).status).toBe(404);
  });

  const row = (n: number, nameZh: string, stand: string, uscc?: string) => ({
    row: n, fields: { nameZh, country: 'CN', booths: [{ hall: '11.2', stand }], contacts: [], ...(uscc === undefined ? {} : { uscc }) },
  });

  test('[CO23] an import is one list version; a shared USCC is a warning; tablets pull the changed rows only', async () => {
    const fair = await newFair();
    const imported = await call('POST', `/fairs/${fair.id}/exhibitors/import`, {
      rows: [row(2, '甲公司', 'A01', USCC), row(3, '乙公司', 'A02'), row(4, '甲公司分部', 'A03', USCC)],
    });
    expect(imported.status).toBe(200);
    expect(ExhibitorsImported.parse(await imported.json())).toEqual({
      type: 'exhibitors-saved', version: 1, saved: 3, rowErrors: [],
      warnings: [{ row: 4, errors: [{ field: 'uscc', code: 'DUPLICATE_USCC_IN_FILE', params: { uscc: USCC, other: 2 } }] }],
    });
    const list = ExhibitorList.parse(await (await call('GET', `/fairs/${fair.id}/exhibitors`)).json());
    expect(list.version).toBe(1);
    expect(list.exhibitors.map((e) => [e.nameZh, e.listVersion]).sort()).toEqual([['乙公司', 1], ['甲公司', 1], ['甲公司分部', 1]]);
    expect(list.duplicateUscc).toEqual([{ uscc: USCC, exhibitorIds: expect.any(Array) }]);
    expect(list.duplicateUscc[0]?.exhibitorIds).toHaveLength(2);
    const cursor = (await storage.pull(fair.id, 0, 1000)).cursor;

    const target = list.exhibitors.find((e) => e.nameZh === '乙公司');
    const edited = await call('PUT', `/fairs/${fair.id}/exhibitors/${target?.id}`, { fields: { ...row(0, '乙公司（更名）', 'A02').fields } });
    expect(edited.status).toBe(200);
    expect(ExhibitorsImported.parse(await edited.json())).toMatchObject({ version: 2, saved: 1, rowErrors: [] });
    const changed = (await storage.pull(fair.id, cursor, 1000)).items.map((p) => p.item);
    expect(changed.map((i) => [i.kind, i.entityId, (i.payload as { nameZh: string; listVersion: number }).listVersion])).toEqual([['exhibitor', target?.id, 2]]);
    expect(await auditActions('exhibitors_imported')).toBeGreaterThanOrEqual(1);
  });

  test('[CO23] a row whose booth another exhibitor holds refuses the import, which writes nothing', async () => {
    const fair = await newFair();
    expect((await call('POST', `/fairs/${fair.id}/exhibitors/import`, { rows: [row(2, '甲公司', 'B01')] })).status).toBe(200);
    const items = (await pullAll(fair.id)).length;
    const refused = await call('POST', `/fairs/${fair.id}/exhibitors/import`, { rows: [row(2, '丙公司', 'B02'), row(3, '丁公司', 'B01')] });
    expect(refused.status).toBe(200);
    expect(ExhibitorsImported.parse(await refused.json())).toEqual({
      type: 'exhibitors-saved', version: 1, saved: 0, warnings: [],
      rowErrors: [{ row: 3, errors: [{ field: 'booths.0', code: 'BOOTH_TAKEN', params: { booth: '11.2/B01' } }] }],
    });
    expect(await pullAll(fair.id)).toHaveLength(items);
    expect(ExhibitorList.parse(await (await call('GET', `/fairs/${fair.id}/exhibitors`)).json()).version).toBe(1);
  });
});
