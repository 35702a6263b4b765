import { beforeAll, describe, expect, test } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import type { Storage } from '../../src/server/storage/storage';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import { packBundle } from '../../src/domain/wire/bundle-zip';
import { bundleSigningKey } from '../../src/domain/wire/bundle-signature';
import type { Instant } from '../../src/domain/time';
import { bothStorages } from './both-storages';
import { enrol, makeItem, makeOrganizer, newId, type TestDevice } from './support';

/**
 * EVERY route refuses a missing token, a revoked device, a device id (or fair)
 * that is not the token's, and a role that may not act — on PGlite and on a real PostgreSQL.
 *
 * The routes are read from the Hono app's router: a route added without an entry in one of the
 * three tables below (guarded, public, middleware) fails the first test, and so does an entry
 * for a route that no longer exists.
 */

type Who = 'organizer' | 'expertUser' | 'desk' | 'expertDevice';
const EVERYONE: readonly Who[] = ['organizer', 'expertUser', 'desk', 'expertDevice'];

interface World {
  readonly app: Hono;
  readonly storage: Storage;
  readonly fairId: string;
  readonly tokens: Record<Who, string>;
  readonly desk: TestDevice;
  readonly expertDevice: TestDevice;
  /** Enrolled in the same fair, then revoked: one tablet of each role. */
  readonly revokedDesk: TestDevice;
  readonly revokedExpert: TestDevice;
  /** A tablet of another fair, and a second tablet of the same fair. */
  readonly otherFair: TestDevice;
  readonly sibling: TestDevice;
}

interface Variant {
  /** What is asked, e.g. `HEAD` served by the GET route. */
  readonly name: string;
  readonly call: (w: World, token?: string, as?: Who) => Promise<Response>;
  /** Everyone else gets 403. */
  readonly allowed: readonly Who[];
  /**
   * The same request by an allowed tablet, but naming a device or a fair that is not the
   * token's: each must be refused with 403. Absent: `notBound` says why nothing in the request
   * names a device or fair.
   */
  readonly foreign?: readonly { readonly name: string; readonly call: (w: World, as: 'desk' | 'expertDevice') => Promise<Response>; readonly codes: readonly string[] }[];
  readonly notBound?: string;
}

interface GuardedRoute {
  readonly route: string;
  readonly variants: readonly Variant[];
}

