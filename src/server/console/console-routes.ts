import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DeviceId, FairId, UserId } from '../../domain/ids';
import { neutralise } from '../../domain/spreadsheet-cell';
import type { Instant } from '../../domain/time';
import { ChangePasswordRequest, CreatePersonRequest, EnrolmentBatchRequest, ResetPasswordRequest, RevokeRequest, SaveFairRequest, SECURE_SESSION_COOKIE, SESSION_COOKIE, SignInRequest, type ConsoleErrorCode, type ConsoleErrorReply, type EnrolmentBatch, type EnrolmentList, type FairList, type FairSaved, type PasswordChanged, type PasswordReset, type PeopleList, type PersonSaved, type SessionInfo, type SignedOut, type TabletTable } from '../../domain/wire/console';
import { AuditQuery, type AuditEntry, type AuditPage } from '../../domain/wire/console-audit';
import type { Storage } from '../storage/storage';
import { parseJson, parseQuery, SMALL_BODY } from '../http/body';
import { clientAddress, limited, LIMITS, LOGIN_LOCKOUT, tooMany } from '../http/rate-limit';
import { issuesOf } from '../http/replies';
import { auditAll, auditPage, type Actor } from './audit';
import { auditLabels } from './audit-labels';
import { caseBrowseRoutes } from './case-browse-routes';
import * as store from './console-store';
import { consoleSummaryRoutes } from './summary-routes';
import { addReviewRoutes } from './review-routes';
import { consoleAnnualRoutes } from './annual-routes';
import { regionInSight, scopeGuard, sightOf, viewerMayRead } from './scope';
import { changePassword, endSessions, IDLE_MINUTES, resume, signIn, ABSOLUTE_HOURS, type SessionUser } from './sessions';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

interface ConsoleEnv {
  Variables: { user: SessionUser };
}

const refuse = (c: Context, status: ContentfulStatusCode, code: ConsoleErrorCode, extra: Omit<ConsoleErrorReply, 'type' | 'code'> = {}): Response =>
  c.json({ type: 'error', code, ...extra } satisfies ConsoleErrorReply, status);

/** The server's own origin, as the browser names it (FAIRCASE_PUBLIC_ORIGIN behind a proxy that rewrites Host). */
const ownOrigin = (c: Context): string => process.env.FAIRCASE_PUBLIC_ORIGIN ?? new URL(c.req.url).origin;
/** CO2: Secure when the request came over https, or when the operator says so (TLS ends at a proxy). */
const secureCookies = (c: Context): boolean => process.env.FAIRCASE_SECURE_COOKIES === '1' || new URL(c.req.url).protocol === 'https:';
const cookieName = (c: Context): string => (secureCookies(c) ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

/**
 * CO6: a state-changing request must come from the console's own pages: `Origin` equal to the
 * server's origin; without `Origin`, `Sec-Fetch-Site: same-origin`, else a `Referer` on this
 * origin. Anything else (missing too) is refused before the body is read.
 */
export function sameOrigin(): MiddlewareHandler {
  return async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    const own = ownOrigin(c);
    const origin = c.req.header('origin');
    let ok: boolean;
    if (origin !== undefined && origin !== 'null') ok = origin === own;
    else if (c.req.header('sec-fetch-site') !== undefined) ok = c.req.header('sec-fetch-site') === 'same-origin';
    else {
      const referer = c.req.header('referer');
      ok = referer !== undefined && URL.canParse(referer) && new URL(referer).origin === own;
    }
    if (!ok) return refuse(c, 403, 'CSRF_REFUSED');
    return next();
  };
}

const sessionInfo = (u: SessionUser): SessionInfo => ({
  type: 'console-session',
  user: { userId: u.userId as UserId, name: u.name, role: u.role },
  idleExpiresAt: u.idleExpiresAt as Instant,
  absoluteExpiresAt: u.absoluteExpiresAt as Instant,
});

