import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Hono } from 'hono';
import type { Fair } from '../../src/domain/fair';
import { PublicFairReply } from '../../src/domain/wire/public-fair';
import { PUBLIC_FAIR_LIMIT } from '../../src/server/http/public-fair-routes';
import { createHttpApp } from '../../src/server/server';
import type { Storage } from '../../src/server/storage/storage';
import { makeFair } from '../support/builders';
import { bothStorages } from './both-storages';
import { enrol, makeItem, newId } from './support';

/**
 * PI10 (src/domain/wire/public-intake.ts): `GET /api/public/fair-codes/<code>` answers a fair's
 * public form rules by its code, with no token; on PGlite and on PostgreSQL. Each request speaks
 * from its own client address (X-Forwarded-For with FAIRCASE_TRUST_PROXY=1) unless it tests the limit.
 */

const SEED = Number(process.env.PUBLIC_FAIR_SEED ?? 1807);
console.log(`public fair-code properties: seed ${SEED} (replay with PUBLIC_FAIR_SEED=${SEED})`);

/** The settings a phone's form reads (phoneFair); nothing else of the fair's settings may be answered. */
const PHONE_SETTINGS = ['acceptedIpTypes', 'booth', 'commitmentTemplate', 'country', 'requireEvaluationReport', 'rightJurisdictions', 'timeZone', 'uiLanguages'];

let address = 0;
const nextAddress = (): string => `198.51.${Math.floor(++address / 250)}.${address % 250}`;

/** A code of the fair-code alphabet nobody else in this run uses. */
let codes = 0;
const freshCode = (): string => `QF${'0123456789ABCDEFGH'[Math.floor(codes / 18) % 18] ?? '0'}${'0123456789ABCDEFGH'[codes++ % 18] ?? '0'}`;

async function pushFair(storage: Storage, fair: Fair): Promise<void> {
  const desk = await enrol(storage, fair.id);
  const pushed = await storage.push({ deviceId: desk.deviceId, fairId: fair.id }, [{ ...makeItem(desk, 1), kind: 'fair', entityId: fair.id, payload: fair }], Date.now());
  expect(pushed).toMatchObject({ kind: 'pushed' });
}

