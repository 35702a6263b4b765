import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { PUBLIC_INTAKE_BODY_LIMIT, PUBLIC_INTAKE_LIMIT } from '../../src/server/http/public-intake-routes';
import { PhoneComplaint } from '../../src/domain/wire/phone-payload';
import { PublicDraftList, PublicDraftReceived } from '../../src/domain/wire/public-intake';
import { bothStorages, secondInstance, type DatabaseName } from './both-storages';
import { enrol, makeOrganizer, newId } from './support';
import { phoneComplaint } from './phone-complaint';

/**
 * The public online intake (PI1–PI5, src/domain/wire/public-intake.ts), on PGlite and
 * on two server instances sharing one PostgreSQL (the rate limit and the drafts hold across them).
 * Each test speaks from its own client address (X-Forwarded-For with FAIRCASE_TRUST_PROXY=1).
 */

/** The suite's title on each database: on PostgreSQL two instances, each with its own pool. */
const ON: Record<DatabaseName, string> = { PostgreSQL: 'two instances on one PostgreSQL', PGlite: 'PGlite' };

const complaint = (fairId: string, description = '蓝牙耳机，外观与注册商标相同'): Record<string, unknown> => phoneComplaint(fairId, [{ description, photos: [] }]);

let address = 0;
const nextAddress = (): string => `198.51.100.${++address}`;
const send = (app: Hono, fairId: string, body: unknown, from: string, raw?: string): Promise<Response> =>
  Promise.resolve(
    app.request(`/api/public/fairs/${fairId}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: raw ?? JSON.stringify(body),
    }),
  );
const list = async (app: Hono, fairId: string, token: string): Promise<PublicDraftList> => {
  const res = await app.request(`/api/intake/drafts?fair=${fairId}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return PublicDraftList.parse(await res.json());
};
const codeOf = async (res: Response): Promise<string> => ((await res.json()) as { code: string }).code;

describe.each(bothStorages().map((db) => ({ ...db, on: ON[db.name] })))('public intake: $on', (db) => {
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
  afterAll(() => {
    if (trust === undefined) delete process.env.FAIRCASE_TRUST_PROXY;
    else process.env.FAIRCASE_TRUST_PROXY = trust;
  });

  test('[PI1] a complaint becomes a draft the fair’s desk lists; no case, no event, nothing in the log', async () => {
    const desk = await enrol(storage(), newId());
    const before = await storage().sql.query<{ n: unknown }>('select count(*) as n from items');
    const body = complaint(desk.fairId);
    const res = await send(a, desk.fairId, body, nextAddress());
    expect(res.status).toBe(201);
    const received = PublicDraftReceived.parse(await res.json());
    expect(received.duplicate).toBe(false);
    const after = await storage().sql.query<{ n: unknown }>('select count(*) as n from items');
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
    // Read through the other instance: the draft is in the database, not in a process.
    const drafts = (await list(b, desk.fairId, desk.token)).drafts;
    expect(drafts.map((d) => d.draftId)).toEqual([received.draftId]);
    // What is kept is the parsed complaint (NFKC-normalised text), as the desk would parse it.
    expect(drafts[0]?.complaint).toEqual(PhoneComplaint.parse(body));
    // Filed by the desk: it leaves the list (for every desk of the fair); filing again is harmless.
    const filed = await b.request(`/api/intake/drafts/${received.draftId}/filed?fair=${desk.fairId}`, { method: 'POST', headers: { authorization: `Bearer ${desk.token}` } });
    expect(filed.status).toBe(200);
    const again = await a.request(`/api/intake/drafts/${received.draftId}/filed?fair=${desk.fairId}`, { method: 'POST', headers: { authorization: `Bearer ${desk.token}` } });
    expect(again.status).toBe(200);
    expect((await list(a, desk.fairId, desk.token)).drafts).toEqual([]);
  });

  test('[PI2] the same complaint sent twice (to two instances) is one draft; a changed one is another', async () => {
    const desk = await enrol(storage(), newId());
    const body = complaint(desk.fairId);
    const from = nextAddress();
    const [first, second] = await Promise.all([send(a, desk.fairId, body, from), send(b, desk.fairId, { ...body }, from)]);
    const replies = [PublicDraftReceived.parse(await first.json()), PublicDraftReceived.parse(await second.json())];
    expect(new Set(replies.map((r) => r.draftId)).size).toBe(1);
    expect(replies.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    // Key order does not matter (canonical JSON), a different description does.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(PublicDraftReceived.parse(await (await send(a, desk.fairId, reordered, from)).json()).duplicate).toBe(true);
    const changed = await send(a, desk.fairId, { ...body, accusedItems: [{ description: '另一件展品', photos: [] }] }, from);
    expect(changed.status).toBe(201);
    expect((await list(a, desk.fairId, desk.token)).drafts).toHaveLength(2);
  });

  test('[PI3] rate-limited per client address across instances: 429 with Retry-After; another address goes on', async () => {
    const desk = await enrol(storage(), newId());
    const from = nextAddress();
    for (let i = 0; i < PUBLIC_INTAKE_LIMIT.max; i++) {
      const res = await send(i % 2 === 0 ? a : b, desk.fairId, complaint(desk.fairId, `展品 ${i}`), from);
      expect(res.status).toBe(201);
    }
    const over = await send(b, desk.fairId, complaint(desk.fairId, 'one more'), from);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe(String(PUBLIC_INTAKE_LIMIT.windowSeconds));
    expect(await codeOf(over)).toBe('RATE_LIMITED');
    // Junk counts too, so a script cannot probe for free; a phone elsewhere is not affected.
    expect((await send(a, desk.fairId, undefined, from, '{')).status).toBe(429);
    expect((await send(a, desk.fairId, complaint(desk.fairId, 'elsewhere'), nextAddress())).status).toBe(201);
  });

  test('[PI1, PI4] a bad body is a 400 with a code and its issues; not JSON, another type, too large: refused; nothing stored', async () => {
    const desk = await enrol(storage(), newId());
    const from = nextAddress();
    const bad = await send(a, desk.fairId, { ...complaint(desk.fairId), complainant: { ...(complaint(desk.fairId).complainant as object), uscc: '91350100M000100Y44' } }, from);
    expect(bad.status).toBe(400);
    const reply = (await bad.json()) as { code: string; issues: { path: string; code: string }[] };
    expect(reply.code).toBe('INVALID_BODY');
    expect(reply.issues.map((i) => i.path)).toContain('complainant.uscc');
    const notJson = await send(a, desk.fairId, undefined, from, 'not json');
    expect([notJson.status, await codeOf(notJson)]).toEqual([400, 'INVALID_BODY']);
    const commitment = await send(a, desk.fairId, { ...complaint(desk.fairId), kind: 'commitment' }, from);
    expect(commitment.status).toBe(400);
    const otherType = await a.request(`/api/public/fairs/${desk.fairId}/complaints`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-forwarded-for': from }, body: '{}' });
    expect(otherType.status).toBe(415);
    const huge = await send(a, desk.fairId, undefined, from, JSON.stringify({ ...complaint(desk.fairId), pad: 'x'.repeat(PUBLIC_INTAKE_BODY_LIMIT) }));
    expect([huge.status, await codeOf(huge)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    // The body's fair must be the path's.
    const other = await enrol(storage(), newId());
    const crossed = await send(a, desk.fairId, complaint(other.fairId), from);
    expect([crossed.status, await codeOf(crossed)]).toEqual([400, 'FAIR_MISMATCH']);
    expect((await list(a, desk.fairId, desk.token)).drafts).toEqual([]);
  });

  test('[PI5] a fair the server does not know: 404, nothing stored; a desk of another fair sees none of its drafts', async () => {
    const unknown = newId();
    const res = await send(a, unknown, complaint(unknown), nextAddress());
    expect([res.status, await codeOf(res)]).toEqual([404, 'NOT_FOUND']);
    expect((await send(a, 'not-a-fair', complaint(unknown), nextAddress())).status).toBe(404);
    const rows = await storage().sql.query('select 1 from public_drafts where fair_id = $1', [unknown]);
    expect(rows).toEqual([]);
    const desk = await enrol(storage(), newId());
    const stranger = await enrol(storage(), newId());
    expect((await send(a, desk.fairId, complaint(desk.fairId), nextAddress())).status).toBe(201);
    const peek = await a.request(`/api/intake/drafts?fair=${desk.fairId}`, { headers: { authorization: `Bearer ${stranger.token}` } });
    expect([peek.status, await codeOf(peek)]).toEqual([403, 'FAIR_MISMATCH']);
    const anonymous = await a.request(`/api/intake/drafts?fair=${desk.fairId}`);
    expect(anonymous.status).toBe(401);
    // The organizer sees every fair's drafts.
    const organizer = await makeOrganizer(storage());
    expect((await list(a, desk.fairId, organizer.token)).drafts).toHaveLength(1);
  });
});
