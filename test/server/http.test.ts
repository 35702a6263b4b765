import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { PROTOCOL_VERSION, PullPage, PushAccepted } from '../../src/domain/wire/protocol';
import { proofFor } from './device-keys';
import { enrol, makeItem, makeItems, makeOrganizer, newId, type TestDevice } from './support';

/** Every route through `app.fetch` (no port): auth refusals, bad input, the push verdicts, blobs. */
let storage: Storage;
let app: Hono;
let distDir: string;
let organizer: { token: string };
let expert: { token: string };
let desk: TestDevice;
let otherFair: TestDevice;
let revoked: TestDevice;

const auth = (token?: string): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` });
const postJson = async (path: string, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<Response> =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(token), ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const get = async (path: string, token?: string): Promise<Response> => app.request(path, { headers: auth(token) });
const pushBody = (d: TestDevice, items: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: d.deviceId, fairId: d.fairId, items, ...extra,
});
const code = async (res: Response): Promise<string> => ((await res.json()) as { code: string }).code;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'faircase-dist-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-abcdefgh.js"></script></head><body></body></html>');
  storage = await openStorage({ dataDir: 'memory://' });
  app = createHttpApp({ distDir, storage });
  organizer = await makeOrganizer(storage);
  await storage.createUser({ name: 'expert-http', password: 'expert password', role: 'expert' });
  expert = (await storage.login('expert-http', 'expert password'))!;
  desk = await enrol(storage, newId());
  otherFair = await enrol(storage, newId());
  revoked = await enrol(storage, desk.fairId);
  await storage.revokeDevice(revoked.deviceId);
});
afterAll(async () => {
  await storage.close();
});

describe('security headers', () => {
  test('the app is served with a Content Security Policy without inline script, and sensible headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.trim()).toBe("'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  test('the built app has no inline script for the policy to block', () => {
    const built = resolve('dist/index.html');
    const html = readFileSync(existsSync(built) ? built : join(distDir, 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  test('an unknown API path is a JSON 404, never the app shell', async () => {
    const res = await get('/api/nothing-here', organizer.token);
    expect(res.status).toBe(404);
    expect(await code(res)).toBe('NOT_FOUND');
  });
});

describe('every API route refuses a missing token, a revoked device and a role that may not act', () => {
  const sha = 'a'.repeat(64);
  const routes: { name: string; call: (token?: string) => Promise<Response>; forbidden: () => string[] }[] = [
    { name: 'POST /api/sync/push', call: (t) => postJson('/api/sync/push', pushBody(desk, []), t), forbidden: () => [organizer.token, expert.token] },
    { name: 'GET /api/sync/pull', call: (t) => get(`/api/sync/pull?protocolVersion=1&fair=${desk.fairId}`, t), forbidden: () => [otherFair.token] },
    { name: 'GET /api/sync/conflicts', call: (t) => get(`/api/sync/conflicts?fair=${desk.fairId}`, t), forbidden: () => [desk.token] },
    { name: 'GET /api/sync/rejected', call: (t) => get(`/api/sync/rejected?fair=${desk.fairId}`, t), forbidden: () => [desk.token] },
    { name: 'GET /api/reports/summary', call: (t) => get(`/api/reports/summary?fair=${desk.fairId}`, t), forbidden: () => [expert.token, desk.token] },
    { name: 'PUT /api/blobs/:sha', call: async (t) => app.request(`/api/blobs/${sha}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg', ...auth(t) }, body: 'x' }), forbidden: () => [organizer.token] },
    { name: 'GET /api/blobs/:sha', call: (t) => get(`/api/blobs/${sha}`, t), forbidden: () => [desk.token] },
    { name: 'POST /api/users', call: (t) => postJson('/api/users', { name: 'x', password: 'long enough pw', role: 'expert' }, t), forbidden: () => [expert.token, desk.token] },
    { name: 'POST /api/enrolments', call: (t) => postJson('/api/enrolments', { fairId: desk.fairId }, t), forbidden: () => [expert.token, desk.token] },
    { name: 'GET /api/devices', call: (t) => get(`/api/devices?fair=${desk.fairId}`, t), forbidden: () => [expert.token, desk.token] },
    { name: 'POST /api/devices/:id/revoke', call: (t) => postJson(`/api/devices/${desk.deviceId}/revoke`, {}, t), forbidden: () => [expert.token, desk.token] },
  ];
  for (const route of routes) {
    test(`${route.name}`, async () => {
      const none = await route.call();
      expect(none.status).toBe(401);
      expect(await code(none)).toBe('UNAUTHENTICATED');
      const unknown = await route.call('not-a-real-token-0123456789');
      expect(unknown.status).toBe(401);
      const gone = await route.call(revoked.token);
      expect(gone.status).toBe(401);
      expect(['TOKEN_REVOKED', 'DEVICE_REVOKED']).toContain(await code(gone));
      for (const token of route.forbidden()) {
        const res = await route.call(token);
        expect(res.status, `${route.name} with a forbidden role`).toBe(403);
        expect(['FORBIDDEN_ROLE', 'DEVICE_REQUIRED', 'FAIR_MISMATCH']).toContain(await code(res));
      }
    });
  }
  test('HEAD /api/blobs/:sha', async () => {
    expect((await app.request(`/api/blobs/${sha}`, { method: 'HEAD' })).status).toBe(401);
    expect((await app.request(`/api/blobs/${sha}`, { method: 'HEAD', headers: auth(revoked.token) })).status).toBe(401);
    expect((await app.request(`/api/blobs/${sha}`, { method: 'HEAD', headers: auth(desk.token) })).status).toBe(404);
  });
});

