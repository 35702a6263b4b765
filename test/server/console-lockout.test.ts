import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { LOGIN_LOCKOUT } from '../../src/server/http/rate-limit';
import { bothStorages } from './both-storages';
import { makeOrganizer } from './support';

/**
 * CO7: the console's sign-in is held per account name and client address, like the bearer login
 * (SY61): a held pair holds neither the name from another address nor another name from that
 * address. The client address is the right-most X-Forwarded-For entry with FAIRCASE_TRUST_PROXY=1.
 */
const ORIGIN = 'http://localhost';
const FREE = LOGIN_LOCKOUT.freeTries;
let addressCount = 0;
const freshAddress = (): string => `198.51.100.${++addressCount}`;

describe.each(bothStorages())('console sign-in lockout on $name', (db) => {
  let app: Hono;
  const trust = process.env.FAIRCASE_TRUST_PROXY;
  beforeAll(() => {
    app = createHttpApp({ distDir: 'dist', storage: db.storage() });
    process.env.FAIRCASE_TRUST_PROXY = '1';
  });
  afterAll(() => {
    if (trust === undefined) delete process.env.FAIRCASE_TRUST_PROXY;
    else process.env.FAIRCASE_TRUST_PROXY = trust;
  });
  const signIn = async (name: string, password: string, address: string): Promise<{ status: number; code: string | undefined }> => {
    const res = await app.request(`${ORIGIN}/api/console/session`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ name, password }),
    });
    return { status: res.status, code: ((await res.json()) as { code?: string }).code };
  };

  test('[CO7] a name held from one address still signs in from another, and another name from that address is not held', async () => {
    const held = await makeOrganizer(db.storage());
    const other = await makeOrganizer(db.storage());
    const address = freshAddress();
    for (let i = 0; i < FREE; i++) expect(await signIn(held.name, `guess ${i}`, address)).toEqual({ status: 401, code: 'BAD_CREDENTIALS' });
    // Past the free tries the pair waits, whatever the password: the right one is held too.
    expect(await signIn(held.name, 'one guess too many', address)).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(await signIn(held.name, held.password, address)).toEqual({ status: 429, code: 'RATE_LIMITED' });

    expect((await signIn(held.name, held.password, freshAddress())).status).toBe(200);
    expect((await signIn(other.name, other.password, address)).status).toBe(200);
  });
});
