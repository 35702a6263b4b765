import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { LIMITS } from '../../src/server/http/rate-limit';
import { PUBLIC_INTAKE_LIMIT } from '../../src/server/http/public-intake-routes';
import { bothStorages, secondInstance, type DatabaseName } from './both-storages';
import { enrol, makeOrganizer, newId } from './support';

/**
 * SY60: every public route that does work is rate-limited, and the limit
 * holds across two server instances on one database (the counts live in the database, not in a
 * process). Each test speaks from its own client address, the right-most X-Forwarded-For entry
 * with FAIRCASE_TRUST_PROXY=1 (the one proxy appended it), after a left part the client forged,
 * so the tests do not share counters. The per-name-and-address login delays: login-lockout.test.ts.
 */
/** The suite's title on each database: on PostgreSQL two instances, each with its own pool. */
const ON: Record<DatabaseName, string> = { PostgreSQL: 'two instances on one PostgreSQL', PGlite: 'two apps on one PGlite' };

const post = (app: Hono, path: string, body: unknown, address?: string): Promise<Response> =>
  Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(address === undefined ? {} : { 'x-forwarded-for': `${forgedAddress()}, ${address}` }) },
      body: JSON.stringify(body),
    }),
  );
const codeOf = async (res: Response): Promise<string> => ((await res.json()) as { code: string }).code;
const expect429 = async (res: Response, windowSeconds: number): Promise<void> => {
  expect(res.status).toBe(429);
  expect(await codeOf(res)).toBe('RATE_LIMITED');
  expect(res.headers.get('retry-after')).toBe(String(windowSeconds));
};
let addressCount = 0;
const freshAddress = (): string => `198.51.${Math.floor(++addressCount / 250)}.${addressCount % 250}`;
let forgedCount = 0;
/** What a client writes into X-Forwarded-For itself: a new address each time. */
const forgedAddress = (): string => `203.0.${Math.floor(++forgedCount / 250)}.${forgedCount % 250}`;
const noCode = (): { code: string; deviceName: string } => ({ code: `FCE1:${newId()}`, deviceName: 'Desk tablet' });

