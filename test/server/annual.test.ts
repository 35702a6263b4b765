import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Fair, FairInput } from '../../src/domain/fair';
import { annualInputOf } from '../../src/domain/report/annual';
import type { SessionData } from '../../src/domain/report/session-data';
import { AnnualFairs, AnnualReply, SummaryClosed, SummaryImported, TrustedKeys, type AnnualFair } from '../../src/domain/wire/console-annual';
import { FairList } from '../../src/domain/wire/console';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import { SummaryFile, summaryFileSignedText } from '../../src/domain/wire/summary-file';
import type { SyncItem } from '../../src/domain/sync-item';
import { liveCounts, liveSources } from '../../src/server/reports/annual-sql';
import { serverSummary } from '../../src/server/reports/summary-service';
import { createHttpApp } from '../../src/server/server';
import type { SqlRunner } from '../../src/server/storage/sql';
import type { Storage } from '../../src/server/storage/storage';
import { userId } from '../support/builders';
import { CURRENT, PREVIOUS } from '../domain/report/hand-session';
import { bothStorages } from './both-storages';
import { enrol, makeItems, makeOrganizer, newId, type TestDevice } from './support';

/** The administration's roll-up on the server (ANNUAL-SPEC AR8–AR15), on both databases. */
const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery';
const GUANGDONG = '440000';
const BEIJING = '110000';

const fairInput = (id: string, settings: Record<string, unknown> = {}, day = '2026-04-15'): FairInput =>
  ({ id, code: 'CF139', nameZh: '第139届广交会', nameEn: 'Canton Fair 139', sessionNo: 139, days: [{ date: day, opensAt: '09:00', closesAt: '17:00' }], settings }) as FairInput;

let seq = 0;
/** Items straight into the log, as summary-sql.test.ts syncs a session (the server's own counter). */
async function insertItems(db: SqlRunner, rows: readonly { fairId: string; kind: string; entityId: string; payload: unknown; at: string; hlc: string }[]): Promise<void> {
  for (const r of rows) {
    seq++;
    const json = JSON.stringify(r.payload);
    await db.query(
      `with c as (update server_seq_counter set last = last + 1 where id = 1 returning last)
       insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash)
       select $1, c.last, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10 from c`,
      [`01S${String(seq).padStart(23, '0')}`, r.fairId, `01A${String(process.pid).padStart(23, '0')}`, seq, r.hlc, r.at, r.kind, r.entityId, json, createHash('sha256').update(json).digest('hex')],
    );
  }
}

async function sync(db: SqlRunner, data: SessionData): Promise<void> {
  const at = '2025-04-14T00:00:00.000Z';
  await insertItems(db, [
    { fairId: data.fair.id, kind: 'fair', entityId: data.fair.id, payload: data.fair, at, hlc: '0' },
    ...data.consultations.map((c) => ({ fairId: data.fair.id, kind: 'consultation', entityId: c.id, payload: c, at, hlc: '0' })),
    ...data.events.map((e: CaseEvent) => ({ fairId: data.fair.id, kind: 'case_event', entityId: e.caseId, payload: e, at: e.at, hlc: e.hlc })),
  ]);
}

/** The hand-made session (hand-session.ts) and its predecessor under fresh ids, with a region. */
function handSessions(region: string): { current: SessionData; previous: SessionData } {
  const prevFair = { ...PREVIOUS.fair, id: newId(), settings: { ...PREVIOUS.fair.settings, region } } as Fair;
  const fair = {
    ...CURRENT.fair, id: newId(), previousFairId: prevFair.id, settings: { ...CURRENT.fair.settings, region, organizer: '广州市会展办' },
    service: { outreach: CURRENT.outreach, expertsOnDuty: CURRENT.expertsOnDuty, updatedAt: '2025-04-19T10:00:00.000Z', updatedBy: userId(1) },
  } as Fair;
  const move = <T extends { fairId: string }>(list: readonly T[], to: string): T[] => list.map((r) => ({ ...r, fairId: to }));
  const moveEvents = (data: SessionData, to: string): CaseEvent[] =>
    data.events.map((e) => ({ ...e, payload: 'fairId' in (e.payload as object) ? { ...(e.payload as object), fairId: to } : e.payload }) as CaseEvent);
  const current: SessionData = {
    ...CURRENT, fair, cases: move(CURRENT.cases, fair.id), events: moveEvents(CURRENT, fair.id), exhibitors: move(CURRENT.exhibitors, fair.id),
    commitments: move(CURRENT.commitments, fair.id), consultations: move(CURRENT.consultations, fair.id), outreach: move(CURRENT.outreach, fair.id),
  };
  const previous: SessionData = { ...PREVIOUS, fair: prevFair, cases: move(PREVIOUS.cases, prevFair.id), events: moveEvents(PREVIOUS, prevFair.id) };
  return { current, previous };
}