const auth = (token?: string): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` });
const json = (w: World, method: string, path: string, body: unknown, token?: string): Promise<Response> =>
  Promise.resolve(w.app.request(path, { method, headers: { 'content-type': 'application/json', ...auth(token) }, body: JSON.stringify(body) }));
const get = (w: World, path: string, token?: string, method = 'GET'): Promise<Response> => Promise.resolve(w.app.request(path, { method, headers: auth(token) }));
const deviceOf = (w: World, as: 'desk' | 'expertDevice'): TestDevice => (as === 'desk' ? w.desk : w.expertDevice);
const pushBody = (d: TestDevice, items: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: d.deviceId, fairId: d.fairId, items, ...extra,
});
/** SY37: an empty offer of other devices' items after a restore. */
const relayBody = (d: Pick<TestDevice, 'fairId'>) => ({ type: 'relay', protocolVersion: PROTOCOL_VERSION, fairId: d.fairId, items: [] });
/** A bundle file of one item of `d` (BUNDLE-SPEC.md), as a tablet without network exports it, signed with `signer`'s token (BN13). */
const bundleOf = (d: TestDevice, signer: TestDevice = d): Uint8Array =>
  packBundle({
    fairId: d.fairId, deviceId: d.deviceId, deviceCode: d.deviceCode, createdAt: new Date().toISOString() as Instant, items: [makeItem(d, 1)], blobs: [],
    signingKey: bundleSigningKey(signer.token),
  });
const upload = (w: World, zip: Uint8Array, token?: string): Promise<Response> =>
  Promise.resolve(w.app.request('/api/bundles', { method: 'POST', headers: { 'content-type': 'application/zip', ...auth(token) }, body: new Blob([zip as Uint8Array<ArrayBuffer>]) }));
/** Refusals are `{ code }`, bundle refusals `{ error: { code } }`. */
const codeOf = async (res: Response): Promise<string> => {
  const body = (await res.json()) as { code?: string; error?: { code?: string } };
  return body.code ?? body.error?.code ?? '';
};
const blob = new TextEncoder().encode('evidence for the route matrix');
const blobSha = createHash('sha256').update(blob).digest('hex');

const GUARDED: readonly GuardedRoute[] = [
  {
    route: 'POST /api/sync/push',
    variants: [
      {
        name: 'push',
        allowed: ['desk', 'expertDevice'],
        call: (w, t, as) => json(w, 'POST', '/api/sync/push', pushBody(as === 'expertDevice' ? w.expertDevice : w.desk, []), t),
        foreign: [
          { name: 'body names another device', codes: ['DEVICE_MISMATCH'], call: (w, as) => json(w, 'POST', '/api/sync/push', pushBody(deviceOf(w, as), [], { deviceId: w.sibling.deviceId }), deviceOf(w, as).token) },
          {
            name: 'an item names another device',
            codes: ['DEVICE_MISMATCH'],
            call: (w, as) => json(w, 'POST', '/api/sync/push', pushBody(deviceOf(w, as), [makeItem({ deviceId: w.sibling.deviceId, fairId: w.fairId }, 1)]), deviceOf(w, as).token),
          },
          { name: 'body names another fair', codes: ['FAIR_MISMATCH'], call: (w, as) => json(w, 'POST', '/api/sync/push', pushBody(deviceOf(w, as), [], { fairId: w.otherFair.fairId }), deviceOf(w, as).token) },
        ],
      },
    ],
  },
  {
    route: 'POST /api/sync/relay',
    variants: [
      {
        name: 'relay',
        allowed: ['desk', 'expertDevice'],
        call: (w, t, as) => json(w, 'POST', '/api/sync/relay', relayBody(as === 'expertDevice' ? w.expertDevice : w.desk), t),
        foreign: [{ name: 'body names another fair', codes: ['FAIR_MISMATCH'], call: (w, as) => json(w, 'POST', '/api/sync/relay', relayBody(w.otherFair), deviceOf(w, as).token) }],
      },
    ],
  },
  {
    route: 'GET /api/sync/pull',
    variants: [
      {
        name: 'pull',
        allowed: EVERYONE,
        call: (w, t) => get(w, `/api/sync/pull?protocolVersion=${PROTOCOL_VERSION}&fair=${w.fairId}`, t),
        foreign: [{ name: 'another fair', codes: ['FAIR_MISMATCH'], call: (w, as) => get(w, `/api/sync/pull?protocolVersion=${PROTOCOL_VERSION}&fair=${w.otherFair.fairId}`, deviceOf(w, as).token) }],
      },
    ],
  },
  {
    route: 'GET /api/sync/snapshot',
    variants: [
      {
        name: 'snapshot',
        allowed: EVERYONE,
        call: (w, t) => get(w, `/api/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&fair=${w.fairId}`, t),
        foreign: [{ name: 'another fair', codes: ['FAIR_MISMATCH'], call: (w, as) => get(w, `/api/sync/snapshot?protocolVersion=${PROTOCOL_VERSION}&fair=${w.otherFair.fairId}`, deviceOf(w, as).token) }],
      },
    ],
  },
  {
    route: 'GET /api/sync/conflicts',
    variants: [
      {
        name: 'conflicts',
        allowed: ['organizer', 'expertUser', 'expertDevice'],
        call: (w, t) => get(w, `/api/sync/conflicts?fair=${w.fairId}`, t),
        foreign: [{ name: 'another fair', codes: ['FAIR_MISMATCH'], call: (w, as) => get(w, `/api/sync/conflicts?fair=${w.otherFair.fairId}`, deviceOf(w, as).token) }],
      },
    ],
  },
  {
    route: 'GET /api/sync/rejected',
    variants: [{ name: 'rejected', allowed: ['organizer', 'expertUser'], call: (w, t) => get(w, `/api/sync/rejected?fair=${w.fairId}`, t), notBound: 'people only; no tablet may call it' }],
  },
  {
    route: 'GET /api/blobs/:sha256',
    variants: [
      { name: 'GET', allowed: ['organizer', 'expertUser'], call: (w, t) => get(w, `/api/blobs/${blobSha}`, t), notBound: 'people only; no tablet may read evidence back' },
      {
        name: 'HEAD (served by the GET route)',
        allowed: EVERYONE,
        call: (w, t) => get(w, `/api/blobs/${blobSha}`, t, 'HEAD'),
        notBound: 'evidence is named by its SHA-256 only; a HEAD tells whether the server holds bytes the asker already has',
      },
    ],
  },
  {
    route: 'PUT /api/blobs/:sha256',
    variants: [
      {
        name: 'PUT',
        allowed: ['desk', 'expertDevice'],
        call: (w, t) => Promise.resolve(w.app.request(`/api/blobs/${blobSha}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg', ...auth(t) }, body: blob })),
        notBound: 'verified against its SHA-256 and idempotent: the bytes are the same whoever sends them',
      },
    ],
  },
  {
    route: 'POST /api/bundles',
    variants: [
      {
        name: 'bundle upload',
        allowed: ['organizer', 'desk', 'expertDevice'],
        call: (w, t, as) => upload(w, bundleOf(as === 'expertDevice' ? w.expertDevice : w.desk), t),
        foreign: [
          { name: 'a bundle of another fair', codes: ['BUNDLE_WRONG_FAIR'], call: (w, as) => upload(w, bundleOf(w.otherFair), deviceOf(w, as).token) },
          {
            name: 'a bundle in another tablet’s name, signed with its own token',
            codes: ['BUNDLE_SIGNATURE_INVALID'],
            call: (w, as) => upload(w, bundleOf(w.sibling, deviceOf(w, as)), deviceOf(w, as).token),
          },
        ],
      },
    ],
  },
  {
    route: 'GET /api/reports/summary',
    variants: [{ name: 'summary', allowed: ['organizer'], call: (w, t) => get(w, `/api/reports/summary?fair=${w.fairId}`, t), notBound: 'organizer only' }],
  },
  {
    route: 'GET /api/reports/completeness',
    variants: [
      {
        name: 'completeness',
        allowed: ['organizer', 'desk', 'expertDevice'],
        call: (w, t) => get(w, `/api/reports/completeness?fair=${w.fairId}`, t),
        foreign: [{ name: 'another fair', codes: ['FAIR_MISMATCH'], call: (w, as) => get(w, `/api/reports/completeness?fair=${w.otherFair.fairId}`, deviceOf(w, as).token) }],
      },
    ],
  },
  {
    route: 'GET /api/intake/drafts',
    variants: [
      {
        name: 'public drafts',
        allowed: EVERYONE,
        call: (w, t) => get(w, `/api/intake/drafts?fair=${w.fairId}`, t),
        foreign: [{ name: 'another fair', codes: ['FAIR_MISMATCH'], call: (w, as) => get(w, `/api/intake/drafts?fair=${w.otherFair.fairId}`, deviceOf(w, as).token) }],
      },
    ],
  },
  {
    route: 'GET /api/intake/drafts/:draftId/photos/:sha256',
    variants: [
      {
        // A draft id nobody has: the allowed calls answer 404 (PI8).
        name: 'draft photo',
        allowed: ['organizer', 'expertUser', 'desk', 'expertDevice'],
        call: (w, t) => get(w, `/api/intake/drafts/${randomUUID()}/photos/${blobSha}?fair=${w.fairId}`, t),
        foreign: [{ name: 'another fair', codes: ['FAIR_MISMATCH'], call: (w, as) => get(w, `/api/intake/drafts/${randomUUID()}/photos/${blobSha}?fair=${w.otherFair.fairId}`, deviceOf(w, as).token) }],
      },
    ],
  },
  {
    route: 'POST /api/intake/drafts/:draftId/filed',
    variants: [
      {
        // A draft id nobody has: the tablets' calls answer 404.
        name: 'draft filed',
        allowed: ['desk', 'expertDevice'],
        call: (w, t) => json(w, 'POST', `/api/intake/drafts/${randomUUID()}/filed?fair=${w.fairId}`, {}, t),
        foreign: [{ name: 'another fair', codes: ['FAIR_MISMATCH'], call: (w, as) => json(w, 'POST', `/api/intake/drafts/${randomUUID()}/filed?fair=${w.otherFair.fairId}`, {}, deviceOf(w, as).token) }],
      },
    ],
  },
  {
    route: 'GET /api/admin/chain-check',
    variants: [{ name: 'chain check', allowed: ['organizer'], call: (w, t) => get(w, '/api/admin/chain-check', t), notBound: 'organizer only' }],
  },
  {
    route: 'POST /api/users',
    variants: [
      { name: 'create user', allowed: ['organizer'], call: (w, t) => json(w, 'POST', '/api/users', { name: `matrix-${newId()}`, password: 'long enough password', role: 'expert' }, t), notBound: 'organizer only' },
    ],
  },
  {
    route: 'POST /api/enrolments',
    variants: [{ name: 'enrolment code', allowed: ['organizer'], call: (w, t) => json(w, 'POST', '/api/enrolments', { fairId: w.fairId }, t), notBound: 'organizer only' }],
  },
  {
    route: 'GET /api/devices',
    variants: [{ name: 'list devices', allowed: ['organizer'], call: (w, t) => get(w, `/api/devices?fair=${w.fairId}`, t), notBound: 'organizer only' }],
  },
  {
    route: 'POST /api/devices/:deviceId/revoke',
    variants: [
      // An id nobody has: the organizer's call answers 404, and no tablet of the test is revoked.
      { name: 'revoke', allowed: ['organizer'], call: (w, t) => json(w, 'POST', `/api/devices/${newId()}/revoke`, {}, t), notBound: 'organizer only' },
    ],
  },
];

