import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { newId } from '../server/support';
import { hostileSegment, hostileString } from './arbitraries';
import { SECRET, auth, expectRefused, openHarness, stateGuard, type Harness } from './http-harness';

/**
 * Hostile input, queries and paths: 1,000 generated query strings for every route that reads
 * one, and 1,000 path tricks for every route with a parameter (`..%2f`, encoded NUL, double
 * encoding, overlong UTF-8, 10,000-character ids) and for the static app. Never a 5xx; a refusal
 * is JSON with a known code; nothing is written; no answer ever holds a file from outside the
 * app's folder.
 */
let h: Harness;
let n = 0;
beforeAll(async () => {
  // Each request from its own address, so the public route's rate limit does not answer every case.
  process.env.FAIRCASE_TRUST_PROXY = '1';
  h = await openHarness();
}, 120_000);
afterAll(async () => {
  await h.close();
});

interface QueryRoute {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: () => string;
  readonly token: () => string;
  readonly keys: readonly string[];
  readonly valid: () => Record<string, string>;
}

const QUERY_ROUTES: readonly QueryRoute[] = [
  { name: 'GET /api/sync/pull', method: 'GET', path: () => '/api/sync/pull', token: () => h.desk.token, keys: ['protocolVersion', 'fair', 'after', 'limit'], valid: () => ({ protocolVersion: '1', fair: h.desk.fairId, after: '0', limit: '10' }) },
  { name: 'GET /api/sync/conflicts', method: 'GET', path: () => '/api/sync/conflicts', token: () => h.expertUser, keys: ['fair'], valid: () => ({ fair: h.desk.fairId }) },
  { name: 'GET /api/sync/rejected', method: 'GET', path: () => '/api/sync/rejected', token: () => h.organizer, keys: ['fair'], valid: () => ({ fair: h.desk.fairId }) },
  { name: 'GET /api/devices', method: 'GET', path: () => '/api/devices', token: () => h.organizer, keys: ['fair'], valid: () => ({ fair: h.desk.fairId }) },
  { name: 'GET /api/reports/summary', method: 'GET', path: () => '/api/reports/summary', token: () => h.organizer, keys: ['fair'], valid: () => ({ fair: h.desk.fairId }) },
  { name: 'GET /api/intake/drafts', method: 'GET', path: () => '/api/intake/drafts', token: () => h.desk.token, keys: ['fair'], valid: () => ({ fair: h.desk.fairId }) },
  // A draft id no draft has: whatever the query, nothing may be marked filed.
  { name: 'POST /api/intake/drafts/:id/filed', method: 'POST', path: () => '/api/intake/drafts/6f1c3c1e-8f0a-4c8e-9a51-0c7d2a4b9e11/filed', token: () => h.desk.token, keys: ['fair'], valid: () => ({ fair: h.desk.fairId }) },
  { name: 'GET /api/admin/chain-check', method: 'GET', path: () => '/api/admin/chain-check', token: () => h.organizer, keys: ['fair', 'device'], valid: () => ({}) },
  // A valid id no device has: whatever the query, nothing may be revoked.
  { name: 'POST /api/devices/:id/revoke', method: 'POST', path: () => `/api/devices/${newId()}/revoke`, token: () => h.organizer, keys: ['fair'], valid: () => ({ fair: h.desk.fairId }) },
];

/** A query string: the route's keys and others, values hostile (encoded or raw), keys repeated. */
const queryOf = (route: QueryRoute): fc.Arbitrary<string> => {
  const key = fc.oneof(fc.constantFrom(...route.keys), hostileSegment.map((s) => s.slice(0, 100)));
  const value = fc.oneof(
    hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\u0000'))),
    hostileSegment,
    fc.constantFrom('1', '0', '-1', '1e3', '0x10', 'NaN', 'Infinity', '9007199254740993', '1.5', ' 1', '%2B1', h.desk.fairId, h.otherFair.fairId),
  );
  const pair = fc.tuple(key, value).map(([k, v]) => `${k}=${v}`);
  const valid = Object.entries(route.valid()).map(([k, v]) => `${k}=${v}`);
  return fc.tuple(fc.array(pair, { maxLength: 5 }), fc.subarray(valid), fc.constantFrom('', '&', '&&', '#x', '&=&')).map(([pairs, base, tail]) => [...base, ...pairs].join('&') + tail);
};