describe('push over HTTP', () => {
  test('an item whose device is not the token’s is refused whole, and nothing is stored', async () => {
    const d = await enrol(storage, newId());
    const foreign = makeItem({ deviceId: otherFair.deviceId, fairId: d.fairId }, 1);
    const res = await postJson('/api/sync/push', pushBody(d, [makeItem(d, 1), foreign]), d.token);
    expect(res.status).toBe(403);
    expect(await code(res)).toBe('DEVICE_MISMATCH');
    const claim = await postJson('/api/sync/push', pushBody(d, [], { deviceId: otherFair.deviceId }), d.token);
    expect(await code(claim)).toBe('DEVICE_MISMATCH');
    const fair = await postJson('/api/sync/push', pushBody(d, [], { fairId: otherFair.fairId }), d.token);
    expect(await code(fair)).toBe('FAIR_MISMATCH');
    expect((await storage.pull(d.fairId, 0, 10)).items).toHaveLength(0);
  });

  test('applied, duplicate, conflict, rejected and gap, as the wire schema says', async () => {
    const d = await enrol(storage, newId());
    const [a, b, c] = makeItems(d, 1, 3);
    const first = PushAccepted.parse(await (await postJson('/api/sync/push', pushBody(d, [a, b]), d.token)).json());
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const poison = makeItem(d, 3, { id: c!.id, entityId: c!.entityId, topic: '' });
    const changed = { ...a!, payload: { ...(a!.payload as object), topic: 'changed' } };
    const gapItem = makeItem(d, 9);
    const res = await postJson('/api/sync/push', pushBody(d, [a, changed, poison, gapItem]), d.token);
    expect(res.status).toBe(200);
    const second = PushAccepted.parse(await res.json());
    expect(second.results.map((r) => r.status)).toEqual(['duplicate', 'conflict', 'rejected', 'skipped']);
    expect(second.results[0]).toMatchObject({ serverSeq: (first.results[0] as { serverSeq: number }).serverSeq });
    expect(second).toMatchObject({ ackedSeq: 3, expectedSeq: 4, gap: true });
  });

  test('[SY9] an old client gets "update the app", a newer one "server too old"; neither crashes', async () => {
    const old = await postJson('/api/sync/push', { protocolVersion: 0, whatever: [1, 2] }, desk.token);
    expect(old.status).toBe(426);
    expect(await old.json()).toMatchObject({ type: 'client-too-old', code: 'CLIENT_TOO_OLD', serverVersion: PROTOCOL_VERSION });
    const newer = await postJson('/api/sync/push', pushBody(desk, [], { protocolVersion: PROTOCOL_VERSION + 1 }), desk.token);
    expect(newer.status).toBe(409);
    expect(await code(newer)).toBe('SERVER_TOO_OLD');
    expect((await get(`/api/sync/pull?protocolVersion=0&fair=${desk.fairId}`, desk.token)).status).toBe(426);
  });

  test('bad input: 400 with a code, 415 for another content type, 413 when oversized', async () => {
    const bad = await postJson('/api/sync/push', { type: 'push', protocolVersion: 1, items: 'no' }, desk.token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'INVALID_BODY', issues: expect.arrayContaining([expect.objectContaining({ path: 'items' })]) });
    const notJson = await postJson('/api/sync/push', '{"type":', desk.token);
    expect(notJson.status).toBe(400);
    const text = await app.request('/api/sync/push', { method: 'POST', headers: { 'content-type': 'text/plain', ...auth(desk.token) }, body: '{}' });
    expect(text.status).toBe(415);
    expect(await code(text)).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await postJson('/api/sync/push', `[${'0,'.repeat(8.5 * 1024 * 1024)}0]`, desk.token);
    expect(huge.status).toBe(413);
    expect(await code(huge)).toBe('PAYLOAD_TOO_LARGE');
    for (const q of ['fair=nope', `fair=${desk.fairId}&limit=0`, `fair=${desk.fairId}&limit=5000`, `fair=${desk.fairId}&after=-1`, `fair=${desk.fairId}&fair=${desk.fairId}`]) {
      const res = await get(`/api/sync/pull?protocolVersion=1&${q}`, desk.token);
      expect(res.status, q).toBe(400);
      expect(await code(res)).toBe('INVALID_QUERY');
    }
    const login = await postJson('/api/auth/login', { name: 42 });
    expect(login.status).toBe(400);
  });

  test('any JSON body to push gets a coded 4xx answer, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        const res = await postJson('/api/sync/push', value, desk.token);
        expect([400, 409, 426]).toContain(res.status);
        expect(typeof ((await res.json()) as { code?: unknown }).code).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  test('the epoch changes after a restore, on pull and push answers', async () => {
    const before = PullPage.parse(await (await get(`/api/sync/pull?protocolVersion=1&fair=${desk.fairId}`, desk.token)).json()).epoch;
    const after = await storage.markRestored();
    expect(after).not.toBe(before);
    const page = PullPage.parse(await (await get(`/api/sync/pull?protocolVersion=1&fair=${desk.fairId}`, desk.token)).json());
    expect(page.epoch).toBe(after);
    const push = PushAccepted.parse(await (await postJson('/api/sync/push', pushBody(desk, []), desk.token)).json());
    expect(push.epoch).toBe(after);
    // Back to the first code range: a later test chooses a code, which a restore no longer grants (SY32).
    await storage.sql.query(`delete from server_meta where key = 'code_range'`);
  });
});