/** No token by design; each says why, and how it is rate-limited (security-rate-limit.test.ts trips every limit). */
const PUBLIC: Readonly<Record<string, { readonly why: string; readonly rateLimit: string }>> = {
  'GET /api/health': {
    why: 'liveness for the kiosk and a load balancer',
    rateLimit:
      'none, on purpose: a constant answer that touches no storage; counting it in the shared database would make each probe a write, more load than the answer itself',
  },
  'POST /api/auth/login': { why: 'a person gets a token with name and password', rateLimit: 'per account name and client address with growing delays (SY61), and per client address, in the database' },
  'POST /api/devices/enrol': { why: 'a tablet redeems the one-time code it scanned; the code is its only credential', rateLimit: 'per client address, in the database' },
  'POST /api/public/fairs/:fairId/complaints': {
    why: 'a visitor’s phone files a complaint online without an account; it only ever becomes a draft (security-public-drafts.test.ts)',
    rateLimit: 'per client address, in the database, counted before the body is read (PUBLIC_INTAKE_LIMIT)',
  },
  'PUT /api/public/drafts/:draftId/photos/:sha256': {
    why: 'the visitor’s phone sends the photos its online draft lists, by hash; nothing else is taken (PI7)',
    rateLimit: 'per client address, in the database (public-photos.test.ts trips it)',
  },
  'GET /api/public/fair-codes/:code': {
    why: 'a phone that typed the desk’s printed address (/p/<code>) opens that fair’s form: only the fields the phone form reads, never people, authorities or cases (PI10, public-fair.test.ts)',
    rateLimit: 'per client address, in the database, counted before the code is read (PUBLIC_FAIR_LIMIT; public-fair.test.ts trips it)',
  },
  'POST /api/console/session': {
    why: 'the organizer signs in to the console with name and password (Origin checked, CO6)',
    rateLimit: 'the bearer login\'s: per account name and client address with growing delays (SY61), and per client address, in the database',
  },
  'GET /console': { why: 'sends /console to /console/, the console’s page', rateLimit: 'none: a static file, no storage; served with the CSP' },
  'GET /console/*': { why: 'the console’s page under any of its paths, for a reload or a link', rateLimit: 'none: a static file, no storage; served with the CSP' },
  'GET /*': { why: 'the built app (HTML, scripts, styles): it must load before anyone signs in', rateLimit: 'none: static files, no storage; served with the CSP' },
};

