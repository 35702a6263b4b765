import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { LoginRequest, CreateUserRequest, CreateEnrolmentRequest, RedeemEnrolmentRequest } from '../../src/domain/wire/accounts';
import { PushRequest } from '../../src/domain/wire/protocol';
import { PUSH_BODY_LIMIT } from '../../src/server/http/sync-routes';
import { PUBLIC_INTAKE_BODY_LIMIT } from '../../src/server/http/public-intake-routes';
import { PhoneComplaint } from '../../src/domain/wire/phone-payload';
import { SMALL_BODY } from '../../src/server/http/body';
import { makeItem, newId } from '../server/support';
import { phoneComplaint } from '../server/phone-complaint';
import { badUtf8, deepBody, deepJson, hostileJson, mutated, wrongContentType } from './arbitraries';
import { auth, expectRefused, openHarness, pushEnvelope, stateGuard, type Harness } from './http-harness';

/**
 * Hostile input, HTTP bodies: every JSON route gets 1,000 generated bodies — random JSON,
 * its own valid body with one field made wrong, nesting up to 10,000 levels, wrong content
 * types, bytes that are not UTF-8, bodies over the route's limit. Whatever the schema refuses
 * must be refused with a coded 4xx and leave every table as it was; nothing is ever a 5xx.
 */
let h: Harness;
beforeAll(async () => {
  // Each request from its own address (X-Forwarded-For), so the public routes' rate limits do not
  // turn every later case into a 429 and the bodies are really read.
  process.env.FAIRCASE_TRUST_PROXY = '1';
  h = await openHarness();
}, 120_000);
let address = 0;
const nextAddress = (): string => `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}`;
afterAll(async () => {
  await h.close();
});

interface JsonRoute {
  readonly name: string;
  readonly path: () => string;
  readonly token: () => string | undefined;
  readonly valid: () => unknown;
  readonly schema: z.ZodType;
  readonly limit: number;
  /** Tables a refused request may still write (the public routes count every attempt). */
  readonly except?: readonly string[];
}

const ROUTES: readonly JsonRoute[] = [
  {
    name: 'POST /api/sync/push', path: () => '/api/sync/push', token: () => h.desk.token, schema: PushRequest, limit: PUSH_BODY_LIMIT,
    valid: () => pushEnvelope(h.desk, [makeItem(h.desk, 90)]),
  },
  {
    name: 'POST /api/auth/login', path: () => '/api/auth/login', token: () => undefined, schema: LoginRequest, limit: SMALL_BODY, except: ['rate_limits'],
    valid: () => ({ name: 'hostile-expert', password: 'not the password' }),
  },
  {
    name: 'POST /api/devices/enrol', path: () => '/api/devices/enrol', token: () => undefined, schema: RedeemEnrolmentRequest, limit: SMALL_BODY, except: ['rate_limits'],
    valid: () => ({ code: `FCE1:${'0'.repeat(26)}`, deviceId: newId(), deviceName: 'Desk 9', deviceCode: 'K09' }),
  },
  {
    name: 'POST /api/public/fairs/:fairId/complaints', path: () => `/api/public/fairs/${h.desk.fairId}/complaints`, token: () => undefined, schema: PhoneComplaint,
    limit: PUBLIC_INTAKE_BODY_LIMIT, except: ['rate_limits'], valid: () => phoneComplaint(h.desk.fairId),
  },
  {
    name: 'POST /api/users', path: () => '/api/users', token: () => h.organizer, schema: CreateUserRequest, limit: SMALL_BODY,
    valid: () => ({ name: 'hostile-new-user', password: 'long enough password', role: 'expert' }),
  },
  {
    name: 'POST /api/enrolments', path: () => '/api/enrolments', token: () => h.organizer, schema: CreateEnrolmentRequest, limit: SMALL_BODY,
    valid: () => ({ fairId: h.desk.fairId, role: 'desk', ttlMinutes: 60 }),
  },
];

interface Sent {
  readonly kind: string;
  readonly contentType: string | undefined;
  readonly body: string | Uint8Array;
  /** The JSON value when the body is JSON the route reads (then the schema decides). */
  readonly value?: unknown;
}

const asJson = (kind: string, value: unknown): Sent => ({ kind, contentType: 'application/json', body: JSON.stringify(value) ?? 'null', value: JSON.parse(JSON.stringify(value) ?? 'null') as unknown });

