import { Hono } from 'hono';
import { DeviceId } from '../../domain/ids';
import {
  CreateEnrolmentRequest, CreateUserRequest, DevicesQuery, LoginRequest, RedeemEnrolmentRequest,
  type DeviceEnrolled, type EnrolmentCreated, type LoginReply,
} from '../../domain/wire/accounts';
import { AccountError, type Storage } from '../storage/storage';
import { parseJson, parseQuery, SMALL_BODY } from './body';
import { allowed, authenticated, type Env } from './guard';
import { refuse } from './replies';
import { clientAddress, limited, LIMITS, LOGIN_LOCKOUT, tooMany } from './rate-limit';
import { z } from 'zod';

const STATUS: Partial<Record<AccountError['code'], 401 | 403 | 409>> = {
  ENROLMENT_INVALID: 403,
  DEVICE_REVOKED: 403,
  DEVICE_CODE_TAKEN: 409,
  DEVICE_PROOF_REQUIRED: 403,
  DEVICE_PROOF_INVALID: 403,
  NAME_TAKEN: 409,
};

/** People (login, accounts) and tablets (enrolment, revocation): CO14, SY40–SY45. */
export function accountRoutes(storage: Storage, now: () => number): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/auth/login', async (c) => {
    const body = await parseJson(c, LoginRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const address = clientAddress(c);
    const sprayed = await limited(c, storage, [{ key: `login:addr:${address}`, limit: LIMITS.loginPerAddress }]);
    if (sprayed !== undefined) return sprayed;
    // Per name and address, never per name alone: failures elsewhere do not lock the owner out (SY61).
    const admission = await storage.admitLogin(body.value.name, address, LOGIN_LOCKOUT);
    if (!admission.admitted) return tooMany(c, admission.retryAfterSeconds);
    const session = await storage.login(body.value.name, body.value.password);
    if (session === undefined) return refuse(c, 401, 'BAD_CREDENTIALS');
    await storage.clearLoginFailures(body.value.name, address);
    return c.json({ type: 'session', ...session } as LoginReply);
  });

  // A tablet redeems the one-time code it scanned; the code is its only credential.
  app.post('/devices/enrol', async (c) => {
    const body = await parseJson(c, RedeemEnrolmentRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const refused = await limited(c, storage, [{ key: `enrol:addr:${clientAddress(c)}`, limit: LIMITS.enrolPerAddress }]);
    if (refused !== undefined) return refused;
    try {
      const enrolled: DeviceEnrolled = await storage.redeemEnrolment({ ...body.value, address: clientAddress(c), nowMs: now() });
      return c.json(enrolled, 201);
    } catch (e) {
      if (e instanceof AccountError) return refuse(c, STATUS[e.code] ?? 400, e.code);
      throw e;
    }
  });

  const guarded = new Hono<Env>();
  guarded.use('*', authenticated(storage));

  guarded.post('/users', async (c) => {
    const denied = allowed(c, { users: ['organizer'] });
    if (denied !== undefined) return denied;
    const body = await parseJson(c, CreateUserRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    try {
      const { userId } = await storage.createUser(body.value);
      return c.json({ type: 'user-created', userId, role: body.value.role }, 201);
    } catch (e) {
      if (e instanceof AccountError) return refuse(c, STATUS[e.code] ?? 400, e.code);
      throw e;
    }
  });

  guarded.post('/enrolments', async (c) => {
    const denied = allowed(c, { users: ['organizer'] });
    if (denied !== undefined) return denied;
    const body = await parseJson(c, CreateEnrolmentRequest, SMALL_BODY);
    if (!body.ok) return body.response;
    const p = c.get('principal');
    if (p.kind !== 'user') return refuse(c, 403, 'FORBIDDEN_ROLE');
    const { code, expiresAt } = await storage.createEnrolment(p.userId, body.value, now());
    return c.json({ type: 'enrolment', code, fairId: body.value.fairId, role: body.value.role, expiresAt } as EnrolmentCreated, 201);
  });

  guarded.get('/devices', async (c) => {
    const denied = allowed(c, { users: ['organizer'] });
    if (denied !== undefined) return denied;
    const query = parseQuery(c, DevicesQuery);
    if (!query.ok) return query.response;
    return c.json({ type: 'devices', devices: await storage.listDevices(query.value.fair) });
  });

  guarded.post('/devices/:deviceId/revoke', async (c) => {
    const denied = allowed(c, { users: ['organizer'] });
    if (denied !== undefined) return denied;
    const id = DeviceId.safeParse(c.req.param('deviceId'));
    if (!id.success) return refuse(c, 400, 'INVALID_PATH');
    const query = parseQuery(c, z.object({ fair: z.string().optional() }));
    if (!query.ok) return query.response;
    const revoked = await storage.revokeDevice(id.data, query.value.fair);
    if (revoked === 0) return refuse(c, 404, 'NOT_FOUND');
    return c.json({ type: 'device-revoked', deviceId: id.data, revoked });
  });

  app.route('/', guarded);
  return app;
}
