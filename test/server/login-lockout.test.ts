import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { LOGIN_LOCKOUT } from '../../src/server/http/rate-limit';
import { PRUNE_PER_HIT } from '../../src/server/storage/rate-limit-store';
import { bothStorages, secondInstance } from './both-storages';
import { makeOrganizer, newId } from './support';

/**
 * SY61 and SY62: failed logins slow one account name from one client address, with growing
 * delays, never the name everywhere; the counts are shared by two instances on one database and
 * their rows go once they are old. The client address is the right-most X-Forwarded-For entry
 * with FAIRCASE_TRUST_PROXY=1, after a left part the client forged.
 */
let addressCount = 0;
const freshAddress = (): string => `192.0.2.${++addressCount}`;
const FREE = LOGIN_LOCKOUT.freeTries;

const login = (app: Hono, name: string, password: string, address: string): Promise<Response> =>
  Promise.resolve(
    app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.9.${addressCount % 250}, ${address}` },
      body: JSON.stringify({ name, password }),
    }),
  );

const refusal = async (res: Response): Promise<{ status: number; code: string; retryAfter: number; header: string | null }> => {
  const body = (await res.json()) as { code: string; params?: { retryAfterSeconds?: number } };
  return { status: res.status, code: body.code, retryAfter: body.params?.retryAfterSeconds ?? -1, header: res.headers.get('retry-after') };
};

describe.each(bothStorages())('login lockout per name and address on $name', (db) => {
  const { storage } = db;
  const otherInstance = secondInstance(db);
  let a: Hono;
  let b: Hono;
  const trust = process.env.FAIRCASE_TRUST_PROXY;
  beforeAll(() => {
    [a, b] = [createHttpApp({ distDir: 'dist', storage: storage() }), createHttpApp({ distDir: 'dist', storage: otherInstance() })];
    process.env.FAIRCASE_TRUST_PROXY = '1';
  });
  afterAll(() => {
    if (trust === undefined) delete process.env.FAIRCASE_TRUST_PROXY;
    else process.env.FAIRCASE_TRUST_PROXY = trust;
  });

  /** The pair's row: the delay its last try set (seconds) and its tries. */
  const pairRow = async (name: string, address: string) =>
    (
      await storage().sql.query<{ tries: number; delay: number }>(
        `select tries, extract(epoch from next_at - last_at)::float8 as delay from login_failures where name = $1 and address = $2`,
        [name, address],
      )
    )[0];
  /** Time passes for the pair: its wait is over (its delays and tries stay). */
  const waitIsOver = (name: string, address: string) =>
    storage().sql.query(`update login_failures set next_at = now() - interval '1 second' where name = $1 and address = $2`, [name, address]);

  test(`[SY61] the owner logs in from their address while attackers fail from three other addresses ${FREE + 3} times each, on both instances`, async () => {
    const { name, password } = await makeOrganizer(storage());
    const attackers = [freshAddress(), freshAddress(), freshAddress()];
    for (const attacker of attackers) {
      const statuses: number[] = [];
      for (let i = 0; i < FREE + 3; i++) statuses.push((await login(i % 2 === 0 ? a : b, name, `guess ${i}`, attacker)).status);
      // The first FREE are checked; the rest wait out delays (a slow password check may outlast the first).
      expect(statuses.slice(0, FREE)).toEqual(Array<number>(FREE).fill(401));
      expect(statuses.slice(FREE).every((s) => s === 401 || s === 429)).toBe(true);
    }
    // The owner's address is another pair.
    const owner = freshAddress();
    expect((await login(a, name, password, owner)).status).toBe(200);
    expect((await login(b, name, password, owner)).status).toBe(200);
  });

  test(`[SY61] one name from one address: ${FREE} free tries, then each try makes the pair wait 1 s, 2 s, 4 s, 8 s… up to ${LOGIN_LOCKOUT.maxDelaySeconds} s`, async () => {
    const { name, password } = await makeOrganizer(storage());
    const address = freshAddress();
    for (let i = 0; i < FREE - 1; i++) expect((await login(a, name, `guess ${i}`, address)).status).toBe(401);
    expect(await pairRow(name, address)).toEqual({ tries: FREE - 1, delay: 0 });
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      // A failed try as the route counts it (the limiter's own store call), without the password
      // check's seconds under load between the delay being set and the refusal looked at.
      expect(await (i % 2 === 0 ? otherInstance() : storage()).admitLogin(name, address, LOGIN_LOCKOUT)).toEqual({ admitted: true });
      delays.push((await pairRow(name, address))?.delay ?? -1);
      // At once: refused even with the right password, with the time left of the delay.
      const refused = await refusal(await login(a, name, password, address));
      expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED', header: String(refused.retryAfter) });
      expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfter).toBeLessThanOrEqual(delays[i] as number);
      await waitIsOver(name, address);
    }
    expect(delays).toEqual([1, 2, 4, 8]);
    // Far on, the delay stops growing at the cap.
    await storage().sql.query('update login_failures set tries = 40 where name = $1 and address = $2', [name, address]);
    expect((await login(b, name, 'one more guess', address)).status).toBe(401);
    expect(await pairRow(name, address)).toEqual({ tries: 41, delay: LOGIN_LOCKOUT.maxDelaySeconds });
    const capped = await refusal(await login(a, name, password, address));
    expect(capped).toMatchObject({ status: 429, header: String(capped.retryAfter) });
    // Less the time the password check of the try before took.
    expect(capped.retryAfter).toBeGreaterThan(LOGIN_LOCKOUT.maxDelaySeconds - 60);
    expect(capped.retryAfter).toBeLessThanOrEqual(LOGIN_LOCKOUT.maxDelaySeconds);
  });

  test('[SY61] the delays run out by themselves: after them the right password logs in, and clears the pair', async () => {
    const { name, password } = await makeOrganizer(storage());
    const address = freshAddress();
    // FREE + 1 failed tries as the route counts them (the FREE-th one's second waited out): the last sets a wait of 2 s.
    for (let i = 0; i < FREE; i++) await storage().admitLogin(name, address, LOGIN_LOCKOUT);
    await waitIsOver(name, address);
    expect(await storage().admitLogin(name, address, LOGIN_LOCKOUT)).toEqual({ admitted: true });
    expect(await pairRow(name, address)).toEqual({ tries: FREE + 1, delay: 2 });
    expect((await login(b, name, password, address)).status).toBe(429);
    // A refused try changes nothing, so asking again until the wait is over is safe.
    await vi.waitFor(async () => expect((await login(b, name, password, address)).status).toBe(200), { timeout: 30_000, interval: 200 });
    expect(await pairRow(name, address)).toBeUndefined();
  });

  test(`[SY61] ${FREE + 7} concurrent guesses of one pair over both instances: exactly ${FREE} passwords are checked, the rest 429`, async () => {
    const { name } = await makeOrganizer(storage());
    const address = freshAddress();
    const answers = await Promise.all(Array.from({ length: FREE + 7 }, (_, i) => login(i % 2 === 0 ? a : b, name, `guess ${i}`, address)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  test('[SY61] a pair quiet for a day starts again from nothing', async () => {
    const { name } = await makeOrganizer(storage());
    const address = freshAddress();
    await storage().sql.query(
      `insert into login_failures (name, address, tries, next_at, last_at, last_try)
       values ($1, $2, 30, now() - make_interval(secs => $3::int) + interval '15 minutes', now() - make_interval(secs => $3::int), 'old')`,
      [name, address, LOGIN_LOCKOUT.forgetAfterSeconds + 60],
    );
    expect((await login(a, name, 'a guess', address)).status).toBe(401);
    expect(await pairRow(name, address)).toEqual({ tries: 1, delay: 0 });
  });

  test(`[SY62] old rows go: each login deletes at most ${PRUNE_PER_HIT} pairs quiet for a day, and each hit at most ${PRUNE_PER_HIT} ended windows`, async () => {
    const tag = newId();
    const old = LOGIN_LOCKOUT.forgetAfterSeconds + 60;
    await storage().sql.query(
      `insert into login_failures (name, address, tries, next_at, last_at, last_try)
       select 'old-' || $1 || '-' || i, '192.0.2.250', 9, now() - make_interval(secs => $2::int), now() - make_interval(secs => $2::int), 'old'
       from generate_series(1, $3::int) i`,
      [tag, old, PRUNE_PER_HIT + 5],
    );
    await storage().sql.query(`insert into login_failures (name, address, tries, next_at, last_at, last_try) values ($1, '192.0.2.250', 3, now() - interval '23 hours', now() - interval '23 hours', 'recent')`, [`recent-${tag}`]);
    const left = async (table: 'login_failures' | 'rate_limits', column: 'name' | 'key') =>
      (await storage().sql.query<{ n: number }>(`select count(*)::int as n from ${table} where ${column} like $1`, [`%${tag}%`]))[0]?.n;
    const { name } = await makeOrganizer(storage());
    expect((await login(a, name, 'a guess', freshAddress())).status).toBe(401);
    expect(await left('login_failures', 'name')).toBe(5 + 1);
    expect((await login(b, name, 'a guess', freshAddress())).status).toBe(401);
    expect(await left('login_failures', 'name')).toBe(1);

    await storage().sql.query(
      `insert into rate_limits (key, window_start, hits, expires_at)
       select 'old:' || $1 || ':' || i, now() - interval '2 hours', 7, now() - interval '1 hour' from generate_series(1, $2::int) i`,
      [tag, PRUNE_PER_HIT + 5],
    );
    await storage().sql.query(`insert into rate_limits (key, window_start, hits, expires_at) values ($1, now(), 1, now() + interval '1 hour')`, [`live:${tag}`]);
    await storage().hit(`test:${newId()}`, 60);
    expect(await left('rate_limits', 'key')).toBe(5 + 1);
    await otherInstance().hit(`test:${newId()}`, 60);
    expect(await left('rate_limits', 'key')).toBe(1);
  });
});
