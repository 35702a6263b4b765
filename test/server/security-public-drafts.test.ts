import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { checkChain } from '../../src/server/storage/event-chain';
import { PhoneComplaint } from '../../src/domain/wire/phone-payload';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import { bothStorages, type DatabaseName } from './both-storages';
import { enrol, makeItem, newId, type TestDevice } from './support';
import { phoneComplaint } from './phone-complaint';

/**
 * The public phone entry (PI1) (`POST /api/public/fairs/:fairId/complaints`, no
 * token) can only create drafts. Whatever body is sent there — a valid complaint, one dressed up
 * as an accepted case, a push request, a sync item, a commitment, any JSON — the event log, the
 * rejected and conflicting items, the device acknowledgements and the server sequence stay
 * exactly as they were (so no case, accepted or not, and no sync item of any kind appears), and
 * an accepted body becomes exactly one row in `public_drafts`, unfiled, holding only the
 * complaint's own fields. A desk files it later through its own store write (PI1).
 */
/** Bodies tried on each database (fewer on PostgreSQL, the slower of the two here). */
const RUNS: Record<DatabaseName, number> = { PGlite: 300, PostgreSQL: 120 };

const COMPLAINT_KEYS = Object.keys(PhoneComplaint.shape);

const complaint = (fairId: string): Record<string, unknown> => phoneComplaint(fairId);

/** Keys a forger might add to make a draft look like more: a case's state, an outcome, a device, a sequence… */
const forgedKeys = fc.record(
  {
    state: fc.constantFrom('accepted', 'ACCEPTED', 'decided', 'closed'),
    status: fc.constantFrom('accepted', 'filed', 'applied'),
    caseNo: fc.constant('CF137-K07-0001-X'),
    outcome: fc.constantFrom('withdrawn', 'removed', 'upheld'),
    accepted: fc.constant(true),
    deviceId: fc.constant(newId()),
    seq: fc.nat(),
    hlc: fc.constant('000001718000000000:0000:N1'),
    entityId: fc.constant(newId()),
    payload: fc.jsonValue({ maxDepth: 3 }),
    type: fc.constantFrom('push', 'case_event', 'accept'),
    items: fc.constant([{ kind: 'case_event' }]),
    channel: fc.constantFrom('desk', 'phone', 'phone_qr'),
  },
  { requiredKeys: [] },
);

