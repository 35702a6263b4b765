import { afterAll, beforeAll, expect, test } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandType } from '../../src/domain/case/commands';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Fair } from '../../src/domain/fair';
import { postShowSummary } from '../../src/domain/report/post-show-summary';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { coreCounts } from '../../src/server/reports/summary-sql';
import { serverSummary } from '../../src/server/reports/summary-service';
import { makeFair } from '../support/builders';
import { runCase, session, uscc } from '../domain/report/session-builder';
import type { StepSpec } from '../domain/report/session-builder';

/**
 * Issue 9 §1: the server's SQL figures equal the domain's `postShowSummary` on the same data.
 * Seeded random sessions (fast-check): cases driven through the real `decide` + `evolve` along
 * every kind of path (rejected, withdrawn, accepted and left open, established with measures,
 * transferred, pending at close), several respondents per complaint, shared respondents, synced
 * as `case_event` items into PGlite; then R3, R4, R5, R8 in SQL and the whole server summary
 * (folded from the items) against the domain function over the tablet's view.
 */
let storage: Storage;
beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
}, 120_000);
afterAll(async () => {
  await storage.close();
});

type Steps = readonly (CommandType | readonly [CommandType, StepSpec])[];
const PATHS: readonly Steps[] = [
  [],
  ['RequestSupplement'],
  [['Reject', { payload: { reason: 'NR_OTHER', text: '非本展会展品' } }]],
  ['Withdraw'],
  ['Accept'],
  ['Accept', 'NotifyRespondent'],
  ['Accept', 'Transfer'],
  ['Accept', 'CloseFair'],
  ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', 'CloseFair'],
  ['Accept', 'NotifyRespondent', 'RecordAdmission', 'IssueOpinion', ['OrderMeasures', { payload: { measures: [{ code: 'COVER' }] } }], ['VerifyMeasure', { payload: { measureIndex: 0 } }], 'CloseFair'],
];
const KEYS = [1, 2, 3, 4, 5, 6].map((n) => `CN:${uscc(`91440101MA59ABC${n}X`)}`);

const CaseArb = fc.record({ complaint: fc.integer({ min: 1, max: 8 }), respondent: fc.integer({ min: 0, max: KEYS.length - 1 }), path: fc.integer({ min: 0, max: PATHS.length - 1 }), day: fc.integer({ min: 0, max: 1 }) });

let fairNo = 0;
/** Item ids and the device's sequence are unique across the whole database. */
let seq = 0;
async function sync(fair: Fair, events: readonly CaseEvent[]): Promise<void> {
  const db = storage.sql;
  const insert = async (kind: string, entityId: string, payload: unknown, at: string, hlc: string): Promise<void> => {
    seq++;
    const json = JSON.stringify(payload);
    await db.query(
      `insert into items (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11)`,
      [`01I${String(seq).padStart(23, '0')}`, seq, fair.id, '01D00000000000000000000001', seq, hlc, at, kind, entityId, json, createHash('sha256').update(json).digest('hex')],
    );
  };
  await insert('fair', fair.id, fair, '2025-04-14T00:00:00.000Z', '0');
  for (const e of events) await insert('case_event', e.caseId, e, e.at, e.hlc);
}

const seen = { accepted: 0, established: 0, notAccepted: 0 };

test('[R3][R4][R5][R8] SQL core counts and the server summary equal postShowSummary on seeded random sessions', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(CaseArb, { minLength: 0, maxLength: 14 }), async (specs) => {
      fairNo++;
      const fair = makeFair({ id: `01F${String(fairNo).padStart(23, '0')}`, code: `CF${100 + fairNo}` } as never);
      const runs = specs.map((s, i) =>
        runCase(fair, {
          n: fairNo * 100 + i + 1,
          complaint: fairNo * 100 + s.complaint,
          respondent: { key: KEYS[s.respondent] ?? '', hall: s.respondent % 2 === 0 ? '1.1' : '2.2', stand: `A${s.respondent}` },
          start: `2025-04-${15 + s.day} 10:00`,
          steps: PATHS[s.path] ?? [],
        }),
      );
      const data = session(fair, runs);
      const expected = postShowSummary(data);
      await sync(fair, data.events);
      const sql = await coreCounts(storage.sql, fair.id);
      for (const [k, v] of Object.entries(sql)) expect([k, v]).toEqual([k, expected.figures[k as keyof typeof expected.figures]]);
      const server = await serverSummary(storage.sql, fair.id);
      expect(server?.mismatch).toEqual([]);
      expect(server?.summary.figures).toEqual(expected.figures);
      expect(server?.summary.repeatInfringers).toEqual(expected.repeatInfringers);
      seen.accepted += expected.figures['R4.accepted'] ?? 0;
      seen.established += expected.figures['R9.enterprises'] ?? 0;
      seen.notAccepted += expected.figures['R6.total'] ?? 0;
    }),
    { numRuns: 25, seed: 9 },
  );
  // The generator reaches every kind of case, so the equalities above mean something.
  expect(seen.accepted).toBeGreaterThan(0);
  expect(seen.established).toBeGreaterThan(0);
  expect(seen.notAccepted).toBeGreaterThan(0);
}, 120_000);

test('[R4] a fair with no cases: zero counts and no rate', async () => {
  const fair = makeFair({ id: '01F99999999999999999999999', code: 'CF999' } as never);
  await sync(fair, []);
  expect(await coreCounts(storage.sql, fair.id)).toEqual({ 'R3.received': 0, 'R4.accepted': 0, 'R5.rate': null, 'R8.enterprises': 0 });
});

test('[R4] GET /api/reports/summary: the organizer gets the figures of every device; an expert is refused; no token, 401', async () => {
  const app = createHttpApp({ distDir: mkdtempSync(join(tmpdir(), 'faircase-dist-')), storage });
  const fair = makeFair({ id: '01F88888888888888888888888', code: 'CF888' } as never);
  const run = runCase(fair, { n: 9001, complaint: 9001, respondent: { key: KEYS[0] ?? '', hall: '1.1', stand: 'A1' }, start: '2025-04-15 10:00', steps: ['Accept'] });
  await sync(fair, run.events);
  await storage.createUser({ name: 'summary-organizer', password: 'organizer password', role: 'organizer' });
  await storage.createUser({ name: 'summary-expert', password: 'expert password', role: 'expert' });
  const organizer = await storage.login('summary-organizer', 'organizer password');
  const expert = await storage.login('summary-expert', 'expert password');
  const get = (token?: string): Promise<Response> =>
    Promise.resolve(app.request(`/api/reports/summary?fair=${fair.id}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }));
  expect((await get()).status).toBe(401);
  expect((await get(expert?.token)).status).toBe(403);
  const ok = await get(organizer?.token);
  expect(ok.status).toBe(200);
  const body = (await ok.json()) as { summary: { figures: Record<string, number | null> }; sql: Record<string, number | null>; mismatch: string[] };
  expect(body.summary.figures['R4.accepted']).toBe(1);
  expect(body.sql['R4.accepted']).toBe(1);
  expect(body.mismatch).toEqual([]);
  expect((await Promise.resolve(app.request('/api/reports/summary?fair=01F77777777777777777777777', { headers: { authorization: `Bearer ${organizer?.token ?? ''}` } }))).status).toBe(404);
});