/** Not routes of their own: middleware, mounts and the JSON 404 of unknown API paths. Checked: nothing under them answers without a token. */
const MIDDLEWARE: Readonly<Record<string, string>> = {
  'ALL /*': 'security headers on every answer, and the static files of the app',
  'ALL /api/*': 'the token check of the account routes, then the JSON 404 for unknown API paths',
  'ALL /api/sync/*': 'the token check of the sync routes',
  'ALL /api/blobs/*': 'the token check of the evidence routes',
  'ALL /api/reports/*': 'the token check of the reports',
  'ALL /api/admin/*': 'the token check of the admin routes',
  'ALL /api/bundles/*': 'the token check of the bundle upload',
  'ALL /api/intake/*': 'the token check of the desks’ list of public drafts',
  'ALL /api/sync/relay/*': 'the token check of the relay route (SY37)',
  'ALL /api/console/*': 'the console\'s session check (401), then its Origin check of changes and its role check',
  'ALL /api/console/session': 'the Origin check of the console sign-in (CO6)',
  'ALL /api/console/fairs/:fairId': 'the scope check of a route naming a fair (AR8): out of sight is 404',
  'ALL /api/console/fairs/:fairId/*': 'the scope check of every route naming a fair (AR8): out of sight is 404',
};

/**
 * The organizer's console: a session cookie instead of a bearer token (a tablet's token gets 403,
 * none 401), the Origin check on changes and the organizer's role on every route; the refusal
 * matrix of these is test/server/console.test.ts (CO6, CO8).
 */