describe.each(bothStorages().map((db) => ({ ...db, on: ON[db.name] })))('public routes are rate-limited: $on', (db) => {
  const { storage } = db;
  const otherInstance = secondInstance(db);
  let a: Hono;
  let b: Hono;
  const trust = process.env.FAIRCASE_TRUST_PROXY;
  beforeAll(() => {
    // PGlite is one process's database: there the two apps share the one storage.
    [a, b] = [createHttpApp({ distDir: 'dist', storage: storage() }), createHttpApp({ distDir: 'dist', storage: otherInstance() })];
    process.env.FAIRCASE_TRUST_PROXY = '1';
  });
  afterEach(() => {
    process.env.FAIRCASE_TRUST_PROXY = '1';
  });
  afterAll(() => {
    if (trust === undefined) delete process.env.FAIRCASE_TRUST_PROXY;
    else process.env.FAIRCASE_TRUST_PROXY = trust;
  });

  test(`[SY61] login per client address: ${LIMITS.loginPerAddress.max} tries at different names over both instances, then 429 on both; another address goes on`, async () => {
    const address = freshAddress();
    // Sixty password checks (scrypt) take half a minute on two busy cores: all but the last six
    // are counted straight into the shared counter (the limiter's own store call and key).
    const direct = LIMITS.loginPerAddress.max - 6;
    for (let i = 0; i < direct; i++) await (i % 2 === 0 ? storage() : otherInstance()).hit(`login:addr:${address}`, LIMITS.loginPerAddress.windowSeconds);
    const answers = await Promise.all(
      Array.from({ length: LIMITS.loginPerAddress.max - direct }, (_, i) => post(i % 2 === 0 ? a : b, '/api/auth/login', { name: `nobody-${newId()}`, password: 'some password' }, address)),
    );
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 401));
    const { name, password } = await makeOrganizer(storage());
    await expect429(await post(b, '/api/auth/login', { name, password }, address), LIMITS.loginPerAddress.windowSeconds);
    await expect429(await post(a, '/api/auth/login', { name, password }, address), LIMITS.loginPerAddress.windowSeconds);
    expect((await post(a, '/api/auth/login', { name, password }, freshAddress())).status).toBe(200);
  });

  test(`enrolment per client address: concurrent guesses on both instances — exactly ${LIMITS.enrolPerAddress.max} are looked at, the rest 429`, async () => {
    const address = freshAddress();
    const extra = 12;
    const answers = await Promise.all(
      Array.from({ length: LIMITS.enrolPerAddress.max + extra }, (_, i) => post(i % 2 === 0 ? a : b, '/api/devices/enrol', noCode(), address)),
    );
    const statuses = answers.map((r) => r.status);
    // The counter is one atomic statement in the database: no hit is lost between instances.
    expect(statuses.filter((s) => s === 403)).toHaveLength(LIMITS.enrolPerAddress.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(extra);
    // Still refused on both, even with a genuine code.
    const organizer = await makeOrganizer(storage());
    const { code } = await storage().createEnrolment(organizer.userId, { fairId: newId(), role: 'desk', ttlMinutes: 60 }, Date.now());
    await expect429(await post(a, '/api/devices/enrol', { code, deviceName: 'Desk tablet' }, address), LIMITS.enrolPerAddress.windowSeconds);
    await expect429(await post(b, '/api/devices/enrol', { code, deviceName: 'Desk tablet' }, address), LIMITS.enrolPerAddress.windowSeconds);
    expect((await post(b, '/api/devices/enrol', { code, deviceName: 'Desk tablet' }, freshAddress())).status).toBe(201);
  });

  test(`[PI3] the phones' public intake per client address: ${PUBLIC_INTAKE_LIMIT.max} sends over both instances (junk counts too), then 429 on both`, async () => {
    const address = freshAddress();
    const fairId = (await enrol(storage(), newId())).fairId;
    const answers = await Promise.all(Array.from({ length: PUBLIC_INTAKE_LIMIT.max }, (_, i) => post(i % 2 === 0 ? a : b, `/api/public/fairs/${fairId}/complaints`, { junk: i }, address)));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 400));
    await expect429(await post(a, `/api/public/fairs/${fairId}/complaints`, { junk: true }, address), PUBLIC_INTAKE_LIMIT.windowSeconds);
    await expect429(await post(b, `/api/public/fairs/${newId()}/complaints`, { junk: true }, address), PUBLIC_INTAKE_LIMIT.windowSeconds);
    expect((await post(b, `/api/public/fairs/${fairId}/complaints`, { junk: true }, freshAddress())).status).toBe(400);
  });

  test('[SY60] without FAIRCASE_TRUST_PROXY a forged X-Forwarded-For does not escape the per-address limit', async () => {
    delete process.env.FAIRCASE_TRUST_PROXY;
    // The address is then the socket's (here the in-process fallback), the same for every forged header.
    await storage().sql.query(`delete from rate_limits where key like 'enrol:addr:%'`);
    for (let i = 0; i < LIMITS.enrolPerAddress.max; i++) expect((await post(i % 2 === 0 ? a : b, '/api/devices/enrol', noCode(), freshAddress())).status).toBe(403);
    await expect429(await post(a, '/api/devices/enrol', noCode(), freshAddress()), LIMITS.enrolPerAddress.windowSeconds);
  });

  test('[SY60] with one trusted proxy, a forged left part of X-Forwarded-For does not move the limit: the right-most entry counts', async () => {
    const address = freshAddress();
    // A new forged entry on every try (post() writes one): all of them count against `address`.
    for (let i = 0; i < LIMITS.enrolPerAddress.max; i++) expect((await post(i % 2 === 0 ? a : b, '/api/devices/enrol', noCode(), address)).status).toBe(403);
    await expect429(await post(a, '/api/devices/enrol', noCode(), address), LIMITS.enrolPerAddress.windowSeconds);
    // A header with the limited address on the left and another on the right is another client.
    const res = await a.request('/api/devices/enrol', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `${address}, ${freshAddress()}` }, body: JSON.stringify(noCode()),
    });
    expect(res.status).toBe(403);
  });

  test('[SY60] FAIRCASE_TRUST_PROXY=2 takes the second entry from the right: neither the forged left nor the nearer proxy moves the limit', async () => {
    process.env.FAIRCASE_TRUST_PROXY = '2';
    const client = freshAddress();
    const enrolVia = (header: string) =>
      b.request('/api/devices/enrol', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': header }, body: JSON.stringify(noCode()) });
    for (let i = 0; i < LIMITS.enrolPerAddress.max; i++) expect((await enrolVia(`${forgedAddress()}, ${client}, 10.0.${i}.1`)).status).toBe(403);
    await expect429(await enrolVia(`${forgedAddress()}, ${client}, 10.1.0.1`), LIMITS.enrolPerAddress.windowSeconds);
    // The same outer proxy, another client: counted apart.
    expect((await enrolVia(`${client}, ${freshAddress()}, 10.0.0.1`)).status).toBe(403);
  });
});