function requests(route: JsonRoute): fc.Arbitrary<Sent> {
  const valid = route.valid();
  const small = route.limit <= SMALL_BODY;
  return fc.oneof(
    { weight: 3, arbitrary: hostileJson.map((v) => asJson('random JSON', v)) },
    { weight: 4, arbitrary: mutated(valid).map((v) => asJson('one field wrong', v)) },
    { weight: 1, arbitrary: deepBody(valid).map((body): Sent => ({ kind: 'deep nesting', contentType: 'application/json', body })) },
    { weight: 1, arbitrary: fc.tuple(wrongContentType, fc.oneof(fc.constant(JSON.stringify(valid)), hostileJson.map((v) => JSON.stringify(v) ?? ''))).map(([contentType, body]): Sent => ({ kind: 'wrong content type', contentType, body })) },
    { weight: 1, arbitrary: badUtf8.map((body): Sent => ({ kind: 'bad UTF-8', contentType: 'application/json; charset=utf-8', body })) },
    // Over the limit: a JSON string one to 4,096 bytes too long (a push at 16 MB is tried apart, below).
    { weight: small ? 1 : 0, arbitrary: fc.integer({ min: 1, max: 4096 }).map((extra): Sent => ({ kind: 'oversized', contentType: 'application/json', body: JSON.stringify('x'.repeat(route.limit + extra)) })) },
  );
}

const send = async (route: JsonRoute, sent: Sent): Promise<Response> =>
  h.app.request(route.path(), {
    method: 'POST',
    headers: { ...(sent.contentType === undefined ? {} : { 'content-type': sent.contentType }), ...auth(route.token()), 'x-forwarded-for': nextAddress() },
    body: typeof sent.body === 'string' ? sent.body : new Blob([sent.body as Uint8Array<ArrayBuffer>]),
  });

describe('every HTTP body: a coded 4xx for anything the schema refuses, never a 5xx, nothing written', () => {
  for (const route of ROUTES) {
    test(`${route.name}: 1,000 hostile bodies`, async () => {
      const guard = await stateGuard(h.storage, route.except);
      await fc.assert(
        fc.asyncProperty(requests(route), async (sent) => {
          const res = await send(route, sent);
          const label = `${route.name} ${sent.kind}`;
          const takes = sent.value !== undefined && route.schema.safeParse(sent.value).success;
          if (takes) {
            expect(res.status, `${label}: ${(await res.clone().text()).slice(0, 300)}`).toBeLessThan(500);
            if (res.status >= 400) await expectRefused(res, label);
          } else {
            await expectRefused(res, label, sent.kind === 'oversized' ? [413] : undefined);
          }
          await guard.after(label, !takes);
        }),
        { numRuns: 1000 },
      );
    }, 240_000);
  }

  test('10,000 levels of nesting, as the body and inside a field, on every route', async () => {
    for (const route of ROUTES) {
      const guard = await stateGuard(h.storage, route.except);
      for (const kind of ['array', 'object'] as const) {
        const deep = deepJson(10_000, kind);
        const valid = route.valid() as Record<string, unknown>;
        for (const body of [deep, ...Object.keys(valid).map((k) => JSON.stringify({ ...valid, [k]: '__DEEP__' }).replace('"__DEEP__"', deep))]) {
          const code = await expectRefused(await send(route, { kind: 'deep', contentType: 'application/json', body }), `${route.name} deep ${kind}`);
          expect(code).toMatch(/INVALID_BODY|RATE_LIMITED|DEVICE_MISMATCH|PAYLOAD_TOO_LARGE/);
          await guard.after(`${route.name} deep`, true);
        }
      }
    }
  }, 120_000);

  test('a push over 16 MB is refused with 413 before it is read whole (declared or streamed)', async () => {
    const guard = await stateGuard(h.storage);
    const big = `{"type":"push","items":[${'0,'.repeat(PUSH_BODY_LIMIT / 2)}0]}`;
    const route = ROUTES[0] as JsonRoute;
    expect(await expectRefused(await send(route, { kind: 'big', contentType: 'application/json', body: big }), 'push 16 MB', [413])).toBe('PAYLOAD_TOO_LARGE');
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sentChunks = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sentChunks++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await h.app.request('/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', ...auth(h.desk.token) }, body: stream, duplex: 'half' } as RequestInit);
    expect(await expectRefused(res, 'push streamed 40 MB', [413])).toBe('PAYLOAD_TOO_LARGE');
    // Cut off soon after the limit: the server stopped reading.
    expect(sentChunks).toBeLessThan(30);
    await guard.after('push big', true);
  }, 120_000);
});