describe('every query: never a 5xx, a coded refusal, nothing written', () => {
  for (const route of QUERY_ROUTES) {
    test(`${route.name}: 1,000 hostile queries`, async () => {
      const guard = await stateGuard(h.storage);
      await fc.assert(
        fc.asyncProperty(queryOf(route), async (query) => {
          const res = await h.app.request(`${route.path()}?${query}`, { method: route.method, headers: auth(route.token()) });
          const label = `${route.name}?${query.slice(0, 200)}`;
          if (res.status >= 400 || route.method === 'POST') await expectRefused(res, label);
          else expect(res.status, label).toBe(200);
          await guard.after(label, true);
        }),
        { numRuns: 1000 },
      );
    }, 240_000);
  }
});

interface PathRoute {
  readonly name: string;
  readonly method: 'GET' | 'HEAD' | 'PUT' | 'POST';
  readonly path: (segment: string) => string;
  readonly token: () => string;
  readonly contentType?: string;
  /** Tables a refused request may still write (the public route counts every attempt). */
  readonly except?: readonly string[];
}

const PATH_ROUTES: readonly PathRoute[] = [
  { name: 'GET /api/blobs/:sha', method: 'GET', path: (s) => `/api/blobs/${s}`, token: () => h.organizer },
  { name: 'HEAD /api/blobs/:sha', method: 'HEAD', path: (s) => `/api/blobs/${s}`, token: () => h.desk.token },
  { name: 'PUT /api/blobs/:sha', method: 'PUT', path: (s) => `/api/blobs/${s}`, token: () => h.desk.token, contentType: 'image/jpeg' },
  { name: 'POST /api/devices/:id/revoke', method: 'POST', path: (s) => `/api/devices/${s}/revoke`, token: () => h.organizer },
  { name: 'POST /api/intake/drafts/:id/filed', method: 'POST', path: (s) => `/api/intake/drafts/${s}/filed?fair=${h.desk.fairId}`, token: () => h.desk.token },
  { name: 'POST /api/public/fairs/:fairId/complaints', method: 'POST', path: (s) => `/api/public/fairs/${s}/complaints`, token: () => '', contentType: 'application/json', except: ['rate_limits'] },
  { name: 'any /api/… path', method: 'GET', path: (s) => `/api/${s}/${s}`, token: () => h.organizer },
];

/** Where a request really lands once the URL parser has resolved `..` and `%2e%2e`. */
const landsOn = (path: string): string => new URL(path, 'http://localhost').pathname;

describe('path tricks in every parameter: never a 5xx, never outside the API or the app folder', () => {
  for (const route of PATH_ROUTES) {
    test(`${route.name}: 1,000 hostile ids`, async () => {
      const guard = await stateGuard(h.storage, route.except);
      await fc.assert(
        fc.asyncProperty(hostileSegment, fc.uint8Array({ maxLength: 64 }), async (segment, body) => {
          const path = route.path(segment);
          const res = await h.app.request(path, {
            method: route.method,
            headers: { ...auth(route.token()), ...(route.contentType === undefined ? {} : { 'content-type': route.contentType }), 'x-forwarded-for': `10.1.${(n >> 8) & 255}.${n++ & 255}` },
            ...(route.method === 'PUT' || route.contentType === 'application/json' ? { body: route.contentType === 'application/json' ? '{}' : new Blob([body]) } : {}),
          });
          const label = `${route.name} ${path.slice(0, 200)}`;
          const text = await res.clone().text();
          expect(text).not.toContain(SECRET);
          if (!landsOn(path).startsWith('/api/')) {
            // `..` took the request out of the API: the static app answers, never from outside its folder.
            expect(res.status, label).toBeLessThan(500);
          } else if (route.method === 'HEAD') {
            expect([400, 401, 403, 404], label).toContain(res.status);
          } else {
            await expectRefused(res, label);
          }
          await guard.after(label, true);
        }),
        { numRuns: 1000 },
      );
    }, 240_000);
  }

  test('the static app: 1,000 path tricks never read a file outside its folder', async () => {
    const prefix = fc.constantFrom('/', '/assets/', '/assets/..%2f', '/%2e%2e/', '/..%5c', '//', '/./', '/assets/%2e%2e%2f%2e%2e%2f');
    await fc.assert(
      fc.asyncProperty(prefix, fc.array(fc.oneof(hostileSegment, fc.constantFrom('..', '%2e%2e', '..%2f', 'secret.txt', '..%2fsecret.txt', '%2e%2e%2fsecret.txt', '..%252fsecret.txt', '..\\secret.txt')), { maxLength: 4 }), async (start, segments) => {
        const path = `${start}${segments.join('/')}`;
        const res = await h.app.request(path);
        expect(res.status, path).toBeLessThan(500);
        expect(await res.text(), path).not.toContain(SECRET);
      }),
      { numRuns: 1000 },
    );
  }, 240_000);
});