const CONSOLE: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'GET /api/console/session', 'DELETE /api/console/session', 'POST /api/console/session/everywhere-out', 'POST /api/console/password',
    'GET /api/console/fairs', 'POST /api/console/fairs', 'PUT /api/console/fairs/:fairId', 'GET /api/console/fairs/:fairId/tablets',
    'POST /api/console/fairs/:fairId/tablets/:deviceId/revoke', 'POST /api/console/fairs/:fairId/enrolments', 'GET /api/console/fairs/:fairId/enrolments',
    'GET /api/console/people', 'POST /api/console/people', 'POST /api/console/people/:userId/disable', 'POST /api/console/people/:userId/enable',
    'POST /api/console/people/:userId/password', 'GET /api/console/audit', 'GET /api/console/audit.csv',
    'GET /api/console/fairs/:fairId/summary', 'PUT /api/console/fairs/:fairId/summary/previous', 'POST /api/console/bundles',
    'GET /api/console/fairs/:fairId/exports/raw.zip',
    'GET /api/console/fairs/:fairId/review', 'POST /api/console/fairs/:fairId/review/cases/:caseId/decide',
    'POST /api/console/fairs/:fairId/review/items/acknowledge', 'GET /api/console/fairs/:fairId/exhibitors',
    'POST /api/console/fairs/:fairId/exhibitors/import', 'PUT /api/console/fairs/:fairId/exhibitors/:exhibitorId',
    'GET /api/console/fairs/:fairId/cases', 'GET /api/console/fairs/:fairId/cases/:caseId',
    'GET /api/console/fairs/:fairId/cases/:caseId/evidence/:evidenceId',
    'POST /api/console/fairs/:fairId/summary/close', 'GET /api/console/fairs/:fairId/summary/closes', 'GET /api/console/annual', 'GET /api/console/annual/fairs',
    'GET /api/console/fairs/:fairId/summary-file', 'POST /api/console/summary-files', 'GET /api/console/trusted-keys', 'POST /api/console/trusted-keys',
  ].map((k) => [k, 'console session cookie, Origin check, organizer only']),
);