describe.each(bothStorages())('the public phone entry creates drafts only: $name', (backend) => {
  const { storage } = backend;
  let app: Hono;
  let desk: TestDevice;
  let address = 0;
  const trust = process.env.FAIRCASE_TRUST_PROXY;

  type Counts = Record<'items' | 'rejected' | 'conflicts' | 'acks' | 'seq' | 'drafts' | 'filed' | 'devices' | 'users' | 'tokens', number>;
  const counts = async (): Promise<Counts> => {
    const [row] = await storage().sql.query<Record<string, unknown>>(
      `select (select count(*) from items)::int as items, (select count(*) from rejected_items)::int as rejected,
              (select count(*) from conflicts)::int as conflicts, (select coalesce(sum(acked_seq), 0) from device_acks)::int as acks,
              (select last from server_seq_counter)::int as seq, (select count(*) from public_drafts)::int as drafts,
              (select count(*) from public_drafts where filed_at is not null)::int as filed,
              (select count(*) from devices)::int as devices, (select count(*) from users)::int as users, (select count(*) from tokens)::int as tokens`,
    );
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)])) as Counts;
  };

  const send = (fairId: string, body: unknown, contentType = 'application/json'): Promise<Response> =>
    Promise.resolve(
      app.request(`/api/public/fairs/${fairId}/complaints`, {
        method: 'POST',
        // A new client address each time (the right-most entry, SY60): the rate limit is another test's matter.
        headers: { 'content-type': contentType, 'x-forwarded-for': `10.${Math.floor(++address / 250)}.0.1, 203.0.${Math.floor(address / 250)}.${address % 250}` },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );

  beforeAll(async () => {
    process.env.FAIRCASE_TRUST_PROXY = '1';
    app = createHttpApp({ distDir: 'dist', storage: storage() });
    desk = await enrol(storage(), newId());
    // The fair's log holds something already: the phone must not be able to add to it.
    const pushed = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
      body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: desk.deviceId, fairId: desk.fairId, items: [makeItem(desk, 1)] }),
    });
    expect(pushed.status).toBe(200);
  });
  afterAll(async () => {
    if (trust === undefined) delete process.env.FAIRCASE_TRUST_PROXY;
    else process.env.FAIRCASE_TRUST_PROXY = trust;
  });

  test('[PI1] no body sent to the public entry changes the event log; an accepted one is exactly one unfiled draft of the complaint’s own fields', async () => {
    const before = await counts();
    const body = fc.oneof(
      // A genuine complaint, with forged extras mixed in (most often: the accepting path is the one to probe).
      {
        weight: 5,
        arbitrary: fc.tuple(forgedKeys, fc.boolean()).map(([extra, onTop]) => (onTop ? { ...complaint(desk.fairId), ...extra } : { ...extra, ...complaint(desk.fairId) })),
      },
      // A push request carrying case events, as a tablet would send it.
      fc.constantFrom('case_event', 'consultation', 'fair').map((kind) => ({
        type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: desk.deviceId, fairId: desk.fairId,
        items: [makeItem(desk, 2, { kind: kind as 'consultation' })],
      })),
      // A bare sync item, and the phone's other payload (a commitment) on the complaint route.
      fc.constant(null).map(() => makeItem(desk, 2)),
      fc.constant({ ...complaint(desk.fairId), kind: 'commitment' }),
      // Any JSON at all.
      fc.jsonValue({ maxDepth: 5 }),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('own fair', 'own fair', 'unknown fair', 'text/plain'), async (value, how) => {
        const draftsBefore = (await counts()).drafts;
        const res = how === 'own fair' ? await send(desk.fairId, value) : how === 'unknown fair' ? await send(newId(), value) : await send(desk.fairId, value, 'text/plain');
        expect([200, 201, 400, 404, 413, 415]).toContain(res.status);
        const reply = (await res.json()) as { type: string; draftId?: string; duplicate?: boolean; code?: string };
        const now = await counts();
        expect({ ...now, drafts: 0 }).toEqual({ ...before, drafts: 0 });
        if (res.status === 200 || res.status === 201) {
          expect(how).toBe('own fair');
          expect(reply.type).toBe('public-draft');
          expect(now.drafts).toBe(draftsBefore + (reply.duplicate === true ? 0 : 1));
          accepted++;
          const [row] = await storage().sql.query<{ payload: Record<string, unknown>; filed_at: unknown; fair_id: string }>(
            'select payload, filed_at, fair_id from public_drafts where id = $1',
            [reply.draftId ?? ''],
          );
          expect(row?.filed_at).toBeNull();
          expect(row?.fair_id).toBe(desk.fairId);
          expect(Object.keys(row?.payload ?? {}).every((k) => COMPLAINT_KEYS.includes(k)), JSON.stringify(Object.keys(row?.payload ?? {}))).toBe(true);
          expect(row?.payload.kind).toBe('complaint');
        } else {
          expect(now.drafts).toBe(draftsBefore);
          expect(typeof reply.code).toBe('string');
        }
      }),
      { numRuns: RUNS[backend.name] },
    );
    // Some bodies were genuine complaints: the property saw the accepting path, not only refusals.
    expect(accepted).toBeGreaterThan(RUNS[backend.name] / 10);
    // What a desk pulls is what the tablet pushed: one item, no draft among the events.
    const page = await storage().pull(desk.fairId, 0, 1000);
    expect(page.items.map((p) => p.item.deviceId)).toEqual([desk.deviceId]);
    expect((await checkChain(storage().sql)).broken).toEqual([]);
  });
});
