import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import type { Storage } from '../../src/server/storage/storage';
import { checkChain } from '../../src/server/storage/event-chain';
import { Fair, type FairInput } from '../../src/domain/fair';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import { EnrolmentBatch, EnrolmentList, FairList, FairSaved, PeopleList, PersonSaved, SessionInfo, TabletRevoked, TabletTable } from '../../src/domain/wire/console';
import { AuditPage } from '../../src/domain/wire/console-audit';
import { bothStorages } from './both-storages';
import { proofFor } from './device-keys';
import { makeItems, newId } from './support';

/** The organizer's console API (src/server/CONSOLE-SPEC.md) through `app.request`, on both databases. */
const ORIGIN = 'http://localhost';
const MIN = 60_000;
/** The test's clock starts now: enrolment redemption checks expiry by the database's own clock. */
const T0 = Math.floor(Date.now() / MIN) * MIN;
const PASSWORD = 'correct horse battery';

const fairInput = (id: string, over: Partial<FairInput> = {}): FairInput => ({
  id, code: 'CF137', nameZh: '第137届广交会', nameEn: 'Canton Fair 137', sessionNo: 137,
  days: [{ date: '2026-11-25', opensAt: '09:00', closesAt: '17:00' }], ...over,
});

describe.each(bothStorages())('the console on $name', (db) => {
  let nowMs = T0;
  let app: Hono;
  let storage: Storage;
  let n = 0;

  beforeAll(() => {
    storage = db.storage();
    app = createHttpApp({ distDir: 'dist', storage, now: () => nowMs });
  });

  const cookieOf = (res: Response): string => /^([^=]+=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const call = (method: string, path: string, cookie: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    Promise.resolve(app.request(`${ORIGIN}/api/console${path}`, {
      method,
      headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }));
  const signIn = async (name: string, password = PASSWORD): Promise<Response> => call('POST', '/session', '', { name, password });
  const newOrganizer = async (): Promise<{ name: string; userId: string; cookie: string }> => {
    const name = `org-${++n}-${newId().slice(-6)}`;
    const { userId } = await storage.createUser({ name, password: PASSWORD, role: 'organizer' });
    return { name, userId, cookie: cookieOf(await signIn(name)) };
  };
  const auditCount = async (): Promise<number> => Number((await storage.sql.query<{ n: unknown }>('select count(*) as n from audit_log'))[0]?.n);
  const auditRows = async (target: string) =>
    storage.sql.query<{ action: string; actor_name: string | null; address: string }>('select action, actor_name, address from audit_log where target = $1 order by id', [target]);
  const newFair = async (cookie: string, over: Partial<FairInput> = {}): Promise<string> => {
    const id = newId();
    expect((await call('POST', '/fairs', cookie, { fair: fairInput(id, over) })).status).toBe(201);
    return id;
  };
  const redeem = async (code: string, deviceCode?: string) => {
    const deviceId = newId();
    const res = await app.request(`${ORIGIN}/api/devices/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceId, deviceName: 'Desk tablet', proof: await proofFor(deviceId, code), ...(deviceCode === undefined ? {} : { deviceCode }) }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { deviceId: string; deviceCode: string; token: string; fairId: string };
  };
  const issue = async (cookie: string, fairId: string, count = 1) =>
    EnrolmentBatch.parse(await (await call('POST', `/fairs/${fairId}/enrolments`, cookie, { role: 'desk', ttlMinutes: 60, count })).json());

  test('[CO1][CO2] sign-in sets an HttpOnly, SameSite=Strict cookie, Secure only under https, and stores only its hash', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const plain = await signIn(org.name);
    expect(plain.status).toBe(200);
    const flags = plain.headers.get('set-cookie') ?? '';
    expect(flags).toMatch(/^faircase_console=[A-Za-z0-9_-]{43};/);
    expect(flags).toContain('HttpOnly');
    expect(flags).toContain('SameSite=Strict');
    expect(flags).toContain('Path=/');
    expect(flags).not.toContain('Secure');
    const token = cookieOf(plain).split('=')[1] as string;
    const stored = await storage.sql.query<{ hash: string }>('select hash from console_sessions s join users u on u.id = s.user_id where u.name = $1', [org.name]);
    expect(stored.map((r) => r.hash)).not.toContain(token);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(SessionInfo.parse(await plain.json()).user.role).toBe('organizer');

    const https = await app.request('https://faircase.test/api/console/session', {
      method: 'POST', headers: { origin: 'https://faircase.test', 'content-type': 'application/json' }, body: JSON.stringify({ name: org.name, password: PASSWORD }),
    });
    const secure = https.headers.get('set-cookie') ?? '';
    expect(secure).toMatch(/^__Host-faircase_console=/);
    expect(secure).toContain('Secure');
    expect(secure).toContain('HttpOnly');
    expect(secure).toContain('SameSite=Strict');
  });

  test('[CO6] a wrong or missing Origin is refused CSRF_REFUSED and changes nothing; the same origin by Sec-Fetch-Site or Referer passes', async () => {
    const org = await newOrganizer();
    const before = await auditCount();
    const people = async () => PeopleList.parse(await (await call('GET', '/people', org.cookie)).json()).people.length;
    const count = await people();
    const person = (name: string) => ({ name, password: PASSWORD, role: 'organizer' });
    const evil = await call('POST', '/people', org.cookie, person(`evil-${n}`), { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { code: string }).code).toBe('CSRF_REFUSED');
    const bare = await app.request(`${ORIGIN}/api/console/people`, { method: 'POST', headers: { cookie: org.cookie, 'content-type': 'application/json' }, body: JSON.stringify(person(`bare-${n}`)) });
    expect(bare.status).toBe(403);
    const crossSite = await app.request(`${ORIGIN}/api/console/people`, {
      method: 'POST', headers: { cookie: org.cookie, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', referer: `${ORIGIN}/console/` }, body: JSON.stringify(person(`cross-${n}`)),
    });
    expect(crossSite.status).toBe(403);
    expect(await people()).toBe(count);
    expect(await auditCount()).toBe(before);

    const bySite = await app.request(`${ORIGIN}/api/console/people`, { method: 'POST', headers: { cookie: org.cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify(person(`site-${n}`)) });
    expect(bySite.status).toBe(201);
    const byReferer = await app.request(`${ORIGIN}/api/console/people`, { method: 'POST', headers: { cookie: org.cookie, 'content-type': 'application/json', referer: `${ORIGIN}/console/people` }, body: JSON.stringify(person(`ref-${n}`)) });
    expect(byReferer.status).toBe(201);
  });

  test('[CO3] a session ends after 30 idle minutes and 12 hours after sign-in, however busy', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    nowMs = T0 + 29 * MIN;
    expect((await call('GET', '/session', org.cookie)).status).toBe(200);
    nowMs = T0 + 29 * MIN + 30 * MIN - 1;
    expect((await call('GET', '/session', org.cookie)).status).toBe(200);
    nowMs = T0 + 29 * MIN + 30 * MIN - 1 + 30 * MIN;
    expect((await call('GET', '/session', org.cookie)).status).toBe(401);

    nowMs = T0;
    const busy = cookieOf(await signIn(org.name));
    for (let t = 20; t < 12 * 60; t += 20) {
      nowMs = T0 + t * MIN;
      expect((await call('GET', '/session', busy)).status).toBe(200);
    }
    nowMs = T0 + 12 * 60 * MIN;
    expect((await call('GET', '/session', busy)).status).toBe(401);
    nowMs = T0;
  });

  test('[CO4] signing out ends this session; signing out everywhere ends every session of the account', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const second = cookieOf(await signIn(org.name));
    const third = cookieOf(await signIn(org.name));
    const out = await call('DELETE', '/session', org.cookie);
    expect(await out.json()).toEqual({ type: 'signed-out', endedSessions: 1 });
    expect((await call('GET', '/session', org.cookie)).status).toBe(401);
    expect((await call('GET', '/session', second)).status).toBe(200);
    const everywhere = await call('POST', '/session/everywhere-out', second);
    expect(await everywhere.json()).toEqual({ type: 'signed-out', endedSessions: 2 });
    expect((await call('GET', '/session', second)).status).toBe(401);
    expect((await call('GET', '/session', third)).status).toBe(401);
  });

  test('[CO5] changing the password needs the current one and ends the other sessions only', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const other = cookieOf(await signIn(org.name));
    const wrong = await call('POST', '/password', org.cookie, { currentPassword: 'not it at all', newPassword: 'a new long password' });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { code: string }).code).toBe('WRONG_PASSWORD');
    expect((await call('GET', '/session', other)).status).toBe(200);
    const changed = await call('POST', '/password', org.cookie, { currentPassword: PASSWORD, newPassword: 'a new long password' });
    expect(await changed.json()).toEqual({ type: 'password-changed', endedOtherSessions: 1 });
    expect((await call('GET', '/session', org.cookie)).status).toBe(200);
    expect((await call('GET', '/session', other)).status).toBe(401);
    expect((await signIn(org.name)).status).toBe(401);
    expect((await signIn(org.name, 'a new long password')).status).toBe(200);
    expect((await auditRows(`user:${org.userId}`)).map((r) => r.action)).toContain('password_changed');
  });

  test('[CO7] console sign-in is held by the login delays per name and address after five failures, and audits each try', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    // Five free tries, then waits of 1 s, 2 s, 4 s…: a slow machine may outwait the first ones.
    const statuses: number[] = [];
    let held: Response | undefined;
    while (held === undefined && statuses.length < 12) {
      const res = await signIn(org.name, 'wrong password!');
      statuses.push(res.status);
      if (res.status === 429) held = res;
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(held?.headers.get('retry-after'))).toBeGreaterThan(0);
    const rows = await auditRows(`user:${org.userId}`);
    expect(rows.map((r) => r.action)).toEqual(['login_ok', ...statuses.slice(0, -1).map(() => 'login_failed')]);
    expect(rows[1]).toEqual({ action: 'login_failed', actor_name: org.name, address: 'local' });
  });

  test('[CO9] a disabled account cannot sign in and its sessions and tokens end; a reset password ends sessions', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const name = `viewer-${newId().slice(-8)}`;
    const made = PersonSaved.parse(await (await call('POST', '/people', org.cookie, { name, password: PASSWORD, role: 'organizer' })).json());
    const theirs = cookieOf(await signIn(name));
    const bearer = await storage.login(name, PASSWORD);
    const disabled = PersonSaved.parse(await (await call('POST', `/people/${made.person.userId}/disable`, org.cookie)).json());
    expect(disabled.person.disabledAt).toBe(new Date(nowMs).toISOString());
    expect((await call('GET', '/session', theirs)).status).toBe(401);
    expect((await signIn(name)).status).toBe(401);
    expect(await storage.login(name, PASSWORD)).toBeUndefined();
    expect(await storage.authenticate(bearer!.token)).toEqual({ refused: 'TOKEN_REVOKED' });

    await call('POST', `/people/${made.person.userId}/enable`, org.cookie);
    const again = cookieOf(await signIn(name));
    const reset = await call('POST', `/people/${made.person.userId}/password`, org.cookie, { newPassword: 'set by the organizer' });
    expect(await reset.json()).toEqual({ type: 'password-reset', userId: made.person.userId, endedSessions: 1 });
    expect((await call('GET', '/session', again)).status).toBe(401);
    expect((await signIn(name, 'set by the organizer')).status).toBe(200);
    expect((await auditRows(`user:${made.person.userId}`)).map((r) => r.action)).toEqual(['account_created', 'login_ok', 'account_disabled', 'login_failed', 'account_enabled', 'login_ok', 'password_reset', 'login_ok']);
  });

  test('[CO8][AR8] every route needs a session (401) and the organizer role: a tablet token gets 403, a viewer 403 but for its reads', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const fairId = await newFair(org.cookie);
    const device = await redeem((await issue(org.cookie, fairId)).codes[0]!.code);
    const viewerName = `viewer-${newId().slice(-8)}`;
    const scope = { kind: 'regions', regions: ['440000'] };
    expect((await call('POST', '/people', org.cookie, { name: viewerName, password: PASSWORD, role: 'admin_viewer', scope })).status).toBe(201);
    const viewer = cookieOf(await signIn(viewerName));
    const uid = newId();
    const routes: [string, string, unknown?][] = [
      ['GET', '/fairs'], ['POST', '/fairs', { fair: fairInput(newId()) }], ['PUT', `/fairs/${fairId}`, { fair: fairInput(fairId) }],
      ['GET', `/fairs/${fairId}/tablets`], ['POST', `/fairs/${fairId}/tablets/${device.deviceId}/revoke`, { reason: 'x' }],
      ['POST', `/fairs/${fairId}/enrolments`, { count: 1 }], ['GET', `/fairs/${fairId}/enrolments`],
      ['GET', '/people'], ['POST', '/people', { name: 'x', password: PASSWORD, role: 'organizer' }], ['POST', `/people/${uid}/disable`],
      ['POST', `/people/${uid}/enable`], ['POST', `/people/${uid}/password`, { newPassword: PASSWORD }], ['POST', '/password', { currentPassword: PASSWORD, newPassword: PASSWORD }],
      ['GET', '/audit'], ['GET', '/audit.csv'], ['POST', '/session/everywhere-out'],
    ];
    const before = await auditCount();
    // AR8: a viewer reads the fairs list and a fair's tablets, within its regions (this fair has none: 404).
    const viewerReads: Record<string, [number, string | undefined]> = { '/fairs': [200, undefined], [`/fairs/${fairId}/tablets`]: [404, 'NOT_FOUND'] };
    for (const [method, path, body] of routes) {
      const asViewer = await call(method, path, viewer, body);
      const [status, code] = (method === 'GET' ? viewerReads[path] : undefined) ?? [403, 'FORBIDDEN_ROLE'];
      expect([path, asViewer.status]).toEqual([path, status]);
      expect(((await asViewer.json()) as { code?: string }).code).toBe(code);
      expect([path, (await call(method, path, '', body, { authorization: `Bearer ${device.token}` })).status]).toEqual([path, 403]);
      expect([path, (await call(method, path, '', body)).status]).toEqual([path, 401]);
    }
    expect((await call('GET', '/session', viewer)).status).toBe(200);
    expect(await auditCount()).toBe(before);
    expect((await storage.authenticate(device.token)) as object).toHaveProperty('kind', 'device');
  });

  test('[CO10][CO17] a fair is made and edited with the fair schema, as the server device\'s items in its chain', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const bad = await call('POST', '/fairs', org.cookie, { fair: fairInput(newId(), { code: 'no way!' }) });
    expect(bad.status).toBe(400);
    const id = newId();
    const made = FairSaved.parse(await (await call('POST', '/fairs', org.cookie, { fair: fairInput(id) })).json());
    expect(made.created).toBe(true);
    const retried = await call('POST', '/fairs', org.cookie, { fair: fairInput(id) });
    expect(await retried.json()).toEqual({ type: 'fair-saved', fairId: id, created: false, serverSeq: made.serverSeq });
    expect((await call('POST', '/fairs', org.cookie, { fair: fairInput(id, { nameZh: '别的' }) })).status).toBe(409);
    nowMs = T0 + MIN;
    const edited = fairInput(id, { nameZh: '第138届广交会', settings: { tabletStatusMinutes: { behind: 5, silent: 30 } } });
    expect((await call('PUT', `/fairs/${id}`, org.cookie, { fair: edited })).status).toBe(200);
    expect((await call('PUT', `/fairs/${newId()}`, org.cookie, { fair: fairInput(newId()) })).status).toBe(400);

    const row = FairList.parse(await (await call('GET', '/fairs', org.cookie)).json()).fairs.find((f) => f.fairId === id);
    expect(row?.nameZh).toBe('第138届广交会');
    expect(row?.fair).toEqual(Fair.parse(edited));
    expect(row?.deviceCount).toBe(0);
    const pulled = (await storage.pull(id, 0, 100)).items.map((p) => p.item);
    expect(pulled.map((i) => [i.kind, i.seq])).toEqual([['fair', 1], ['fair', 2]]);
    expect(new Set(pulled.map((i) => i.deviceId)).size).toBe(1);
    expect(pulled[1]!.hlc > pulled[0]!.hlc).toBe(true);
    expect((await checkChain(storage.sql)).broken).toEqual([]);
    expect((await auditRows(`fair:${id}`)).map((r) => r.action)).toEqual(['fair_created', 'fair_edited']);
  });

  test('[CO15] a batch of codes with links; the list says unused, used by which tablet, or expired', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const fairId = await newFair(org.cookie);
    const batch = await issue(org.cookie, fairId, 3);
    expect(batch.codes).toHaveLength(3);
    expect(new Set(batch.codes.map((c) => c.code)).size).toBe(3);
    for (const c of batch.codes) {
      expect(c.link).toBe(`${ORIGIN}/?code=${encodeURIComponent(c.code)}`);
      expect(c.expiresAt).toBe(new Date(T0 + 60 * MIN).toISOString());
    }
    const device = await redeem(batch.codes[1]!.code, 'K07');
    const list = EnrolmentList.parse(await (await call('GET', `/fairs/${fairId}/enrolments`, org.cookie)).json());
    const byId = new Map(list.codes.map((c) => [c.id, c.status]));
    expect(byId.get(batch.codes[1]!.id)).toEqual({ kind: 'used', at: expect.any(String) as string, deviceId: device.deviceId, deviceCode: 'K07' });
    expect(byId.get(batch.codes[0]!.id)).toEqual({ kind: 'unused' });
    nowMs = T0 + 60 * MIN;
    const fresh = cookieOf(await signIn(org.name));
    const later = EnrolmentList.parse(await (await call('GET', `/fairs/${fairId}/enrolments`, fresh)).json());
    expect(later.codes.map((c) => c.status.kind).sort()).toEqual(['expired', 'expired', 'used']);
    expect((await auditRows(`device:${device.deviceId}`)).map((r) => r.action)).toEqual(['enrolment_redeemed']);
    const made = await storage.sql.query<{ n: unknown }>(`select count(*) as n from audit_log where action = 'enrolment_created' and details->>'fairId' = $1`, [fairId]);
    expect(Number(made[0]?.n)).toBe(3);
    nowMs = T0;
  });

  test('[CO11][CO12][CO13] the tablets table: status from pushes, states by the fair\'s thresholds, items at risk once revoked', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const fairId = await newFair(org.cookie, { settings: { tabletStatusMinutes: { behind: 10, silent: 40 } } });
    const device = await redeem((await issue(org.cookie, fairId)).codes[0]!.code, 'K07');
    const push = await app.request(`${ORIGIN}/api/sync/push`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({
        type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, fairId, items: makeItems(device, 1, 2),
        clock: { offsetMs: -1234 }, status: { appVersion: '0.1.0', outboxCount: 5, lastError: 'NETWORK' },
      }),
    });
    expect(push.status).toBe(200);
    const table = async (at: number) => {
      nowMs = at;
      const cookie = cookieOf(await signIn(org.name));
      return TabletTable.parse(await (await call('GET', `/fairs/${fairId}/tablets`, cookie)).json());
    };
    const first = await table(T0 + 9 * MIN);
    expect(first.thresholds).toEqual({ behind: 10, silent: 40 });
    expect(first.tablets).toHaveLength(1);
    const row = first.tablets[0]!;
    expect(row).toMatchObject({
      deviceId: device.deviceId, deviceCode: 'K07', role: 'desk', enrolledBy: { userId: org.userId, name: org.name },
      lastSeenAt: new Date(T0).toISOString(), serverHasThroughSeq: 2, clockOffsetMs: -1234,
      reported: { at: new Date(T0).toISOString(), appVersion: '0.1.0', outboxCount: 5, lastError: 'NETWORK', ackedSeqThen: 0 },
      state: { kind: 'in_sync' }, revocation: null, itemsAtRisk: null,
    });
    expect((await table(T0 + 10 * MIN)).tablets[0]!.state).toEqual({ kind: 'behind', since: new Date(T0).toISOString() });
    expect((await table(T0 + 40 * MIN)).tablets[0]!.state).toEqual({ kind: 'silent', since: new Date(T0).toISOString() });
    nowMs = T0 + 41 * MIN;
    await call('POST', `/fairs/${fairId}/tablets/${device.deviceId}/revoke`, cookieOf(await signIn(org.name)), { reason: 'lost at hall 3' });
    const revoked = (await table(T0 + 42 * MIN)).tablets[0]!;
    expect(revoked.state).toEqual({ kind: 'revoked', at: new Date(T0 + 41 * MIN).toISOString() });
    expect(revoked.revocation).toEqual({ at: new Date(T0 + 41 * MIN).toISOString(), by: { userId: org.userId, name: org.name }, reason: 'lost at hall 3' });
    expect(revoked.itemsAtRisk).toBe(3);
    nowMs = T0;
  });

  test('[CO14] two organizers revoking one tablet at once get one revocation; its token stops', async () => {
    nowMs = T0;
    const a = await newOrganizer();
    const b = await newOrganizer();
    const fairId = await newFair(a.cookie);
    const device = await redeem((await issue(a.cookie, fairId)).codes[0]!.code);
    const [ra, rb] = await Promise.all([
      call('POST', `/fairs/${fairId}/tablets/${device.deviceId}/revoke`, a.cookie, { reason: 'lost' }),
      call('POST', `/fairs/${fairId}/tablets/${device.deviceId}/revoke`, b.cookie, { reason: 'stolen' }),
    ]);
    const answers = [TabletRevoked.parse(await ra.json()), TabletRevoked.parse(await rb.json())];
    expect(answers.map((x) => x.already).sort()).toEqual([false, true]);
    const firstAnswer = answers.find((x) => !x.already)!;
    const second = answers.find((x) => x.already)!;
    expect({ ...second, already: false }).toEqual(firstAnswer);
    expect(await storage.authenticate(device.token)).toEqual({ refused: 'TOKEN_REVOKED' });
    expect((await auditRows(`device:${device.deviceId}`)).map((r) => r.action)).toEqual(['enrolment_redeemed', 'device_revoked']);
    expect((await call('POST', `/fairs/${fairId}/tablets/${newId()}/revoke`, a.cookie, { reason: 'x' })).status).toBe(404);
  });

  test('[CO16] a failed action writes no audit row, and the audit log refuses updates and deletes', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const before = await auditCount();
    expect((await call('POST', '/people', org.cookie, { name: org.name, password: PASSWORD, role: 'organizer' })).status).toBe(409);
    expect((await call('PUT', `/fairs/${newId()}`, org.cookie, { fair: fairInput(newId()) })).status).toBe(400);
    const missing = newId();
    expect((await call('PUT', `/fairs/${missing}`, org.cookie, { fair: fairInput(missing) })).status).toBe(404);
    expect((await call('POST', `/people/${newId()}/disable`, org.cookie)).status).toBe(404);
    expect(await auditCount()).toBe(before);
    await expect(storage.sql.query('update audit_log set action = $1', ['login_ok'])).rejects.toThrow(/append-only/);
    await expect(storage.sql.query('delete from audit_log')).rejects.toThrow(/append-only/);
    expect(await auditCount()).toBe(before);
  });

  test('[CO47] the audit page names the fair, tablet and account its rows are about', async () => {
    nowMs = T0;
    const org = await newOrganizer();
    const fairId = await newFair(org.cookie, { code: 'CF147' });
    const device = await redeem((await issue(org.cookie, fairId)).codes[0]!.code);
    expect((await call('POST', `/fairs/${fairId}/tablets/${device.deviceId}/revoke`, org.cookie, { reason: 'lost' })).status).toBe(200);
    const page = AuditPage.parse(await (await call('GET', `/audit?actor=${encodeURIComponent(org.name)}`, org.cookie)).json());
    expect(page.entries.map((e) => e.action)).toEqual(['device_revoked', 'enrolment_created', 'fair_created', 'login_ok']);
    expect(page.labels).toEqual({
      [`device:${device.deviceId}`]: `${device.deviceCode} · Desk tablet`,
      [`fair:${fairId}`]: 'CF147 · 第137届广交会',
      [`user:${org.userId}`]: org.name,
    });
  });

  test('[CO18] the audit log filters and pages newest first, and its CSV neutralises formulas', async () => {
    nowMs = T0 + 5 * 24 * 60 * MIN;
    const org = await newOrganizer();
    const evil = '=HYPERLINK("http://x","y")';
    await signIn(evil, 'whatever it is');
    await signIn('@SUM(A1)', 'whatever it is');
    const query = `?action=login_failed&from=${encodeURIComponent(new Date(nowMs).toISOString())}`;
    const page1 = AuditPage.parse(await (await call('GET', `/audit${query}&limit=1`, org.cookie)).json());
    expect(page1.entries.map((e) => e.actor?.name)).toEqual(['@SUM(A1)']);
    expect(page1.next).not.toBeNull();
    const page2 = AuditPage.parse(await (await call('GET', `/audit${query}&limit=1&cursor=${page1.next}`, org.cookie)).json());
    expect(page2.entries.map((e) => e.actor?.name)).toEqual([evil]);
    expect(page2.next).toBeNull();
    const byActor = AuditPage.parse(await (await call('GET', `/audit?actor=${encodeURIComponent(org.name)}`, org.cookie)).json());
    expect(byActor.entries.map((e) => e.action)).toEqual(['login_ok']);
    const none = AuditPage.parse(await (await call('GET', `/audit${query}&to=${encodeURIComponent(new Date(nowMs).toISOString())}`, org.cookie)).json());
    expect(none.entries).toEqual([]);

    const csv = await call('GET', `/audit.csv${query}`, org.cookie);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).split('\r\n');
    expect(lines[0]).toBe('id,at,actor,address,action,target,details');
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://x"",""y"")",local,login_failed,,{}`);
    expect(lines[2]).toContain(",'@SUM(A1),local,login_failed,,{}");
    expect(lines).toHaveLength(4);
    nowMs = T0;
  });
});