const routeKeys = (app: Hono): string[] => [...new Set(app.routes.map((r) => `${r.method} ${r.path}`))];

describe.each(bothStorages())('route refusal matrix on $name', (backend) => {
  let w: World;
  beforeAll(async () => {
    const storage = backend.storage();
    const fairId = newId();
    const organizer = await makeOrganizer(storage);
    await storage.createUser({ name: `expert-${newId()}`, password: 'expert password', role: 'expert' });
    const [expertUser] = await storage.sql.query<{ name: string }>(`select name from users where role = 'expert' order by created_at desc limit 1`);
    const expertSession = await storage.login(expertUser!.name, 'expert password');
    const desk = await enrol(storage, fairId);
    const expertDevice = await enrol(storage, fairId, { role: 'expert' });
    const revokedDesk = await enrol(storage, fairId);
    const revokedExpert = await enrol(storage, fairId, { role: 'expert' });
    await storage.revokeDevice(revokedDesk.deviceId);
    await storage.revokeDevice(revokedExpert.deviceId);
    w = {
      app: createHttpApp({ distDir: 'dist', storage }),
      storage,
      fairId,
      tokens: { organizer: organizer.token, expertUser: expertSession!.token, desk: desk.token, expertDevice: expertDevice.token },
      desk,
      expertDevice,
      revokedDesk,
      revokedExpert,
      otherFair: await enrol(storage, newId()),
      sibling: await enrol(storage, fairId),
    };
  });

  test('every route of the app has exactly one entry: guarded, public (with its reason) or middleware', () => {
    const keys = routeKeys(w.app);
    const listed = [...GUARDED.map((g) => g.route), ...Object.keys(PUBLIC), ...Object.keys(MIDDLEWARE), ...Object.keys(CONSOLE)];
    expect(new Set(listed).size, 'an entry is listed twice').toBe(listed.length);
    expect([...keys].sort(), 'a route without an entry, or an entry without a route').toEqual([...listed].sort());
  });

  for (const { route, variants } of GUARDED) {
    for (const v of variants) {
      test(`${route} (${v.name}): 401 without a token or with a revoked tablet; 403 for a role that may not act; a foreign device or fair 403`, async () => {
        const none = await v.call(w);
        expect(none.status).toBe(401);
        if (v.name.startsWith('HEAD')) expect(await none.text()).toBe('');
        else expect(await none.json()).toMatchObject({ type: 'error', code: 'UNAUTHENTICATED' });
        expect((await v.call(w, 'Basic abc')).status).toBe(401);
        expect((await v.call(w, `not-a-token-${'x'.repeat(30)}`)).status).toBe(401);
        for (const gone of [w.revokedDesk, w.revokedExpert]) {
          const res = await v.call(w, gone.token, gone === w.revokedDesk ? 'desk' : 'expertDevice');
          expect(res.status, 'a revoked tablet').toBe(401);
          if (!v.name.startsWith('HEAD')) expect(['TOKEN_REVOKED', 'DEVICE_REVOKED']).toContain(((await res.json()) as { code: string }).code);
        }
        for (const who of EVERYONE) {
          const res = await v.call(w, w.tokens[who], who);
          if (v.allowed.includes(who)) {
            expect([401, 403], `${who} may act`).not.toContain(res.status);
          } else {
            expect(res.status, `${who} may not act`).toBe(403);
            if (!v.name.startsWith('HEAD')) expect(['FORBIDDEN_ROLE', 'DEVICE_REQUIRED']).toContain(((await res.json()) as { code: string }).code);
          }
        }
        const tablets = v.allowed.filter((who): who is 'desk' | 'expertDevice' => who === 'desk' || who === 'expertDevice');
        if (v.foreign === undefined) {
          expect(v.notBound, 'a route without a foreign-device case says why').toBeTruthy();
        } else {
          expect(tablets.length, 'a foreign-device case needs a tablet that may act').toBeGreaterThan(0);
          for (const as of tablets) {
            for (const f of v.foreign) {
              const res = await f.call(w, as);
              expect(res.status, `${as}: ${f.name}`).toBe(403);
              expect(f.codes).toContain(await codeOf(res));
            }
          }
        }
      });
    }
  }

  // BN6 lets a tablet carry another tablet's bundle of its fair; BN13's signature (keyed by the
  // maker's device token) is what keeps the carrier from filing items in the maker's name.
  test('a tablet may carry another tablet’s genuine bundle of its fair; one it made in that tablet’s name is refused and stores nothing', async () => {
    const before = await w.storage.pull(w.fairId, 0, 1000);
    const forged = await upload(w, bundleOf(w.sibling, w.desk), w.desk.token);
    expect(forged.status).toBe(403);
    expect(await codeOf(forged)).toBe('BUNDLE_SIGNATURE_INVALID');
    const unsigned = packBundle({
      fairId: w.fairId, deviceId: w.sibling.deviceId, deviceCode: w.sibling.deviceCode, createdAt: new Date().toISOString() as Instant, items: [makeItem(w.sibling, 1)], blobs: [],
    });
    expect((await upload(w, unsigned, w.tokens.organizer)).status).toBe(403);
    expect((await w.storage.pull(w.fairId, 0, 1000)).items).toEqual(before.items);
    expect((await upload(w, bundleOf(w.sibling), w.desk.token)).status).toBe(200);
  });

  test('a push naming another device stores nothing', async () => {
    const before = await w.storage.pull(w.fairId, 0, 1000);
    const forged = makeItem({ deviceId: w.sibling.deviceId, fairId: w.fairId }, 1);
    const res = await json(w, 'POST', '/api/sync/push', pushBody(w.desk, [makeItem(w.desk, 1), forged]), w.desk.token);
    expect(res.status).toBe(403);
    expect((await w.storage.pull(w.fairId, 0, 1000)).items).toEqual(before.items);
  });

  test('nothing under a middleware mount answers without a token (a JSON 401 or 404, never the app shell)', async () => {
    for (const key of Object.keys(MIDDLEWARE)) {
      const prefix = key.replace(/^ALL /, '').replace(/\*$/, '');
      if (!prefix.startsWith('/api/')) continue;
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await w.app.request(`${prefix}no-such-route`, { method });
        expect([401, 404], `${method} ${prefix}no-such-route`).toContain(res.status);
        expect(res.headers.get('content-type') ?? '').toMatch(/application\/json/);
      }
    }
  });

  test('public routes answer without a token, as listed', async () => {
    expect((await get(w, '/api/health')).status).toBe(200);
    expect((await json(w, 'POST', '/api/auth/login', { name: 'nobody-here', password: 'wrong password' })).status).toBe(401);
    expect((await json(w, 'POST', '/api/devices/enrol', { code: `FCE1:${'0'.repeat(26)}`, deviceName: 'x' })).status).toBe(403);
    // The phone's intake: an unknown fair is 404, a bad body for a known fair 400 — never 401.
    expect((await json(w, 'POST', `/api/public/fairs/${newId()}/complaints`, {})).status).toBe(404);
    expect((await json(w, 'POST', `/api/public/fairs/${w.fairId}/complaints`, { kind: 'complaint' })).status).toBe(400);
    // A typed phone address: a code no fair has is 404, never 401.
    expect((await get(w, '/api/public/fair-codes/QQ99')).status).toBe(404);
  });
});