describe('people and tablets', () => {
  test('login, a one-time enrolment code, a device code unique per fair, revocation', async () => {
    const { name, password } = await makeOrganizer(storage);
    expect((await postJson('/api/auth/login', { name, password: 'wrong password' })).status).toBe(401);
    const session = (await (await postJson('/api/auth/login', { name, password })).json()) as { token: string; role: string };
    expect(session.role).toBe('organizer');
    const fairId = newId();
    const enrolment = (await (await postJson('/api/enrolments', { fairId, role: 'desk' }, session.token)).json()) as { code: string };
    expect(enrolment.code).toMatch(/^FCE1:[0-9A-Z]{26}$/);
    const deviceId = newId();
    const res = await postJson('/api/devices/enrol', { code: enrolment.code, deviceId, deviceName: 'Desk 3', deviceCode: 'k03', proof: await proofFor(deviceId, enrolment.code) });
    expect(res.status).toBe(201);
    const device = (await res.json()) as { token: string; deviceCode: string; deviceId: string };
    expect(device).toMatchObject({ deviceId, deviceCode: 'K03', fairId });
    const reuse = await postJson('/api/devices/enrol', { code: enrolment.code, deviceName: 'Desk 4' });
    expect(reuse.status).toBe(403);
    expect(await code(reuse)).toBe('ENROLMENT_INVALID');
    const second = (await (await postJson('/api/enrolments', { fairId }, session.token)).json()) as { code: string };
    const taken = await postJson('/api/devices/enrol', { code: second.code, deviceName: 'Desk 4', deviceCode: 'K03' });
    expect(taken.status).toBe(409);
    expect(await code(taken)).toBe('DEVICE_CODE_TAKEN');
    const bad = await postJson('/api/devices/enrol', { code: second.code, deviceName: 'Desk 4', deviceCode: 'KO3' });
    expect(bad.status).toBe(400);
    const list = (await (await get(`/api/devices?fair=${fairId}`, session.token)).json()) as { devices: { deviceCode: string }[] };
    expect(list.devices.map((d) => d.deviceCode)).toEqual(['K03']);
    expect((await postJson(`/api/devices/${deviceId}/revoke`, {}, session.token)).status).toBe(200);
    expect(await code(await postJson('/api/sync/push', pushBody({ ...device, fairId } as TestDevice, []), device.token))).toBe('TOKEN_REVOKED');
    expect((await postJson(`/api/devices/${newId()}/revoke`, {}, session.token)).status).toBe(404);
  });
});