/** Another server: its own key pair, signing files as the exporting server would (AR7). */
const sender = generateKeyPairSync('ed25519');
const senderKey = Buffer.from(sender.publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');
const stranger = generateKeyPairSync('ed25519');
const strangerKey = Buffer.from(stranger.publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');

async function fileFrom(db: SqlRunner, fairId: string, revision: number, keys = { pair: sender, hex: senderKey }, firstDay = '2026-05-10'): Promise<SummaryFile> {
  const summary = await serverSummary(db as never, fairId);
  const unsigned = {
    format: 'faircase-summary' as const, formatVersion: 1 as const,
    fair: { id: newIdFor(fairId), code: 'YW26', nameZh: '义乌小商品博览会（第26届）', sessionNo: 26, region: '330000' as const, firstDay, organizer: '义乌市展会办' },
    revision, final: true, exportedAt: '2026-05-20T08:00:00.000Z',
    summary: JSON.parse(JSON.stringify({ ...summary?.summary, fairId: newIdFor(fairId) })),
    signer: { alg: 'Ed25519' as const, publicKey: keys.hex },
  };
  return { ...unsigned, signature: sign(null, Buffer.from(summaryFileSignedText(unsigned)), keys.pair.privateKey).toString('hex') } as SummaryFile;
}
/** The remote fair's id: one per source fair, not held on this server. */
const remoteIds = new Map<string, string>();
const newIdFor = (fairId: string): string => remoteIds.get(fairId) ?? (remoteIds.set(fairId, newId()), remoteIds.get(fairId) as string);

describe.each(bothStorages())('the administration\'s roll-up on $name', (db) => {
  let app: Hono;
  let storage: Storage;
  let organizer: string;

  const call = (method: string, path: string, cookie: string, body?: unknown): Promise<Response> =>
    Promise.resolve(app.request(`${ORIGIN}/api/console${path}`, {
      method,
      headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }));
  const cookieOf = (res: Response): string => /^([^=]+=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const signIn = async (name: string): Promise<string> => cookieOf(await call('POST', '/session', '', { name, password: PASSWORD }));
  const viewer = async (scope: unknown): Promise<string> => {
    const name = `viewer-${newId().slice(-10)}`;
    expect((await call('POST', '/people', organizer, { name, password: PASSWORD, role: 'admin_viewer', scope })).status).toBe(201);
    return signIn(name);
  };
  const newFair = async (settings: Record<string, unknown>, day?: string): Promise<string> => {
    const id = newId();
    expect((await call('POST', '/fairs', organizer, { fair: fairInput(id, settings, day) })).status).toBe(201);
    return id;
  };
  const push = async (device: TestDevice, items: SyncItem[], outboxCount: number): Promise<void> => {
    const res = await app.request(`${ORIGIN}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, fairId: device.fairId, items, status: { appVersion: '0.1.0', outboxCount, lastError: null } }),
    });
    expect(res.status).toBe(200);
  };
  const count = async (sql: string, params: (string | number)[] = []): Promise<number> => Number((await storage.sql.query<{ n: unknown }>(sql, params))[0]?.n);
  const annual = async (cookie: string, query = 'from=2026-01-01&to=2026-12-31'): Promise<AnnualReply> => {
    const res = await call('GET', `/annual?${query}`, cookie);
    expect(res.status).toBe(200);
    return AnnualReply.parse(await res.json());
  };

  /** The drill-down's list: of one unit, or of every unit in sight. */
  const fairsOf = async (cookie: string, query = 'from=2026-01-01&to=2026-12-31', region?: string): Promise<AnnualFair[]> => {
    const res = await call('GET', `/annual/fairs?${query}${region === undefined ? '' : `&region=${region}`}`, cookie);
    expect(res.status).toBe(200);
    return AnnualFairs.parse(await res.json()).fairs;
  };

  beforeAll(async () => {
    storage = db.storage();
    app = createHttpApp({ distDir: 'dist', storage });
    const org = await makeOrganizer(storage);
    organizer = await signIn(org.name);
  });

  test('[AR8][AR9] a provincial viewer never sees another region\'s fair or one without a region, through any route; a national one sees all', async () => {
    const mine = await newFair({ region: GUANGDONG, organizer: '广州市会展办' });
    const other = await newFair({ region: BEIJING, organizer: '北京市会展办' });
    const none = await newFair({});
    const device = await enrol(storage, other);
    const provincial = await viewer({ kind: 'regions', regions: [GUANGDONG] });
    const national = await viewer({ kind: 'national' });

    const listed = async (cookie: string): Promise<string[]> => FairList.parse(await (await call('GET', '/fairs', cookie)).json()).fairs.map((f) => f.fairId);
    const seen = await listed(provincial);
    expect([seen.includes(mine), seen.includes(other), seen.includes(none)]).toEqual([true, false, false]);
    const all = await listed(national);
    expect([all.includes(mine), all.includes(other), all.includes(none)]).toEqual([true, true, true]);

    // Every route naming a fair: the reads answer 404 for a fair out of sight (as for an unknown one), the changes 403 (CO8).
    const routes = (f: string): [string, string, unknown?][] => [
      ['GET', `/fairs/${f}/tablets`], ['GET', `/fairs/${f}/summary`], ['GET', `/fairs/${f}/summary/closes`], ['GET', `/fairs/${f}/summary-file`],
      ['PUT', `/fairs/${f}`, { fair: fairInput(f) }], ['POST', `/fairs/${f}/tablets/${device.deviceId}/revoke`, { reason: 'x' }],
      ['POST', `/fairs/${f}/enrolments`, { count: 1 }], ['GET', `/fairs/${f}/enrolments`], ['PUT', `/fairs/${f}/summary/previous`, { figure: 'R3.received', text: '1' }],
      ['GET', `/fairs/${f}/exports/raw.zip`], ['POST', `/fairs/${f}/summary/close`],
    ];
    const reads = new Set(['tablets', 'summary', 'closes', 'summary-file']);
    const before = await count('select count(*) as n from audit_log');
    for (const fairId of [other, none]) {
      for (const [method, path, body] of routes(fairId)) {
        const res = await call(method, path, provincial, body);
        const read = method === 'GET' && reads.has(path.split('/').pop() ?? '');
        expect([path, res.status, ((await res.json()) as { code: string }).code]).toEqual([path, read ? 404 : 403, read ? 'NOT_FOUND' : 'FORBIDDEN_ROLE']);
      }
    }
    expect(await count('select count(*) as n from audit_log')).toBe(before);
    // Within sight the same reads answer (the summary file: not closed yet).
    expect((await call('GET', `/fairs/${mine}/tablets`, provincial)).status).toBe(200);
    expect((await call('GET', `/fairs/${mine}/summary`, provincial)).status).toBe(200);
    expect((await call('GET', `/fairs/${mine}/summary-file`, provincial)).status).toBe(409);
    for (const f of [other, none]) expect((await call('GET', `/fairs/${f}/summary`, national)).status).toBe(200);

    // The roll-up: only the units in sight; the fair without a region is counted apart (AR9); a fair edited reads as edited (SY20).
    expect((await call('PUT', `/fairs/${mine}`, organizer, { fair: { ...fairInput(mine, { region: GUANGDONG, organizer: '广州市会展办' }), nameZh: '第139届广交会（改）' } })).status).toBe(200);
    const year = await annual(provincial);
    const ours = (list: readonly AnnualFair[]): string[] => list.map((f) => f.fairId).filter((id) => [mine, other, none].includes(id)).sort();
    const seenInYear = await fairsOf(provincial);
    expect(seenInYear.find((f) => f.fairId === mine)?.nameZh).toBe('第139届广交会（改）');
    expect(ours(seenInYear)).toEqual([mine]);
    // The drill-down into a unit: the viewer's own lists its fair; another region's lists none, as does every unit for a national account but that one's own.
    expect([ours(await fairsOf(provincial, undefined, GUANGDONG)), ours(await fairsOf(provincial, undefined, BEIJING))]).toEqual([[mine], []]);
    expect([ours(await fairsOf(national, undefined, GUANGDONG)), ours(await fairsOf(national, undefined, BEIJING))]).toEqual([[mine], [other]]);
    expect(ours(await fairsOf(national))).toEqual([mine, other].sort());
    const badRegion = await call('GET', '/annual/fairs?from=2026-01-01&to=2026-12-31&region=999999', provincial);
    expect([badRegion.status, ((await badRegion.json()) as { code: string }).code]).toEqual([400, 'INVALID_QUERY']);
    const whole = await annual(national);
    expect(whole.withoutRegion).toBeGreaterThanOrEqual(1);
    expect(year.withoutRegion).toBe(0);
    // Units out of sight count nothing for the provincial viewer.
    expect(year.units.find((u) => u.region === BEIJING)?.values['A1.services']).toBe(0);
  });

  test('[AR10] closing: refused while a tablet holds items or the fair lacks its facts; then revision 1 with its audit row, the same again changes nothing, late data makes revision 2', async () => {
    const bare = await newFair({ region: GUANGDONG });
    const refusedFacts = await call('POST', `/fairs/${bare}/summary/close`, organizer);
    expect([refusedFacts.status, ((await refusedFacts.json()) as { code: string }).code]).toEqual([409, 'FAIR_FACTS_MISSING']);

    const fairId = await newFair({ region: GUANGDONG, organizer: '广州市会展办' });
    const tablet = await enrol(storage, fairId);
    const items = makeItems(tablet, 1, 4);
    await push(tablet, items.slice(0, 2), 4);
    const snapshotsBefore = await count('select count(*) as n from summary_snapshots');
    const auditBefore = await count('select count(*) as n from audit_log');
    const refused = await call('POST', `/fairs/${fairId}/summary/close`, organizer);
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([409, 'SUMMARY_INCOMPLETE']);
    expect([await count('select count(*) as n from summary_snapshots'), await count('select count(*) as n from audit_log')]).toEqual([snapshotsBefore, auditBefore]);

    await push(tablet, items.slice(2), 2);
    const first = await call('POST', `/fairs/${fairId}/summary/close`, organizer);
    expect(first.status).toBe(201);
    expect(SummaryClosed.parse(await first.json())).toMatchObject({ revision: 1, unchanged: false });
    const again = SummaryClosed.parse(await (await call('POST', `/fairs/${fairId}/summary/close`, organizer)).json());
    expect([again.revision, again.unchanged]).toEqual([1, true]);
    expect(await count(`select count(*) as n from audit_log where action = 'summary_closed' and target = $1`, [`fair:${fairId}`])).toBe(1);

    // Late data: two more consultations arrive; the organizer closes again.
    await push(tablet, makeItems(tablet, 5, 6), 2);
    const secondRes = await call('POST', `/fairs/${fairId}/summary/close`, organizer);
    const secondBody: unknown = await secondRes.json();
    expect([secondRes.status, secondBody]).toMatchObject([201, { type: 'summary-closed' }]);
    const second = SummaryClosed.parse(secondBody);
    expect([second.revision, second.unchanged]).toEqual([2, false]);
    const body = (await storage.sql.query<{ r: string }>(`select (body->'summary'->'figures'->>'R16.total') as r from summary_snapshots where fair_id = $1 order by revision`, [fairId])).map((r) => Number(r.r));
    expect(body).toEqual([4, 6]);
    const year = await annual(organizer);
    expect((await fairsOf(organizer)).find((f) => f.fairId === fairId)).toMatchObject({ final: true, source: 'closed', revision: 2 });
    expect(year.provisionalFairs).toBe((await fairsOf(organizer)).filter((f) => !f.final).length);
  });

  test('[AR11][AR5] a fair never closed counts with its live figures, provisional, equal to the live summary\'s; closed, it is final', async () => {
    const { current, previous } = handSessions('330000');
    await sync(storage.sql, previous);
    await sync(storage.sql, current);
    const live = (await liveSources(storage.sql, [current.fair])).get(current.fair.id);
    const summary = await serverSummary(storage.sql, current.fair.id);
    const expected = annualInputOf(summary!.summary, { region: '330000', firstDay: '2025-04-15', final: false });
    expect(live).toEqual({ figures: expected.figures, repeatInfringerKeys: expected.repeatInfringerKeys });
    // The hand-computed values (post-show-summary.test.ts): 12 complaints, 9 accepted, 9 opinions, 4 consultations.
    expect([live?.figures['R3.received'], live?.figures['R4.accepted'], live?.figures['R17.total'], live?.figures['R16.total'], live?.figures['R12.measures.ordered'], live?.figures['R12.measures.done']]).toEqual([12, 9, 9, 4, 3, 2]);

    const year = await annual(organizer, 'from=2025-01-01&to=2025-12-31');
    const zhejiang = year.units.find((u) => u.region === '330000');
    expect((await fairsOf(organizer, 'from=2025-01-01&to=2025-12-31')).find((f) => f.fairId === current.fair.id)).toMatchObject({ final: false, source: 'live', period: 'current' });
    const listed = await fairsOf(organizer, 'from=2025-01-01&to=2025-12-31');
    expect([zhejiang?.provisional, zhejiang?.values['A2.received'], zhejiang?.values['A3.opinions'], year.provisionalFairs]).toEqual([true, 12, 9, listed.filter((f) => !f.final).length]);
    // The previous session (2024-10) is the comparison's: A1 1 against 1.
    expect(zhejiang?.changes['A1.services']).toEqual({ prev: 1, delta: 0, deltaPctTenths: 0 });

    expect((await call('POST', `/fairs/${current.fair.id}/summary/close`, organizer)).status).toBe(201);
    const closed = await annual(organizer, 'from=2025-01-01&to=2025-12-31');
    expect((await fairsOf(organizer, 'from=2025-01-01&to=2025-12-31')).find((f) => f.fairId === current.fair.id)).toMatchObject({ final: true, source: 'closed' });
    expect(closed.units.find((u) => u.region === '330000')?.values['A2.received']).toBe(12);
  });

  test('[AR15] a fair\'s kept live counts are counted again once an item of it arrives, its source once one of it or its previous session arrives, and equal counting afresh', async () => {
    const JIANGSU = '320000';
    const { current, previous } = handSessions(JIANGSU);
    const lastCase = current.events[current.events.length - 1]?.caseId;
    const late = { consultations: current.consultations.slice(-1), events: current.events.filter((e) => e.caseId === lastCase) };
    await sync(storage.sql, previous);
    await sync(storage.sql, { ...current, consultations: current.consultations.slice(0, -1), events: current.events.filter((e) => e.caseId !== lastCase) });
    const jiangsu = async (): Promise<Record<string, number | null>> =>
      (await annual(organizer, 'from=2025-01-01&to=2025-12-31')).units.find((u) => u.region === JIANGSU)?.values ?? {};
    const figuresNow = async (): Promise<Record<string, number | null | undefined>> => (await serverSummary(storage.sql, current.fair.id))?.summary.figures ?? {};
    const early = await figuresNow();
    expect([(await jiangsu())['A2.received'], (await jiangsu())['A4.consultations']]).toEqual([early['R3.received'], 3]);

    const at = '2025-04-16T00:00:00.000Z';
    await insertItems(storage.sql, [
      ...late.consultations.map((c) => ({ fairId: current.fair.id, kind: 'consultation', entityId: c.id, payload: c, at, hlc: '0' })),
      ...late.events.map((e) => ({ fairId: current.fair.id, kind: 'case_event', entityId: e.caseId, payload: e, at: e.at, hlc: e.hlc })),
    ]);
    const after = await jiangsu();
    expect([after['A2.received'], after['A4.consultations'], after['A3.opinions']]).toEqual([12, 4, 9]);
    const [kept] = await storage.sql.query<{ counts: string }>('select counts::text as counts from annual_live_figures where fair_id = $1', [current.fair.id]);
    const afresh = (await liveCounts(storage.sql, [current.fair.id])).get(current.fair.id);
    expect(JSON.parse(kept?.counts ?? 'null')).toEqual(JSON.parse(JSON.stringify(afresh)));

    // An item of the previous session only: the fair's kept source is made again under that session's new sequence, as making it afresh gives.
    const extra = { ...current.consultations[0], id: newId(), fairId: previous.fair.id };
    await insertItems(storage.sql, [{ fairId: previous.fair.id, kind: 'consultation', entityId: extra.id, payload: extra, at, hlc: '0' }]);
    const withPrior = await jiangsu();
    const maxSeq = async (fairId: string): Promise<number> => count('select max(server_seq) as n from items where fair_id = $1', [fairId]);
    const [row] = await storage.sql.query<{ items_seq: unknown; source_prior_seq: unknown }>('select items_seq, source_prior_seq from annual_live_figures where fair_id = $1', [current.fair.id]);
    expect([Number(row?.items_seq), Number(row?.source_prior_seq)]).toEqual([await maxSeq(current.fair.id), await maxSeq(previous.fair.id)]);
    await storage.sql.query('delete from annual_live_figures where fair_id = any($1::text[])', [`{${current.fair.id},${previous.fair.id}}`]);
    expect(await jiangsu()).toEqual(withPrior);
  });

  test('[AR12] the period and thresholds are checked: from after to, a bad date or an unknown figure is 400', async () => {
    for (const q of ['from=2026-12-31&to=2026-01-01', 'from=2026-02-30&to=2026-03-01', 'from=2000-01-01&to=2026-01-01', 'from=2026-01-01', 'from=2026-01-01&to=2026-12-31&thresholds=A9.x:5']) {
      const res = await call('GET', `/annual?${q}`, organizer);
      expect([q, res.status, ((await res.json()) as { code: string }).code]).toEqual([q, 400, 'INVALID_QUERY']);
    }
    const year = await annual(organizer, 'from=2026-01-01&to=2026-12-31&thresholds=A1.services:1,A2.received:0');
    expect(year.shares.map((s) => [s.figure, s.min, s.units])).toEqual([['A1.services', 1, year.units.filter((u) => (u.values['A1.services'] ?? 0) >= 1).length], ['A2.received', 0, 32]]);
    expect(year.shares[1]?.shareTenths).toBe(1000);
  });

  test('[AR12] the roll-up\'s reply names no fair: figures per unit and a count of provisional fairs; the drill-down names them', async () => {
    const query = 'from=2031-01-01&to=2031-12-31';
    const fairs = [await newFair({ region: GUANGDONG, organizer: '广州市会展办' }, '2031-03-01'), await newFair({ region: BEIJING, organizer: '北京市会展办' }, '2031-05-01')];
    const res = await call('GET', `/annual?${query}`, organizer);
    const text = await res.text();
    expect(fairs.filter((id) => text.includes(id))).toEqual([]);
    const raw = JSON.parse(text) as { units: Record<string, unknown>[] } & Record<string, unknown>;
    expect([Object.keys(raw).sort(), Object.keys(raw.units[0] ?? {}).sort()]).toEqual([
      ['generatedAt', 'national', 'period', 'previousPeriod', 'provisionalFairs', 'shares', 'type', 'units', 'withoutRegion'],
      ['changes', 'previous', 'provisional', 'region', 'values'],
    ]);
    const year = AnnualReply.parse(raw);
    expect([year.provisionalFairs, year.national.values['A1.services'], year.units.filter((u) => u.provisional).map((u) => u.region)]).toEqual([2, 2, [BEIJING, GUANGDONG]]);
    expect((await fairsOf(organizer, query)).map((f) => [f.fairId, f.final])).toEqual([[fairs[1], false], [fairs[0], false]]);
  });

  test('[AR13] an import: twice changes nothing, a newer revision replaces with an audit row, an altered or forged file is refused and stores nothing', async () => {
    const source = await newFair({ region: GUANGDONG, organizer: '广州市会展办' });
    const file1 = await fileFrom(storage.sql, source, 1);
    const untrusted = await call('POST', '/summary-files', organizer, file1);
    expect([untrusted.status, ((await untrusted.json()) as { code: string }).code]).toEqual([403, 'SIGNER_UNTRUSTED']);
    const keys = TrustedKeys.parse(await (await call('POST', '/trusted-keys', organizer, { publicKey: senderKey.toUpperCase(), label: '浙江省知识产权局' })).json());
    expect(keys.keys.find((k) => k.publicKey === senderKey)?.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);

    const first = await call('POST', '/summary-files', organizer, file1);
    expect(first.status).toBe(201);
    expect(SummaryImported.parse(await first.json())).toMatchObject({ result: 'imported', revision: 1, replacedRevision: null });
    const snapshots = await count('select count(*) as n from summary_snapshots');
    const audits = await count('select count(*) as n from audit_log');
    const twice = await call('POST', '/summary-files', organizer, file1);
    expect([twice.status, SummaryImported.parse(await twice.json()).result]).toEqual([200, 'unchanged']);

    const altered = { ...file1, summary: { ...file1.summary, figures: { ...file1.summary.figures, 'R3.received': 999 } } };
    const forged = await fileFrom(storage.sql, source, 3, { pair: stranger, hex: strangerKey });
    for (const [file, status, code] of [[altered, 422, 'SIGNATURE_INVALID'], [forged, 403, 'SIGNER_UNTRUSTED']] as const) {
      const res = await call('POST', '/summary-files', organizer, file);
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([status, code]);
    }
    expect([await count('select count(*) as n from summary_snapshots'), await count('select count(*) as n from audit_log')]).toEqual([snapshots, audits]);

    const file2 = await fileFrom(storage.sql, source, 2);
    const newer = SummaryImported.parse(await (await call('POST', '/summary-files', organizer, file2)).json());
    expect([newer.result, newer.revision, newer.replacedRevision]).toEqual(['replaced', 2, 1]);
    const [row] = await storage.sql.query<{ details: unknown }>(`select details from audit_log where action = 'summary_replaced' and target = $1`, [`fair:${file2.fair.id}`]);
    expect(typeof row?.details === 'string' ? JSON.parse(row.details) : row?.details).toMatchObject({ revision: 2, replaced: 1 });
    const older = SummaryImported.parse(await (await call('POST', '/summary-files', organizer, file1)).json());
    expect(older.result).toBe('older');
    expect((await fairsOf(organizer)).find((f) => f.fairId === file2.fair.id)).toMatchObject({ source: 'imported', revision: 2, final: true, region: '330000' });
  });

  test('[AR14] a closed fair\'s file is signed by the server\'s one key: the same file twice, verifying; importing it here is refused as the fair is held here', async () => {
    const fairId = await newFair({ region: GUANGDONG, organizer: '广州市会展办' });
    expect((await call('POST', `/fairs/${fairId}/summary/close`, organizer)).status).toBe(201);
    const a = await (await call('GET', `/fairs/${fairId}/summary-file`, organizer)).text();
    const b = await (await call('GET', `/fairs/${fairId}/summary-file`, organizer)).text();
    expect(a).toBe(b);
    const file = SummaryFile.parse(JSON.parse(a));
    const own = TrustedKeys.parse(await (await call('GET', '/trusted-keys', organizer)).json()).own;
    expect(file.signer.publicKey).toBe(own.publicKey);
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(own.publicKey, 'hex').toString('base64url') }, format: 'jwk' });
    expect(verify(null, Buffer.from(summaryFileSignedText(JSON.parse(a) as SummaryFile)), key, Buffer.from(file.signature, 'hex'))).toBe(true);
    expect([file.revision, file.final, file.fair.region, file.fair.organizer]).toEqual([1, true, GUANGDONG, '广州市会展办']);
    expect(await count('select count(*) as n from server_signing_key')).toBe(1);
    const back = await call('POST', '/summary-files', organizer, JSON.parse(a));
    expect([back.status, ((await back.json()) as { code: string }).code]).toEqual([409, 'FAIR_EXISTS']);
  });
});