/**
 * The organizer's console's API (src/domain/wire/console.ts, src/server/CONSOLE-SPEC.md).
 * Authenticated by the session cookie only; the tablets' bearer routes are untouched.
 */
export function consoleRoutes(storage: Storage, now: () => number): Hono {
  const db = storage.sql;
  const app = new Hono<ConsoleEnv>();
  // Sign-in checks the origin first (no login CSRF); every other route checks the session first, so a
  // stranger learns nothing but 401, then the origin of a change (CO6), then the role (CO8).
  app.use('/session', async (c, next) => (c.req.method === 'POST' ? sameOrigin()(c, next) : next()));

  const actorOf = (c: Context<ConsoleEnv>): Actor & { userId: string } => {
    const u = c.get('user');
    return { userId: u.userId, name: u.name, address: clientAddress(c) };
  };

  app.post('/session', async (c) => {
    const body = await parseJson(c, SignInRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const address = clientAddress(c);
    const sprayed = await limited(c, storage, [{ key: `login:addr:${address}`, limit: LIMITS.loginPerAddress }]);
    if (sprayed !== undefined) return sprayed;
    // SY61: the delays of a name and address pair, shared with the bearer login.
    const admission = await storage.admitLogin(body.value.name, address, LOGIN_LOCKOUT);
    if (!admission.admitted) return tooMany(c, admission.retryAfterSeconds);
    const signed = await signIn(db, body.value.name, body.value.password, { userId: null, name: body.value.name, address }, now());
    if (signed === undefined) return refuse(c, 401, 'BAD_CREDENTIALS');
    await storage.clearLoginFailures(body.value.name, address);
    setCookie(c, cookieName(c), signed.token, {
      httpOnly: true, sameSite: 'Strict', path: '/', secure: secureCookies(c),
      // The browser may drop it at the absolute expiry; the server enforces both expiries itself (CO3).
      maxAge: ABSOLUTE_HOURS * 3600,
    });
    return c.json(sessionInfo(signed.user));
  });

  // Every other route: a live session (CO3), then the origin of a change (CO6), then the organizer's role (CO8).
  app.use('*', async (c, next) => {
    if (c.req.method === 'POST' && c.req.path.endsWith('/console/session')) return next();
    const token = getCookie(c, cookieName(c));
    const user = token === undefined || !/^[A-Za-z0-9_-]{20,200}$/.test(token) ? undefined : await resume(db, token, now());
    if (user === undefined) {
      // CO8: a tablet's (or a script's) bearer token is known but is no console session.
      const bearer = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(c.req.header('authorization') ?? '')?.[1];
      const principal = bearer === undefined ? undefined : await storage.authenticate(bearer);
      if (principal !== undefined && !('refused' in principal)) return refuse(c, 403, 'FORBIDDEN_ROLE', { params: { role: principal.role } });
      return refuse(c, 401, 'UNAUTHENTICATED');
    }
    c.set('user', user);
    return next();
  });
  app.use('*', sameOrigin());
  app.use('*', async (c, next) => {
    const user = c.get('user');
    // A viewer has a session (and sees who it is), and reads the fairs of its regions (AR8).
    const viewerRead = user.role === 'admin_viewer' && viewerMayRead(c);
    if (user.role !== 'organizer' && !viewerRead && !(c.req.path.endsWith('/session') && (c.req.method === 'GET' || c.req.method === 'DELETE'))) {
      return refuse(c, 403, 'FORBIDDEN_ROLE', { params: { role: user.role } });
    }
    return next();
  });
  // AR8: every route naming a fair sees only the fairs in the account's sight.
  app.use('/fairs/:fairId', scopeGuard(db));
  app.use('/fairs/:fairId/*', scopeGuard(db));

  app.get('/session', (c) => c.json(sessionInfo(c.get('user'))));

  app.delete('/session', async (c) => {
    const ended = await endSessions(db, c.get('user'), false, actorOf(c), now());
    deleteCookie(c, cookieName(c), { path: '/', secure: secureCookies(c) });
    return c.json({ type: 'signed-out', endedSessions: ended } satisfies SignedOut);
  });

  app.post('/session/everywhere-out', async (c) => {
    const ended = await endSessions(db, c.get('user'), true, actorOf(c), now());
    deleteCookie(c, cookieName(c), { path: '/', secure: secureCookies(c) });
    return c.json({ type: 'signed-out', endedSessions: ended } satisfies SignedOut);
  });

  app.post('/password', async (c) => {
    const body = await parseJson(c, ChangePasswordRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const ended = await changePassword(db, c.get('user'), body.value.currentPassword, body.value.newPassword, actorOf(c), now());
    if (ended === 'wrong-password') return refuse(c, 403, 'WRONG_PASSWORD');
    return c.json({ type: 'password-changed', endedOtherSessions: ended } satisfies PasswordChanged);
  });

  // ------------------------------------------------------------------ fairs

  app.get('/fairs', async (c) => {
    const sight = await sightOf(db, c.get('user'));
    const fairs = (await store.listFairs(db)).filter((f) => regionInSight(sight, f.fair.settings.region));
    return c.json({ type: 'fairs', fairs } satisfies FairList);
  });

  const saveFair = async (c: Context<ConsoleEnv>, mode: 'create' | 'edit'): Promise<Response> => {
    const body = await parseJson(c, SaveFairRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const fair = body.value.fair;
    if (mode === 'edit' && c.req.param('fairId') !== fair.id) return refuse(c, 400, 'INVALID_PATH');
    const saved = await store.saveFair(db, fair, mode, actorOf(c), now());
    if (saved === 'missing') return refuse(c, 404, 'NOT_FOUND');
    if (saved === 'exists') return refuse(c, 409, 'FAIR_EXISTS');
    return c.json({ type: 'fair-saved', fairId: fair.id, created: saved.created, serverSeq: saved.serverSeq } satisfies FairSaved, saved.created ? 201 : 200);
  };
  app.post('/fairs', (c) => saveFair(c, 'create'));
  app.put('/fairs/:fairId', (c) => saveFair(c, 'edit'));

  const fairParam = (c: Context): string | undefined => {
    const id = FairId.safeParse(c.req.param('fairId'));
    return id.success ? id.data : undefined;
  };

  // ------------------------------------------------------------------ tablets

  app.get('/fairs/:fairId/tablets', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    const fair = await store.currentFair(db, fairId);
    // CO12: the fair's thresholds (its defaults when the server holds no fair record yet).
    const thresholds = fair?.settings.tabletStatusMinutes ?? { behind: 15, silent: 60 };
    const nowMs = now();
    const table: TabletTable = {
      type: 'tablets', fairId: fairId as FairId, thresholds, now: new Date(nowMs).toISOString() as Instant,
      tablets: await store.tablets(db, fairId, thresholds, nowMs),
    };
    return c.json(table);
  });

  app.post('/fairs/:fairId/tablets/:deviceId/revoke', async (c) => {
    const fairId = fairParam(c);
    const deviceId = DeviceId.safeParse(c.req.param('deviceId'));
    if (fairId === undefined || !deviceId.success) return refuse(c, 400, 'INVALID_PATH');
    const body = await parseJson(c, RevokeRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const revoked = await store.revokeTablet(db, fairId, deviceId.data, body.value.reason, actorOf(c), now());
    if (revoked === undefined) return refuse(c, 404, 'NOT_FOUND');
    return c.json(revoked);
  });

  // ------------------------------------------------------------------ enrolment codes

  app.post('/fairs/:fairId/enrolments', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    const body = await parseJson(c, EnrolmentBatchRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const codes = await store.issueCodes(db, fairId, body.value, ownOrigin(c), actorOf(c), now());
    return c.json({ type: 'enrolment-codes', fairId: fairId as FairId, codes } satisfies EnrolmentBatch, 201);
  });

  app.get('/fairs/:fairId/enrolments', async (c) => {
    const fairId = fairParam(c);
    if (fairId === undefined) return refuse(c, 400, 'INVALID_PATH');
    return c.json({ type: 'enrolments', fairId: fairId as FairId, codes: await store.listCodes(db, fairId, now()) } satisfies EnrolmentList);
  });

  // ------------------------------------------------------------------ people

  app.get('/people', async (c) => c.json({ type: 'people', people: await store.listPeople(db) } satisfies PeopleList));

  app.post('/people', async (c) => {
    const body = await parseJson(c, CreatePersonRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const person = await store.createPerson(db, body.value, actorOf(c), now());
    if (person === 'name-taken') return refuse(c, 409, 'NAME_TAKEN');
    return c.json({ type: 'person', person } satisfies PersonSaved, 201);
  });

  const userParam = (c: Context): string | undefined => {
    const id = UserId.safeParse(c.req.param('userId'));
    return id.success ? id.data : undefined;
  };
  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/people/:userId/${path}`, async (c) => {
      const userId = userParam(c);
      if (userId === undefined) return refuse(c, 400, 'INVALID_PATH');
      const person = await store.setDisabled(db, userId, disabled, actorOf(c), now());
      if (person === undefined) return refuse(c, 404, 'NOT_FOUND');
      return c.json({ type: 'person', person } satisfies PersonSaved);
    });
  }

  app.post('/people/:userId/password', async (c) => {
    const userId = userParam(c);
    if (userId === undefined) return refuse(c, 400, 'INVALID_PATH');
    const body = await parseJson(c, ResetPasswordRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const ended = await store.resetPassword(db, userId, body.value.newPassword, actorOf(c), now());
    if (ended === undefined) return refuse(c, 404, 'NOT_FOUND');
    return c.json({ type: 'password-reset', userId: userId as UserId, endedSessions: ended } satisfies PasswordReset);
  });

  // ------------------------------------------------------------------ audit

  app.get('/audit', async (c) => {
    const query = parseQuery(c, AuditQuery);
    if (!query.ok) return query.response;
    const page = await auditPage(db, query.value);
    return c.json({ type: 'audit', ...page, labels: await auditLabels(db, page.entries) } satisfies AuditPage);
  });

  app.get('/audit.csv', async (c) => {
    const query = AuditQuery.safeParse(c.req.query());
    if (!query.success) return refuse(c, 400, 'INVALID_QUERY', { issues: issuesOf(query.error) });
    const entries = await auditAll(db, query.data);
    c.header('content-disposition', 'attachment; filename="faircase-audit.csv"');
    return c.body(auditCsv(entries), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  // The post-show summary, bundle upload and raw export (CO40–CO45), behind the checks above.
  app.route('/', consoleSummaryRoutes(storage, now));
  addReviewRoutes(app as unknown as Hono, { db, now, actorOf: (c) => actorOf(c as Context<ConsoleEnv>), fairParam, refuse });
  // ------------------------------------------------------------------ cases (CB1–CB4)

  app.route('/', caseBrowseRoutes(storage, now));
  // The administration's roll-up: closing summaries, the year's figures, signed summary files (AR8–AR14).
  app.route('/', consoleAnnualRoutes(storage, now));

  return app as unknown as Hono;
}

const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** CO18: RFC 4180 with a BOM; every cell neutralised against formula injection first. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const head = ['id', 'at', 'actor', 'address', 'action', 'target', 'details'];
  const rows = entries.map((e) => [String(e.id), e.at, e.actor?.name ?? '', e.address, e.action, e.target ?? '', JSON.stringify(e.details)]);
  return `\uFEFF${[head, ...rows].map((r) => r.map((cell) => quote(neutralise(cell))).join(',')).join('\r\n')}\r\n`;
}

export { IDLE_MINUTES };