describe('public routes are rate-limited, in the database', () => {
  test('ten wrong passwords for one name, then 429 with Retry-After, even for the right one', async () => {
    const { name, password } = await makeOrganizer(storage);
    for (let i = 0; i < 10; i++) expect((await postJson('/api/auth/login', { name, password: `guess number ${i}` })).status).toBe(401);
    const blocked = await postJson('/api/auth/login', { name, password });
    expect(blocked.status).toBe(429);
    expect(await code(blocked)).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account is not affected.
    const other = await makeOrganizer(storage);
    expect((await postJson('/api/auth/login', { name: other.name, password: other.password })).status).toBe(200);
  });
});

describe('evidence files', () => {
  const put = async (sha: string, body: Uint8Array | string, token = desk.token, type = 'image/jpeg'): Promise<Response> =>
    app.request(`/api/blobs/${sha}`, { method: 'PUT', headers: { 'content-type': type, ...auth(token) }, body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]) });
  test('verified against the hash by the server, idempotent, readable once stored', async () => {
    const data = new TextEncoder().encode(`evidence ${newId()}`);
    const sha = createHash('sha256').update(data).digest('hex');
    const head = () => app.request(`/api/blobs/${sha}`, { method: 'HEAD', headers: auth(desk.token) });
    expect((await head()).status).toBe(404);
    const wrong = await put(sha, new TextEncoder().encode('something else'));
    expect(wrong.status).toBe(422);
    expect(await code(wrong)).toBe('HASH_MISMATCH');
    expect((await head()).status).toBe(404);
    expect((await put(sha, data)).status).toBe(201);
    expect((await put(sha, data)).status).toBe(200);
    const found = await head();
    expect(found.status).toBe(200);
    expect(found.headers.get('content-length')).toBe(String(data.byteLength));
    const back = await get(`/api/blobs/${sha}`, organizer.token);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(data);
  });
  test('size-limited to 20 MB, typed, and named by a SHA-256', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    const tooBig = await put(createHash('sha256').update(big).digest('hex'), big);
    expect(tooBig.status).toBe(413);
    expect((await put('a'.repeat(64), 'x', desk.token, 'text/html')).status).toBe(415);
    expect((await put('not-a-hash', 'x')).status).toBe(400);
    expect((await put('A'.repeat(64), 'x')).status).toBe(400);
  });
});