describe.each(bothStorages())('a fair by its code: $name', (db) => {
  const { storage } = db;
  let app: Hono;
  const trust = process.env.FAIRCASE_TRUST_PROXY;
  beforeAll(() => {
    app = createHttpApp({ distDir: 'dist', storage: storage() });
    process.env.FAIRCASE_TRUST_PROXY = '1';
  });
  afterAll(() => {
    if (trust === undefined) delete process.env.FAIRCASE_TRUST_PROXY;
    else process.env.FAIRCASE_TRUST_PROXY = trust;
  });
  const ask = (code: string, from = nextAddress()): Promise<Response> =>
    Promise.resolve(app.request(`/api/public/fair-codes/${code}`, { headers: { 'x-forwarded-for': from } }));

  test('[PI10] a known code answers the fair’s phone form fields only, whatever the case it is typed in', async () => {
    const code = freshCode();
    const fair = makeFair({ id: newId(), code, nameEn: 'Test Fair', settings: { acceptedIpTypes: ['invention', 'trademark', 'gi'], publicFormIdleSeconds: 600, authorities: [{ name: '市场监督管理局', kind: 'admin' }] } } as never);
    await pushFair(storage(), fair);
    const res = await ask(code.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const raw = (await res.json()) as { fair: Record<string, unknown> & { settings: Record<string, unknown> } };
    expect(Object.keys(raw.fair).sort()).toEqual(['code', 'days', 'id', 'nameEn', 'nameZh', 'sessionNo', 'settings']);
    expect(Object.keys(raw.fair.settings).sort()).toEqual(PHONE_SETTINGS);
    const reply = PublicFairReply.parse(raw);
    expect(reply.fair.id).toBe(fair.id);
    expect(reply.fair.settings.acceptedIpTypes).toEqual(['invention', 'trademark', 'gi']);
    expect(reply.fair.days).toEqual(fair.days);
  });

  test('[PI11] a fair signing its own wording answers that wording too; a fair on a built-in template answers none', async () => {
    const clauses = [{ zh: '本单位不展示侵权展品（含包装）；', en: 'We display no infringing goods.' }];
    const own = makeFair({ id: newId(), code: freshCode(), settings: { commitmentTemplate: 'custom', commitmentClauses: { version: 3, clauses } } } as never);
    const kept = makeFair({ id: newId(), code: freshCode(), settings: { commitmentTemplate: 'v2', commitmentClauses: { version: 2, clauses } } } as never);
    await pushFair(storage(), own);
    await pushFair(storage(), kept);
    const ownReply = PublicFairReply.parse(await (await ask(own.code)).json());
    expect([ownReply.fair.settings.commitmentTemplate, ownReply.fair.settings.commitmentClauses]).toEqual(['custom', { version: 3, clauses }]);
    const keptReply = PublicFairReply.parse(await (await ask(kept.code)).json());
    expect([keptReply.fair.settings.commitmentTemplate, keptReply.fair.settings.commitmentClauses]).toEqual(['v2', undefined]);
  });

  test('[PI10] a code two fairs carried answers the one whose last day is latest; an unknown or malformed code 404', async () => {
    const code = freshCode();
    const older = makeFair({ id: newId(), code, days: [{ date: '2025-04-15', opensAt: '09:00', closesAt: '18:00' }] } as never);
    const newer = makeFair({ id: newId(), code, days: [{ date: '2026-04-15', opensAt: '09:00', closesAt: '18:00' }] } as never);
    await pushFair(storage(), newer);
    await pushFair(storage(), older);
    const res = await ask(code);
    expect(res.status).toBe(200);
    expect(PublicFairReply.parse(await res.json()).fair.id).toBe(newer.id);
    const unknown = await ask(freshCode());
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('NOT_FOUND');
    expect((await ask('S')).status).toBe(404);
    expect((await ask(encodeURIComponent("' or 1=1 --"))).status).toBe(404);
  });

  test(`[PI10] per client address: ${PUBLIC_FAIR_LIMIT.max} asks (unknown codes count too), then 429 with Retry-After`, async () => {
    const from = nextAddress();
    for (let i = 0; i < PUBLIC_FAIR_LIMIT.max; i++) expect((await ask(freshCode(), from)).status).toBe(404);
    const over = await ask(freshCode(), from);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe(String(PUBLIC_FAIR_LIMIT.windowSeconds));
    expect((await ask(freshCode())).status).toBe(404);
  });

  test('[PI10] any path text answers 200 with a parsed fair or a JSON 404, and writes nothing but its count', async () => {
    const code = freshCode();
    const fair = makeFair({ id: newId(), code } as never);
    await pushFair(storage(), fair);
    const tables = async (): Promise<unknown> =>
      storage().sql.query(
        `select (select count(*) from items)::int as items, (select count(*) from public_drafts)::int as drafts, (select count(*) from devices)::int as devices,
                (select count(*) from tokens)::int as tokens, (select count(*) from users)::int as users, (select last from server_seq_counter)::int as seq`,
      );
    const before = await tables();
    // '.' and '..' are path steps, not codes: the URL itself drops them before any route.
    const text = fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
        fc.constantFrom(code, code.toLowerCase(), `${code} `, `％${code}`, '%2e%2e', 'A'.repeat(5000), '%00', "SZBF26'--"),
      )
      .filter((t) => t !== '.' && t !== '..');
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const res = await ask(encodeURIComponent(t));
        expect([200, 404]).toContain(res.status);
        expect(res.headers.get('content-type') ?? '').toMatch(/application\/json/);
        const body: unknown = await res.json();
        if (res.status === 200) expect(PublicFairReply.parse(body).fair.id).toBe(fair.id);
      }),
      { seed: SEED, numRuns: db.name === 'PGlite' ? 150 : 60 },
    );
    expect(await tables()).toEqual(before);
  });
});
